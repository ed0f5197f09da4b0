/**
 * Lint: gap junctions that the engine cannot integrate at the simulation's
 * 1 ms neural step. Gap currents are computed once per step and held over
 * it; between graded neurons the engine relaxes stiff junctions exactly, and
 * transmitter neurons are refused above their limit at load (stability.ts),
 * but between spiking models (Hodgkin–Huxley, LIF, Izhikevich) a stiff
 * junction overshoots, step after step, into NaN — six Hodgkin–Huxley
 * neurons joined all-to-all diverge from 2 nS. Whether a group diverges
 * depends on its models' own conductances as they open and close, so the
 * check is a test run: each group of such neurons joined by gap junctions,
 * alone, from its resting state with neighbours pushed ±20 mV apart (the mode
 * that grows fastest), for 200 steps of 1 ms.
 */
import { Network } from '../neural/network';
import type { NetworkSpec, NeuronSpec } from '../neural/types';
import type { Circuit, CircuitWarning } from './types';

/** The simulation's neural step, ms. */
const DT_MS = 1;
const STEPS = 200;
/** Groups larger than this are not test-run (the run would cost the editor seconds). */
export const MAX_GROUP = 64;

const SPIKING = new Set(['hodgkin-huxley', 'lif', 'izhikevich']);

export function gapDivergence(circuit: Circuit): CircuitWarning[] {
  const { neurons } = circuit.network;
  const index = new Map(neurons.map((n, i) => [n.id, i]));
  const gaps = (circuit.network.synapses ?? []).filter((s) => s.kind === 'electrical' && s.weight > 0 && s.from !== s.to);
  // Union-find over the gap-junction graph.
  const parent = neurons.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const s of gaps) parent[root(index.get(s.from) as number)] = root(index.get(s.to) as number);
  const groups = new Map<number, number[]>();
  for (const s of gaps)
    for (const i of [index.get(s.from) as number, index.get(s.to) as number]) {
      const g = groups.get(root(i)) ?? [];
      if (!g.includes(i)) g.push(i);
      groups.set(root(i), g);
    }
  const warnings: CircuitWarning[] = [];
  for (const members of groups.values()) {
    if (members.length > MAX_GROUP || !members.some((i) => SPIKING.has(neurons[i].model))) continue;
    members.sort((a, b) => a - b);
    const ids = new Set(members.map((i) => neurons[i].id));
    const at = diverges({
      neurons: members.map((i, k): NeuronSpec => {
        const n = neurons[i];
        const v = typeof n.init.v === 'number' ? n.init.v : undefined;
        return v === undefined ? n : { ...n, init: { ...n.init, v: v + (k % 2 ? 20 : -20) } };
      }),
      synapses: gaps.filter((s) => ids.has(s.from) && ids.has(s.to)),
    });
    if (at === undefined) continue;
    const names = members.map((i) => neurons[i].id);
    const shown = names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`;
    warnings.push({
      path: `neurons[${members[0]}]`,
      message:
        `the gap junctions joining ${shown} are too stiff for their models at the simulation's 1 ms step: in a test run their potentials diverged to NaN within ${at} ms, ` +
        'and a simulation of this circuit would stop there: lower the conductances (docs/circuit-format.md), or trace and clamp with a smaller --dt',
    });
  }
  return warnings;
}

/** The step (1-based) at which some potential leaves any physical range, or undefined if none does in STEPS. */
function diverges(spec: NetworkSpec): number | undefined {
  let net: Network;
  try {
    net = Network.fromSpec(spec);
  } catch {
    return undefined; // the loader has already accepted the circuit; a group that cannot stand alone is not lint's to judge
  }
  for (let s = 1; s <= STEPS; s++) {
    net.step(DT_MS);
    for (let i = 0; i < net.size; i++) if (!(Math.abs(net.v[i]) < 1e4)) return s;
  }
  return undefined;
}
