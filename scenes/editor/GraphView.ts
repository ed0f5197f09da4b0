import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import {
  graphToMinimap,
  graphToScreen,
  minimapToGraph,
  NODE_RADIUS,
  pathMiddle,
  placeLabels,
  screenToGraph,
  visibleRect,
  type EdgeGeometry,
  type EditorModel,
  type MinimapGeometry,
  type Point,
  type SynapseKey,
} from '../../src/editor';
import { GraphGestures, RIM, type GesturePointer } from '../../src/editor/gesture';
import { css, mix, palette, textStyle } from '../ui/theme';
import { drawSynapseEnd, strokeEdgePath } from './edge-draw';

/** What a click on empty canvas does while a palette item is armed. */
export interface Placing {
  role: 'sensory' | 'inter' | 'motor';
  model: string;
}

export interface GraphViewHooks {
  /** The palette item armed for placing, or null. */
  placing(): Placing | null;
  /** Place a neuron at a graph point (the scene calls the model and reports refusals). */
  place(p: Point, keepArmed: boolean): void;
  /** Whether every drag from a neuron connects (the Connect tool), not only drags from its rim. */
  connectMode(): boolean;
  /** Gap junctions by default (the palette's Gap junction tool; Alt flips it). */
  gapMode(): boolean;
  connect(from: string, to: string, gap: boolean): void;
  /** Latest neural output (0..1) by neuron id order of `ids`, or null when no worm runs. */
  activity(): { ids: readonly string[]; output: ArrayLike<number>; v?: ArrayLike<number> } | null;
  /** The running worm's plastic weights by synapse key, or null. */
  learned(): ReadonlyMap<SynapseKey, number> | null;
  status(text: string): void;
  /** Double-click on a neuron: probe it. */
  probe(id: string): void;
}

/** A synapse's line width on screen: grows with log(1 + weight) and the zoom (thinner on big graphs). */
const edgeWidth = (w: number, z: number, big: boolean): number => Math.max(1, Math.min(5, (big ? 0.6 : 1.4) + Math.log1p(w) * z * 0.9));

const ROLE_COLOR: Record<string, number> = { sensory: palette.sensory, inter: palette.inter, motor: palette.motor };
const MINIMAP = { w: 170, h: 110, pad: 8 };
/** Minimap size for a graph area: at most 170 × 110 px, at most a fifth of the area's width. */
const miniSize = (w: number): { w: number; h: number } => {
  const mw = Math.max(90, Math.min(MINIMAP.w, Math.round(w * 0.2)));
  return { w: mw, h: Math.round((mw * MINIMAP.h) / MINIMAP.w) };
};
/**
 * The circuit as a graph on the canvas, drawn from EditorModel.geometry():
 * neurons coloured by role, chemical synapses as arrows (excitatory orange
 * with an arrowhead, inhibitory blue ending in a bar), gap junctions as green
 * dashed lines with no head; selection, warnings, live activity (neurons glow
 * with their output, synapses flash while their presynaptic neuron is active),
 * a minimap; and the pointer gestures that edit it.
 */
export class GraphView {
  /** The synapses, drawn off screen when something changed and shown as one texture every frame (2,800 lines cost too much to re-render each frame in software WebGL). */
  private readonly edgesG: Phaser.GameObjects.Graphics;
  private readonly edgesRT: Phaser.GameObjects.RenderTexture;
  private readonly flashG: Phaser.GameObjects.Graphics;
  private readonly nodesG: Phaser.GameObjects.Graphics;
  private readonly overG: Phaser.GameObjects.Graphics;
  private readonly matte: Phaser.GameObjects.Graphics;
  private readonly miniG: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private readonly emptyText: Phaser.GameObjects.Text;
  /** Numbers for what is under the pointer: a neuron's potential and output, a synapse's weight and sign. */
  private readonly readout: Phaser.GameObjects.Text;
  private rect = { x: 0, y: 0, w: 1, h: 1 };
  private readonly gestures: GraphGestures;
  private staticDirty = true;
  /** Big graphs: pan/zoom moves the last picture of the synapses and redraws them once the view settles. */
  private viewMovedAt = -1;
  private rtView = { x: 0, y: 0, zoom: 1 };
  /** Over 800 synapses: gap junctions drawn solid (dashes cost thousands of segments), faint until highlighted. */
  private bigGraph = false;
  private warned = new Set<string>();
  private sub: Subscription;
  private hover: { x: number; y: number } | null = null;
  /** Frames drawn and time spent drawing (for the frame-rate report). */
  readonly stats = { frames: 0, drawMs: 0, lastStaticMs: 0, labelsHidden: 0, labelsShown: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly model: EditorModel,
    private readonly hooks: GraphViewHooks,
    depth = 5,
  ) {
    this.edgesG = scene.make.graphics({}, false);
    this.edgesRT = scene.add.renderTexture(0, 0, 2, 2).setOrigin(0, 0).setDepth(depth);
    this.flashG = scene.add.graphics().setDepth(depth + 0.1);
    this.nodesG = scene.add.graphics().setDepth(depth + 0.2);
    this.overG = scene.add.graphics().setDepth(depth + 0.4);
    this.matte = scene.add.graphics().setDepth(depth + 1);
    this.miniG = scene.add.graphics().setDepth(depth + 1.1);
    this.emptyText = scene.add
      .text(
        0,
        0,
        "Empty circuit. Pick a neuron in the palette and click here to place it;\ndrag from a neuron's rim to another neuron to connect them.",
        textStyle(14, { color: palette.textMuted }),
      )
      .setOrigin(0.5)
      .setAlign('center')
      .setDepth(depth + 0.5);
    this.readout = scene.add
      .text(0, 0, '', { ...textStyle(12, { color: palette.text, mono: true }), backgroundColor: '#0a0e13cc', padding: { x: 6, y: 3 } })
      .setDepth(depth + 2)
      .setVisible(false);
    this.sub = model.changes$.subscribe((c) => {
      if (c.kind === 'doc') this.warned = new Set(model.warnings().flatMap((w) => (w.neuron ? [w.neuron] : [])));
      if (c.kind === 'viewport' && !this.staticDirty && model.doc.synapses && model.doc.synapses.length > 400) this.viewMovedAt = performance.now();
      else this.staticDirty = true;
    });
    this.warned = new Set(model.warnings().flatMap((w) => (w.neuron ? [w.neuron] : [])));
    this.gestures = new GraphGestures(model, {
      placing: () => hooks.placing(),
      place: (p, keep) => hooks.place(p, keep),
      connectMode: () => hooks.connectMode(),
      gapMode: () => hooks.gapMode(),
      connect: (a, b, gap) => hooks.connect(a, b, gap),
      status: (t) => hooks.status(t),
      probe: (id) => hooks.probe(id),
      inMinimap: (p) => {
        const mr = this.miniRect();
        const x = this.rect.x + p.x;
        const y = this.rect.y + p.y;
        return !!mr && x >= mr.x && y >= mr.y && x < mr.x + mr.w && y < mr.y + mr.h;
      },
      minimapJump: (p) => this.minimapJump(this.rect.x + p.x, this.rect.y + p.y),
    });
    scene.input.on('pointerdown', this.onDown, this);
    scene.input.on('pointermove', this.onMove, this);
    scene.input.on('pointerup', this.onUp, this);
    scene.input.on('wheel', this.onWheel, this);
    scene.events.once('shutdown', () => this.destroy());
  }

  get bounds(): { x: number; y: number; w: number; h: number } {
    return this.rect;
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
    this.model.setScreenSize(w, h);
    this.edgesRT.setPosition(x, y).resize(Math.max(2, Math.ceil(w)), Math.max(2, Math.ceil(h)), false);
    const W = this.scene.scale.width;
    const H = this.scene.scale.height;
    // Background-coloured frame around the graph: hides what is drawn outside it when zoomed in.
    this.matte.clear();
    this.matte.fillStyle(palette.bg, 1);
    this.matte.fillRect(0, 0, W, y);
    this.matte.fillRect(0, y + h, W, H - y - h);
    this.matte.fillRect(0, y, x, h);
    this.matte.fillRect(x + w, y, W - x - w, h);
    this.matte.lineStyle(1, palette.border, 1);
    this.matte.strokeRoundedRect(x - 0.5, y - 0.5, w + 1, h + 1, 6);
    this.emptyText.setPosition(x + w / 2, y + h / 2).setWordWrapWidth(w - 40, true);
    this.staticDirty = true;
  }

  /** Screen px (canvas) of a neuron's centre. */
  neuronScreen(id: string): { x: number; y: number } | null {
    const n = this.model.neuron(id);
    if (!n?.position) return null;
    const s = graphToScreen(this.model.viewport, this.model.screen, n.position);
    return { x: this.rect.x + s.x, y: this.rect.y + s.y };
  }

  /** Esc: drop the gesture in progress; true if there was one. */
  cancelGesture(): boolean {
    const had = this.gestures.cancel();
    if (had) this.staticDirty = true;
    return had;
  }

  // ---------------------------------------------------------------- input

  private local(p: Phaser.Input.Pointer): Point {
    return { x: p.x - this.rect.x, y: p.y - this.rect.y };
  }

  private inside(p: Phaser.Input.Pointer): boolean {
    return p.x >= this.rect.x && p.y >= this.rect.y && p.x < this.rect.x + this.rect.w && p.y < this.rect.y + this.rect.h;
  }

  /** The minimap's place, or null when it is not shown: a small canvas, a small circuit, or every neuron in view. */
  private miniRect(): { x: number; y: number; w: number; h: number } | null {
    if (this.rect.w < 420 || this.rect.h < 200 || this.model.doc.neurons.length < 20 || this.allInView()) return null;
    const m = miniSize(this.rect.w);
    return { x: this.rect.x + this.rect.w - m.w - MINIMAP.pad, y: this.rect.y + this.rect.h - m.h - MINIMAP.pad, w: m.w, h: m.h };
  }

  private allInView(): boolean {
    const b = this.model.geometry().bounds;
    if (!b) return true;
    const v = visibleRect(this.model.viewport, this.model.screen);
    return (
      b.x - NODE_RADIUS >= v.x && b.y - NODE_RADIUS >= v.y && b.x + b.width + NODE_RADIUS <= v.x + v.width && b.y + b.height + NODE_RADIUS <= v.y + v.height
    );
  }

  private miniGeometry(): MinimapGeometry {
    const m = miniSize(this.rect.w);
    return this.model.minimap({ width: m.w, height: m.h });
  }

  /** A Phaser pointer as the gesture machine takes it: canvas px, button, modifiers, time. */
  private pointer(p: Phaser.Input.Pointer): GesturePointer {
    const ev = p.event as MouseEvent | undefined;
    return {
      x: p.x - this.rect.x,
      y: p.y - this.rect.y,
      button: p.button,
      shift: !!ev?.shiftKey,
      ctrl: !!(ev?.ctrlKey || ev?.metaKey),
      alt: !!ev?.altKey,
      timeMs: performance.now(),
    };
  }

  private onDown(p: Phaser.Input.Pointer): void {
    if (this.inside(p)) this.gestures.down(this.pointer(p));
  }

  private onMove(p: Phaser.Input.Pointer): void {
    this.hover = this.inside(p) ? { x: p.x, y: p.y } : null;
    this.gestures.move(this.pointer(p));
  }

  private onUp(p: Phaser.Input.Pointer): void {
    if (!this.gestures.state) return;
    this.gestures.up(this.pointer(p), this.inside(p));
    this.staticDirty = true;
  }

  private onWheel(p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void {
    if (!this.inside(p)) return;
    this.model.zoomAt(Math.exp(-dy * 0.0015), this.local(p));
  }

  private minimapJump(x: number, y: number): void {
    const mr = this.miniRect();
    if (!mr) return;
    const m = this.miniGeometry();
    const g = minimapToGraph(m, { x: x - mr.x, y: y - mr.y });
    this.model.setViewport({ ...this.model.viewport, x: g.x, y: g.y });
  }

  // ---------------------------------------------------------------- drawing

  /** Redraw: the static layer when something changed, activity every frame. */
  draw(): void {
    const t0 = performance.now();
    if (this.viewMovedAt >= 0) {
      if (t0 - this.viewMovedAt > 180) this.staticDirty = true;
      else this.moveStatic();
    }
    if (this.staticDirty) {
      this.drawStatic();
      this.staticDirty = false;
      this.viewMovedAt = -1;
      this.stats.lastStaticMs = performance.now() - t0;
    }
    this.drawActive();
    this.stats.frames++;
    this.stats.drawMs += performance.now() - t0;
  }

  private toScreen(x: number, y: number): Point {
    const v = this.model.viewport;
    return { x: this.rect.x + this.rect.w / 2 + (x - v.x) * v.zoom, y: this.rect.y + this.rect.h / 2 + (y - v.y) * v.zoom };
  }

  private edgeColor(e: EdgeGeometry): number {
    return e.kind === 'electrical' ? palette.gap : e.sign === 'inhibitory' ? palette.inhibitory : palette.excitatory;
  }

  private drawEdge(g: Phaser.GameObjects.Graphics, e: EdgeGeometry, color: number, width: number, alpha: number): void {
    g.lineStyle(width, color, alpha);
    const z = this.model.viewport.zoom;
    const end = strokeEdgePath(g, e.path, e.kind === 'electrical' && !this.bigGraph, (x, y) => this.toScreen(x, y), z);
    if (e.kind !== 'electrical') drawSynapseEnd(g, end, e.sign === 'inhibitory', color, width, alpha, z);
  }

  /** Shows the last picture of the synapses moved and scaled to the current view (labels hidden until the redraw). */
  private moveStatic(): void {
    const v = this.model.viewport;
    const r = this.rtView;
    const k = v.zoom / r.zoom;
    const { x, y, w, h } = this.rect;
    this.edgesRT.setScale(k).setPosition(x + (w / 2) * (1 - k) + (r.x - v.x) * v.zoom, y + (h / 2) * (1 - k) + (r.y - v.y) * v.zoom);
    for (const t of this.labels) t.setVisible(false);
    this.drawMinimap();
  }

  private drawStatic(): void {
    this.rtView = { ...this.model.viewport };
    this.edgesRT.setScale(1).setPosition(this.rect.x, this.rect.y);
    const geo = this.model.geometry();
    const sel = this.model.selection;
    const z = this.model.viewport.zoom;
    const g = this.edgesG;
    g.clear();
    this.emptyText.setVisible(geo.nodes.length === 0);
    // Highlight the synapses of a single selected neuron (in: brighter, out: brighter).
    const focus = new Set<string>();
    if (sel.neurons.size === 1) {
      const [id] = sel.neurons;
      const nb = this.model.neighbourhood(id);
      for (const k of [...nb.incoming, ...nb.outgoing, ...nb.gap]) focus.add(k);
    }
    const big = geo.edges.length > 800;
    this.bigGraph = big;
    for (const e of geo.edges) {
      const selected = sel.synapses.has(e.key);
      const hi = selected || focus.has(e.key);
      const color = selected ? palette.focus : this.edgeColor(e);
      const alpha = hi ? 1 : big ? (focus.size ? 0.08 : 0.22) : 0.8;
      this.drawEdge(g, e, color, edgeWidth(e.weight, z, big) + (selected ? 1.5 : 0), alpha);
    }
    this.edgesRT.clear();
    this.edgesRT.draw(g, -this.rect.x, -this.rect.y);
    this.edgesRT.render();
    // Names: one Text per neuron while they are big enough to read, where labels.ts places them (a crowded one shrinks or is left out).
    const placed = placeLabels(geo.nodes, this.model.viewport, this.model.screen);
    const need = placed.boxes.some((b) => b !== null) ? geo.nodes.length : 0;
    while (this.labels.length < need) {
      this.labels.push(
        this.scene.add
          .text(0, 0, '', textStyle(12, { color: palette.text }))
          .setOrigin(0.5)
          // A dark outline keeps names readable where synapses cross them.
          .setStroke(css(palette.bgDeep), 3)
          .setDepth(this.nodesG.depth + 0.1),
      );
    }
    for (let i = 0; i < this.labels.length; i++) {
      const t = this.labels[i];
      const b = i < need ? placed.boxes[i] : null;
      t.setVisible(b !== null);
      if (!b) continue;
      const n = geo.nodes[i];
      if (t.text !== n.id) t.setText(n.id);
      t.setFontSize(placed.fontPx).setScale(b.scale);
      t.setPosition(this.rect.x + b.x, this.rect.y + b.y);
    }
    this.stats.labelsHidden = placed.hidden;
    this.stats.labelsShown = placed.boxes.filter((b) => b !== null).length;
    this.drawMinimap();
  }

  /** Plastic synapses: a gold mark at the middle; while the worm runs, the line at its learned weight, golder the more it moved. */
  private drawLearning(f: Phaser.GameObjects.Graphics, edges: readonly EdgeGeometry[], z: number): void {
    const live = this.hooks.learned();
    for (const e of edges) {
      if (!e.plastic) continue;
      const now = live?.get(e.key);
      if (now !== undefined) {
        const moved = Math.min(1, Math.abs(now - e.weight) / Math.max(e.weight, 1e-9));
        this.drawEdge(f, e, mix(this.edgeColor(e), palette.focus, 0.3 + 0.7 * moved), edgeWidth(now, z, this.bigGraph), 0.95);
      }
      const c = pathMiddle(e.path);
      const s = this.toScreen(c.x, c.y);
      f.fillStyle(palette.focus, 1);
      f.fillCircle(s.x, s.y, Math.max(2.5, 4 * Math.min(1, z)));
    }
  }

  private drawActive(): void {
    const geo = this.model.geometry();
    const sel = this.model.selection;
    const z = this.model.viewport.zoom;
    const act = this.hooks.activity();
    const out = new Map<string, number>();
    if (act) for (let i = 0; i < act.ids.length; i++) out.set(act.ids[i], act.output[i]);
    // Synapses flash while their presynaptic neuron is active (gap junctions: either end).
    const f = this.flashG;
    f.clear();
    if (act) {
      let drawn = 0;
      for (const e of geo.edges) {
        const a = e.kind === 'electrical' ? Math.max(out.get(e.from) ?? 0, out.get(e.to) ?? 0) : (out.get(e.from) ?? 0);
        if (a < 0.15) continue;
        this.drawEdge(f, e, mix(this.edgeColor(e), 0xffffff, 0.45), Math.max(2, 3 * Math.min(1, z * 1.5)), Math.min(1, a));
        if (++drawn > 250) break;
      }
    }
    this.drawLearning(f, geo.edges, z);
    const g = this.nodesG;
    g.clear();
    const r = Math.max(2, NODE_RADIUS * z);
    const x0 = this.rect.x - r;
    const x1 = this.rect.x + this.rect.w + r;
    const y0 = this.rect.y - r;
    const y1 = this.rect.y + this.rect.h + r;
    for (const n of geo.nodes) {
      const s = this.toScreen(n.x, n.y);
      if (s.x < x0 || s.x > x1 || s.y < y0 || s.y > y1) continue;
      const base = ROLE_COLOR[n.role ?? ''] ?? palette.textMuted;
      const a = out.get(n.id) ?? 0;
      g.fillStyle(mix(mix(base, palette.bgDeep, 0.55), mix(base, 0xffffff, 0.35), a), 1);
      g.fillCircle(s.x, s.y, r);
      g.lineStyle(Math.max(1, 2 * Math.min(1, z)), base, 1);
      g.strokeCircle(s.x, s.y, r);
      if (n.transmitter === 'GABA' && r > 5) {
        g.lineStyle(1, palette.inhibitory, 1);
        g.strokeCircle(s.x, s.y, r * 0.62);
      }
      if (sel.neurons.has(n.id)) {
        g.lineStyle(3, palette.focus, 1);
        g.strokeCircle(s.x, s.y, r + 4);
      }
      if (this.warned.has(n.id)) {
        const wx = s.x + r * 0.8;
        const wy = s.y - r * 0.8;
        const k = Math.max(5, Math.min(9, r * 0.45));
        g.fillStyle(palette.warning, 1);
        g.fillTriangle(wx, wy - k, wx - k, wy + k * 0.8, wx + k, wy + k * 0.8);
        g.fillStyle(palette.bgDeep, 1);
        g.fillRect(wx - 1, wy - k * 0.35, 2, k * 0.6);
        g.fillRect(wx - 1, wy + k * 0.4, 2, 2);
      }
    }
    // Gesture overlays: rubber band of a connection, selection box, the rim under the pointer.
    const o = this.overG;
    o.clear();
    const gs = this.gestures.state;
    if (gs?.kind === 'connect') {
      const from = this.model.neuron(gs.from)?.position;
      if (from) {
        const s = this.toScreen(from.x, from.y);
        const gap = this.hooks.gapMode() !== gs.alt;
        const x = this.rect.x + gs.at.x;
        const y = this.rect.y + gs.at.y;
        o.lineStyle(2, gap ? palette.gap : palette.excitatory, 0.9);
        o.lineBetween(s.x, s.y, x, y);
        o.fillStyle(gap ? palette.gap : palette.excitatory, 0.9);
        o.fillCircle(x, y, 4);
      }
    } else if (gs?.kind === 'move' && gs.target) {
      // Released here, the drag connects to this neuron.
      const t = this.model.neuron(gs.target)?.position;
      if (t) {
        const s = this.toScreen(t.x, t.y);
        o.lineStyle(3, this.hooks.gapMode() ? palette.gap : palette.excitatory, 0.9);
        o.strokeCircle(s.x, s.y, r + 5);
      }
    } else if (gs?.kind === 'box') {
      const a = this.toScreen(gs.a.x, gs.a.y);
      const b = this.toScreen(gs.b.x, gs.b.y);
      o.fillStyle(palette.accent, 0.1);
      o.fillRect(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x), Math.abs(b.y - a.y));
      o.lineStyle(1, palette.accent, 0.9);
      o.strokeRect(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    } else if (this.hover && !gs && !this.hooks.placing()) {
      const gp = screenToGraph(this.model.viewport, this.model.screen, { x: this.hover.x - this.rect.x, y: this.hover.y - this.rect.y });
      const id = this.model.nodeAt(gp.x, gp.y);
      const n = id ? this.model.neuron(id) : undefined;
      if (n?.position && (this.hooks.connectMode() || Math.hypot(gp.x - n.position.x, gp.y - n.position.y) > RIM * NODE_RADIUS)) {
        const s = this.toScreen(n.position.x, n.position.y);
        o.lineStyle(3, this.hooks.gapMode() ? palette.gap : palette.excitatory, 0.8);
        o.strokeCircle(s.x, s.y, r + 2);
      }
    }
    this.drawReadout(act);
    if (this.hover && this.hooks.placing() && !gs) {
      const pl = this.hooks.placing() as Placing;
      o.lineStyle(2, ROLE_COLOR[pl.role], 0.7);
      o.strokeCircle(this.hover.x, this.hover.y, r);
    }
  }

  private drawReadout(act: { ids: readonly string[]; output: ArrayLike<number>; v?: ArrayLike<number> } | null): void {
    const h = this.hover;
    if (!h || this.gestures.state) {
      this.readout.setVisible(false);
      return;
    }
    const gp = screenToGraph(this.model.viewport, this.model.screen, { x: h.x - this.rect.x, y: h.y - this.rect.y });
    const id = this.model.nodeAt(gp.x, gp.y);
    let text = '';
    if (id) {
      const n = this.model.neuron(id);
      const i = act ? act.ids.indexOf(id) : -1;
      const live = i >= 0 && act ? ` · V ${act.v ? act.v[i].toFixed(1) : '?'} mV · out ${act.output[i].toFixed(2)}` : '';
      text = `${id} · ${n?.role ?? 'no role'} · ${n?.model ?? ''}${live}`;
    } else {
      const key = this.model.edgeAt(gp.x, gp.y);
      const e = key ? this.model.geometry().edges.find((x) => x.key === key) : undefined;
      if (e)
        text = e.kind === 'electrical' ? `${e.from} ↔ ${e.to} · gap junction · weight ${e.weight}` : `${e.from} → ${e.to} · ${e.sign} · weight ${e.weight}`;
    }
    this.readout.setVisible(text !== '');
    if (!text) return;
    this.readout.setText(text);
    const x = Math.min(h.x + 14, this.rect.x + this.rect.w - this.readout.width - 4);
    const y = h.y + 18 + this.readout.height > this.rect.y + this.rect.h ? h.y - 14 - this.readout.height : h.y + 18;
    this.readout.setPosition(x, y);
  }

  private drawMinimap(): void {
    const m = this.miniG;
    m.clear();
    const mr = this.miniRect();
    if (!mr) return;
    const geo = this.model.geometry();
    const mg = this.miniGeometry();
    m.fillStyle(palette.bgDeep, 0.92);
    m.fillRect(mr.x, mr.y, mr.w, mr.h);
    m.lineStyle(1, palette.border, 1);
    m.strokeRect(mr.x, mr.y, mr.w, mr.h);
    for (const n of geo.nodes) {
      const p = graphToMinimap(mg, n);
      m.fillStyle(ROLE_COLOR[n.role ?? ''] ?? palette.textMuted, 1);
      m.fillRect(mr.x + p.x - 1, mr.y + p.y - 1, 2.5, 2.5);
    }
    const v = mg.view;
    const vx = Math.max(0, v.x);
    const vy = Math.max(0, v.y);
    m.lineStyle(1.5, palette.focus, 1);
    m.strokeRect(mr.x + vx, mr.y + vy, Math.min(mr.w - vx, v.width - (vx - v.x)), Math.min(mr.h - vy, v.height - (vy - v.y)));
  }

  destroy(): void {
    this.sub.unsubscribe();
    this.edgesG.destroy();
    this.scene.input.off('pointerdown', this.onDown, this);
    this.scene.input.off('pointermove', this.onMove, this);
    this.scene.input.off('pointerup', this.onUp, this);
    this.scene.input.off('wheel', this.onWheel, this);
  }
}
