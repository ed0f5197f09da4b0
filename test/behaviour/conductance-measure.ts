/**
 * The converted default worm's steady gait and posterior touch, shared by
 * conductance-seeds.ts and conductance-search.ts. Read on the open field (no
 * rim to meet) with AWC cut (no foraging reversal inside a window, as
 * locomotion.test.ts reads the full worm), after a 12 s settle: the gait at
 * 4 s can still be a transient (the earlier best point's λ 0.74 at 4–16 s fell
 * to 0.32 by 16 s on 9 of seeds 1–10).
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { type Gait, gaitOf } from './gait';
import { OPEN_FIELD, travel } from './measure';

/** Settle before a gait or a touch is read, ms. */
export const STEADY_SETTLE_MS = 12_000;

/**
 * The steady gait of the converted worm on the open field (no rim to meet), with AWC cut so no
 * foraging reversal falls in the window (as locomotion.test.ts reads the full worm): 12 s settle, 12 s window.
 */
export function steadyGait(circuit: Circuit, seed: number, medium: 'agar' | 'water', avbScale = 1): Gait {
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD });
  sim.ablate('AWC');
  if (avbScale !== 1) sim.setNeuronParam('AVB', 'tonicPa', GAIT.avbTonicPa * avbScale);
  return gaitOf(sim, STEADY_SETTLE_MS, 12_000);
}

/** Speed over 4 s after a gentle touch at 0.9, over the same seed's untouched speed over the same window (open field, AWC cut). */
export function pairedPosterior(circuit: Circuit, seed: number): number {
  const after = (touch: boolean) => {
    const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
    sim.ablate('AWC');
    sim.run(STEADY_SETTLE_MS);
    if (touch) sim.poke(0.9, { kind: 'gentle' });
    return travel(sim, 4000);
  };
  return after(true) / after(false);
}

/** The converted default worm (synapses, senses and receptors) at the current GAIT. */
export function convertedWorm(): Circuit {
  const doc = circuitFromDoc(buildWorm(), 'worm.json');
  return circuitFromDoc(toConductanceCircuit(doc.doc, doc.network, { transduction: true }), 'worm (conductance)');
}
