/**
 * Geometry of the body's centreline for picking: the unit tangent at a
 * segment and the body point nearest a query point (what a click touches).
 * Pure functions of the segment centres, so they are testable without matter.
 */

/** A point on the body surface nearest to a query point. */
export interface BodyPoint {
  /** 0 = nose tip, 1 = tail tip. */
  position: number;
  /** Distance from the body surface, mm (0 when the point is on or inside the body). */
  distanceMm: number;
  /** +1 the point lies on the worm's left, −1 on its right, 0 exactly on the centreline. */
  side: -1 | 0 | 1;
}

/** Unit tangent (toward the head) at segment i of N, from the centres x (x0, y0, x1, y1, …). */
export function tangentOf(x: ArrayLike<number>, N: number, i: number): [number, number] {
  const i0 = i > 0 ? i - 1 : 0;
  const i1 = i < N - 1 ? i + 1 : N - 1;
  const dx = x[2 * i0]! - x[2 * i1]!;
  const dy = x[2 * i0 + 1]! - x[2 * i1 + 1]!;
  const l = Math.hypot(dx, dy);
  return l > 0 ? [dx / l, dy / l] : [1, 0];
}

/** Nearest point of the body (centres x, radii per segment) to (xMm, yMm): along the centreline from nose tip to tail tip. */
export function nearestPointOf(x: ArrayLike<number>, radii: ArrayLike<number>, segments: number, segmentLengthMm: number, xMm: number, yMm: number): BodyPoint {
  const N = segments;
  const h = segmentLengthMm / 2;
  const r = radii;
  // Centreline polyline: nose tip, the N centres, tail tip.
  const tip = tangentOf(x, N, 0);
  const tail = tangentOf(x, N, N - 1);
  let best = Infinity;
  let bestArc = 0;
  let bestR = r[0];
  let bestCross = 0;
  let arc = 0;
  for (let k = 0; k <= N; k++) {
    const ax = k === 0 ? x[0] + tip[0] * h : x[2 * (k - 1)];
    const ay = k === 0 ? x[1] + tip[1] * h : x[2 * (k - 1) + 1];
    const bx = k === N ? x[2 * (N - 1)] - tail[0] * h : x[2 * k];
    const by = k === N ? x[2 * (N - 1) + 1] - tail[1] * h : x[2 * k + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let u = len2 > 0 ? ((xMm - ax) * dx + (yMm - ay) * dy) / len2 : 0;
    u = u < 0 ? 0 : Math.min(u, 1);
    const px = ax + u * dx;
    const py = ay + u * dy;
    const d = Math.hypot(xMm - px, yMm - py);
    const len = Math.sqrt(len2);
    if (d < best) {
      best = d;
      bestArc = arc + u * len;
      const ra = k === 0 ? r[0] : r[k - 1];
      const rb = k === N ? r[N - 1] : r[k];
      bestR = ra + u * (rb - ra);
      // Walking head → tail, the worm's left is on our right: cross < 0 means left.
      bestCross = dx * (yMm - py) - dy * (xMm - px);
    }
    arc += len;
  }
  return {
    position: arc > 0 ? Math.min(1, Math.max(0, bestArc / arc)) : 0,
    distanceMm: Math.max(0, best - bestR),
    side: bestCross < 0 ? 1 : bestCross > 0 ? -1 : 0,
  };
}
