import type Phaser from 'phaser';
import type { GenerationSummary } from '../../src/evolve/natural/selection';
import { palette, textStyle } from '../ui/theme';

const LINES = [
  { key: 'best', label: 'best', color: palette.accent },
  { key: 'median', label: 'median', color: palette.warning },
] as const;

/** Food eaten per generation (best and median worm), one point per ended generation; the y axis spans 0 to the most seen. */
export class FitnessChart {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly axis: Phaser.GameObjects.Text[];
  private readonly legend: Phaser.GameObjects.Text[];
  private rect = { x: 0, y: 0, w: 100, h: 100 };
  private points: readonly GenerationSummary[] = [];

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics();
    this.title = scene.add.text(0, 0, '', textStyle(12, { color: palette.textMuted, bold: true }));
    this.axis = [0, 1, 2, 3].map(() => scene.add.text(0, 0, '', textStyle(10, { color: palette.textDim })));
    this.legend = LINES.map((l) => scene.add.text(0, 0, `━ ${l.label}`, textStyle(11, { color: l.color, bold: true })));
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
    this.draw(this.points);
  }

  draw(points: readonly GenerationSummary[]): void {
    this.points = points;
    const { x, y, w, h } = this.rect;
    const g = this.g;
    g.clear();
    g.fillStyle(palette.panelLo, 1);
    g.fillRect(x, y, w, h);
    g.lineStyle(1, palette.border, 1);
    g.strokeRect(x, y, w, h);
    this.title.setPosition(x + 8, y + 6).setText('Food eaten (units)');
    let lx = x + w - 8;
    for (const t of [...this.legend].reverse()) {
      lx -= t.width;
      t.setPosition(lx, y + 7);
      lx -= 10;
    }
    const top = Math.max(0.1, ...points.map((p) => p.best));
    const L = { l: x + 34, r: x + w - 10, t: y + 26, b: y + h - 18 };
    const px = (i: number) => L.l + ((L.r - L.l) * i) / Math.max(1, points.length - 1);
    const py = (v: number) => L.b - ((L.b - L.t) * v) / top;
    g.lineStyle(1, palette.border, 1);
    g.lineBetween(L.l, L.b, L.r, L.b);
    g.lineBetween(L.l, L.t, L.l, L.b);
    this.axis[0].setText(top.toFixed(2)).setPosition(x + 4, L.t - 6);
    this.axis[1].setText('0').setPosition(x + 20, L.b - 6);
    this.axis[2].setText(points.length ? `gen ${points[0].generation + 1}` : 'no generation ended yet').setPosition(L.l, L.b + 3);
    this.axis[3]
      .setText(points.length > 1 ? `gen ${points[points.length - 1].generation + 1}` : '')
      .setOrigin(1, 0)
      .setPosition(L.r, L.b + 3);
    for (const line of LINES) {
      g.lineStyle(2, line.color, 1);
      g.fillStyle(line.color, 1);
      points.forEach((p, i) => {
        if (i > 0) g.lineBetween(px(i - 1), py(points[i - 1][line.key]), px(i), py(p[line.key]));
        g.fillCircle(px(i), py(p[line.key]), 2.5);
      });
    }
  }
}
