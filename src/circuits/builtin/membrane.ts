/**
 * The default worm's membrane, in one place (issue 14). 'current': synapses,
 * senses and receptors inject currents (the shipped worm; its V can leave any
 * physiological range). 'conductance': the same layers converted by
 * toConductanceCircuit (synapses, senses and receptors as conductances toward
 * reversal potentials), built with the layers' parameters for that membrane
 * (CONDUCTANCE_LAYERS). The learning/choice worms and the seed's circuits stay
 * current-based.
 */
import { toConductanceDoc } from '../convert';
import type { CircuitDoc } from '../types';
import { CONDUCTANCE_GAIT, GAIT } from './locomotion';
import { FORAGING } from './foraging';
import { MODULATION } from './modulation';
import { SENSES } from './senses';
import { TOUCH } from './touch';

export type Membrane = 'current' | 'conductance';
export const MEMBRANES: readonly Membrane[] = ['current', 'conductance'];

/**
 * Layer parameters that differ on the conductance membrane (overrides of each layer's own table;
 * the current worm's values stay as they are). Why each one: docs/biology.md, "The behaviour battery
 * on the conductance worm".
 */
export const CONDUCTANCE_LAYERS = {
  gait: CONDUCTANCE_GAIT,
  touch: {} as Partial<typeof TOUCH>,
  senses: {} as Partial<typeof SENSES>,
  foraging: {} as Partial<typeof FORAGING>,
  modulation: {} as Partial<typeof MODULATION>,
};

const TABLES = { gait: GAIT, touch: TOUCH, senses: SENSES, foraging: FORAGING, modulation: MODULATION };

/** A clear error for a membrane that is not one of MEMBRANES. */
export function checkMembrane(membrane: unknown, field = 'membrane'): Membrane {
  if (!MEMBRANES.includes(membrane as Membrane)) {
    throw new RangeError(
      `${field} = ${JSON.stringify(membrane)}: must be one of ${MEMBRANES.map((m) => `'${m}'`).join(', ')}; use 'current' for the shipped worm`,
    );
  }
  return membrane as Membrane;
}

/**
 * Builds a document with the layer tables set to their conductance-membrane values, then converts it
 * (synapses, senses and receptors). The tables are module constants the layer builders read; they
 * are restored before this returns, whatever happens (building is synchronous).
 */
export function buildConductance(build: () => CircuitDoc): CircuitDoc {
  const saved = Object.entries(TABLES).map(([k, table]) => [table, { ...table }, CONDUCTANCE_LAYERS[k as keyof typeof TABLES]] as const);
  try {
    for (const [table, , overrides] of saved) Object.assign(table, overrides);
    return toConductanceDoc(build(), { transduction: true });
  } finally {
    for (const [table, original] of saved) Object.assign(table, original);
  }
}
