import type Phaser from 'phaser';
import { PREDATOR } from '../../src/evolve/natural/generation';
import { palette } from '../ui/theme';
import type { NatselFrame, PlateInfo } from './protocol';

/**
 * The dish as the worker last reported it: food lawns fading as they are
 * eaten, hot spots and toxin patches, the predators with their reach, and
 * every worm as a thick centreline (grey once dead; the generation's best
 * eater so far outlined in the accent colour). One Graphics for all of it:
 * twenty worms cost a few hundred line segments a frame.
 */
export class PlateView {
  private readonly g: Phaser.GameObjects.Graphics;
  private rect = { x: 0, y: 0, w: 100, h: 100 };

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics();
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
  }

  /** Pixels per mm and the dish's top-left corner, for a dish of plateMm. */
  private transform(plateMm: number): { s: number; ox: number; oy: number } {
    const side = Math.min(this.rect.w, this.rect.h);
    const s = side / plateMm;
    return { s, ox: this.rect.x + (this.rect.w - side) / 2, oy: this.rect.y + (this.rect.h - side) / 2 };
  }

  /** Canvas px of a point in mm. */
  toScreen(plate: PlateInfo, xMm: number, yMm: number): { x: number; y: number } {
    const { s, ox, oy } = this.transform(plate.plateMm);
    return { x: ox + xMm * s, y: oy + yMm * s };
  }

  draw(plate: PlateInfo | null, f: NatselFrame | null): void {
    const g = this.g;
    g.clear();
    if (!plate || !f) return;
    const { s, ox, oy } = this.transform(plate.plateMm);
    const R = plate.plateMm / 2;
    g.fillStyle(palette.agar, 1);
    g.fillCircle(ox + R * s, oy + R * s, R * s);
    g.lineStyle(2, palette.agarRim, 0.8);
    g.strokeCircle(ox + R * s, oy + R * s, R * s);
    for (const h of plate.heat) {
      g.fillStyle(palette.heat, 0.18);
      g.fillCircle(ox + h.x * s, oy + h.y * s, h.r * s);
      g.fillStyle(palette.heat, 0.25);
      g.fillCircle(ox + h.x * s, oy + h.y * s, h.r * 0.6 * s);
    }
    for (const t of plate.toxin) {
      g.fillStyle(palette.toxin, 0.35);
      g.fillCircle(ox + t.x * s, oy + t.y * s, t.r * s);
    }
    plate.food.forEach((d, i) => {
      const left = f.food[i] ?? 0;
      g.fillStyle(palette.food, 0.12 + 0.6 * left);
      g.fillCircle(ox + d.x * s, oy + d.y * s, d.r * s);
    });
    for (let k = 0; k < f.predators.length; k += 2) {
      const x = ox + f.predators[k] * s;
      const y = oy + f.predators[k + 1] * s;
      g.lineStyle(1.5, palette.danger, 0.7);
      g.strokeCircle(x, y, PREDATOR.reachMm * s);
      g.fillStyle(palette.danger, 1);
      g.fillCircle(x, y, Math.max(3, 0.15 * s));
    }
    const seg = plate.segments;
    let best = -1;
    f.eaten.forEach((e, i) => {
      if (e > 0 && (best < 0 || e > f.eaten[best])) best = i;
    });
    const width = Math.max(2, 0.07 * s);
    for (let i = 0; i < f.alive.length; i++) {
      const base = i * seg * 2;
      const trace = (w: number, color: number, alpha: number) => {
        g.lineStyle(w, color, alpha);
        g.beginPath();
        g.moveTo(ox + f.poses[base] * s, oy + f.poses[base + 1] * s);
        for (let k = 1; k < seg; k++) g.lineTo(ox + f.poses[base + 2 * k] * s, oy + f.poses[base + 2 * k + 1] * s);
        g.strokePath();
      };
      if (i === best) trace(width + 4, palette.accent, 0.9);
      trace(width, f.alive[i] ? palette.worm : palette.textDim, 1);
      g.fillStyle(f.alive[i] ? palette.wormEdge : palette.textDim, 1);
      g.fillCircle(ox + f.poses[base] * s, oy + f.poses[base + 1] * s, width * 0.6);
    }
  }
}
