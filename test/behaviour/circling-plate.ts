/**
 * The plate circling.ts and curve-units.ts read a worm's own curvature on: choice.ts's odour-choice plate and starts
 * (heading −90°, between where the spots were) with the spots taken away, for 30 s; and the heading's total turn.
 */
import type { Arena } from '../../src/world';
import { choiceArena } from './choice';

export const CIRCLING_MS = 30_000;

/** The odour-choice plate of `seed`'s start, without its spots. */
export function circlingArena(seed: number): Arena {
  const arena = choiceArena(seed);
  arena.food = [];
  return arena;
}

/**
 * The heading's total turn since `start` (radians, + counter-clockwise as headingRad turns), unwrapped: `add` takes
 * each new heading (once a step: a step turns far less than π) and returns the total so far.
 */
export function headingTurn(start: number): { add(heading: number): number } {
  let prev = start;
  let turn = 0;
  return {
    add(heading) {
      turn += Math.atan2(Math.sin(heading - prev), Math.cos(heading - prev));
      prev = heading;
      return turn;
    },
  };
}
