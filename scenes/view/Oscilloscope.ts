import type Phaser from 'phaser';
import type { Monitor } from '../../src/monitor/monitor';
import { fontPx, palette, textStyle } from '../ui/theme';
import type { ScopeSource } from './scope-sources';

export interface TraceSpec {
  label: string;
  /** Index of the traced quantity in its source (a neuron in circuit order). */
  index: number;
  color: number;
}

export interface OscilloscopeOptions {
  /** Visible time span, ms of simulated time. */
  windowMs: number;
  /** Unit of the plotted quantity, e.g. "mV" or "" for output 0..1. */
  unit: string;
  /** Fixed y range, or 'auto' (fits the visible samples, nicely rounded). */
  range: readonly [number, number] | 'auto';
  title?: string;
  /** Samples kept per trace (one per simulation step). */
  capacity?: number;
  depth?: number;
  /** Shown while no trace is chosen. */
  emptyText?: string;
}

/** Trace colours, distinct from the role and synapse hues. */
export const TRACE_COLORS = [0xffd479, 0x7ce8da, 0xff86b8, 0x9be15d, 0xc3a5ff, 0xff9a4a] as const;

/** 1, 2 or 5 × 10^k at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * Scrolling traces of chosen neurons over the last N seconds: grid with y
 * scale and unit, time axis ending at "now", a legend chip per trace with its
 * current value. Each trace is a monitor ring of its source (setSource): on a
 * simulation it holds every step, however the frames fall; draw() reads the rings.
 */
export class Oscilloscope {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly traceG: Phaser.GameObjects.Graphics;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly chips: Phaser.GameObjects.Text[] = [];
  private readonly title: Phaser.GameObjects.Text;
  private readonly empty: Phaser.GameObjects.Text;
  private traces: TraceSpec[] = [];
  private monitors: Monitor[] = [];
  private source: ScopeSource | null = null;
  private rect = { x: 0, y: 0, w: 100, h: 60 };
  private plot = { x: 0, y: 0, w: 100, h: 60 };
  private yMin = 0;
  private yMax = 1;
  private nowMs = 0;
  private gridKey = '';
  /** Width reserved for each legend chip (its label and the widest value), px. */
  private chipSlots: number[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly opts: OscilloscopeOptions,
  ) {
    const depth = opts.depth ?? 20;
    this.frame = scene.add.graphics().setDepth(depth);
    this.traceG = scene.add.graphics().setDepth(depth + 1);
    const title = `${opts.title ?? 'Oscilloscope'}${opts.unit ? ` (${opts.unit})` : ''}`;
    this.title = scene.add.text(0, 0, title, textStyle(12, { color: palette.textMuted, bold: true })).setDepth(depth + 2);
    this.empty = scene.add
      .text(0, 0, opts.emptyText ?? 'Click a neuron to probe it', textStyle(13, { color: palette.textDim }))
      .setOrigin(0.5)
      .setDepth(depth + 2);
    if (opts.range !== 'auto') [this.yMin, this.yMax] = opts.range;
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) };
    this.title.setPosition(this.rect.x + 10, this.rect.y + 6);
    this.placePlot();
    this.draw();
  }

  /**
   * The plot's box, from the sizes of the text around it (which grow with the
   * player's text size): the title row and as many rows as the legend chips
   * need above, room for the tick labels left and below.
   */
  private placePlot(): void {
    const r = this.rect;
    const tick = fontPx(10);
    // Tick values like "-80.5" in the monospace face (~0.62 em a character).
    const left = Math.max(46, Math.ceil(tick * 0.62 * 5) + 14);
    const bottom = Math.ceil(tick * 1.3) + 8;
    const rows = this.chipRows();
    const line = Math.ceil(this.title.height) + 2;
    const top = 6 + rows * line + Math.ceil(tick * 0.65) + 2;
    this.plot = { x: r.x + left, y: r.y + top, w: Math.max(10, r.w - left - 10), h: Math.max(10, r.h - top - bottom) };
    // Wrapped to the plot, so a narrow panel (portrait editor) keeps the hint off the axis labels.
    this.empty.setWordWrapWidth(Math.max(40, this.plot.w - 8)).setAlign('center');
    this.empty.setPosition(this.plot.x + this.plot.w / 2, this.plot.y + this.plot.h / 2);
    this.gridKey = '';
    this.layoutChips();
  }

  /** Rows the title and the legend chips take: chips right of the title, then whole rows under it. */
  private chipRows(): number {
    let rows = 1;
    let room = this.rect.w - 20 - this.title.width - 12;
    for (let i = this.chipSlots.length - 1; i >= 0; i--) {
      const w = this.chipSlots[i];
      if (w > room) {
        rows++;
        room = this.rect.w - 20;
      }
      room -= w + 12;
    }
    return rows;
  }

  /** Where the traces come from (null: nowhere); the traces start over on a new source. */
  setSource(source: ScopeSource | null): void {
    if (source === this.source) return;
    this.monitors.forEach((m) => m.stop());
    this.monitors = [];
    this.source = source;
    this.setTraces(this.traces);
  }

  /**
   * Stops recording without drawing anything: for a scene shutting down, where
   * setSource(null) would add tick labels and chips after Phaser has cleared the
   * display list, and they would outlive the scene into its restart.
   */
  detach(): void {
    this.monitors.forEach((m) => m.stop());
    this.monitors = [];
    this.source = null;
  }

  /** Sets the probed neurons (at most six); keeps the history of ones already shown. */
  setTraces(traces: readonly TraceSpec[]): void {
    const keep = new Map(this.monitors.map((m, i) => [this.traces[i].index, m]));
    this.traces = traces.slice(0, TRACE_COLORS.length).map((t) => ({ ...t }));
    this.monitors = this.source ? this.traces.map((t) => keep.get(t.index) ?? this.monitorOf(t.index)) : [];
    for (const [index, m] of keep) if (!this.traces.some((t) => t.index === index)) m.stop();
    this.chips.forEach((c) => c.destroy());
    this.chips.length = 0;
    this.chipSlots = [];
    for (const t of this.traces) {
      const chip = this.scene.add.text(0, 0, `${t.label} -000.00`, textStyle(12, { color: t.color, mono: true })).setDepth((this.opts.depth ?? 20) + 2);
      this.chipSlots.push(Math.ceil(chip.width));
      chip.setText(t.label);
      this.chips.push(chip);
    }
    this.placePlot();
    this.draw();
  }

  /** What the legend shows (for layout checks): chips drawn, and the title's and the plot's top edges. */
  get legendInfo(): { traces: number; chipsShown: number; titleBottom: number; plotTop: number; tickFontPx: number } {
    return {
      traces: this.traces.length,
      chipsShown: this.chips.filter((c) => c.visible).length,
      titleBottom: this.title.y + this.title.height,
      plotTop: this.plot.y,
      tickFontPx: fontPx(10),
    };
  }

  get traceList(): readonly TraceSpec[] {
    return this.traces;
  }

  private monitorOf(index: number): Monitor {
    return (this.source as ScopeSource).traceMonitor(index, this.opts.capacity ?? 1200);
  }

  /** Chips in their reserved slots from the right: in the title's row while they fit, then in rows under it. */
  private layoutChips(): void {
    const line = Math.ceil(this.title.height) + 2;
    const right = this.rect.x + this.rect.w - 10;
    let row = 0;
    let x = right;
    let limit = this.title.x + this.title.width + 12;
    for (let i = this.chips.length - 1; i >= 0; i--) {
      const w = this.chipSlots[i] ?? this.chips[i].width;
      if (x - w < limit) {
        row++;
        x = right;
        limit = this.rect.x + 10;
      }
      x -= w;
      this.chips[i].setPosition(x, this.rect.y + 6 + row * line).setVisible(true);
      x -= 12;
    }
  }

  /** Redraws traces (each frame) and the grid when the scale changed. */
  draw(): void {
    this.empty.setVisible(this.traces.length === 0);
    this.nowMs = this.monitors.reduce((t, m) => (m.count > 0 ? Math.max(t, m.timeAt(m.count - 1)) : t), Number.NEGATIVE_INFINITY);
    if (this.opts.range === 'auto') this.autoRange();
    const key = `${this.yMin}|${this.yMax}|${this.plot.x},${this.plot.y},${this.plot.w},${this.plot.h}`;
    if (key !== this.gridKey) this.drawGrid(key);

    const g = this.traceG;
    g.clear();
    const { x, y, w, h } = this.plot;
    const t0 = this.nowMs - this.opts.windowMs;
    const span = this.yMax - this.yMin || 1;
    for (let i = 0; i < this.monitors.length; i++) {
      const b = this.monitors[i];
      g.lineStyle(1.6, this.traces[i].color, 1);
      g.beginPath();
      let started = false;
      // About two points per pixel column is plenty.
      const stride = Math.max(1, Math.floor(b.count / (2 * w)));
      for (let k = 0; k < b.count; k += stride) {
        const t = b.timeAt(k);
        if (t < t0) continue;
        const v = b.valueAt(0, k);
        if (!Number.isFinite(v)) continue;
        const px = x + ((t - t0) / this.opts.windowMs) * w;
        const py = y + h - ((Math.min(this.yMax, Math.max(this.yMin, v)) - this.yMin) / span) * h;
        if (!started) {
          g.moveTo(px, py);
          started = true;
        } else g.lineTo(px, py);
      }
      if (started) g.strokePath();
      const latest = b.count > 0 ? b.valueAt(0, b.count - 1) : Number.NaN;
      this.chips[i]?.setText(`${this.traces[i].label} ${Number.isFinite(latest) ? latest.toFixed(this.opts.unit ? 1 : 2) : '–'}`);
    }
    this.layoutChips();
  }

  private autoRange(): void {
    let lo = Infinity;
    let hi = -Infinity;
    const t0 = this.nowMs - this.opts.windowMs;
    for (const b of this.monitors)
      for (let k = 0; k < b.count; k++) {
        if (b.timeAt(k) < t0) continue;
        const v = b.valueAt(0, k);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    if (!Number.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo < 1e-6) {
      lo -= 1;
      hi += 1;
    }
    // A margin so traces never run along the frame.
    const margin = 0.08 * (hi - lo);
    lo -= margin;
    hi += margin;
    const step = niceStep((hi - lo) / 4);
    this.yMin = Math.floor(lo / step) * step;
    this.yMax = Math.ceil(hi / step) * step;
  }

  private drawGrid(key: string): void {
    this.gridKey = key;
    const g = this.frame;
    const { x, y, w, h } = this.plot;
    g.clear();
    g.fillStyle(palette.bgDeep, 1);
    g.fillRoundedRect(this.rect.x, this.rect.y, this.rect.w, this.rect.h, 10);
    g.lineStyle(1, palette.border, 1);
    g.strokeRoundedRect(this.rect.x + 0.5, this.rect.y + 0.5, this.rect.w - 1, this.rect.h - 1, 10);
    this.texts.forEach((t) => t.destroy());
    this.texts.length = 0;
    const depth = (this.opts.depth ?? 20) + 2;
    const label = (tx: number, ty: number, s: string, ox: number, oy: number): void => {
      this.texts.push(
        this.scene.add
          .text(tx, ty, s, textStyle(10, { color: palette.textDim, mono: true }))
          .setOrigin(ox, oy)
          .setDepth(depth),
      );
    };
    // Horizontal lines at nice values.
    const step = niceStep((this.yMax - this.yMin) / 4);
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    for (let v = Math.ceil(this.yMin / step) * step; v <= this.yMax + 1e-9; v += step) {
      const py = y + h - ((v - this.yMin) / (this.yMax - this.yMin || 1)) * h;
      g.lineStyle(1, palette.border, Math.abs(v) < 1e-9 ? 0.9 : 0.45);
      g.lineBetween(x, py, x + w, py);
      label(x - 5, py, v.toFixed(decimals), 1, 0.5);
    }
    // Vertical lines every nice number of seconds.
    const sec = niceStep(this.opts.windowMs / 1000 / 5);
    const total = this.opts.windowMs / 1000;
    for (let s = 0; s <= total + 1e-9; s += sec) {
      const px = x + w - (s / total) * w;
      g.lineStyle(1, palette.border, 0.35);
      g.lineBetween(px, y, px, y + h);
      label(px, y + h + 3, s === 0 ? 'now' : `−${+s.toFixed(2)} s`, s === 0 ? 1 : 0.5, 0);
    }
  }

  destroy(): void {
    this.monitors.forEach((m) => m.stop());
    this.frame.destroy();
    this.traceG.destroy();
    this.title.destroy();
    this.empty.destroy();
    this.texts.forEach((t) => t.destroy());
    this.chips.forEach((c) => c.destroy());
  }
}
