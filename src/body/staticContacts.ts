/**
 * Predicted contacts with static bodies (walls, obstacles, the dish rim).
 *
 * matter-js reports a contact only after bodies overlap, so a contact known
 * from the last update stops a segment one step late: a harsh poke moving a
 * segment ~25 µm in one step could sink that far into a wall before the
 * contact is seen. Static bodies do not move, so the step can know them in
 * advance: every segment within `marginMm` of a static surface gets a
 * one-sided constraint "move at most the remaining gap toward it" in the same
 * solve (mechanics.ts), so muscles and pokes stop at the surface instead of
 * inside it. Worms and other moving bodies still come from matter's pairs.
 */
import Matter from 'matter-js';
import { hypot } from '../lib/hypot';
import type { Mechanics } from './mechanics';
import { MATTER_UNITS_PER_MM } from './units';

/** One convex piece of a static body, in mm. */
interface Piece {
  readonly xy: Float64Array;
  /** +1 if the vertices run counter-clockwise (x right, y up), −1 if clockwise. */
  readonly turn: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export class StaticContacts {
  private pieces: Piece[] = [];
  private built = false;

  constructor(
    private readonly engine: Matter.Engine,
    private readonly own: ReadonlySet<number>,
    private readonly filter: Matter.ICollisionFilter,
  ) {}

  /**
   * Write predicted contacts for the segment centres x (mm, x,y interleaved)
   * with radii r into mech's obstacle arrays from index `start`; returns the
   * new obstacle count (capacity-limited).
   */
  predict(x: Float64Array, r: Float64Array, marginMm: number, mech: Mechanics, start: number): number {
    if (!this.built || this.engine.world.isModified) this.rebuild();
    const N = r.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < N; i++) {
      minX = Math.min(minX, x[2 * i] - r[i]);
      maxX = Math.max(maxX, x[2 * i] + r[i]);
      minY = Math.min(minY, x[2 * i + 1] - r[i]);
      maxY = Math.max(maxY, x[2 * i + 1] + r[i]);
    }
    minX -= marginMm;
    minY -= marginMm;
    maxX += marginMm;
    maxY += marginMm;
    const cap = mech.obsSeg.length;
    let k = start;
    for (const p of this.pieces) {
      if (p.maxX < minX || p.minX > maxX || p.maxY < minY || p.minY > maxY) continue;
      for (let i = 0; i < N && k < cap; i++) {
        const px = x[2 * i];
        const py = x[2 * i + 1];
        const reach = r[i] + marginMm;
        if (px + reach < p.minX || px - reach > p.maxX || py + reach < p.minY || py - reach > p.maxY) continue;
        const d = signedDistance(p, px, py, hit);
        const gap = d - r[i];
        if (gap >= marginMm) continue;
        mech.obsSeg[k] = i;
        mech.obsNx[k] = hit[0];
        mech.obsNy[k] = hit[1];
        mech.obsGap[k] = gap;
        k++;
      }
    }
    return k;
  }

  private rebuild(): void {
    const S = MATTER_UNITS_PER_MM;
    const pieces: Piece[] = [];
    for (const body of Matter.Composite.allBodies(this.engine.world)) {
      if (!body.isStatic || body.isSensor || this.own.has(body.id)) continue;
      if (!Matter.Detector.canCollide(this.filter, body.collisionFilter)) continue;
      // A compound body lists itself first, then its convex parts.
      const parts = body.parts.length > 1 ? body.parts.slice(1) : body.parts;
      for (const part of parts) {
        const v = part.vertices;
        const xy = new Float64Array(2 * v.length);
        let area = 0;
        for (let j = 0; j < v.length; j++) {
          xy[2 * j] = v[j].x / S;
          xy[2 * j + 1] = v[j].y / S;
        }
        for (let j = 0, m = v.length - 1; j < v.length; m = j++) area += xy[2 * m] * xy[2 * j + 1] - xy[2 * j] * xy[2 * m + 1];
        const b = part.bounds;
        pieces.push({ xy, turn: area >= 0 ? 1 : -1, minX: b.min.x / S, minY: b.min.y / S, maxX: b.max.x / S, maxY: b.max.y / S });
      }
    }
    this.pieces = pieces;
    this.built = true;
  }
}

const hit = new Float64Array(2);

/**
 * Signed distance from (px, py) to a convex polygon (negative inside), and in
 * `out` the unit normal pointing from the polygon toward the point.
 */
function signedDistance(p: Piece, px: number, py: number, out: Float64Array): number {
  const xy = p.xy;
  const n = xy.length / 2;
  let inside = true;
  let best = Infinity;
  for (let j = 0, m = n - 1; j < n; m = j++) {
    const ax = xy[2 * m];
    const ay = xy[2 * m + 1];
    const ex = xy[2 * j] - ax;
    const ey = xy[2 * j + 1] - ay;
    const len = hypot(ex, ey);
    if (len === 0) continue;
    // Outward normal of edge m → j for the polygon's winding.
    const nx = (p.turn * ey) / len;
    const ny = (-p.turn * ex) / len;
    const side = (px - ax) * nx + (py - ay) * ny;
    if (side > 0) inside = false;
    // Nearest point of the edge segment.
    let u = ((px - ax) * ex + (py - ay) * ey) / (len * len);
    u = u < 0 ? 0 : Math.min(u, 1);
    const qx = px - (ax + u * ex);
    const qy = py - (ay + u * ey);
    const d = hypot(qx, qy);
    if (d < best && side > 0) {
      best = d;
      if (d > 0) {
        out[0] = qx / d;
        out[1] = qy / d;
      } else {
        out[0] = nx;
        out[1] = ny;
      }
    }
  }
  if (inside) {
    // Deepest edge: the way out is along its outward normal.
    let bestSide = -Infinity;
    for (let j = 0, m = n - 1; j < n; m = j++) {
      const ax = xy[2 * m];
      const ay = xy[2 * m + 1];
      const ex = xy[2 * j] - ax;
      const ey = xy[2 * j + 1] - ay;
      const len = hypot(ex, ey);
      if (len === 0) continue;
      const nx = (p.turn * ey) / len;
      const ny = (-p.turn * ex) / len;
      const side = (px - ax) * nx + (py - ay) * ny;
      if (side > bestSide) {
        bestSide = side;
        out[0] = nx;
        out[1] = ny;
      }
    }
    return bestSide;
  }
  return best;
}
