/**
 * Shared measurements for the behaviour proofs: everything is read from the
 * body's pose (sim.behaviour(), events), never from the neurons.
 */
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import { parseArena } from '../../src/world/parse';

export const SEEDS = [1, 2, 3, 4, 5];

/**
 * An open field: a 200 mm dish with the worm in the middle, so minutes of
 * crawling (~0.2 mm/s) never reach the rim. On the 10 mm default plate the
 * worm meets the rim within a minute, and every wall contact calls a reversal
 * of its own, which a proof of spontaneous or evoked reversals must not count.
 */
export const OPEN_FIELD = parseArena(
  {
    version: 1,
    name: 'open-field',
    description: 'A 200 mm agar dish, no food, no walls within reach.',
    plate: { shape: 'dish', diameter: 200 },
    start: { at: [100, 100], headingDeg: 0 },
  },
  'open-field',
);

export function worm(
  circuit: string,
  seed: number,
  medium: 'agar' | 'water' = 'agar',
  arena?: typeof OPEN_FIELD,
): { sim: Simulation; events: BehaviourEvent[] } {
  const sim = createSimulation({ circuit, seed, medium, ...(arena && { arena }) });
  const events: BehaviourEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  return { sim, events };
}

/** Centroid speed (body lengths/s) over the next ms of simulated time. */
export function travel(sim: Simulation, ms: number): number {
  const a = sim.behaviour().centroid;
  sim.run(ms);
  const b = sim.behaviour().centroid;
  return Math.hypot(b[0] - a[0], b[1] - a[1]) / sim.bodyLengthMm / (ms / 1000);
}

/** Distance travelled backward (mm) over the next ms: the integral of the backward part of the along-body velocity. */
export function backwardMm(sim: Simulation, ms: number): number {
  let back = 0;
  const end = sim.timeMs + ms;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const v = sim.behaviour().alongMmPerS;
    if (v < 0) back -= (v * sim.physicsStepMs) / 1000;
  }
  return back;
}
