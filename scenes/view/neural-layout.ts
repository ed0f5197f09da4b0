import { LAYOUT_SPACING, layeredLayout } from '../../src/editor/layout';
import type { NeuronRole } from '../../src/neural/types';
import type { CircuitView } from './circuit-view';

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
 * Places neurons in a box (leaving `bandHeader` px above each band for a
 * caption). If the circuit carries positions for every neuron they are used
 * (scaled to fit, aspect kept). Otherwise the editor's layered layout
 * (src/editor/layout.ts: sensory, inter and motor layers top to bottom, each
 * folded into rows to suit the box, crossings reduced, left/right pairs side
 * by side), scaled into the box.
 */
export function layoutCircuit(view: CircuitView, width: number, height: number, pad = 12, bandHeader = 0): NeuralLayout {
  const n = view.ids.length;
  const xy = new Float32Array(2 * n);
  const w = Math.max(1, width - 2 * pad);
  const h = Math.max(1, height - 2 * pad);
  if (n === 0) return { xy, radius: 4, spacing: w, bands: [] };

  if (view.positions?.every((v) => Number.isFinite(v))) return fromPositions(view, xy, w, h, pad);

  const used = LAYERS.filter((role) => view.roles.includes(role));
  const captions = used.length * bandHeader;
  const neurons = view.ids.map((id, i) => ({ id, role: view.roles[i] }));
  const synapses: { from: string; to: string }[] = [];
  for (let s = 0; s < view.synapseCount; s++) synapses.push({ from: view.ids[view.pre[s]], to: view.ids[view.post[s]] });
  const pos = layeredLayout(neurons, synapses, { aspect: w / Math.max(1, h - captions) });

  // Scale graph units into the box (a spacing's worth of margin around the outer nodes), at most 90 px between neighbours.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of pos.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const unit = LAYOUT_SPACING.column;
  const k = Math.min(w / (maxX - minX + unit), (h - captions) / (maxY - minY + unit), 90 / unit);
  const ox = pad + (w - (maxX - minX) * k) / 2;
  const oy = pad + (h - captions - (maxY - minY + unit) * k) / 2 + (unit * k) / 2;
  const layerOf = (role: NeuronRole): number => used.indexOf(role);
  for (let i = 0; i < n; i++) {
    const p = pos.get(view.ids[i])!;
    xy[2 * i] = ox + (p.x - minX) * k;
    xy[2 * i + 1] = oy + (p.y - minY) * k + (layerOf(view.roles[i]) + 1) * bandHeader;
  }
  const d = unit * k;
  const bands: NeuralLayout['bands'] = used.map((role) => {
    let top = Infinity;
    let bottom = -Infinity;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (view.roles[i] !== role) continue;
      top = Math.min(top, xy[2 * i + 1] - d / 2);
      bottom = Math.max(bottom, xy[2 * i + 1] + d / 2);
      count++;
    }
    return { role, top, bottom, count };
  });
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
