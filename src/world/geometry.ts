/**
 * Plane geometry for the world: circles, rings and polygons (flat x,y
 * arrays), signed distances (negative inside) and containment. Shapes are
 * plain data so fields, zones and physics bodies are built from the same ones.
 */

export interface CircleShape {
  type: 'circle';
  x: number;
  y: number;
  r: number;
}

export interface RingShape {
  type: 'ring';
  x: number;
  y: number;
  inner: number;
  outer: number;
}

export interface PolygonShape {
  type: 'polygon';
  /** Vertices x0, y0, x1, y1, ... in order (either winding). */
  xy: Float64Array;
}

export type Shape = CircleShape | RingShape | PolygonShape;

export const DEG = Math.PI / 180;

/** Corners of a w × h rectangle centred at (cx, cy), rotated by angle (radians, +x towards +y). */
export function rectPolygon(cx: number, cy: number, w: number, h: number, angle: number): PolygonShape {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const hx = w / 2;
  const hy = h / 2;
  const xy = new Float64Array(8);
  const corners = [-hx, -hy, hx, -hy, hx, hy, -hx, hy];
  for (let k = 0; k < 4; k++) {
    const u = corners[2 * k];
    const v = corners[2 * k + 1];
    xy[2 * k] = cx + u * c - v * s;
    xy[2 * k + 1] = cy + u * s + v * c;
  }
  return { type: 'polygon', xy };
}

/** A wall from a to b of the given thickness with square ends reaching thickness/2 past a and b. */
export function segmentWall(ax: number, ay: number, bx: number, by: number, thickness: number): PolygonShape {
  const len = Math.hypot(bx - ax, by - ay);
  return rectPolygon((ax + bx) / 2, (ay + by) / 2, len + thickness, thickness, Math.atan2(by - ay, bx - ax));
}

export function polygonFromPoints(points: readonly (readonly [number, number])[]): PolygonShape {
  const xy = new Float64Array(points.length * 2);
  points.forEach(([x, y], k) => {
    xy[2 * k] = x;
    xy[2 * k + 1] = y;
  });
  return { type: 'polygon', xy };
}

/** Signed area (positive when the vertices turn from +x towards +y). */
export function polygonArea(xy: Float64Array): number {
  const n = xy.length / 2;
  let a = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) a += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
  return a / 2;
}

/** True when every turn goes the same way and the polygon does not wind round more than once. */
export function isConvex(xy: Float64Array): boolean {
  const n = xy.length / 2;
  if (n < 3 || Math.abs(polygonArea(xy)) < 1e-12) return false;
  let sign = 0;
  let turning = 0;
  for (let i = 0; i < n; i++) {
    const a = (i + n - 1) % n;
    const b = (i + 1) % n;
    const ux = xy[2 * i] - xy[2 * a];
    const uy = xy[2 * i + 1] - xy[2 * a + 1];
    const vx = xy[2 * b] - xy[2 * i];
    const vy = xy[2 * b + 1] - xy[2 * i + 1];
    const cross = ux * vy - uy * vx;
    if (Math.abs(cross) > 1e-12) {
      const s = Math.sign(cross);
      if (sign !== 0 && s !== sign) return false;
      sign = s;
    }
    turning += Math.atan2(cross, ux * vx + uy * vy);
  }
  return Math.abs(Math.abs(turning) - 2 * Math.PI) < 1e-6;
}

/** Distance from (px, py) to the segment a–b. */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : Math.min(t, 1);
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Even-odd point-in-polygon test. */
export function insidePolygon(xy: Float64Array, x: number, y: number): boolean {
  const n = xy.length / 2;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = xy[2 * i];
    const yi = xy[2 * i + 1];
    const xj = xy[2 * j];
    const yj = xy[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed distance to the shape's boundary: negative inside, positive outside, mm. */
export function signedDistance(shape: Shape, x: number, y: number): number {
  switch (shape.type) {
    case 'circle':
      return Math.hypot(x - shape.x, y - shape.y) - shape.r;
    case 'ring': {
      const r = Math.hypot(x - shape.x, y - shape.y);
      return Math.abs(r - (shape.inner + shape.outer) / 2) - (shape.outer - shape.inner) / 2;
    }
    case 'polygon': {
      const xy = shape.xy;
      const n = xy.length / 2;
      let d = Infinity;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const e = distanceToSegment(x, y, xy[2 * j], xy[2 * j + 1], xy[2 * i], xy[2 * i + 1]);
        if (e < d) d = e;
      }
      return insidePolygon(xy, x, y) ? -d : d;
    }
  }
}

/** Is (x, y) inside the shape (boundary included)? */
export function containsPoint(shape: Shape, x: number, y: number): boolean {
  switch (shape.type) {
    case 'circle': {
      const dx = x - shape.x;
      const dy = y - shape.y;
      return dx * dx + dy * dy <= shape.r * shape.r;
    }
    case 'ring': {
      const dx = x - shape.x;
      const dy = y - shape.y;
      const r2 = dx * dx + dy * dy;
      return r2 >= shape.inner * shape.inner && r2 <= shape.outer * shape.outer;
    }
    case 'polygon':
      return insidePolygon(shape.xy, x, y);
  }
}

/** Axis-aligned bounds [xmin, ymin, xmax, ymax] of a shape. */
export function shapeBounds(shape: Shape): [number, number, number, number] {
  if (shape.type === 'circle') return [shape.x - shape.r, shape.y - shape.r, shape.x + shape.r, shape.y + shape.r];
  if (shape.type === 'ring') return [shape.x - shape.outer, shape.y - shape.outer, shape.x + shape.outer, shape.y + shape.outer];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < shape.xy.length; k += 2) {
    x0 = Math.min(x0, shape.xy[k]);
    x1 = Math.max(x1, shape.xy[k]);
    y0 = Math.min(y0, shape.xy[k + 1]);
    y1 = Math.max(y1, shape.xy[k + 1]);
  }
  return [x0, y0, x1, y1];
}

/** Smallest distance from the segment a–b to the shape's boundary, negative if the segment enters it (sampled every `step` mm). */
export function segmentClearance(shape: Shape, ax: number, ay: number, bx: number, by: number, step = 0.01): number {
  const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
  let d = Infinity;
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    d = Math.min(d, signedDistance(shape, ax + t * (bx - ax), ay + t * (by - ay)));
  }
  return d;
}
