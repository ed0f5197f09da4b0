/**
 * The interval-dependent habituation experiment on the default worm (Rankin &
 * Broster 1992): a train of plate taps at one interval (ISI), then rest and one
 * probe tap; the response to each tap is the distance reversed in 3 s. Shared
 * by habituation-interval*.test.ts and habituation-interval-table.ts.
 */
import type { Circuit, CircuitDoc } from '../../src/circuits/types';
import type { Simulation } from '../../src/sim/simulation';
import { createSimulation } from '../../src/sim/simulation';
import { backwardMm, OPEN_FIELD } from './measure';

export const RESPONSE_MS = 3000;

export interface Training {
  /** Response to each tap of the train (mm backward in 3 s). */
  responses: number[];
  /** The simulation, left at the end of the last response window. */
  sim: Simulation;
}

/**
 * A worm on an open field, 5 s to settle, then `taps` plate taps `isiMs` apart. `wait` runs the gap between one tap's
 * response window and the next tap (a reading between taps can run it in pieces); `beforeTap` sees the worm just
 * before each tap (a reading of the cells per tap, tap-habituation.ts).
 */
export function train(
  circuit: string | Circuit,
  seed: number,
  isiMs: number,
  taps: number,
  wait: (sim: Simulation, ms: number) => void = (sim, ms) => sim.run(ms),
  beforeTap?: (sim: Simulation) => void,
): Training {
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
  sim.run(5000);
  const responses: number[] = [];
  for (let k = 0; k < taps; k++) {
    if (k > 0) wait(sim, isiMs - RESPONSE_MS);
    beforeTap?.(sim);
    sim.tapPlate(1);
    responses.push(backwardMm(sim, RESPONSE_MS));
  }
  return { responses, sim };
}

/** The response to one tap `afterMs` after the last training tap (`beforeTap` as train's). */
export function probe(t: Training, afterMs: number, beforeTap?: (sim: Simulation) => void): number {
  t.sim.run(afterMs - RESPONSE_MS);
  beforeTap?.(t.sim);
  t.sim.tapPlate(1);
  return backwardMm(t.sim, RESPONSE_MS);
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Last training tap at 0, a harsh touch at the tail (0.85) at +4 s if `touch`, a probe tap at +12 s: its response relative to the first tap. */
export function dishabituationProbe(circuit: string | Circuit, seed: number, touch: boolean, beforeTap?: (sim: Simulation) => void): number {
  const t = train(circuit, seed, 10_000, 10, undefined, beforeTap);
  t.sim.run(1000);
  if (touch) t.sim.poke(0.85, { kind: 'harsh' });
  return probe(t, 12_000 - 1000, beforeTap) / t.responses[0];
}

/**
 * habituation-food.test.ts's train: 60 s on a food lawn (LAWN, modulation-slowing.ts) or the bare open field, then
 * `taps` plate taps 10 s apart; the response to each (mm reversed in 3 s).
 */
export function lawnTrain(circuit: string | Circuit, seed: number, arena: typeof OPEN_FIELD, beforeTap?: (sim: Simulation) => void, taps = 10): Training {
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena });
  sim.run(60_000);
  const responses: number[] = [];
  for (let k = 0; k < taps; k++) {
    if (k > 0) sim.run(10_000 - RESPONSE_MS);
    beforeTap?.(sim);
    sim.tapPlate(1);
    responses.push(backwardMm(sim, RESPONSE_MS));
  }
  return { responses, sim };
}

/** The same worm without the touch cells' DOP-1 receptors (a dop-1 mutant). */
export function withoutDop1(doc: CircuitDoc): CircuitDoc {
  return { ...doc, receptors: (doc.receptors ?? []).filter((r) => r.label !== 'DOP-1') };
}
