import type Phaser from 'phaser';
import { palette, textStyle } from '../ui/theme';
import type { NeuralView } from '../view/NeuralView';

/**
 * The Ablate tool's marks in the neural view: a laser flash where a neuron
 * is killed, a cross on each dead neuron, and the list of what is ablated
 * (with how to undo). The killing itself is the simulation's ablate(); the
 * scene owns the list.
 */
export class AblationMarks {
  private readonly marks: Phaser.GameObjects.Graphics;
  private readonly list: Phaser.GameObjects.Text;
  private ids: readonly string[] = [];
  private indices: readonly number[] = [];
  /** Flashes shown so far (for the test hook). */
  flashes = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly neural: NeuralView,
    private readonly reducedMotion: () => boolean,
  ) {
    this.marks = scene.add.graphics().setDepth(60);
    this.list = scene.add
      .text(0, 0, '', textStyle(13, { color: palette.text }))
      .setDepth(61)
      .setBackgroundColor('rgba(11,16,22,0.82)')
      .setPadding(6, 4, 6, 4)
      .setVisible(false);
  }

  /** The ablated neurons now: their ids and indices in the neural view. */
  set(ids: readonly string[], indices: readonly number[]): void {
    this.ids = [...ids];
    this.indices = [...indices];
    this.list.setText(ids.length ? `Ablated: ${ids.join(', ')}   ·   Ctrl+Z undo` : '').setVisible(ids.length > 0);
    this.draw();
  }

  get ablated(): readonly string[] {
    return this.ids;
  }

  /** The list's text as shown (empty when nothing is ablated). */
  get listText(): string {
    return this.list.visible ? this.list.text : '';
  }

  /** A laser flash at neuron i: a white-hot core and a red ring that widens and fades. */
  flash(i: number): void {
    const at = this.neural.nodePosition(i);
    if (!at) return;
    this.flashes++;
    const r = Math.max(6, this.neural.nodeRadius);
    const g = this.scene.add.graphics().setDepth(62);
    g.fillStyle(0xffffff, 1).fillCircle(at.x, at.y, r * 0.9);
    g.lineStyle(3, palette.danger, 1).strokeCircle(at.x, at.y, r * 1.6);
    g.lineStyle(2, palette.danger, 0.9)
      .lineBetween(at.x - r * 2.6, at.y, at.x + r * 2.6, at.y)
      .lineBetween(at.x, at.y - r * 2.6, at.x, at.y + r * 2.6);
    const still = this.reducedMotion();
    this.scene.tweens.add({
      targets: g,
      alpha: 0,
      ...(still ? {} : { scaleX: 1.6, scaleY: 1.6, x: -at.x * 0.6, y: -at.y * 0.6 }),
      delay: still ? 600 : 250,
      duration: 700,
      onComplete: () => g.destroy(),
    });
  }

  /** Redraw the crosses (after the neural view moved) and place the list along the top of the view, clear of its legend. */
  draw(): void {
    const g = this.marks;
    g.clear();
    const r = Math.max(5, this.neural.nodeRadius);
    g.lineStyle(2.5, palette.danger, 0.95);
    for (const i of this.indices) {
      const p = this.neural.nodePosition(i);
      if (!p) continue;
      g.lineBetween(p.x - r, p.y - r, p.x + r, p.y + r).lineBetween(p.x - r, p.y + r, p.x + r, p.y - r);
    }
    const b = this.neural.bounds;
    this.list
      .setPosition(b.x + b.w - 8, b.y + 4)
      .setOrigin(1, 0)
      .setWordWrapWidth(Math.max(160, b.w - 16), true);
  }

  destroy(): void {
    this.marks.destroy();
    this.list.destroy();
  }
}
