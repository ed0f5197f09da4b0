import Phaser from 'phaser';
import { palette, textStyle } from './theme';

export interface PanelOptions {
  title?: string;
  fill?: number;
  alpha?: number;
  border?: number;
  radius?: number;
}

/**
 * A rounded panel with an optional title strip. Positioned by its top-left
 * corner; setRect() re-lays it on resize. Children are placed by the owner.
 */
export class Panel extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly titleText: Phaser.GameObjects.Text | null;
  boxW = 0;
  boxH = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly opts: PanelOptions = {},
  ) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.add(this.bg);
    this.titleText = opts.title ? scene.add.text(14, 10, opts.title, textStyle(13, { color: palette.textMuted, bold: true })) : null;
    if (this.titleText) this.add(this.titleText);
    scene.add.existing(this);
  }

  /** Height of the title strip (0 without a title). */
  get titleHeight(): number {
    return this.titleText ? this.titleText.height + 16 : 0;
  }

  setTitle(title: string): this {
    this.titleText?.setText(title);
    return this;
  }

  setRect(x: number, y: number, w: number, h: number): this {
    this.setPosition(Math.round(x), Math.round(y));
    this.boxW = w;
    this.boxH = h;
    const r = this.opts.radius ?? 12;
    const g = this.bg;
    g.clear();
    g.fillStyle(this.opts.fill ?? palette.panel, this.opts.alpha ?? 0.96);
    g.fillRoundedRect(0, 0, w, h, r);
    g.lineStyle(1, this.opts.border ?? palette.border, 1);
    g.strokeRoundedRect(0.5, 0.5, w - 1, h - 1, r);
    if (this.titleText) {
      g.lineStyle(1, palette.border, 0.7);
      g.lineBetween(10, this.titleHeight - 4, w - 10, this.titleHeight - 4);
    }
    return this;
  }
}
