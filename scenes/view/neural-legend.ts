import type Phaser from 'phaser';
import { palette, ROLE_COLOR, textStyle } from '../ui/theme';

/** Adds a dashed line to the current path. */
export function dashedPath(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gapLen: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 1e-6) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gapLen) {
    const e = Math.min(len, d + dash);
    g.moveTo(x1 + ux * d, y1 + uy * d);
    g.lineTo(x1 + ux * e, y1 + uy * e);
  }
}

/** Glyph width and the gaps around an item, px. */
const GLYPH = 20;
const GAP = 14;

/**
 * The neural view's colour key along its bottom edge: roles, then synapse
 * kinds. Items flow left to right and wrap onto another row rather than
 * being left out (at a large text size "gap junction" used to vanish).
 * Draws the glyphs into `g`; returns the label texts and the height used.
 */
export function drawNeuralLegend(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  rect: { x: number; y: number; w: number; h: number },
  depth: number,
): { texts: Phaser.GameObjects.Text[]; height: number } {
  const items: { label: string; draw: (px: number, ly: number) => void }[] = [
    ...(['sensory', 'inter', 'motor'] as const).map((role) => ({
      label: role,
      draw: (px: number, ly: number) => {
        g.fillStyle(ROLE_COLOR[role], 1);
        g.fillCircle(px + 7, ly, 5);
      },
    })),
    {
      label: 'excitatory',
      draw: (px, ly) => {
        g.lineStyle(2, palette.excitatory, 1);
        g.lineBetween(px, ly, px + 12, ly);
        g.fillStyle(palette.excitatory, 1);
        g.fillTriangle(px + 16, ly, px + 10, ly - 4, px + 10, ly + 4);
      },
    },
    {
      label: 'inhibitory',
      draw: (px, ly) => {
        g.lineStyle(2, palette.inhibitory, 1);
        g.lineBetween(px, ly, px + 14, ly);
        g.lineBetween(px + 15, ly - 5, px + 15, ly + 5);
      },
    },
    {
      label: 'gap junction',
      draw: (px, ly) => {
        g.lineStyle(2, palette.gap, 1);
        g.beginPath();
        dashedPath(g, px, ly, px + 16, ly, 4, 3);
        g.strokePath();
      },
    },
  ];
  const texts = items.map((it) =>
    scene.add
      .text(0, 0, it.label, textStyle(11, { color: palette.textMuted }))
      .setOrigin(0, 0.5)
      .setDepth(depth),
  );
  const rowH = Math.ceil(Math.max(...texts.map((t) => t.height))) + 6;
  // Flow into rows.
  const place: { row: number; x: number }[] = [];
  let row = 0;
  let cx = rect.x + 12;
  texts.forEach((t) => {
    if (cx > rect.x + 12 && cx + GLYPH + t.width > rect.x + rect.w - 6) {
      row++;
      cx = rect.x + 12;
    }
    place.push({ row, x: cx });
    cx += GLYPH + t.width + GAP;
  });
  const height = (row + 1) * rowH + 6;
  const top = rect.y + rect.h - height + 3;
  texts.forEach((t, i) => {
    const ly = top + (place[i].row + 0.5) * rowH;
    items[i].draw(place[i].x, ly);
    t.setPosition(place[i].x + GLYPH, ly);
  });
  return { texts, height };
}
