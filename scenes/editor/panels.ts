import { HEADER_H } from '../ui/metrics';

export const PAD = 8;
/** The toolbar's height before it is measured: one row of buttons and the status line. */
export const TOOLBAR_ESTIMATE_H = 58;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EditorPanels {
  palette: Rect;
  inspector: Rect;
  graph: Rect;
  live: Rect;
  body: Rect;
  scope: Rect;
  /** Centre and width of the time bar. */
  timeBar: { cx: number; cy: number; w: number };
}

/**
 * Where the editor's panels go in a window of this size, under a toolbar of
 * this height: palette left, inspector right, the graph in the middle above
 * the live worm, the body diagram and the oscilloscope. Narrow windows give
 * the time bar its own row. (The scene places them; the model is told the
 * graph's size before the first frame, so a circuit it lays out suits it.)
 */
export function editorPanels(width: number, height: number, toolbarH: number, timeBarH: number): EditorPanels {
  const top = HEADER_H + PAD + toolbarH + PAD;
  const palW = width >= 1100 ? 190 : 172;
  const inspW = width >= 1200 ? 330 : width >= 900 ? 270 : 230;
  const cx = PAD + palW + PAD;
  const cw = width - inspW - 2 * PAD - cx;
  const B = Math.max(200, Math.min(300, Math.round(height * 0.36)));
  const y0 = height - PAD - B;
  const ownRow = cw < 700;
  const bh = ownRow ? B - timeBarH - PAD : B;
  const lw = Math.round(Math.min(cw * 0.42, bh * 1.25));
  const rx = cx + lw + PAD;
  const rw = cw - lw - PAD;
  const bodyH = Math.min(100, Math.round(bh * 0.42));
  return {
    palette: { x: PAD, y: top, w: palW, h: height - top - PAD },
    inspector: { x: width - PAD - inspW, y: top, w: inspW, h: height - top - PAD },
    graph: { x: cx, y: top, w: cw, h: y0 - PAD - top },
    live: { x: cx, y: y0, w: lw, h: bh },
    body: { x: rx, y: y0, w: rw, h: bodyH },
    scope: { x: rx, y: y0 + bodyH + PAD, w: rw, h: bh - bodyH - PAD - (ownRow ? 0 : timeBarH + PAD) },
    timeBar: ownRow ? { cx: cx + cw / 2, cy: height - PAD - timeBarH / 2, w: cw } : { cx: rx + rw / 2, cy: height - PAD - timeBarH / 2, w: rw },
  };
}
