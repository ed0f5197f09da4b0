import type { NeuronRole } from '../../src/neural/types';
import type { CircuitView } from './circuit-view';
import { naturalCompare } from '../../src/lib/natural-compare';

/** Layer order, top to bottom: signals flow down the screen. */
export const LAYERS: readonly NeuronRole[] = ['sensory', 'inter', 'motor'];

export interface NeuralLayout {
  /** Node centres in px relative to the layout box, x,y interleaved, circuit order. */
  xy: Float32Array;
  /** Node radius in px. */
  radius: number;
  /** Distance between neighbouring nodes in px (decides whether labels fit). */
  spacing: number;
  /** Per used layer: its role and the vertical extent of its rows in px (a caption fits in the bandHeader px above top). */
  bands: { role: NeuronRole; top: number; bottom: number; count: number }[];
}

/**
 * Places neurons in a box (leaving `bandHeader` px above each band for a caption). If the circuit carries positions for every neuron
 * they are used (scaled to fit, aspect kept). Otherwise a layered layout:
 * sensory, inter and motor bands top to bottom, each wrapped into rows; sensory
 * and motor neurons in name order (so classes like VA1..VA12 and left/right
 * pairs sit together), interneurons ordered by the mean column of their
 * sensory and motor partners, which shortens the edges through the middle.
 */
export function layoutCircuit(view: CircuitView, width: number, height: number, pad = 12, bandHeader = 0): NeuralLayout {
  const n = view.ids.length;
  const xy = new Float32Array(2 * n);
  const w = Math.max(1, width - 2 * pad);
  const h = Math.max(1, height - 2 * pad);
  if (n === 0) return { xy, radius: 4, spacing: w, bands: [] };

  if (view.positions?.every((v) => Number.isFinite(v))) return fromPositions(view, xy, w, h, pad);

  const members = LAYERS.map((role) => view.ids.map((_, i) => i).filter((i) => view.roles[i] === role));
  const used = LAYERS.map((role, l) => ({ role, idx: members[l] })).filter((l) => l.idx.length > 0);

  // Largest spacing d at which every layer, wrapped into rows of floor(w/d), fits the height (plus a gap between layers).
  const fits = (d: number): boolean => {
    const perRow = Math.max(1, Math.floor(w / d));
    let rows = 0;
    for (const l of used) rows += Math.ceil(l.idx.length / perRow);
    return rows * d + (used.length - 1) * d * 0.6 + used.length * bandHeader <= h;
  };
  let lo = 1;
  let hi = Math.max(2, Math.min(w, h));
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const d = Math.min(lo, 90);
  const perRow = Math.max(1, Math.floor(w / d));

  // Order within layers.
  const col = new Float32Array(n); // normalised column 0..1, used for barycentres
  for (const l of used) {
    if (l.role !== 'inter') {
      l.idx.sort((a, b) => naturalCompare(view.ids[a], view.ids[b]));
      l.idx.forEach((i, k) => (col[i] = l.idx.length > 1 ? k / (l.idx.length - 1) : 0.5));
    }
  }
  const inter = used.find((l) => l.role === 'inter');
  if (inter) {
    inter.idx.sort((a, b) => naturalCompare(view.ids[a], view.ids[b]));
    const sum = new Float32Array(n);
    const cnt = new Float32Array(n);
    const isInter = new Uint8Array(n);
    for (const i of inter.idx) isInter[i] = 1;
    for (let s = 0; s < view.synapseCount; s++) {
      const a = view.pre[s];
      const b = view.post[s];
      if (isInter[a] && !isInter[b]) {
        sum[a] += col[b];
        cnt[a]++;
      } else if (isInter[b] && !isInter[a]) {
        sum[b] += col[a];
        cnt[b]++;
      }
    }
    const key = new Float32Array(n);
    inter.idx.forEach((i, k) => (key[i] = cnt[i] > 0 ? sum[i] / cnt[i] : k / Math.max(1, inter.idx.length - 1)));
    inter.idx.sort((a, b) => key[a] - key[b] || naturalCompare(view.ids[a], view.ids[b]));
  }

  // Rows: layer bands centred vertically in the box.
  let rowsTotal = 0;
  for (const l of used) rowsTotal += Math.ceil(l.idx.length / perRow);
  const totalH = rowsTotal * d + (used.length - 1) * d * 0.6 + used.length * bandHeader;
  let y = pad + (h - totalH) / 2;
  const bands: NeuralLayout['bands'] = [];
  for (const l of used) {
    const rows = Math.ceil(l.idx.length / perRow);
    y += bandHeader;
    const top = y;
    for (let r = 0; r < rows; r++) {
      const start = r * perRow;
      const inRow = Math.min(perRow, l.idx.length - start);
      const rowW = inRow * d;
      const x0 = pad + (w - rowW) / 2 + d / 2;
      for (let c = 0; c < inRow; c++) {
        const i = l.idx[start + c];
        xy[2 * i] = x0 + c * d;
        xy[2 * i + 1] = y + d / 2;
      }
      y += d;
    }
    bands.push({ role: l.role, top, bottom: y, count: l.idx.length });
    y += d * 0.6;
  }
  return { xy, radius: Math.max(1.5, Math.min(11, d * 0.3)), spacing: d, bands };
}

function fromPositions(view: CircuitView, xy: Float32Array, w: number, h: number, pad: number): NeuralLayout {
  const p = view.positions!;
  const n = view.ids.length;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, p[2 * i]);
    maxX = Math.max(maxX, p[2 * i]);
    minY = Math.min(minY, p[2 * i + 1]);
    maxY = Math.max(maxY, p[2 * i + 1]);
  }
  const spanX = Math.max(1e-9, maxX - minX);
  const spanY = Math.max(1e-9, maxY - minY);
  const k = Math.min(w / spanX, h / spanY);
  const ox = pad + (w - spanX * k) / 2;
  const oy = pad + (h - spanY * k) / 2;
  for (let i = 0; i < n; i++) {
    xy[2 * i] = ox + (p[2 * i] - minX) * k;
    xy[2 * i + 1] = oy + (p[2 * i + 1] - minY) * k;
  }
  // Spacing: the closest pair (n is small where positions are hand-placed; a grid would do for more).
  let best = Infinity;
  if (n <= 2000) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) best = Math.min(best, Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]));
  }
  const d = Number.isFinite(best) ? Math.min(best, 90) : 20;
  return { xy, radius: Math.max(1.5, Math.min(11, d * 0.3)), spacing: d, bands: [] };
}
