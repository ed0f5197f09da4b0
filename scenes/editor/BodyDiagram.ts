import type Phaser from 'phaser';
import type { CircuitDoc, MuscleBinding, SensorBinding, Side } from '../../src/circuits/types';
import { drawInsetPanel, mix, palette, textStyle } from '../ui/theme';

export interface BodyDiagramHooks {
  /** The neuron whose bindings are highlighted (the single selected neuron), if any. */
  focus(): string | null;
  /** A drag along the body from `from` to `to` (0 = nose .. 1 = tail) on one side. */
  bind(from: number, to: number, side: Side): void;
  /** Latest muscle activations (left row then right row), or null. */
  muscles(): { values: ArrayLike<number>; segments: number } | null;
}

/**
 * The worm's body laid out straight, nose on the left: the left side on top,
 * the right side below. Touch receptive fields are drawn outside the body as
 * bands in the sensory colour, stretch receptors as ticks, head sensors at the
 * nose; muscle bindings inside the body in the motor colour (hatched when the
 * gain is negative: relaxing). The selected neuron's bindings are bright, the
 * rest dim; muscles glow with their live activation. Drag along the body to
 * bind the selected sensory neuron (a touch field) or motor neuron (muscles).
 */
export class BodyDiagram {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly sideText: Phaser.GameObjects.Text[];
  private rect = { x: 0, y: 0, w: 1, h: 1 };
  private drag: { from: number; to: number; side: Side } | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly hooks: BodyDiagramHooks,
    depth = 20,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
    this.title = scene.add.text(0, 0, 'Body · drag along it to bind the selected neuron', textStyle(12, { color: palette.textMuted })).setDepth(depth + 1);
    this.sideText = ['left', 'right'].map((s) => scene.add.text(0, 0, s, textStyle(11, { color: palette.textDim })).setDepth(depth + 1));
    scene.input.on('pointerdown', this.onDown, this);
    scene.input.on('pointermove', this.onMove, this);
    scene.input.on('pointerup', this.onUp, this);
    scene.events.once('shutdown', () => {
      scene.input.off('pointerdown', this.onDown, this);
      scene.input.off('pointermove', this.onMove, this);
      scene.input.off('pointerup', this.onUp, this);
    });
  }

  get bounds(): { x: number; y: number; w: number; h: number } {
    return this.rect;
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
    this.title.setPosition(x + 8, y + 5).setVisible(h > 40);
  }

  /** The body's drawing frame: x of nose and tail, y of the centre line, half thickness. */
  private frame(): { x0: number; x1: number; cy: number; half: number } {
    const r = this.rect;
    return { x0: r.x + 40, x1: r.x + r.w - 16, cy: r.y + 24 + (r.h - 24) / 2, half: Math.max(8, Math.min(16, (r.h - 24) / 6)) };
  }

  /** Screen px of a body point on a side's skin (for tests and tips). */
  pointOf(s: number, side: Side): { x: number; y: number } {
    const f = this.frame();
    return { x: f.x0 + s * (f.x1 - f.x0), y: f.cy + (side === 'left' ? -1 : 1) * f.half * 0.6 };
  }

  private at(p: Phaser.Input.Pointer): { s: number; side: Side } | null {
    const r = this.rect;
    if (p.x < r.x || p.y < r.y + 20 || p.x > r.x + r.w || p.y > r.y + r.h) return null;
    const f = this.frame();
    return { s: Math.max(0, Math.min(1, (p.x - f.x0) / (f.x1 - f.x0))), side: p.y < f.cy ? 'left' : 'right' };
  }

  private onDown(p: Phaser.Input.Pointer): void {
    const a = this.at(p);
    if (a) this.drag = { from: a.s, to: a.s, side: a.side };
  }

  private onMove(p: Phaser.Input.Pointer): void {
    if (!this.drag) return;
    const f = this.frame();
    this.drag.to = Math.max(0, Math.min(1, (p.x - f.x0) / (f.x1 - f.x0)));
  }

  private onUp(): void {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    let a = Math.min(d.from, d.to);
    let b = Math.max(d.from, d.to);
    if (b - a < 0.05) {
      // A click binds a stretch of a tenth of the body around it.
      a = Math.max(0, a - 0.05);
      b = Math.min(1, b + 0.05);
    }
    this.hooks.bind(round2(a), round2(b), d.side);
  }

  draw(doc: CircuitDoc): void {
    const g = this.g;
    const r = this.rect;
    g.clear();
    drawInsetPanel(g, r, palette.panelLo);
    if (r.h < 50) return;
    const f = this.frame();
    const X = (s: number): number => f.x0 + s * (f.x1 - f.x0);
    const sign = (side: Side): number => (side === 'left' ? -1 : 1);
    this.sideText[0].setPosition(r.x + 6, f.cy - f.half - 6);
    this.sideText[1].setPosition(r.x + 6, f.cy + f.half - 8);
    // Body outline: a capsule tapering to the tail.
    g.fillStyle(palette.wormMid, 0.22);
    g.fillRoundedRect(f.x0, f.cy - f.half, f.x1 - f.x0, 2 * f.half, f.half);
    g.lineStyle(1, palette.wormEdge, 0.8);
    g.strokeRoundedRect(f.x0, f.cy - f.half, f.x1 - f.x0, 2 * f.half, f.half);
    // Live muscle activation, per segment and side.
    const m = this.hooks.muscles();
    if (m && m.segments > 0) {
      const seg = m.segments;
      const w = (f.x1 - f.x0) / seg;
      for (let side = 0; side < 2; side++) {
        for (let i = 0; i < seg; i++) {
          const a = Math.max(0, Math.min(1, m.values[side * seg + i]));
          if (a < 0.02) continue;
          g.fillStyle(palette.muscle, 0.2 + 0.8 * a);
          g.fillRect(f.x0 + i * w + 1, side === 0 ? f.cy - f.half + 2 : f.cy + 1, w - 2, (f.half - 3) * Math.max(0.25, a));
        }
      }
    }
    const focus = this.hooks.focus();
    const sensors = doc.sensors ?? [];
    const muscles = doc.muscles ?? [];
    // Muscle bindings: bands inside the body.
    muscles.forEach((b: MuscleBinding) => {
      const on = b.neuron === focus;
      const col = on ? palette.motor : mix(palette.motor, palette.panelLo, 0.65);
      const y = f.cy + sign(b.side) * f.half * 0.5;
      g.lineStyle(on ? 4 : 2, col, 1);
      if (b.gain < 0) {
        for (let x = X(b.from); x < X(b.to); x += 8) g.lineBetween(x, y, Math.min(X(b.to), x + 4), y);
      } else g.lineBetween(X(b.from), y, X(b.to), y);
    });
    // Sensor bindings: touch fields as bands outside the body, stretch as ticks, head sensors at the nose.
    sensors.forEach((b: SensorBinding) => {
      const on = b.neuron === focus;
      const col = on ? palette.sensory : mix(palette.sensory, palette.panelLo, 0.6);
      if (b.sensor === 'touch') {
        const sides: Side[] = b.side === 'left' ? ['left'] : b.side === 'right' ? ['right'] : ['left', 'right'];
        for (const s of sides) {
          const y = f.cy + sign(s) * (f.half + 5);
          g.lineStyle(on ? 5 : 3, col, 1);
          g.lineBetween(X(b.from), y, X(b.to), y);
          if (b.kind === 'harsh') {
            g.fillStyle(col, 1);
            g.fillCircle(X(b.from), y, 3);
            g.fillCircle(X(b.to), y, 3);
          }
        }
      } else if (b.sensor === 'stretch') {
        const y = f.cy + sign(b.side) * f.half;
        g.lineStyle(on ? 3 : 2, col, 1);
        g.lineBetween(X(b.at), y - 6, X(b.at), y + 6);
      } else if (b.sensor === 'tap' || b.sensor === 'hunger') {
        g.lineStyle(on ? 3 : 1.5, col, 1);
        g.strokeCircle(X(b.sensor === 'tap' ? 0.5 : 0.1), f.cy, 5);
      } else if (b.sensor === 'lawn') {
        // The lawn's feel: a dotted band on the body's midline over the range.
        g.fillStyle(col, 1);
        for (let x = X(b.from); x <= X(b.to); x += 5) g.fillCircle(x, f.cy, on ? 2.5 : 1.5);
      } else {
        const y = f.cy + sign(b.side) * f.half * 0.5;
        g.fillStyle(
          b.sensor === 'chemical'
            ? col
            : b.sensor === 'temperature'
              ? mix(palette.warning, palette.panelLo, on ? 0 : 0.5)
              : mix(palette.danger, palette.panelLo, on ? 0 : 0.5),
          1,
        );
        g.fillCircle(f.x0 - 10, y, on ? 5 : 3.5);
      }
    });
    if (this.drag) {
      const a = Math.min(this.drag.from, this.drag.to);
      const b = Math.max(this.drag.from, this.drag.to);
      const y = f.cy + sign(this.drag.side) * (f.half + 5);
      g.lineStyle(5, palette.focus, 0.9);
      g.lineBetween(X(a), y, X(b), y);
    }
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
