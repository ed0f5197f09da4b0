import Phaser from 'phaser';
import { registerControl } from './controls';
import { palette, textStyle } from './theme';

export interface ToggleOptions {
  label: string;
  value: boolean;
  onChange: (value: boolean) => void;
  width?: number;
  /** Second line in smaller text, e.g. what the setting does. */
  hint?: string;
  enabled?: boolean;
}

/** A labelled on/off switch; the whole row is the hit area (big enough for fingers). */
export class Toggle extends Phaser.GameObjects.Container {
  private readonly track: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text | null;
  private value: boolean;
  private enabled: boolean;
  private boxW: number;
  private readonly boxH: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: ToggleOptions,
  ) {
    super(scene, x, y);
    this.value = opts.value;
    this.enabled = opts.enabled ?? true;
    this.boxW = opts.width ?? 360;
    this.label = scene.add.text(0, 0, opts.label, textStyle(16)).setOrigin(0, 0.5);
    this.hint = opts.hint ? scene.add.text(0, 0, opts.hint, textStyle(12, { color: palette.textMuted })).setOrigin(0, 0.5) : null;
    this.track = scene.add.graphics();
    this.add([this.label, this.track]);
    if (this.hint) this.add(this.hint);
    this.boxH = this.hint ? 52 : 40;
    this.setSize(this.boxW, this.boxH);
    this.setInteractive({ useHandCursor: true });
    this.on('pointerup', () => {
      if (this.enabled) this.set(!this.value, true);
    });
    scene.add.existing(this);
    registerControl({
      object: this,
      info: () => ({ kind: 'toggle', label: this.opts.label, enabled: this.enabled, selected: this.value }),
    });
    this.redraw();
  }

  get checked(): boolean {
    return this.value;
  }

  set(value: boolean, notify = false): this {
    this.value = value;
    this.redraw();
    if (notify) this.opts.onChange(value);
    return this;
  }

  setWidth(width: number): this {
    this.boxW = width;
    this.setSize(width, this.boxH);
    if (this.input?.hitArea) (this.input.hitArea as Phaser.Geom.Rectangle).setSize(width, this.boxH);
    this.redraw();
    return this;
  }

  private redraw(): void {
    const { boxW: w, boxH: h } = this;
    this.label.setPosition(-w / 2, this.hint ? -10 : 0).setAlpha(this.enabled ? 1 : 0.5);
    this.hint?.setPosition(-w / 2, 13).setAlpha(this.enabled ? 1 : 0.5);
    for (const t of [this.label, this.hint]) {
      if (!t) continue;
      t.setScale(1);
      if (t.width > w - 58) t.setScale(Math.max(0.6, (w - 58) / t.width));
    }
    const tw = 46;
    const th = 24;
    const tx = w / 2 - tw;
    const g = this.track;
    g.clear();
    g.fillStyle(this.value ? palette.accent : palette.panelHi, this.enabled ? 1 : 0.5);
    g.fillRoundedRect(tx, -th / 2, tw, th, th / 2);
    g.lineStyle(1, this.value ? palette.accentHi : palette.border, 1);
    g.strokeRoundedRect(tx, -th / 2, tw, th, th / 2);
    g.fillStyle(this.value ? palette.bgDeep : palette.textMuted, 1);
    g.fillCircle(this.value ? tx + tw - th / 2 : tx + th / 2, 0, th / 2 - 4);
    void h;
  }
}
