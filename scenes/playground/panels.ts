import { HEADER_H } from '../ui/metrics';

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
