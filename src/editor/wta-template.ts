/**
 * Seed 004's winner-takes-all as an editor template: two odour channels
 * (AWAL, AWAR: the left and right sides of the nose) each drive a choice
 * neuron (CHL, CHR) that excites itself and inhibits the other, so with
 * equal odour on both sides one choice wins and silences the other instead
 * of both half-on (lateral inhibition; Amari & Arbib 1977, Yuille & Grzywacz
 * 1989 for the motif). The choice neurons end at the head's steering cells
 * (SMBD, SMBV) so the motif can be pasted into a chemotaxis circuit in their
 * place. Weights for graded neurons with gL = C/τ = 0.01 nS: the odour's 0.2 pA
 * moves a choice cell 20 mV; self-excitation 0.1 pA and cross-inhibition 0.3 pA
 * make the two-cell system bistable (the symmetric state is unstable).
 */
import { CIRCUIT_FORMAT, type CircuitDoc } from '../circuits/types';
import { CURRENT_VERSION } from '../circuits/versions';
import type { NeuronEntry } from '../circuits/types';
import type { NeuronRole } from '../neural/types';

const cell = (id: string, role: NeuronRole, label: string, x: number, y: number): NeuronEntry => ({
  id,
  model: 'graded',
  role,
  transmitter: 'acetylcholine',
  label,
  params: { capacitance: 1, tauMs: 100, restMv: -55, vHalfMv: -45, slopeMv: 3, gKNs: 0 },
  init: { v: -55 },
  position: { x, y },
});

/** The lateral-inhibition weights (the template's and its test's). */
export const WTA_WEIGHTS = { drive: 0.2, self: 0.1, cross: 0.3, steer: 1 } as const;

export function winnerTakesAllDoc(): CircuitDoc {
  const w = WTA_WEIGHTS;
  return {
    format: CIRCUIT_FORMAT,
    version: CURRENT_VERSION,
    name: 'Winner takes all (lateral inhibition)',
    description:
      'Two odour channels that inhibit each other (seed 004): with equal odour on both sides of the nose one choice neuron wins and silences the other, so the worm commits to one of two sources. Delete CHL → CHR and CHR → CHL to see both stay half-on. The motif alone has no body to steer: on a whole worm see the built-in “Worm that chooses” (the same motif between diacetyl and isoamyl alcohol; run test/scenarios/odour-choice.scenario.yaml).',
    neurons: [
      cell('AWAL', 'sensory', 'odour, left side of the nose', 0, 0),
      cell('AWAR', 'sensory', 'odour, right side of the nose', 200, 0),
      cell('CHL', 'inter', 'choice: left source', 0, 120),
      cell('CHR', 'inter', 'choice: right source', 200, 120),
      cell('SMBD', 'inter', 'head steering, one side', 0, 240),
      cell('SMBV', 'inter', 'head steering, other side', 200, 240),
    ],
    synapses: [
      { from: 'AWAL', to: 'CHL', kind: 'chemical', weight: w.drive },
      { from: 'AWAR', to: 'CHR', kind: 'chemical', weight: w.drive },
      { from: 'CHL', to: 'CHL', kind: 'chemical', weight: w.self },
      { from: 'CHR', to: 'CHR', kind: 'chemical', weight: w.self },
      { from: 'CHL', to: 'CHR', kind: 'chemical', weight: w.cross, sign: 'inhibitory' },
      { from: 'CHR', to: 'CHL', kind: 'chemical', weight: w.cross, sign: 'inhibitory' },
      { from: 'CHL', to: 'SMBD', kind: 'chemical', weight: w.steer },
      { from: 'CHR', to: 'SMBV', kind: 'chemical', weight: w.steer },
    ],
    sensors: [
      { neuron: 'AWAL', sensor: 'chemical', side: 'left', response: 'level', gain: 600 },
      { neuron: 'AWAR', sensor: 'chemical', side: 'right', response: 'level', gain: 600 },
    ],
  };
}
