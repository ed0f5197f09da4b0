import type { CircuitDoc } from '../../src/circuits/types';

/**
 * Starting values for what the editor creates, chosen so a freshly built
 * reflex visibly works with the default graded neurons (a gentle head touch
 * through a gain-1 sensor moves a graded neuron only ~3 mV; gain 10 and a
 * weight-5 synapse drive the motor neuron near full output). Every value is
 * editable in the inspector afterwards.
 */
export const NEW_SYNAPSE_WEIGHT = 5;
/**
 * A new chemical synapse in a circuit whose chemical synapses are all conductances (the default worm) is one too,
 * of this many nS, toward the reversal of its sign (0 mV, or chloride's −75). A current of NEW_SYNAPSE_WEIGHT pA there
 * lifted the worm's AVA (62 pF, sized for its junctions) only to −51 mV from ALM/AVM, under its −48 mV release
 * midpoint: the "Rewire the reflex" repair answered no head touch. As conductances the repair answers 3 of 3 probes
 * on seeds 1 and 2 from 0.25 to 0.5 nS, some at 0.15 and 0.7, none at 0.1 or from 1 nS (AVA above −20 mV: the worm
 * does not back); 0.35 sits in the middle. `npx tsx test/behaviour/rewire-repair.ts conductance 0.1,0.15,0.25,0.35,0.5,0.7,1`;
 * docs/biology.md, "Switching the default worm to conductances".
 */
export const NEW_CONDUCTANCE_WEIGHT = 0.35;
export const NEW_GAP_WEIGHT = 1;
export const NEW_TOUCH_GAIN = 10;
export const NEW_MUSCLE_GAIN = 1;

/** What the editor's new chemical synapse in `doc` is: conductance-based where all its chemical synapses are, else current-based. */
export function newChemicalSynapse(doc: CircuitDoc): { weight: number; model?: 'conductance' } {
  const chemical = (doc.synapses ?? []).filter((s) => s.kind === 'chemical');
  return chemical.length > 0 && chemical.every((s) => s.model === 'conductance')
    ? { weight: NEW_CONDUCTANCE_WEIGHT, model: 'conductance' }
    : { weight: NEW_SYNAPSE_WEIGHT };
}
