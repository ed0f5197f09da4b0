import Phaser from 'phaser';
import { Button } from './Button';
import { palette, textStyle } from './theme';

export interface ChoiceOptions<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  width?: number;
  hint?: string;
}

/** A labelled row of mutually exclusive buttons (segmented control). */
export class Choice<T extends string> extends Phaser.GameObjects.Container {
  private readonly label: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text | null;
  private readonly buttons: Button[];
  private value: T;
  private boxW: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: ChoiceOptions<T>,
  ) {
    super(scene, x, y);
    this.value = opts.value;
    this.boxW = opts.width ?? 360;
    this.label = scene.add.text(0, 0, opts.label, textStyle(16)).setOrigin(0, 0.5);
    this.hint = opts.hint ? scene.add.text(0, 0, opts.hint, textStyle(12, { color: palette.textMuted })).setOrigin(0, 0.5) : null;
    this.add(this.label);
    if (this.hint) this.add(this.hint);
    this.buttons = opts.options.map(
      (o) =>
        new Button(scene, 0, 0, {
          label: o.label,
          height: 34,
          width: 80,
          fontSize: 14,
          onClick: () => this.set(o.value, true),
        }),
    );
    this.add(this.buttons);
    scene.add.existing(this);
    this.setWidth(this.boxW);
  }

  get selected(): T {
    return this.value;
  }

  set(value: T, notify = false): this {
    this.value = value;
    this.opts.options.forEach((o, i) => this.buttons[i].setSelected(o.value === value));
    if (notify) this.opts.onChange(value);
    return this;
  }

  setWidth(width: number): this {
    this.boxW = width;
    const n = this.buttons.length;
    const bw = Math.min(110, (width * 0.55) / n);
    const right = width / 2;
    this.buttons.forEach((b, i) => {
      b.resize(bw - 4, 34);
      b.setPosition(right - (n - i - 0.5) * bw, 0);
    });
    this.label.setPosition(-width / 2, this.hint ? -10 : 0);
    this.hint?.setPosition(-width / 2, 13);
    // Label and hint keep clear of the buttons: shrink them if they would run under.
    const room = width - n * bw - 12;
    for (const t of [this.label, this.hint]) {
      if (!t) continue;
      t.setScale(1);
      if (t.width > room) t.setScale(Math.max(0.6, room / t.width));
    }
    this.set(this.value);
    return this;
  }

  get rowHeight(): number {
    return this.hint ? 52 : 40;
  }
}
