/** Synapse specs for the engine's tests: one definition, so a field added to the spec is added once. */
import type { ChemicalSynapseSpec } from '../types';

/** A chemical synapse (current-based unless `extra` says otherwise). */
export const chem = (from: string, to: string, weight: number, extra: Partial<ChemicalSynapseSpec> = {}): ChemicalSynapseSpec => ({
  kind: 'chemical',
  from,
  to,
  weight,
  ...extra,
});

/** A conductance synapse: `weight` is g in nS. */
export const cond = (from: string, to: string, weight: number, extra: Partial<ChemicalSynapseSpec> = {}): ChemicalSynapseSpec =>
  chem(from, to, weight, { model: 'conductance', ...extra });
