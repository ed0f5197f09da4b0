import type Phaser from 'phaser';
import type { IvCurve } from '../lab-neuron';
import { palette, textStyle } from '../ui/theme';
import { niceStep, TRACE_COLORS } from './Oscilloscope';

/**
 * The graded neuron's steady-state I–V (current clamp: held current across,
 * the V it settles at up): the cell as set (solid), the same cell without its
 * K⁺ rectifier (the old linear neuron, dashed), and the clamp's current
 * operating point. The y axis spans the rectified curve and −100..+60 mV, so
 * the linear line leaving the top shows where it runs off.
 */
export class IvPlot {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly curves: Phaser.GameObjects.Graphics;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly title: Phaser.GameObjects.Text;
  private readonly legend: Phaser.GameObjects.Text;
  private rect = { x: 0, y: 0, w: 100, h: 60 };

  constructor(private readonly scene: Phaser.Scene) {
    this.frame = scene.add.graphics().setDepth(20);
    this.curves = scene.add.graphics().setDepth(21);
    this.title = scene.add.text(0, 0, 'Steady state: V under a held current', textStyle(12, { color: palette.textMuted, bold: true })).setDepth(22);
    this.legend = scene.add.text(0, 0, '', textStyle(11, { color: palette.textDim })).setDepth(22);
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
  }

  /** Redraws with the curve and the clamp's current (pA); gKNs and plateauNs (nS) name what the solid curve has. */
  draw(curve: IvCurve, clampPa: number, gKNs: number, plateauNs = 0): void {
    const { x, y, w, h } = this.rect;
    // Top margin: title, then the legend line, then the axis unit (mV) clear of both.
    const plot = { x: x + 46, y: y + 56, w: w - 60, h: h - 80 };
    const n = curve.currentPa.length;
    const iMin = curve.currentPa[0];
    const iMax = curve.currentPa[n - 1];
    let vMin = -100;
    let vMax = 60;
    for (const v of curve.vMv) {
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    const px = (i: number) => plot.x + ((i - iMin) / (iMax - iMin)) * plot.w;
    const py = (v: number) => plot.y + plot.h - ((Math.min(Math.max(v, vMin), vMax) - vMin) / (vMax - vMin)) * plot.h;

    const g = this.frame;
    g.clear();
    g.fillStyle(palette.bgDeep, 1);
    g.fillRoundedRect(x, y, w, h, 10);
    g.lineStyle(1, palette.border, 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 10);
    this.texts.forEach((t) => t.destroy());
    this.texts.length = 0;
    const label = (tx: number, ty: number, s: string, ox: number, oy: number): void => {
      this.texts.push(
        this.scene.add
          .text(tx, ty, s, textStyle(10, { color: palette.textDim, mono: true }))
          .setOrigin(ox, oy)
          .setDepth(22),
      );
    };
    const vStep = niceStep((vMax - vMin) / 4);
    for (let v = Math.ceil(vMin / vStep) * vStep; v <= vMax + 1e-9; v += vStep) {
      g.lineStyle(1, palette.border, Math.abs(v) < 1e-9 ? 0.9 : 0.45);
      g.lineBetween(plot.x, py(v), plot.x + plot.w, py(v));
      label(plot.x - 5, py(v), `${v}`, 1, 0.5);
    }
    const iStep = niceStep((iMax - iMin) / 5);
    for (let i = Math.ceil(iMin / iStep) * iStep; i <= iMax + 1e-9; i += iStep) {
      g.lineStyle(1, palette.border, Math.abs(i) < 1e-9 ? 0.9 : 0.35);
      g.lineBetween(px(i), plot.y, px(i), plot.y + plot.h);
      label(px(i), plot.y + plot.h + 3, `${+i.toFixed(2)}`, 0.5, 0);
    }
    label(plot.x + plot.w, plot.y + plot.h + 14, 'pA', 1, 0);
    label(plot.x - 5, plot.y - 4, 'mV', 1, 1);

    const c = this.curves;
    c.clear();
    // The linear neuron, dashed, clipped at the top of the plot.
    c.lineStyle(1.4, palette.textDim, 1);
    for (let k = 0; k + 1 < n; k += 2) c.lineBetween(px(curve.currentPa[k]), py(curve.linearVMv[k]), px(curve.currentPa[k + 1]), py(curve.linearVMv[k + 1]));
    c.lineStyle(2, TRACE_COLORS[0], 1);
    c.beginPath();
    c.moveTo(px(curve.currentPa[0]), py(curve.vMv[0]));
    for (let k = 1; k < n; k++) c.lineTo(px(curve.currentPa[k]), py(curve.vMv[k]));
    c.strokePath();
    // Where the clamp holds the cell now.
    const k = Math.round(((clampPa - iMin) / (iMax - iMin)) * (n - 1));
    if (k >= 0 && k < n) {
      c.fillStyle(TRACE_COLORS[1], 1);
      c.fillCircle(px(curve.currentPa[k]), py(curve.vMv[k]), 4);
    }
    const top = curve.vMv[n - 1];
    const linTop = curve.linearVMv[n - 1];
    this.title.setPosition(x + 12, y + 6);
    // With a plateau the solid curve folds (the bisection draws one branch); the legend names both currents in the same width.
    const solid = plateauNs > 0 ? `K⁺ ${gKNs} nS, plateau ${plateauNs} nS` : `with K⁺ rectifier (${gKNs} nS)`;
    const dashed = plateauNs > 0 ? 'linear' : 'linear (gKNs 0)';
    this.legend
      .setText(`— ${solid}: ${top.toFixed(0)} mV at ${iMax} pA    - - ${dashed}: ${linTop.toFixed(0)} mV`)
      .setPosition(x + 12, y + 24)
      .setOrigin(0, 0);
  }

  destroy(): void {
    this.frame.destroy();
    this.curves.destroy();
    this.title.destroy();
    this.legend.destroy();
    this.texts.forEach((t) => t.destroy());
  }
}
