import Phaser from 'phaser';
import { registerControl } from './controls';
import { Tooltip } from './Tooltip';
import { css, fontPx, palette, textStyle } from './theme';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonOptions {
  label: string;
  onClick: () => void;
  width?: number;
  height?: number;
  /** Texture key of an icon drawn left of the label (or alone if the label is empty). */
  icon?: string;
  variant?: ButtonVariant;
  fontSize?: number;
  /** Small second line under the label (menu buttons). */
  hint?: string;
  tooltip?: string;
  /** Name for the test hook when the label is empty (icon buttons). */
  name?: string;
  enabled?: boolean;
}

const FILL: Record<ButtonVariant, number> = {
  primary: palette.accentDim,
  secondary: palette.panelHi,
  ghost: palette.panel,
  danger: 0x5a1f28,
};

/**
 * A rounded button: pointer (mouse, pen, touch) and keyboard focus states,
 * disabled look, optional icon and hint line, selected state for toggles
 * and segmented choices.
 */
export class Button extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private readonly hintText: Phaser.GameObjects.Text | null;
  private readonly iconImage: Phaser.GameObjects.Image | null;
  private hovered = false;
  private pressed = false;
  private focused = false;
  private selected = false;
  private enabled: boolean;
  private boxW: number;
  private boxH: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly opts: ButtonOptions,
  ) {
    super(scene, x, y);
    this.boxW = opts.width ?? 180;
    this.boxH = opts.height ?? 44;
    this.enabled = opts.enabled ?? true;
    this.bg = scene.add.graphics();
    this.add(this.bg);
    this.iconImage = opts.icon ? scene.add.image(0, 0, opts.icon) : null;
    if (this.iconImage) this.add(this.iconImage);
    this.text = scene.add.text(0, 0, opts.label, textStyle(opts.fontSize ?? 16, { bold: opts.variant === 'primary' }));
    this.text.setOrigin(0.5);
    this.add(this.text);
    this.hintText = opts.hint ? scene.add.text(0, 0, opts.hint, textStyle(12, { color: palette.textMuted })).setOrigin(0.5) : null;
    if (this.hintText) this.add(this.hintText);

    this.setSize(this.boxW, this.boxH);
    this.setInteractive({ useHandCursor: true });
    this.on('pointerover', () => {
      this.hovered = true;
      this.redraw();
      if (opts.tooltip) Tooltip.of(scene).show(opts.tooltip, this);
    });
    this.on('pointerout', () => {
      this.hovered = false;
      this.pressed = false;
      this.redraw();
      if (opts.tooltip) Tooltip.of(scene).hide();
    });
    this.on('pointerdown', () => {
      this.pressed = true;
      this.redraw();
    });
    this.on('pointerup', () => {
      const fire = this.pressed && this.enabled;
      this.pressed = false;
      this.redraw();
      if (fire) opts.onClick();
    });
    scene.add.existing(this);
    registerControl({
      object: this,
      info: () => ({
        kind: 'button',
        label: this.text.text || this.opts.name || this.opts.tooltip || '',
        enabled: this.enabled,
        selected: this.selected,
      }),
    });
    this.layoutContent();
    this.redraw();
  }

  get label(): string {
    return this.text.text;
  }

  setLabel(label: string): this {
    this.text.setText(label);
    this.layoutContent();
    return this;
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.redraw();
    return this;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  setSelected(selected: boolean): this {
    this.selected = selected;
    this.redraw();
    return this;
  }

  setFocused(focused: boolean): this {
    this.focused = focused;
    this.redraw();
    return this;
  }

  /** Runs the click action (keyboard activation). */
  activate(): void {
    if (this.enabled) this.opts.onClick();
  }

  resize(width: number, height: number): this {
    this.boxW = width;
    this.boxH = height;
    this.setSize(width, height);
    if (this.input?.hitArea) (this.input.hitArea as Phaser.Geom.Rectangle).setSize(width, height);
    this.layoutContent();
    this.redraw();
    return this;
  }

  private layoutContent(): void {
    const icon = this.iconImage;
    const hasLabel = this.text.text.length > 0;
    // Large text settings must not spill out of the button: shrink the label to fit.
    const room = this.boxW - 16 - (icon ? Math.min(this.boxH * 0.5, 22) + 8 : 0);
    this.text.setScale(1);
    if (this.text.width > room) this.text.setScale(Math.max(0.5, room / this.text.width));
    if (this.hintText) {
      this.hintText.setScale(1);
      if (this.hintText.width > this.boxW - 16) this.hintText.setScale(Math.max(0.5, (this.boxW - 16) / this.hintText.width));
    }
    if (icon) {
      const size = Math.min(this.boxH * 0.5, 22);
      icon.setDisplaySize(size, size);
      if (hasLabel) {
        const total = size + 8 + this.text.displayWidth;
        icon.setPosition(-total / 2 + size / 2, 0);
        this.text.setPosition(-total / 2 + size + 8 + this.text.displayWidth / 2, 0);
      } else {
        icon.setPosition(0, 0);
      }
    } else {
      this.text.setPosition(0, this.hintText ? -fontPx(7) : 0);
    }
    if (this.hintText) this.hintText.setPosition(0, fontPx(11));
  }

  private redraw(): void {
    const g = this.bg;
    const { boxW: w, boxH: h } = this;
    const variant = this.opts.variant ?? 'secondary';
    let fill: number = FILL[variant];
    if (this.selected) fill = palette.accentDim;
    if (this.enabled && this.hovered) fill = Phaser.Display.Color.ValueToColor(fill).lighten(12).color;
    if (this.enabled && this.pressed) fill = Phaser.Display.Color.ValueToColor(fill).darken(8).color;
    const r = Math.min(10, h / 2);
    g.clear();
    g.fillStyle(fill, this.enabled ? 1 : 0.45);
    g.fillRoundedRect(-w / 2, -h / 2, w, h, r);
    const border = this.focused ? palette.focus : this.selected ? palette.accent : this.hovered && this.enabled ? palette.borderHi : palette.border;
    g.lineStyle(this.focused ? 2 : 1, border, this.enabled ? 1 : 0.5);
    g.strokeRoundedRect(-w / 2, -h / 2, w, h, r);
    this.text.setColor(css(this.enabled ? palette.text : palette.textDim));
    this.iconImage?.setAlpha(this.enabled ? 1 : 0.4);
  }
}
