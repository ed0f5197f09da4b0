import type Phaser from 'phaser';
import { palette } from '../ui/theme';
import { GAP, type CircuitView } from './circuit-view';
import type { NeuralLayout } from './neural-layout';
import { dashedPath } from './neural-legend';

/** Alpha levels synapses are drawn at (more levels, more draw calls). */
export const ALPHA_STEPS = 6;

/**
 * The neural view's synapses as a few batched paths: for a circuit laid out
 * in a box, every synapse (or a chosen list) is bucketed by style and drawn
 * one path and one stroke per bucket; edges along a row bow into arcs so they
 * do not run over the neurons between.
 */
export class EdgeBatcher {
  constructor(
    private readonly view: CircuitView,
    private readonly layout: NeuralLayout,
    /** Height of the drawing box, px (bows stay inside it). */
    private readonly height: number,
  ) {}

  /**
   * Draws synapses grouped by style (type × quantised alpha × width) so each
   * group is one path and one stroke: a few dozen draw calls instead of one
   * per synapse, which is what keeps thousands of edges cheap in both renderers.
   * `edges` lists synapse indices (null: 0..count−1).
   */
  draw(
    g: Phaser.GameObjects.Graphics,
    edges: Int32Array | null,
    count: number,
    alphaOf: (e: number) => number,
    widthOf: (e: number) => 1 | 2,
    markers: boolean,
  ): void {
    const view = this.view;
    if (this.bucketOf.length < count) {
      this.bucketOf = new Uint8Array(count);
      this.order = new Int32Array(count);
    }
    const counts = this.bucketCounts;
    counts.fill(0);
    for (let k = 0; k < count; k++) {
      const e = edges ? edges[k] : k;
      const type = view.kind[e] === GAP ? 2 : view.sign[e] < 0 ? 1 : 0;
      const a = Math.min(ALPHA_STEPS, Math.round(alphaOf(e) * ALPHA_STEPS));
      const b = a === 0 ? 255 : (type * (ALPHA_STEPS + 1) + a) * 2 + (widthOf(e) - 1);
      this.bucketOf[k] = b;
      if (b !== 255) counts[b]++;
    }
    // Counting sort of the edges by bucket.
    const start = this.bucketStart;
    let acc = 0;
    for (let b = 0; b < counts.length; b++) {
      start[b] = acc;
      acc += counts[b];
    }
    const fill = this.bucketFill;
    fill.set(start);
    for (let k = 0; k < count; k++) {
      const b = this.bucketOf[k];
      if (b !== 255) this.order[fill[b]++] = edges ? edges[k] : k;
    }
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] === 0) continue;
      const width = (b % 2) + 1;
      const a = Math.floor(b / 2) % (ALPHA_STEPS + 1);
      const type = Math.floor(b / 2 / (ALPHA_STEPS + 1));
      const color = type === 2 ? palette.gap : type === 1 ? palette.inhibitory : palette.excitatory;
      const alpha = a / ALPHA_STEPS;
      g.lineStyle(width, color, alpha);
      g.beginPath();
      for (let k = start[b]; k < start[b] + counts[b]; k++) this.edgePath(g, this.order[k], markers && type === 1, width);
      g.strokePath();
      if (markers && type === 0) {
        g.fillStyle(color, alpha);
        g.beginPath();
        for (let k = start[b]; k < start[b] + counts[b]; k++) this.arrowPath(g, this.order[k], width);
        g.fillPath();
      }
    }
  }

  private bucketOf = new Uint8Array(0);
  private order = new Int32Array(0);
  private readonly bucketCounts = new Int32Array(3 * (ALPHA_STEPS + 1) * 2);
  private readonly bucketStart = new Int32Array(3 * (ALPHA_STEPS + 1) * 2);
  private readonly bucketFill = new Int32Array(3 * (ALPHA_STEPS + 1) * 2);

  /** End points of synapse e, trimmed to the node rims, and its bow control point if it bows; false if degenerate. */
  private geom(e: number): boolean {
    const view = this.view;
    const L = this.layout;
    const a = view.pre[e];
    const b = view.post[e];
    if (a === b) return false;
    const G = this.eg;
    let x1 = L.xy[2 * a],
      y1 = L.xy[2 * a + 1];
    let x2 = L.xy[2 * b],
      y2 = L.xy[2 * b + 1];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) return false;
    const ux = dx / len;
    const uy = dy / len;
    const r = L.radius + 1;
    x1 += ux * r;
    y1 += uy * r;
    x2 -= ux * r;
    y2 -= uy * r;
    G.x1 = x1;
    G.y1 = y1;
    G.x2 = x2;
    G.y2 = y2;
    // Edges within a row would run over the nodes between: bow them. Left-to-right
    // bows up, right-to-left down (an arc diagram), kept inside the view.
    G.bowed = Math.abs(dy) < L.spacing * 0.5 && len > L.spacing * 1.5;
    if (G.bowed) {
      const bow = Math.min(len * 0.22, L.spacing * 3);
      G.cx = (x1 + x2) / 2;
      G.cy = Math.max(2, Math.min(this.height - 2, (y1 + y2) / 2 + (dx > 0 ? -bow : bow)));
      const tx = x2 - G.cx;
      const ty = y2 - G.cy;
      const tl = Math.hypot(tx, ty) || 1;
      G.ux = tx / tl;
      G.uy = ty / tl;
    } else {
      G.ux = ux;
      G.uy = uy;
    }
    return true;
  }

  private readonly eg = { x1: 0, y1: 0, x2: 0, y2: 0, cx: 0, cy: 0, ux: 0, uy: 0, bowed: false };

  /** Adds synapse e to the current path (dashed for gap junctions; with a bar end if `bar`). */
  private edgePath(g: Phaser.GameObjects.Graphics, e: number, bar: boolean, width: number): void {
    if (!this.geom(e)) return;
    const G = this.eg;
    const gap = this.view.kind[e] === GAP;
    if (G.bowed) {
      const steps = 10;
      let px = G.x1,
        py = G.y1;
      if (!gap) g.moveTo(px, py);
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const qx = (1 - t) * (1 - t) * G.x1 + 2 * (1 - t) * t * G.cx + t * t * G.x2;
        const qy = (1 - t) * (1 - t) * G.y1 + 2 * (1 - t) * t * G.cy + t * t * G.y2;
        if (!gap) g.lineTo(qx, qy);
        else if (i % 2 === 1) {
          g.moveTo(px, py);
          g.lineTo(qx, qy);
        }
        px = qx;
        py = qy;
      }
    } else if (gap) {
      dashedPath(g, G.x1, G.y1, G.x2, G.y2, 4, 3);
    } else {
      g.moveTo(G.x1, G.y1);
      g.lineTo(G.x2, G.y2);
    }
    if (bar) {
      const s = this.markerSize(width) * 0.7;
      g.moveTo(G.x2 - G.uy * s, G.y2 + G.ux * s);
      g.lineTo(G.x2 + G.uy * s, G.y2 - G.ux * s);
    }
  }

  /** Adds the arrowhead of synapse e to the current (fill) path. */
  private arrowPath(g: Phaser.GameObjects.Graphics, e: number, width: number): void {
    if (!this.geom(e)) return;
    const { x2: x, y2: y, ux, uy } = this.eg;
    const s = this.markerSize(width);
    g.moveTo(x, y);
    g.lineTo(x - ux * s - uy * s * 0.5, y - uy * s + ux * s * 0.5);
    g.lineTo(x - ux * s + uy * s * 0.5, y - uy * s - ux * s * 0.5);
    g.closePath();
  }

  private markerSize(width: number): number {
    return Math.max(3, Math.min(7, this.layout.radius * 0.9)) + width;
  }
}
