/**
 * Where the editor writes neuron names: centred under each neuron, in a font
 * that grows with the zoom, once neurons are big enough to read. A name that
 * would cover another name or another neuron shrinks a little, and if that is
 * not enough it is left out (a player's own arrangement can be crowded); the
 * automatic layout leaves room for every name at the zoom that shows the
 * whole circuit. Pure numbers, so the canvas and the tests agree on what is
 * drawn.
 */
import { NODE_RADIUS } from './geometry';
import type { Point, ScreenSize, Viewport } from './types';

/** Names are shown once a neuron's radius is this many screen px. */
export const LABEL_MIN_RADIUS_PX = 6.5;
/** Above this many neurons names are never drawn (search and focus find them). */
export const LABEL_MAX_NODES = 400;
/** Gap between a neuron's rim and the centre line of its name, px. */
const LABEL_OFFSET_PX = 9;

export function labelFontPx(zoom: number): number {
  return Math.max(10, Math.min(15, 11 * zoom));
}

/** Smallest scale a crowded name may shrink to before it is left out. */
const MIN_SCALE = 0.8;

/**
 * Width of a neuron name in px, an estimate: upper-case letters and digits in
 * the UI's sans-serif run 0.62–0.73 em (measured in Chromium: AVAL 0.62, VA12
 * 0.64, CHEML 0.70, RMDDL 0.73), plus the dark outline drawn around them.
 */
export function labelWidthPx(text: string, fontPx: number): number {
  return text.length * 0.74 * fontPx + 6;
}

export interface LabelBox {
  /** Centre of the name in screen px (relative to the canvas). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** 1, or less for a name shrunk to fit between its neighbours. */
  scale: number;
}

export interface PlacedLabels {
  fontPx: number;
  /** Per node, its name's box, or null where no name is drawn. */
  boxes: (LabelBox | null)[];
  /** Names left out because they would cover another name or neuron. */
  hidden: number;
}

/**
 * Places the names of neurons (graph points with ids) for a viewport on a
 * canvas; `widthOf` gives a name's width at a font size (default: the estimate).
 */
export function placeLabels(
  nodes: readonly (Point & { id: string })[],
  view: Viewport,
  screen: ScreenSize,
  widthOf: (text: string, fontPx: number) => number = labelWidthPx,
): PlacedLabels {
  const z = view.zoom;
  const r = NODE_RADIUS * z;
  const fontPx = labelFontPx(z);
  const boxes: (LabelBox | null)[] = nodes.map(() => null);
  if (r < LABEL_MIN_RADIUS_PX || nodes.length > LABEL_MAX_NODES) return { fontPx, boxes, hidden: 0 };
  const cx = screen.width / 2 - view.x * z;
  const cy = screen.height / 2 - view.y * z;
  const sx = nodes.map((n) => cx + n.x * z);
  const sy = nodes.map((n) => cy + n.y * z);
  const h = 1.25 * fontPx + 2;
  // A uniform grid of the neurons' discs and the names placed so far, so each check looks nearby only.
  const cell = Math.max(2 * r, 40);
  const grid = new Map<string, number[]>();
  const cellsOf = (x0: number, y0: number, x1: number, y1: number): string[] => {
    const out: string[] = [];
    for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
      for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) out.push(`${gx},${gy}`);
    return out;
  };
  const add = (k: number, x0: number, y0: number, x1: number, y1: number): void => {
    for (const c of cellsOf(x0, y0, x1, y1)) {
      let list = grid.get(c);
      if (!list) grid.set(c, (list = []));
      list.push(k);
    }
  };
  // Entries: node i is i, label i is nodes.length + i.
  nodes.forEach((_, i) => add(i, sx[i] - r, sy[i] - r, sx[i] + r, sy[i] + r));
  /** The placed names that a box would cover, or null if it would cover a neuron. */
  const conflicts = (i: number, b: LabelBox): number[] | null => {
    const x0 = b.x - b.w / 2;
    const x1 = b.x + b.w / 2;
    const y0 = b.y - b.h / 2;
    const y1 = b.y + b.h / 2;
    const seen = new Set<number>();
    const names: number[] = [];
    for (const c of cellsOf(x0, y0, x1, y1)) {
      for (const k of grid.get(c) ?? []) {
        if (seen.has(k) || k === i) continue;
        seen.add(k);
        if (k < nodes.length) {
          // The name against another neuron's disc.
          const px = Math.max(x0, Math.min(sx[k], x1));
          const py = Math.max(y0, Math.min(sy[k], y1));
          if (Math.hypot(px - sx[k], py - sy[k]) < r) return null;
        } else {
          const o = boxes[k - nodes.length] as LabelBox;
          if (Math.abs(o.x - b.x) < (o.w + b.w) / 2 && Math.abs(o.y - b.y) < (o.h + b.h) / 2) names.push(k - nodes.length);
        }
      }
    }
    return names;
  };
  const boxAt = (i: number, w: number, y: number, scale: number): LabelBox => ({ x: sx[i], y: y - (h * (1 - scale)) / 2, w: w * scale, h: h * scale, scale });
  const widths = nodes.map((n) => widthOf(n.id, fontPx));
  const put = (i: number, b: LabelBox): void => {
    boxes[i] = b;
    add(nodes.length + i, b.x - b.w / 2, b.y - b.h / 2, b.x + b.w / 2, b.y + b.h / 2);
  };
  let hidden = 0;
  nodes.forEach((_, i) => {
    const w = widths[i];
    const y = sy[i] + r + LABEL_OFFSET_PX;
    if (sx[i] + w / 2 < 0 || sx[i] - w / 2 > screen.width || y + h / 2 < 0 || y - h / 2 > screen.height) return; // off the canvas
    for (const scale of [1, 0.9, MIN_SCALE]) {
      const b = boxAt(i, w, y, scale);
      if (conflicts(i, b)?.length === 0) return put(i, b);
    }
    // Crowded by names: shrink those it meets as well (smaller boxes cannot meet anything new), then try once more.
    const b = boxAt(i, w, y, MIN_SCALE);
    const names = conflicts(i, b);
    if (names) {
      const before = names.map((k) => boxes[k] as LabelBox);
      for (const k of names) boxes[k] = boxAt(k, widths[k], sy[k] + r + LABEL_OFFSET_PX, MIN_SCALE);
      if (conflicts(i, b)?.length === 0) return put(i, b);
      names.forEach((k, j) => (boxes[k] = before[j]));
    }
    hidden++;
  });
  return { fontPx, boxes, hidden };
}
