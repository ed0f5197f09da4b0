/** What a run must record for its expectations and plot (so recording stays cheap): each kind says what it needs. */
import { kindModule } from './expectations/index';
import type { ProbeRequest } from './recording';
import type { Scenario } from './types';

export interface Needs {
  food: boolean;
  muscles: boolean;
  /** The nose's temperature and the time it has spent on food. */
  senses: boolean;
  /** The lowest and highest membrane potential of any neuron. */
  membrane: boolean;
  zones: string[];
  /** Neuron references (ids or classes) whose output is recorded. */
  neurons: string[];
  probes: ProbeRequest[];
}

export function needsOf(scenario: Scenario): Needs {
  const zones = new Set<string>();
  const neurons = new Set<string>(scenario.plot?.neurons ?? []);
  const probes = new Map<string, ProbeRequest>();
  let food = false;
  let muscles = false;
  let senses = false;
  let membrane = false;
  const collect = {
    food: () => void (food = true),
    muscles: () => void (muscles = true),
    senses: () => void (senses = true),
    membrane: () => void (membrane = true),
    zone: (id: string) => void zones.add(id),
    neuron: (ref: string) => void neurons.add(ref),
    probe: (p: ProbeRequest) => void probes.set(`${p.name}@${p.endMs}/${p.windowMs}`, p),
  };
  for (const e of scenario.expect) kindModule(e).needs(e, scenario, collect);
  return {
    food,
    muscles,
    senses,
    membrane,
    zones: [...zones],
    neurons: [...neurons],
    probes: [...probes.values()].sort((p, q) => p.endMs - q.endMs || p.name.localeCompare(q.name)),
  };
}
