/**
 * Where a body-wall muscle of the real worm lies on the 2-D body.
 *
 * The worm crawls on its side, so the 2-D body's two muscle rows are the
 * dorsal and the ventral muscles: dorsal (left and right quadrants) drive the
 * left row, ventral the right row. Each quadrant has up to 24 muscles from
 * head to tail; muscle k covers the body stretch (k-1)/24 .. k/24 (fractions
 * of the body, 0 = nose tip). Rounded to 4 decimals so adjacent muscles share
 * their boundary exactly.
 */
import type { Side } from '../types';
import { MUSCLES_PER_ROW, type Quadrant } from './names';

export function muscleSide(q: Quadrant): Side {
  return q[0] === 'D' ? 'left' : 'right';
}

/** Body fraction at the head end of muscle k (k = 1..25; 25 is the tail end of muscle 24). */
export function muscleBoundary(k: number): number {
  return Math.round(((k - 1) / MUSCLES_PER_ROW) * 1e4) / 1e4;
}

export function muscleSpan(k: number): { from: number; to: number } {
  return { from: muscleBoundary(k), to: muscleBoundary(k + 1) };
}
