/**
 * Shared measurements for the behaviour proofs: everything is read from the
 * body's pose (sim.behaviour(), events), never from the neurons.
 */
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';

export const SEEDS = [1, 2, 3, 4, 5];

export function worm(circuit: string, seed: number, medium: 'agar' | 'water' = 'agar'): { sim: Simulation; events: BehaviourEvent[] } {
  const sim = createSimulation({ circuit, seed, medium });
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
