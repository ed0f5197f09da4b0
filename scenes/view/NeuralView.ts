import type Phaser from 'phaser';
import { Tooltip } from '../ui/Tooltip';
import { css, fontPx, mix, palette, ROLE_COLOR, textStyle } from '../ui/theme';
import { ActivityLevels, selectActiveEdges } from './activity';
import type { CircuitView } from './circuit-view';
import { layoutCircuit, type NeuralLayout } from './neural-layout';
import { EdgeBatcher } from './edge-batch';
import { drawNeuralLegend } from './neural-legend';

export interface NeuralViewOptions {
  quality: 'high' | 'low';
  reducedMotion: boolean;
  /** Most synapses highlighted at once (brightest presynaptic neurons first). */
  maxActiveEdges?: number;
  /** Draw the colour key along the bottom. */
  legend?: boolean;
  /** Called when a neuron is clicked or tapped (circuit index). */
  onPick?: (index: number) => void;
  /** What a click on a neuron does, for its tooltip ("probe" unless told, e.g. "ablate"). */
  pickVerb?: () => string;
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
/** Partners named around a neuron in focus (the strongest by total weight). */
const FOCUS_PARTNERS = 12;
/** Room above each band for its caption (10 px text at the player's text size), px. */
const captionH = (): number => fontPx(10) + 5;

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
  private edges: EdgeBatcher | null = null;
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
  /** Height of the legend along the bottom (0 without one), px, and its labels. */
  private legendH = 0;
  private legendTexts: Phaser.GameObjects.Text[] = [];
  /** The neuron in focus (−1: none) and the names shown for it. */
  private focus = -1;
  private focusLabels: Phaser.GameObjects.Text[] = [];
  readonly stats: NeuralViewStats = { activeEdges: 0, edgeRedraws: 0, nodeRedraws: 0, lastUpdateMs: 0 };

  constructor(
    scene: Phaser.Scene,
    private readonly opts: NeuralViewOptions,
  ) {
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
    this.focus = -1;
    this.relayout();
  }

  /** The legend's labels and whether each lies whole inside the view (for layout checks). */
  get legendInfo(): { labels: string[]; allInside: boolean } {
    const { x, y, w, h } = this.rect;
    const texts = this.legendTexts.filter((t) => t.active);
    return {
      labels: texts.map((t) => t.text),
      allInside: texts.every((t) => t.x >= x && t.x + t.width <= x + w && t.y - t.height / 2 >= y && t.y + t.height / 2 <= y + h),
    };
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

  /**
   * Puts one neuron in focus (−1: none): its synapses bright over the rest,
   * faded, and its name and its partners' names shown even where a big
   * circuit shows no names (how the 302-neuron worm stays readable).
   */
  setFocus(index: number): void {
    const n = this.circuit?.ids.length ?? 0;
    this.focus = index >= 0 && index < n ? index : -1;
    this.drawStaticEdges();
    this.drawFocusLabels();
  }

  get focused(): number {
    return this.focus;
  }

  private drawFocusLabels(): void {
    this.focusLabels.forEach((t) => t.destroy());
    this.focusLabels = [];
    const view = this.circuit;
    const L = this.layout;
    const f = this.focus;
    if (!view || !L || f < 0) return;
    // Its name, and its strongest partners' (a hub like AVA has dozens: their names would pile up).
    const weightTo = new Map<number, number>();
    for (let e = 0; e < view.synapseCount; e++) {
      const other = view.pre[e] === f ? view.post[e] : view.post[e] === f ? view.pre[e] : -1;
      if (other >= 0 && other !== f) weightTo.set(other, (weightTo.get(other) ?? 0) + view.weight[e]);
    }
    const partners = [...weightTo].sort((a, b) => b[1] - a[1]).slice(0, FOCUS_PARTNERS);
    const show = [f, ...partners.map(([i]) => i)];
    for (const i of show) {
      const t = this.scene.add
        .text(
          this.rect.x + L.xy[2 * i],
          this.rect.y + L.xy[2 * i + 1] - L.radius - 1,
          view.ids[i],
          textStyle(i === f ? 12 : 10, { color: i === f ? palette.text : palette.textMuted, bold: i === f }),
        )
        .setOrigin(0.5, 1)
        .setStroke(css(palette.bgDeep), 3)
        .setDepth(this.depth + 5);
      this.focusLabels.push(t);
    }
  }

  /** Neurons shown with a ring (e.g. those on the oscilloscope), each in its trace colour. */
  setPicked(indices: readonly number[], colors: readonly number[] = []): void {
    this.picked = [...indices];
    this.pickedColors = [...colors];
    this.drawNodes();
  }

  get bounds(): { x: number; y: number; w: number; h: number } {
    return this.rect;
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
    return { w: Math.max(10, this.rect.w), h: Math.max(10, this.rect.h - this.legendH) };
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
    this.bg.fillStyle(palette.bgDeep, 1);
    this.bg.fillRoundedRect(x, y, w, h, 10);
    this.bg.lineStyle(1, palette.border, 1);
    this.bg.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 10);
    this.staticRT?.destroy();
    this.activeRT?.destroy();
    this.staticRT = this.activeRT = null;
    this.legendH = 0;
    if (this.opts.legend) {
      const legend = drawNeuralLegend(this.scene, this.bg, this.rect, this.depth + 4);
      this.captions.push(...legend.texts);
      this.legendTexts = legend.texts;
      this.legendH = legend.height;
    }
    const view = this.circuit;
    if (!view) {
      this.layout = null;
      this.edges = null;
      this.nodes.clear();
      return;
    }
    const gr = this.graphRect();
    this.layout = layoutCircuit(view, gr.w, gr.h, 12, captionH());
    const L = this.layout;
    this.edges = new EdgeBatcher(view, L, gr.h);

    // Band captions and faint band backgrounds.
    for (const b of L.bands) {
      this.bg.fillStyle(ROLE_COLOR[b.role], 0.05);
      this.bg.fillRoundedRect(x + 4, y + b.top - captionH(), w - 8, b.bottom - b.top + captionH() + 2, 8);
      const cap = this.scene.add
        .text(x + 12, y + b.top - captionH() + 2, `${b.role.toUpperCase()} · ${b.count}`, textStyle(10, { color: ROLE_COLOR[b.role], bold: true }))
        .setBackgroundColor('rgba(10,14,19,0.75)')
        .setPadding(3, 1, 3, 1)
        .setDepth(this.depth + 4);
      this.captions.push(cap);
    }

    this.staticRT = this.scene.add
      .renderTexture(x, y, gr.w, gr.h)
      .setOrigin(0, 0)
      .setDepth(this.depth + 1);
    this.activeRT = this.scene.add
      .renderTexture(x, y, gr.w, gr.h)
      .setOrigin(0, 0)
      .setDepth(this.depth + 2);
    this.drawStaticEdges();
    this.edgesDirty = true;
    this.sinceEdgesMs = Infinity;
    this.drawActiveEdges();

    if (L.spacing >= 30 && view.ids.length <= 150) {
      this.labels = view.ids.map((id, i) => {
        const label = this.scene.add
          .text(x + L.xy[2 * i], y + L.xy[2 * i + 1] + L.radius + 2, id, textStyle(10, { color: palette.textMuted }))
          .setOrigin(0.5, 0)
          // A dark outline keeps names readable where edges cross them.
          .setStroke(css(palette.bgDeep), 3)
          .setDepth(this.depth + 4);
        // Long names (CHEML, CHEMR side by side) shrink to their column instead of running into the next one,
        // and a tall one (a large text size) to the gap above the next row's neurons.
        const scale = Math.min(1, (L.spacing - 4) / label.width, (L.spacing - 2 * L.radius - 3) / label.height);
        if (scale < 1) label.setScale(scale);
        return label;
      });
    }
    this.drawFocusLabels();
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
    const f = this.focus;
    // With a neuron in focus, everything else fades and its own synapses (in and out) are drawn bright over it.
    const alpha = Math.max(0.05, Math.min(0.45, 9 / Math.sqrt(Math.max(1, m)))) * (f >= 0 ? 0.35 : 1);
    const markers = L.radius >= 4 && m <= 600;
    this.edges!.draw(
      g,
      null,
      m,
      () => alpha,
      () => 1,
      markers,
    );
    if (f >= 0) {
      const own = Int32Array.from({ length: m }, (_, e) => e).filter((e) => view.pre[e] === f || view.post[e] === f);
      this.edges!.draw(
        g,
        own,
        own.length,
        () => 1,
        () => 2,
        L.radius >= 2.5,
      );
    }
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
    const strength = (e: number): number => Math.min(1, view.weight[e] / this.maxWeight);
    this.edges!.draw(
      g,
      this.edgeBuf,
      n,
      (e) => crowd * (0.15 + (0.85 * lv.level[view.pre[e]]) / LEVELS) * (0.5 + 0.5 * strength(e)),
      (e) => (strength(e) > 0.5 ? 2 : 1),
      markers,
    );
    rt.clear();
    if (n > 0) rt.draw(g, 0, 0);
    rt.render();
    this.stats.activeEdges = n;
    this.stats.edgeRedraws++;
  }

  /** Nodes, grouped by fill colour (role × level × flash) so each group is one path and one fill. */
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
    const n = view.ids.length;
    const halos = !this.opts.reducedMotion && this.opts.quality === 'high';
    const FL = 4; // flash steps
    const roleIdx = (i: number): number => (view.roles[i] === 'sensory' ? 0 : view.roles[i] === 'inter' ? 1 : 2);
    const roles = ['sensory', 'inter', 'motor'] as const;
    const key = (i: number): number => {
      const level = lv ? lv.level[i] : 0;
      const flash = lv ? Math.round(lv.flash[i] * FL) : 0;
      return (roleIdx(i) * (LEVELS + 1) + level) * (FL + 1) + flash;
    };
    const circles = (filter: (i: number) => boolean, radius: (i: number) => number): void => {
      g.beginPath();
      for (let i = 0; i < n; i++) {
        if (!filter(i)) continue;
        const x = ox + L.xy[2 * i];
        const y = oy + L.xy[2 * i + 1];
        const rr = radius(i);
        g.moveTo(x + rr, y);
        g.arc(x, y, rr, 0, Math.PI * 2);
      }
    };
    if (halos && lv) {
      for (let f = 1; f <= FL; f++) {
        if (!lv.flash.some((v) => Math.round(v * FL) === f)) continue;
        g.fillStyle(0xffffff, (0.35 * f) / FL);
        circles(
          (i) => Math.round(lv.flash[i] * FL) === f,
          () => r * (1.5 + f / FL),
        );
        g.fillPath();
      }
    }
    // Which buckets are in use.
    const used = this.nodeBuckets;
    used.fill(0);
    if (this.nodeKey.length !== n) this.nodeKey = new Uint16Array(n);
    const keys = this.nodeKey;
    for (let i = 0; i < n; i++) {
      keys[i] = key(i);
      used[keys[i]] = 1;
    }
    for (let b = 0; b < used.length; b++) {
      if (!used[b]) continue;
      const flash = b % (FL + 1);
      const level = Math.floor(b / (FL + 1)) % (LEVELS + 1);
      const role = roles[Math.floor(b / (FL + 1) / (LEVELS + 1))];
      const base = ROLE_COLOR[role];
      let fill = mix(mix(palette.panel, base, 0.3), base, level / LEVELS);
      if (flash > 0) fill = mix(fill, 0xffffff, (0.7 * flash) / FL);
      g.fillStyle(fill, 1);
      circles(
        (i) => keys[i] === b,
        () => r,
      );
      g.fillPath();
    }
    if (r >= 3) {
      for (let ri = 0; ri < 3; ri++) {
        g.lineStyle(1, ROLE_COLOR[roles[ri]], 0.75);
        circles(
          (i) => roleIdx(i) === ri,
          () => r,
        );
        g.strokePath();
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

  private readonly nodeBuckets = new Uint8Array(3 * (LEVELS + 1) * 5);
  private nodeKey = new Uint16Array(0);

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
    Tooltip.of(this.scene).show(
      `${view.ids[i]} (${view.roles[i]})${out}${v}\n${inCount} in · ${outCount} out · click to ${this.opts.pickVerb?.() ?? 'probe'}`,
      pos,
      0,
    );
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
