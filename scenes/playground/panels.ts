import type Phaser from 'phaser';
import { HEADER_H } from '../ui/metrics';
import { palette } from '../ui/theme';
import type { WorldCamera } from '../view/camera';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PAD = 12;
export const TOOLBAR_H = 36;

/**
 * Where the playground's parts go: the tool row under the header, the plate,
 * and the neural view with the oscilloscope — beside the plate in a wide
 * window, under it in a narrow one — above the time bar.
 */
export function playgroundPanels(width: number, height: number, timeBarH: number): { toolbarY: number; plate: Rect; neural: Rect; scope: Rect } {
  const toolbarY = HEADER_H + PAD;
  const bottom = height - timeBarH - 2 * PAD;
  const top = toolbarY + TOOLBAR_H + PAD;
  if (width >= 900) {
    const sideW = Math.max(340, Math.min(560, width * 0.4));
    const plate = { x: PAD, y: top, w: width - sideW - 3 * PAD, h: bottom - top };
    const sx = plate.x + plate.w + PAD;
    const neuralH = Math.round((bottom - top) * 0.62);
    return {
      toolbarY,
      plate,
      neural: { x: sx, y: top, w: sideW, h: neuralH },
      scope: { x: sx, y: top + neuralH + PAD, w: sideW, h: bottom - top - neuralH - PAD },
    };
  }
  const plateH = Math.round((bottom - top) * 0.5);
  const y2 = top + plateH + PAD;
  const restH = bottom - y2;
  const neuralW = Math.round((width - 3 * PAD) * 0.58);
  return {
    toolbarY,
    plate: { x: PAD, y: top, w: width - 2 * PAD, h: plateH },
    neural: { x: PAD, y: y2, w: neuralW, h: restH },
    scope: { x: 2 * PAD + neuralW, y: y2, w: width - 3 * PAD - neuralW, h: restH },
  };
}

/**
 * Paints the screen outside `r` in the background colour, plus a border, so
 * whatever the plate camera shows past its viewport is hidden (a matte works
 * the same in both renderers, unlike masks).
 */
export function drawMatte(g: Phaser.GameObjects.Graphics, width: number, height: number, r: { x: number; y: number; w: number; h: number }): void {
  g.clear();
  g.fillStyle(palette.bg, 1);
  g.fillRect(0, 0, width, r.y);
  g.fillRect(0, r.y + r.h, width, height - r.y - r.h);
  g.fillRect(0, r.y, r.x, r.h);
  g.fillRect(r.x + r.w, r.y, width - r.x - r.w, r.h);
  g.lineStyle(1, palette.border, 1);
  g.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
}

/** Whole plate (box x0, y0, x1, y1, mm) in view; given a worm, zoomed so it spans about a third of the view, centred on it. */
export function fitCamera(cam: WorldCamera, box: readonly [number, number, number, number], worm: { pose: ArrayLike<number>; lengthMm: number } | null): void {
  const [x0, y0, x1, y1] = box;
  cam.fit(x0, y0, x1, y1, 12);
  if (!worm) return;
  const { pose } = worm;
  const mid = 2 * Math.floor(pose.length / 4);
  const span = Math.min(cam.viewport.width, cam.viewport.height);
  const zoom = span / 3 / Math.max(1e-6, worm.lengthMm) / cam.basePxPerMm;
  if (zoom > 1) {
    cam.zoom = Math.min(cam.maxZoom, zoom);
    cam.centerXMm = pose[mid];
    cam.centerYMm = pose[mid + 1];
  }
}
