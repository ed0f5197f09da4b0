/**
 * Geometry of a pose: segment centres in mm, x and y interleaved, head first.
 * Pure functions on typed arrays, shared by the behaviour tracker and views.
 */
import { hypot } from '../lib/hypot';

/**
 * Signed curvature (1/mm) at each interior segment centre j = 1..n−2, stored at out[j − 1]
 * (out needs n − 2 entries). Positive = the body bends to the worm's left.
 */
export function curvature(pose: Float64Array, out: Float64Array): Float64Array {
  const n = pose.length / 2;
  // Walking from tail to head (the direction of forward travel), a left turn is positive.
  for (let j = 1; j < n - 1; j++) {
    const ax = pose[2 * j] - pose[2 * (j + 1)];
    const ay = pose[2 * j + 1] - pose[2 * (j + 1) + 1];
    const bx = pose[2 * (j - 1)] - pose[2 * j];
    const by = pose[2 * (j - 1) + 1] - pose[2 * j + 1];
    const la = hypot(ax, ay);
    const lb = hypot(bx, by);
    const turn = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
    out[j - 1] = (2 * turn) / (la + lb);
  }
  return out;
}

/** Length of the centre line, mm. */
export function centreLineLength(pose: Float64Array): number {
  let len = 0;
  for (let i = 2; i < pose.length; i += 2) len += hypot(pose[i] - pose[i - 2], pose[i + 1] - pose[i - 1]);
  return len;
}

/** Mean of segment centres. */
export function centroid(pose: Float64Array): [number, number] {
  let x = 0;
  let y = 0;
  const n = pose.length / 2;
  for (let i = 0; i < n; i++) {
    x += pose[2 * i];
    y += pose[2 * i + 1];
  }
  return [x / n, y / n];
}

/** Direction the head points: from a point ~15 % down the body to the nose, radians. */
export function headingRad(pose: Float64Array): number {
  const n = pose.length / 2;
  const k = Math.max(1, Math.round(0.15 * (n - 1)));
  return Math.atan2(pose[1] - pose[2 * k + 1], pose[0] - pose[2 * k]);
}

/**
 * Velocity along the body toward the head, averaged over segments, mm/ms.
 * Each point of a crawling worm moves along its own tangent, so this reads
 * forward (> 0) or backward (< 0) crawling without being fooled by the wave's
 * sideways sway.
 */
export function alongBodyVelocity(prev: Float64Array, pose: Float64Array, dtMs: number): number {
  const n = pose.length / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    const tx = pose[2 * a] - pose[2 * b];
    const ty = pose[2 * a + 1] - pose[2 * b + 1];
    const tl = hypot(tx, ty) || 1;
    const vx = pose[2 * i] - prev[2 * i];
    const vy = pose[2 * i + 1] - prev[2 * i + 1];
    sum += (vx * tx + vy * ty) / tl;
  }
  return sum / n / dtMs;
}
