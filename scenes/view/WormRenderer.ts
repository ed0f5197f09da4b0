import type Phaser from 'phaser';
import { mix, palette } from '../ui/theme';
import type { WorldCamera } from './camera';
import { muscleAt, WormOutline } from './worm-geometry';

export interface WormStyle {
  /** Body diameter as a fraction of body length (C. elegans ≈ 0.06–0.08). */
  widthRatio: number;
  /** Shading, shadow and internal anatomy; off for the low-quality setting. */
  detailed: boolean;
  /** +1 if the body's "left" muscles are on the left of the heading as drawn, −1 to swap. */
  leftSign: 1 | -1;
}

const DEFAULT_STYLE: WormStyle = { widthRatio: 0.072, detailed: true, leftSign: 1 };

/**
 * Draws the worm from plain data: segment centres in mm (Telemetry.pose) and
 * muscle activations (Telemetry.muscles, left row then right row). The body
 * is a smooth tapered outline with a round nose and pointed tail, shaded like
 * a translucent cylinder; each side's edge glows with its muscles' activation;
 * the pharynx and its terminal bulb mark the head.
 */
export class WormRenderer {
  readonly graphics: Phaser.GameObjects.Graphics;
  private readonly outline: WormOutline;
  private posePx = new Float32Array(0);
  private readonly style: WormStyle;
  /** Head (nose tip) and tail tip in px from the last draw, for hit tests and the test hook. */
  readonly headPx = { x: NaN, y: NaN };
  readonly tailPx = { x: NaN, y: NaN };

  constructor(scene: Phaser.Scene, style: Partial<WormStyle> = {}, depth = 10) {
    this.style = { ...DEFAULT_STYLE, ...style };
    this.graphics = scene.add.graphics().setDepth(depth);
    this.outline = new WormOutline(this.style.detailed ? 56 : 32);
  }

  get geometry(): WormOutline {
    return this.outline;
  }

  clear(): void {
    this.graphics.clear();
  }

  /**
   * Redraws the worm. `pose` in mm (x,y interleaved, head first), mapped through
   * `cam`; `muscles` may be null (no activation shown); `segments` is the number
   * of muscle segments per side. Returns false if the pose could not be drawn.
   */
  draw(pose: ArrayLike<number>, cam: WorldCamera, bodyLengthMm: number, muscles: ArrayLike<number> | null = null, segments = 0): boolean {
    if (this.posePx.length !== pose.length) this.posePx = new Float32Array(pose.length);
    cam.mapPoints(pose, this.posePx);
    return this.drawPx(this.posePx, (bodyLengthMm * cam.pxPerMm * this.style.widthRatio) / 2, muscles, segments);
  }

  /** Same as draw() with the pose already in screen px. */
  drawPx(posePx: ArrayLike<number>, halfWidthPx: number, muscles: ArrayLike<number> | null, segments: number): boolean {
    const g = this.graphics;
    g.clear();
    const o = this.outline;
    if (!o.compute(posePx, halfWidthPx)) return false;
    const n = o.count;
    const detailed = this.style.detailed;
    this.headPx.x = o.cx[0];
    this.headPx.y = o.cy[0];
    this.tailPx.x = o.cx[n - 1];
    this.tailPx.y = o.cy[n - 1];

    if (detailed) {
      // Soft drop shadow on the agar, offset down-right (light from the upper left).
      const off = Math.max(1.5, halfWidthPx * 0.35);
      this.band(1.15, 0, palette.bgDeep, 0.22, off, off);
    }
    // Body: a lit cylinder seen from above — nested bands stepping from the
    // edge colour to the highlight, each nudged towards the light.
    this.band(1, 0, palette.wormEdge, 1);
    if (detailed) {
      const steps = 5;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        this.band(1 - 0.72 * t, 0.22 * t, mix(palette.wormEdge, palette.worm, t ** 0.7), 1);
      }
      // Intestine: a faint darker core from behind the pharynx to near the tail.
      this.bandRange(0.2, -0.1, palette.wormEdge, 0.22, 0.16, 0.9);
    } else {
      this.band(0.72, 0, palette.wormMid, 1);
      this.band(0.42, 0.1, palette.worm, 1);
    }

    // Muscle activation: each edge tinted by its own row.
    if (muscles && segments > 0) {
      const leftSide: 0 | 1 = this.style.leftSign === 1 ? 0 : 1;
      this.muscleEdge(muscles, segments, leftSide, 1);
      this.muscleEdge(muscles, segments, leftSide === 0 ? 1 : 0, -1);
    }

    // Head: pharynx tube with the metacorpus and terminal bulb.
    if (detailed) this.pharynx();

    // Outline.
    g.lineStyle(Math.max(1, Math.min(2, halfWidthPx * 0.18)), palette.wormOutline, 0.9);
    g.beginPath();
    g.moveTo(o.leftX(0), o.leftY(0));
    for (let k = 1; k < n; k++) g.lineTo(o.leftX(k), o.leftY(k));
    for (let k = n - 1; k >= 0; k--) g.lineTo(o.rightX(k), o.rightY(k));
    g.closePath();
    g.strokePath();
    return true;
  }

  /**
   * Fills a band along the whole body: half-width = frac × r, centred at
   * shift × r towards the upper-left light. Drawn as quads so a body crossing
   * itself (omega turn) still fills correctly.
   */
  private band(frac: number, shift: number, color: number, alpha: number, dx = 0, dy = 0): void {
    this.bandRange(frac, shift, color, alpha, 0, 1, dx, dy);
  }

  private bandRange(frac: number, shift: number, color: number, alpha: number, s0: number, s1: number, dx = 0, dy = 0): void {
    const g = this.graphics;
    const o = this.outline;
    g.fillStyle(color, alpha);
    g.beginPath();
    // Light direction (−0.6, −0.8): shift each section along its normal by the normal's share of it.
    let prevAx = 0,
      prevAy = 0,
      prevBx = 0,
      prevBy = 0;
    let have = false;
    for (let k = 0; k < o.count; k++) {
      const s = o.s[k];
      if (s < s0 || s > s1) {
        have = false;
        continue;
      }
      const r = o.r[k];
      const toward = -(o.nx[k] * 0.6 + o.ny[k] * 0.8);
      const c = shift * r * toward;
      const ax = o.cx[k] + o.nx[k] * (r * frac + c) + dx;
      const ay = o.cy[k] + o.ny[k] * (r * frac + c) + dy;
      const bx = o.cx[k] - o.nx[k] * (r * frac - c) + dx;
      const by = o.cy[k] - o.ny[k] * (r * frac - c) + dy;
      if (have) {
        tri(g, prevAx, prevAy, prevBx, prevBy, ax, ay);
        tri(g, prevBx, prevBy, bx, by, ax, ay);
      }
      prevAx = ax;
      prevAy = ay;
      prevBx = bx;
      prevBy = by;
      have = true;
    }
    g.fillPath();
  }

  /**
   * Tints one edge band (outer half of the half-width) by activation, grouped
   * into a few activation levels so each level is one fill. side: +1 left normal, −1 right.
   */
  private muscleEdge(muscles: ArrayLike<number>, segments: number, row: 0 | 1, side: 1 | -1): void {
    const g = this.graphics;
    const o = this.outline;
    const LV = 10;
    for (let level = 1; level <= LV; level++) {
      let any = false;
      let pOx = 0,
        pOy = 0,
        pIx = 0,
        pIy = 0,
        pA = 0;
      for (let k = 0; k < o.count; k++) {
        const r = o.r[k] * side;
        const ox = o.cx[k] + o.nx[k] * r;
        const oy = o.cy[k] + o.ny[k] * r;
        const ix = o.cx[k] + o.nx[k] * r * 0.5;
        const iy = o.cy[k] + o.ny[k] * r * 0.5;
        const a = muscleAt(muscles, segments, row, o.s[k]);
        if (k > 0 && Math.round(((a + pA) / 2) * LV) === level) {
          if (!any) {
            const act = level / LV;
            g.fillStyle(mix(palette.wormMid, palette.muscle, 0.35 + 0.65 * act), 0.25 + 0.75 * act);
            g.beginPath();
            any = true;
          }
          tri(g, pOx, pOy, pIx, pIy, ox, oy);
          tri(g, pIx, pIy, ix, iy, ox, oy);
        }
        pOx = ox;
        pOy = oy;
        pIx = ix;
        pIy = iy;
        pA = a;
      }
      if (any) g.fillPath();
    }
  }

  private pharynx(): void {
    const g = this.graphics;
    const o = this.outline;
    const at = (s: number): number => {
      let k = 0;
      while (k < o.count - 1 && o.s[k] < s) k++;
      return k;
    };
    const k0 = at(0.012);
    const k1 = at(0.125);
    const rBody = o.r[at(0.3)];
    g.lineStyle(Math.max(1, rBody * 0.16), palette.wormEdge, 0.7);
    g.beginPath();
    g.moveTo(o.cx[k0], o.cy[k0]);
    for (let k = k0 + 1; k <= k1; k++) g.lineTo(o.cx[k], o.cy[k]);
    g.strokePath();
    const meta = at(0.065);
    const bulb = at(0.118);
    g.fillStyle(palette.wormEdge, 0.6);
    g.fillCircle(o.cx[meta], o.cy[meta], rBody * 0.3);
    g.fillCircle(o.cx[bulb], o.cy[bulb], rBody * 0.42);
    g.fillStyle(palette.worm, 0.9);
    g.fillCircle(o.cx[bulb] - rBody * 0.1, o.cy[bulb] - rBody * 0.12, rBody * 0.16);
  }

  /** Nearest body position (0 nose .. 1 tail) to a screen point, and its distance in px; for pokes. */
  hit(px: number, py: number): { s: number; distPx: number; insideBody: boolean } {
    const o = this.outline;
    let best = Infinity;
    let bk = 0;
    for (let k = 0; k < o.count; k++) {
      const d = Math.hypot(px - o.cx[k], py - o.cy[k]);
      if (d < best) {
        best = d;
        bk = k;
      }
    }
    return { s: o.s[bk], distPx: best, insideBody: best <= o.r[bk] + 1 };
  }

  destroy(): void {
    this.graphics.destroy();
  }
}

/**
 * Adds a triangle to the current path, always counter-clockwise, so where the
 * body crosses itself the overlapping parts add up (non-zero fill) instead of
 * cancelling into a hole.
 */
function tri(g: Phaser.GameObjects.Graphics, ax: number, ay: number, bx: number, by: number, cx: number, cy: number): void {
  const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  g.moveTo(ax, ay);
  if (area >= 0) {
    g.lineTo(bx, by);
    g.lineTo(cx, cy);
  } else {
    g.lineTo(cx, cy);
    g.lineTo(bx, by);
  }
  g.closePath();
}
