/**
 * Saving what a circuit learned: its document with the plastic synapses'
 * weights as a run left them (Network.plasticWeights), ready for
 * serializeCircuit. Synapse indices are the document's (the network is
 * compiled from the circuit's synapse list in order); the engine keeps each
 * weight inside its rule's bounds, which the loader checks again on reload.
 */
import type { CircuitDoc } from './types';

export interface LearnedWeight {
  synapse: number;
  from: string;
  to: string;
  weight: number;
}

/** A copy of `doc` with each learned weight written into its synapse; refuses weights that do not match the document's synapses. */
export function withLearnedWeights(doc: CircuitDoc, learned: readonly LearnedWeight[]): CircuitDoc {
  const copy = structuredClone(doc);
  const synapses = copy.synapses ?? [];
  for (const l of learned) {
    const s = synapses[l.synapse];
    if (s?.kind !== 'chemical' || s.from !== l.from || s.to !== l.to || s.plastic === undefined)
      throw new Error(
        `learned weight ${l.from} → ${l.to} (synapses[${l.synapse}]) matches no plastic synapse of this circuit: save from the network built from this circuit`,
      );
    if (!(Number.isFinite(l.weight) && l.weight >= 0)) throw new Error(`learned weight ${l.from} → ${l.to} is ${l.weight}; weights are finite numbers ≥ 0`);
    s.weight = l.weight;
  }
  return copy;
}
