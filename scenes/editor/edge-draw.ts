import Phaser from 'phaser';
import { NODE_RADIUS, type EdgePath, type Point } from '../../src/editor';

/** Where a stroked synapse ends on screen and its unit direction there (for the end mark). */
export interface EdgeEnd {
  ex: number;
  ey: number;
  tx: number;
  ty: number;
}

/**
 * Strokes a synapse's path in screen space, stopping at both neurons' rims
 * (so the end mark sits on the target's edge, not under it). Gap junctions
 * are drawn dashed on small graphs.
 */
export function strokeEdgePath(
  g: Phaser.GameObjects.Graphics,
  path: EdgePath,
  dashed: boolean,
  toScreen: (x: number, y: number) => Point,
  zoom: number,
): EdgeEnd {
  if (path.type === 'loop') {
    const c = toScreen(path.cx, path.cy);
    g.strokeCircle(c.x, c.y, path.r * zoom);
    return { ex: c.x, ey: c.y + path.r * zoom, tx: 1, ty: 0.3 };
  }
  const a = toScreen(path.x1, path.y1);
  const b = toScreen(path.x2, path.y2);
  const r = NODE_RADIUS * zoom;
  if (path.type === 'line') {
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const sx = a.x + ux * r;
    const sy = a.y + uy * r;
    const ex = b.x - ux * r;
    const ey = b.y - uy * r;
    if (dashed) {
      const dash = Math.max(3, 6 * Math.min(1, zoom * 2));
      const total = Math.hypot(ex - sx, ey - sy);
      g.beginPath();
      for (let s = 0; s < total; s += dash * 2) {
        const e2 = Math.min(total, s + dash);
        g.moveTo(sx + ux * s, sy + uy * s);
        g.lineTo(sx + ux * e2, sy + uy * e2);
      }
      g.strokePath();
    } else g.lineBetween(sx, sy, ex, ey);
    return { ex, ey, tx: ux, ty: uy };
  }
  const c = toScreen(path.cx, path.cy);
  const curve = new Phaser.Curves.QuadraticBezier(new Phaser.Math.Vector2(a.x, a.y), new Phaser.Math.Vector2(c.x, c.y), new Phaser.Math.Vector2(b.x, b.y));
  const pts = curve.getPoints(16);
  // Stop at the target's rim.
  let end = pts.length - 1;
  while (end > 1 && Math.hypot(pts[end].x - b.x, pts[end].y - b.y) < r) end--;
  let start = 0;
  while (start < end - 1 && Math.hypot(pts[start].x - a.x, pts[start].y - a.y) < r) start++;
  g.beginPath();
  g.moveTo(pts[start].x, pts[start].y);
  for (let i = start + 1; i <= end; i++) g.lineTo(pts[i].x, pts[i].y);
  g.strokePath();
  const dx = pts[end].x - pts[end - 1].x;
  const dy = pts[end].y - pts[end - 1].y;
  const l = Math.hypot(dx, dy) || 1;
  return { ex: pts[end].x, ey: pts[end].y, tx: dx / l, ty: dy / l };
}

/** A chemical synapse's end mark: a bar across the end for inhibition (the usual mark), an arrowhead for excitation. */
export function drawSynapseEnd(
  g: Phaser.GameObjects.Graphics,
  end: EdgeEnd,
  inhibitory: boolean,
  color: number,
  width: number,
  alpha: number,
  zoom: number,
): void {
  const s = Math.max(4, Math.min(10, 9 * zoom));
  const { ex, ey, tx, ty } = end;
  if (inhibitory) {
    g.lineStyle(Math.max(2, width + 1), color, alpha);
    g.lineBetween(ex - ty * s * 0.8, ey + tx * s * 0.8, ex + ty * s * 0.8, ey - tx * s * 0.8);
  } else {
    g.fillStyle(color, alpha);
    g.fillTriangle(
      ex,
      ey,
      ex - tx * s * 1.4 - ty * s * 0.7,
      ey - ty * s * 1.4 + tx * s * 0.7,
      ex - tx * s * 1.4 + ty * s * 0.7,
      ey - ty * s * 1.4 - tx * s * 0.7,
    );
  }
}
