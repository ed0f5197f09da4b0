import Phaser from 'phaser';
import { palette, textStyle } from './theme';

/**
 * An honest placeholder over a part of a scene that needs the simulation core
 * (not wired into the game yet): what will be here and why it is not yet.
 */
export class ComingSoon extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly bodyText: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, what: string, detail: string) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.title = scene.add.text(0, 0, `Coming in this build: ${what}`, textStyle(18, { bold: true, color: palette.warning })).setOrigin(0.5, 0);
    this.bodyText = scene.add.text(0, 0, detail, textStyle(14, { color: palette.textMuted, align: 'center', lineSpacing: 4 })).setOrigin(0.5, 0);
    this.add([this.bg, this.title, this.bodyText]);
    this.setDepth(500);
    scene.add.existing(this);
    this.setName('coming-soon');
  }

  /** Centres the card at (cx, cy), at most maxWidth wide. */
  place(cx: number, cy: number, maxWidth: number): this {
    const w = Math.max(220, Math.min(560, maxWidth - 24));
    this.title.setWordWrapWidth(w - 36, true);
    this.bodyText.setWordWrapWidth(w - 36, true);
    this.title.setPosition(0, 18);
    this.bodyText.setPosition(0, 28 + this.title.height);
    const h = 46 + this.title.height + this.bodyText.height;
    this.bg.clear();
    this.bg.fillStyle(palette.bgDeep, 0.9);
    this.bg.fillRoundedRect(-w / 2, 0, w, h, 12);
    this.bg.lineStyle(1, palette.warning, 0.8);
    this.bg.strokeRoundedRect(-w / 2, 0, w, h, 12);
    this.setPosition(Math.round(cx), Math.round(cy - h / 2));
    return this;
  }
}
