import Phaser from 'phaser';
import { registerControl } from './controls';
import { palette, textStyle } from './theme';

export interface SliderOptions {
  label: string;
  unit: string;
  min: number;
  max: number;
  value: number;
  /** Snap step (0 = continuous). */
  step?: number;
  onChange: (value: number) => void;
  width?: number;
  /** How the value is printed; default trims to the step's decimals. */
  format?: (value: number) => string;
  enabled?: boolean;
}

/**
 * A labelled slider with its value and unit: drag the knob or tap the track,
 * or hover and use ← / → (Shift for ×10). Works with mouse, pen and touch.
 */
export class Slider extends Phaser.GameObjects.Container {
  private readonly label: Phaser.GameObjects.Text;
  private readonly valueText: Phaser.GameObjects.Text;
  private readonly g: Phaser.GameObjects.Graphics;
  private value: number;
  private enabled: boolean;
  private dragging = false;
  private hovered = false;
  private boxW: number;
  private readonly boxH = 54;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: SliderOptions,
  ) {
    super(scene, x, y);
    this.value = this.snap(opts.value);
    this.enabled = opts.enabled ?? true;
    this.boxW = opts.width ?? 300;
    this.label = scene.add.text(0, 0, opts.label, textStyle(14)).setOrigin(0, 0.5);
    this.valueText = scene.add.text(0, 0, '', textStyle(14, { mono: true, color: palette.accentHi })).setOrigin(1, 0.5);
    this.g = scene.add.graphics();
    this.add([this.g, this.label, this.valueText]);
    this.setSize(this.boxW, this.boxH);
    this.setInteractive({ useHandCursor: true });
    this.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.dragging = true;
      this.fromPointer(p);
    });
    this.on('pointerover', () => (this.hovered = true));
    this.on('pointerout', () => (this.hovered = false));
    const move = (p: Phaser.Input.Pointer): void => {
      if (this.dragging) this.fromPointer(p);
    };
    const up = (): void => {
      this.dragging = false;
    };
    const key = (e: KeyboardEvent): void => {
      if (!this.hovered || !this.enabled) return;
      const step = (this.opts.step || (this.opts.max - this.opts.min) / 100) * (e.shiftKey ? 10 : 1);
      if (e.key === 'ArrowLeft') this.setValue(this.value - step, true);
      if (e.key === 'ArrowRight') this.setValue(this.value + step, true);
    };
    scene.input.on('pointermove', move);
    scene.input.on('pointerup', up);
    scene.input.on('pointerupoutside', up);
    window.addEventListener('keydown', key);
    this.once('destroy', () => {
      scene.input.off('pointermove', move);
      scene.input.off('pointerup', up);
      scene.input.off('pointerupoutside', up);
      window.removeEventListener('keydown', key);
    });
    scene.add.existing(this);
    registerControl({
      object: this,
      info: () => ({ kind: 'slider', label: this.opts.label, enabled: this.enabled, value: this.value }),
    });
    this.redraw();
  }

  getValue(): number {
    return this.value;
  }

  setValue(value: number, notify = false): this {
    const v = this.snap(value);
    const changed = v !== this.value;
    this.value = v;
    this.redraw();
    if (notify && changed) this.opts.onChange(v);
    return this;
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.redraw();
    return this;
  }

  setWidth(width: number): this {
    this.boxW = width;
    this.setSize(width, this.boxH);
    if (this.input?.hitArea) (this.input.hitArea as Phaser.Geom.Rectangle).setSize(width, this.boxH);
    this.redraw();
    return this;
  }

  private snap(v: number): number {
    const { min, max, step } = this.opts;
    let x = Math.min(max, Math.max(min, v));
    if (step) x = min + Math.round((x - min) / step) * step;
    return Math.min(max, Math.max(min, Number(x.toFixed(10))));
  }

  private trackX(): { x0: number; x1: number; y: number } {
    return { x0: -this.boxW / 2 + 9, x1: this.boxW / 2 - 9, y: 12 };
  }

  private fromPointer(p: Phaser.Input.Pointer): void {
    const m = this.getWorldTransformMatrix();
    const localX = p.x - m.tx;
    const { x0, x1 } = this.trackX();
    const t = (localX - x0) / (x1 - x0);
    this.setValue(this.opts.min + t * (this.opts.max - this.opts.min), true);
  }

  private formatted(): string {
    if (this.opts.format) return this.opts.format(this.value);
    const step = this.opts.step ?? 0;
    const decimals = step > 0 ? Math.max(0, Math.min(4, Math.ceil(-Math.log10(step) - 1e-9))) : 2;
    return `${this.value.toFixed(decimals)}${this.opts.unit ? ` ${this.opts.unit}` : ''}`;
  }

  private redraw(): void {
    const alpha = this.enabled ? 1 : 0.45;
    this.label.setPosition(-this.boxW / 2, -12).setAlpha(alpha);
    this.valueText
      .setPosition(this.boxW / 2, -12)
      .setText(this.formatted())
      .setScale(1)
      .setAlpha(alpha);
    // A long value with its unit ("10.0 µA/cm²") beside a long label in a narrow column ran over the label: shrink the value to fit, down to 55 %.
    const room = this.boxW - this.label.width - 8;
    if (this.valueText.width > room) this.valueText.setScale(Math.max(0.55, room / this.valueText.width));
    const { x0, x1, y } = this.trackX();
    const t = (this.value - this.opts.min) / (this.opts.max - this.opts.min || 1);
    const kx = x0 + t * (x1 - x0);
    const g = this.g;
    g.clear();
    g.fillStyle(palette.panelHi, alpha);
    g.fillRoundedRect(x0, y - 3, x1 - x0, 6, 3);
    g.fillStyle(palette.accent, alpha);
    g.fillRoundedRect(x0, y - 3, Math.max(0, kx - x0), 6, 3);
    g.fillStyle(this.enabled ? palette.text : palette.textDim, 1);
    g.fillCircle(kx, y, 9);
    g.lineStyle(2, palette.accent, alpha);
    g.strokeCircle(kx, y, 9);
  }
}
