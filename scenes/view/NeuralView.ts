import Phaser from 'phaser';
import type { NeuronRole } from '../../src/neural/types';
import { Tooltip } from '../ui/Tooltip';
import { mix, palette, ROLE_COLOR, textStyle } from '../ui/theme';
import { ActivityLevels, selectActiveEdges } from './activity';
import { GAP, type CircuitView } from './circuit-view';
import { layoutCircuit, type NeuralLayout } from './neural-layout';

export interface NeuralViewOptions {
  quality: 'high' | 'low';
  reducedMotion: boolean;
  /** Most synapses highlighted at once (brightest presynaptic neurons first). */
  maxActiveEdges?: number;
  /** Draw the colour key along the bottom. */
  legend?: boolean;
  /** Called when a neuron is clicked or tapped (circuit index). */
  onPick?: (index: number) => void;
  depth?: number;
}

export interface NeuralViewStats {
  activeEdges: number;
  edgeRedraws: number;
  nodeRedraws: number;
  /** Wall time of the last update() call, ms. */
  lastUpdateMs: number;
}

const LEVELS = 8;
const LEGEND_H = 26;
/** Room above each band for its caption, px. */
const CAPTION_H = 15;

/**
 * The nervous system as a graph. Nodes: grouped sensory / inter / motor (layered
 * layout, or the circuit's saved positions), coloured by role and brightened by
 * output; a spike flashes a halo. Edges: chemical synapses warm (excitatory,
 * arrow end) or cool (inhibitory, bar end), gap junctions green and dashed.
 * All synapses are baked dim into one texture; synapses of active neurons are
 * redrawn bright into a second texture only when activity changes visibly
 * (quantised levels), at most every edge interval. Hover names a neuron and its
 * value; click picks it (for the oscilloscope).
 */
export class NeuralView {
  private readonly scene: Phaser.Scene;
  private readonly bg: Phaser.GameObjects.Graphics;
  private staticRT: Phaser.GameObjects.RenderTexture | null = null;
  private activeRT: Phaser.GameObjects.RenderTexture | null = null;
  private readonly nodes: Phaser.GameObjects.Graphics;
  private readonly scratch: Phaser.GameObjects.Graphics;
  private readonly captions: Phaser.GameObjects.Text[] = [];
  private labels: Phaser.GameObjects.Text[] = [];
  private readonly emptyText: Phaser.GameObjects.Text;
  private circuit: CircuitView | null = null;
  private layout: NeuralLayout | null = null;
  private levels: ActivityLevels | null = null;
  private edgeBuf = new Int32Array(0);
  private maxWeight = 1;
  private rect = { x: 0, y: 0, w: 1, h: 1 };
  private placed = false;
  private picked: number[] = [];
  private pickedColors: number[] = [];
  private edgesDirty = true;
  private sinceEdgesMs = Infinity;
  private hover = -1;
  private sinceTooltipMs = 0;
  private lastOutput: ArrayLike<number> | null = null;
  private lastV: ArrayLike<number> | null = null;
  readonly stats: NeuralViewStats = { activeEdges: 0, edgeRedraws: 0, nodeRedraws: 0, lastUpdateMs: 0 };

  constructor(scene: Phaser.Scene, private readonly opts: NeuralViewOptions) {
    this.scene = scene;
    const depth = opts.depth ?? 20;
    this.bg = scene.add.graphics().setDepth(depth);
    this.nodes = scene.add.graphics().setDepth(depth + 3);
    this.scratch = scene.make.graphics({}, false);
    this.emptyText = scene.add
      .text(0, 0, 'No circuit loaded yet:\nthe nervous system will appear here', textStyle(14, { color: palette.textDim, align: 'center' }))
      .setOrigin(0.5)
      .setDepth(depth + 1);
    scene.input.on('pointermove', this.onMove, this);
    scene.input.on('pointerdown', this.onDown, this);
    scene.events.once('shutdown', () => this.destroy());
  }

  private get depth(): number {
    return this.opts.depth ?? 20;
  }

  private get edgeIntervalMs(): number {
    return this.opts.reducedMotion ? 200 : this.opts.quality === 'low' ? 100 : 50;
  }

  setCircuit(view: CircuitView | null): void {
    this.circuit = view;
    this.levels = view ? new ActivityLevels(view.ids.length, LEVELS, this.opts.reducedMotion ? 0 : 160) : null;
    this.edgeBuf = new Int32Array(Math.min(view?.synapseCount ?? 0, this.maxActive));
    let mw = 0;
    if (view) for (let e = 0; e < view.synapseCount; e++) mw = Math.max(mw, view.weight[e]);
    this.maxWeight = mw > 0 ? mw : 1;
    this.picked = [];
    this.relayout();
  }

  get circuitView(): CircuitView | null {
    return this.circuit;
  }

  private get maxActive(): number {
    return this.opts.maxActiveEdges ?? (this.opts.quality === 'low' ? 600 : 1500);
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x: Math.round(x), y: Math.round(y), w: Math.max(40, Math.round(w)), h: Math.max(40, Math.round(h)) };
    this.placed = true;
    this.relayout();
  }

  /** Neurons shown with a ring (e.g. those on the oscilloscope), each in its trace colour. */
  setPicked(indices: readonly number[], colors: readonly number[] = []): void {
    this.picked = [...indices];
    this.pickedColors = [...colors];
    this.drawNodes();
  }

  /** Screen position of neuron i (for tests and pointers), or null. */
  nodePosition(i: number): { x: number; y: number } | null {
    if (!this.layout || i < 0 || i >= this.layout.xy.length / 2) return null;
    return { x: this.rect.x + this.layout.xy[2 * i], y: this.rect.y + this.layout.xy[2 * i + 1] };
  }

  get nodeRadius(): number {
    return this.layout?.radius ?? 0;
  }

  /** Index of the neuron under a screen point, or −1. */
  nodeAt(px: number, py: number): number {
    const L = this.layout;
    if (!L) return -1;
    const lx = px - this.rect.x;
    const ly = py - this.rect.y;
    const reach = Math.max(L.radius + 3, 7);
    let best = -1;
    let bestD = reach;
    for (let i = 0; i < L.xy.length / 2; i++) {
      const d = Math.hypot(L.xy[2 * i] - lx, L.xy[2 * i + 1] - ly);
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * Feeds one frame of activity (circuit order). `v` (mV) is only shown in the
   * hover text. Cheap when nothing visible changed.
   */
  update(output: ArrayLike<number>, spiked: ArrayLike<number> | null, dtMs: number, v: ArrayLike<number> | null = null): void {
    const t0 = performance.now();
    this.lastOutput = output;
    this.lastV = v;
    this.sinceEdgesMs += dtMs;
    this.sinceTooltipMs += dtMs;
    if (this.levels) {
      const changed = this.levels.update(output, spiked, dtMs);
      if (changed > 0) {
        this.edgesDirty = true;
        this.drawNodes();
      }
      if (this.edgesDirty && this.sinceEdgesMs >= this.edgeIntervalMs) this.drawActiveEdges();
    }
    if (this.hover >= 0 && this.sinceTooltipMs > 250) this.showHover();
    this.stats.lastUpdateMs = performance.now() - t0;
  }

  // ---- layout and drawing -------------------------------------------------

  private graphRect(): { w: number; h: number } {
    return { w: Math.max(10, this.rect.w), h: Math.max(10, this.rect.h - (this.opts.legend ? LEGEND_H : 0)) };
  }

  private relayout(): void {
    if (!this.placed) return; // nothing to draw until setRect() gives a size
    const { x, y, w, h } = this.rect;
    this.bg.clear();
    this.captions.forEach((c) => c.destroy());
    this.captions.length = 0;
    this.labels.forEach((l) => l.destroy());
    this.labels = [];
    this.emptyText.setPosition(x + w / 2, y + h / 2).setVisible(!this.circuit);
    this.bg.fillStyle(palette.bgDeep, 0.9);
    this.bg.fillRoundedRect(x, y, w, h, 10);
    this.bg.lineStyle(1, palette.border, 1);
    this.bg.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 10);
    this.staticRT?.destroy();
    this.activeRT?.destroy();
    this.staticRT = this.activeRT = null;
    if (this.opts.legend) this.drawLegend();
    const view = this.circuit;
    if (!view) {
      this.layout = null;
      this.nodes.clear();
      return;
    }
    const gr = this.graphRect();
    this.layout = layoutCircuit(view, gr.w, gr.h, 12, CAPTION_H);
    const L = this.layout;

    // Band captions and faint band backgrounds.
    for (const b of L.bands) {
      this.bg.fillStyle(ROLE_COLOR[b.role], 0.05);
      this.bg.fillRoundedRect(x + 4, y + b.top - CAPTION_H, w - 8, b.bottom - b.top + CAPTION_H + 2, 8);
      const cap = this.scene.add
        .text(x + 12, y + b.top - CAPTION_H + 2, `${b.role.toUpperCase()} · ${b.count}`, textStyle(10, { color: ROLE_COLOR[b.role], bold: true }))
        .setBackgroundColor('rgba(10,14,19,0.75)')
        .setPadding(3, 1, 3, 1)
        .setDepth(this.depth + 4);
      this.captions.push(cap);
    }

    this.staticRT = this.scene.add.renderTexture(x, y, gr.w, gr.h).setOrigin(0, 0).setDepth(this.depth + 1);
    this.activeRT = this.scene.add.renderTexture(x, y, gr.w, gr.h).setOrigin(0, 0).setDepth(this.depth + 2);
    this.drawStaticEdges();
    this.edgesDirty = true;
    this.sinceEdgesMs = Infinity;
    this.drawActiveEdges();

    if (L.spacing >= 30 && view.ids.length <= 150) {
      this.labels = view.ids.map((id, i) =>
        this.scene.add
          .text(x + L.xy[2 * i], y + L.xy[2 * i + 1] + L.radius + 2, id, textStyle(10, { color: palette.textMuted }))
          .setOrigin(0.5, 0)
          .setDepth(this.depth + 4),
      );
    }
    this.drawNodes();
  }

  private drawStaticEdges(): void {
    const view = this.circuit;
    const L = this.layout;
    const rt = this.staticRT;
    if (!view || !L || !rt) return;
    const g = this.scratch;
    g.clear();
    const m = view.synapseCount;
    const alpha = Math.max(0.05, Math.min(0.45, 9 / Math.sqrt(Math.max(1, m))));
    const markers = L.radius >= 4 && m <= 600;
    for (let e = 0; e < m; e++) this.edge(g, e, alpha, 1, markers);
    rt.clear();
    rt.draw(g, 0, 0);
    rt.render();
  }

  private drawActiveEdges(): void {
    const view = this.circuit;
    const L = this.layout;
    const rt = this.activeRT;
    const lv = this.levels;
    if (!view || !L || !rt || !lv) return;
    this.edgesDirty = false;
    this.sinceEdgesMs = 0;
    const n = selectActiveEdges(lv.level, LEVELS, view.preStart, 2, this.maxActive, this.edgeBuf);
    const g = this.scratch;
    g.clear();
    const markers = L.radius >= 2.5 && n <= 400;
    // Many lit synapses at once would paint the panel solid: fade each as the count grows.
    const crowd = Math.min(1, Math.sqrt(150 / Math.max(1, n)));
    for (let k = 0; k < n; k++) {
      const e = this.edgeBuf[k];
      const level = lv.level[view.pre[e]] / LEVELS;
      const strength = Math.min(1, view.weight[e] / this.maxWeight);
      const width = 0.8 + 1.4 * strength;
      this.edge(g, e, crowd * (0.15 + 0.85 * level) * (0.5 + 0.5 * strength), width, markers);
    }
    rt.clear();
    if (n > 0) rt.draw(g, 0, 0);
    rt.render();
    this.stats.activeEdges = n;
    this.stats.edgeRedraws++;
  }

  /** One synapse into g (local coordinates). */
  private edge(g: Phaser.GameObjects.Graphics, e: number, alpha: number, width: number, markers: boolean): void {
    const view = this.circuit!;
    const L = this.layout!;
    const a = view.pre[e];
    const b = view.post[e];
    if (a === b) return;
    let x1 = L.xy[2 * a], y1 = L.xy[2 * a + 1];
    let x2 = L.xy[2 * b], y2 = L.xy[2 * b + 1];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) return;
    const ux = dx / len;
    const uy = dy / len;
    const r = L.radius + 1;
    x1 += ux * r;
    y1 += uy * r;
    x2 -= ux * r;
    y2 -= uy * r;
    const gap = view.kind[e] === GAP;
    const color = gap ? palette.gap : view.sign[e] < 0 ? palette.inhibitory : palette.excitatory;
    g.lineStyle(width, color, alpha);
    // Edges within a row would run over the nodes between: bow them.
    const sameRow = Math.abs(dy) < L.spacing * 0.5 && len > L.spacing * 1.5;
    if (sameRow) {
      const bow = Math.min(len * 0.22, L.spacing * 3);
      const cx = (x1 + x2) / 2;
      // Left-to-right edges bow up, right-to-left down (an arc diagram), kept inside the view.
      const cy = Math.max(2, Math.min(this.graphRect().h - 2, (y1 + y2) / 2 + (dx > 0 ? -bow : bow)));
      const steps = 10;
      let px = x1, py = y1;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const qx = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * cx + t * t * x2;
        const qy = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * cy + t * t * y2;
        if (!gap || i % 2 === 1) g.lineBetween(px, py, qx, qy);
        px = qx;
        py = qy;
      }
      if (markers && !gap) this.marker(g, view.sign[e], x2, y2, x2 - cx, y2 - cy, color, alpha, width);
      return;
    }
    if (gap) dashed(g, x1, y1, x2, y2, 4, 3);
    else g.lineBetween(x1, y1, x2, y2);
    if (markers && !gap) this.marker(g, view.sign[e], x2, y2, ux, uy, color, alpha, width);
  }

  /** Arrowhead (excitatory) or bar (inhibitory) at the postsynaptic end, pointing along (dx, dy). */
  private marker(g: Phaser.GameObjects.Graphics, sign: number, x: number, y: number, dx: number, dy: number, color: number, alpha: number, width: number): void {
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const s = Math.max(3, Math.min(7, this.layout!.radius * 0.9)) + width;
    if (sign < 0) {
      g.lineStyle(width + 0.8, color, alpha);
      g.lineBetween(x - uy * s * 0.7, y + ux * s * 0.7, x + uy * s * 0.7, y - ux * s * 0.7);
    } else {
      g.fillStyle(color, alpha);
      g.fillTriangle(x, y, x - ux * s - uy * s * 0.5, y - uy * s + ux * s * 0.5, x - ux * s + uy * s * 0.5, y - uy * s - ux * s * 0.5);
    }
  }

  private drawNodes(): void {
    const g = this.nodes;
    g.clear();
    const view = this.circuit;
    const L = this.layout;
    if (!view || !L) return;
    this.stats.nodeRedraws++;
    const lv = this.levels;
    const { x: ox, y: oy } = this.rect;
    const r = L.radius;
    const halos = !this.opts.reducedMotion && this.opts.quality === 'high';
    for (let i = 0; i < view.ids.length; i++) {
      const role = view.roles[i] as NeuronRole;
      const base = ROLE_COLOR[role];
      const level = lv ? lv.level[i] / LEVELS : 0;
      const flash = lv ? lv.flash[i] : 0;
      const x = ox + L.xy[2 * i];
      const y = oy + L.xy[2 * i + 1];
      if (halos && flash > 0.05) {
        g.fillStyle(0xffffff, 0.35 * flash);
        g.fillCircle(x, y, r * (1.5 + flash));
      }
      let fill = mix(mix(palette.panel, base, 0.3), base, level);
      if (flash > 0) fill = mix(fill, 0xffffff, 0.7 * flash);
      g.fillStyle(fill, 1);
      g.fillCircle(x, y, r);
      if (r >= 3) {
        g.lineStyle(1, base, 0.55 + 0.45 * level);
        g.strokeCircle(x, y, r);
      }
    }
    this.picked.forEach((i, k) => {
      const p = this.nodePosition(i);
      if (!p) return;
      g.lineStyle(2, this.pickedColors[k] ?? palette.focus, 1);
      g.strokeCircle(p.x, p.y, r + 3);
    });
    if (this.hover >= 0) {
      const p = this.nodePosition(this.hover);
      if (p) {
        g.lineStyle(1.5, palette.text, 0.9);
        g.strokeCircle(p.x, p.y, r + 2);
      }
    }
  }

  private drawLegend(): void {
    const { x, y, w, h } = this.rect;
    const ly = y + h - LEGEND_H / 2;
    const g = this.bg;
    let cx = x + 12;
    const item = (draw: (x: number) => void, label: string): void => {
      draw(cx);
      const t = this.scene.add.text(cx + 20, ly, label, textStyle(11, { color: palette.textMuted })).setOrigin(0, 0.5).setDepth(this.depth + 4);
      this.captions.push(t);
      cx += 20 + t.width + 14;
    };
    for (const role of ['sensory', 'inter', 'motor'] as const) {
      item((px) => {
        g.fillStyle(ROLE_COLOR[role], 1);
        g.fillCircle(px + 7, ly, 5);
      }, role);
    }
    item((px) => {
      g.lineStyle(2, palette.excitatory, 1);
      g.lineBetween(px, ly, px + 12, ly);
      g.fillStyle(palette.excitatory, 1);
      g.fillTriangle(px + 16, ly, px + 10, ly - 4, px + 10, ly + 4);
    }, 'excitatory');
    item((px) => {
      g.lineStyle(2, palette.inhibitory, 1);
      g.lineBetween(px, ly, px + 14, ly);
      g.lineBetween(px + 15, ly - 5, px + 15, ly + 5);
    }, 'inhibitory');
    item((px) => {
      g.lineStyle(2, palette.gap, 1);
      dashed(g, px, ly, px + 16, ly, 4, 3);
    }, 'gap junction');
    // Hide the legend items that do not fit a narrow view.
    for (const t of this.captions) if (t.x + t.width > x + w - 4) t.setVisible(false);
  }

  // ---- input ----------------------------------------------------------------

  private inside(p: Phaser.Input.Pointer): boolean {
    const { x, y, w, h } = this.rect;
    return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h;
  }

  private onMove(p: Phaser.Input.Pointer): void {
    const i = this.inside(p) ? this.nodeAt(p.x, p.y) : -1;
    if (i === this.hover) return;
    this.hover = i;
    if (i < 0) Tooltip.of(this.scene).hide();
    else this.showHover();
    this.drawNodes();
  }

  private showHover(): void {
    const view = this.circuit;
    const i = this.hover;
    const pos = this.nodePosition(i);
    if (!view || i < 0 || !pos) return;
    this.sinceTooltipMs = 0;
    const out = this.lastOutput ? ` · output ${this.lastOutput[i].toFixed(2)}` : '';
    const v = this.lastV ? ` · V ${this.lastV[i].toFixed(1)} mV` : '';
    let inCount = 0;
    for (let e = 0; e < view.synapseCount; e++) if (view.post[e] === i) inCount++;
    const outCount = view.preStart[i + 1] - view.preStart[i];
    Tooltip.of(this.scene).show(`${view.ids[i]} (${view.roles[i]})${out}${v}\n${inCount} in · ${outCount} out · click to probe`, pos, 0);
  }

  private onDown(p: Phaser.Input.Pointer): void {
    if (!this.inside(p)) return;
    const i = this.nodeAt(p.x, p.y);
    if (i >= 0) this.opts.onPick?.(i);
  }

  destroy(): void {
    this.scene.input?.off('pointermove', this.onMove, this);
    this.scene.input?.off('pointerdown', this.onDown, this);
    this.staticRT?.destroy();
    this.activeRT?.destroy();
    this.scratch.destroy();
  }
}

function dashed(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gapLen: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 1e-6) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gapLen) {
    const e = Math.min(len, d + dash);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}
