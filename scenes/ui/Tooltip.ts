import Phaser from 'phaser';
import { palette, textStyle } from './theme';

/** One tooltip per scene, drawn above everything, kept inside the canvas. */
export class Tooltip {
  private static readonly perScene = new WeakMap<Phaser.Scene, Tooltip>();
  private readonly box: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private timer: Phaser.Time.TimerEvent | null = null;
  /** The part of the canvas no HTML panel covers (the editor's middle column), or null for the whole canvas. */
  private area: { x: number; y: number; w: number; h: number } | null = null;

  static of(scene: Phaser.Scene): Tooltip {
    let t = Tooltip.perScene.get(scene);
    if (!t?.box.scene) {
      t = new Tooltip(scene);
      Tooltip.perScene.set(scene, t);
    }
    return t;
  }

  private constructor(private readonly scene: Phaser.Scene) {
    this.bg = scene.add.graphics();
    this.text = scene.add.text(0, 0, ' ', textStyle(13, { wrapWidth: 280 }));
    this.box = scene.add.container(0, 0, [this.bg, this.text]).setDepth(10_000).setVisible(false);
  }

  /** Keeps tooltips inside `area` (where they fit): a scene with HTML panels over the canvas names the part they leave free. */
  within(area: { x: number; y: number; w: number; h: number } | null): void {
    this.area = area;
  }

  /** Shows `text` near a game object (after a short delay) or at a point (at once). */
  show(text: string, near: { getBounds(): Phaser.Geom.Rectangle } | { x: number; y: number }, delayMs = 350): void {
    this.timer?.remove();
    const place = (): void => {
      this.text.setText(text);
      const pad = 7;
      const w = this.text.width + 2 * pad;
      const h = this.text.height + 2 * pad;
      this.bg.clear();
      this.bg.fillStyle(palette.bgDeep, 0.96);
      this.bg.fillRoundedRect(0, 0, w, h, 6);
      this.bg.lineStyle(1, palette.borderHi, 1);
      this.bg.strokeRoundedRect(0, 0, w, h, 6);
      this.text.setPosition(pad, pad);
      let x: number;
      let y: number;
      if ('getBounds' in near) {
        const b = near.getBounds();
        x = b.centerX - w / 2;
        y = b.bottom + 8;
        if (y + h > this.scene.scale.height) y = b.top - h - 8;
      } else {
        x = near.x + 14;
        y = near.y + 14;
      }
      const a = this.area;
      const [x0, x1] = a && w + 8 <= a.w ? [a.x, a.x + a.w] : [0, this.scene.scale.width];
      const [y0, y1] = a && h + 8 <= a.h ? [a.y, a.y + a.h] : [0, this.scene.scale.height];
      x = Phaser.Math.Clamp(x, x0 + 4, x1 - w - 4);
      y = Phaser.Math.Clamp(y, y0 + 4, y1 - h - 4);
      this.box.setPosition(Math.round(x), Math.round(y)).setVisible(true);
    };
    if (delayMs > 0) this.timer = this.scene.time.delayedCall(delayMs, place);
    else place();
  }

  hide(): void {
    this.timer?.remove();
    this.timer = null;
    this.box.setVisible(false);
  }

  get visible(): boolean {
    return this.box.visible;
  }
}
