/**
 * The one automatic layout of a circuit, used by the editor (circuits without
 * positions, built-in circuits, imported connectomes, the Layout button) and
 * by the game's neural view: sensory neurons on top, interneurons in the
 * middle (neurons without a role too), motor neurons at the bottom.
 *
 * Each layer is a sequence ordered to reduce crossings with a few barycentre
 * sweeps (Sugiyama): going down, a neuron moves to the mean x of its partners
 * in the layers above; going up, of those below; the ordering with the fewest
 * crossings seen is kept. Left/right pairs (AVAL/AVAR) move as one unit and
 * sit side by side. A big layer folds into a band of rows filled column by
 * column, so x still follows the order and every layer keeps about the same
 * width. Deterministic: no randomness, ties broken by natural id order.
 */
import type { NeuronRole, SynapseSpec } from '../neural/types';
import type { NeuronEntry } from '../circuits/types';
import { naturalCompare } from '../lib/natural-compare';
import type { Point } from './types';

export interface LayoutOptions {
  /** Horizontal distance between neighbours, graph units. */
  columnSpacing?: number;
  /** Vertical distance between rows of one layer. */
  rowSpacing?: number;
  /** Extra vertical gap between layers. */
  layerGap?: number;
  /** Down+up sweep pairs. */
  sweeps?: number;
  /** Widest a layer may be, in columns (default: the best for `aspect`, else about 2√n, at least 8). */
  maxColumns?: number;
  /** Width / height of the view the layout will be fitted into: picks the widest layer that shows neurons biggest. */
  aspect?: number;
}

/** Default spacing (graph units): room for a neuron (radius 18) and a name of six characters under it. */
export const LAYOUT_SPACING = { column: 84, row: 80, layerGap: 56 } as const;

const LAYER: Record<NeuronRole, number> = { sensory: 0, inter: 1, motor: 2 };

interface Layer {
  /** Units (a neuron, or an L/R pair) in order; each unit lists node indices. */
  units: number[][];
  rows: number;
  columns: number;
}

export function layeredLayout(
  neurons: readonly Pick<NeuronEntry, 'id' | 'role'>[],
  synapses: readonly Pick<SynapseSpec, 'from' | 'to'>[],
  opts: LayoutOptions = {},
): Map<string, Point> {
  const colGap = opts.columnSpacing ?? LAYOUT_SPACING.column;
  const rowGap = opts.rowSpacing ?? LAYOUT_SPACING.row;
  const layerGap = opts.layerGap ?? LAYOUT_SPACING.layerGap;
  const sweeps = opts.sweeps ?? 4;
  const n = neurons.length;

  const index = new Map<string, number>();
  neurons.forEach((nn, i) => index.set(nn.id, i));
  const layerOf = neurons.map((nn) => LAYER[nn.role ?? 'inter']);
  const counts = [0, 1, 2].map((L) => layerOf.filter((l) => l === L).length);
  const maxColumns = Math.max(
    1,
    opts.maxColumns ??
      (opts.aspect !== undefined && opts.aspect > 0 ? bestColumns(counts, opts.aspect, colGap, rowGap, layerGap) : Math.max(8, Math.ceil(2 * Math.sqrt(n)))),
  );

  // Adjacency (both directions, duplicates kept: two synapses pull twice as hard), CSR.
  const degree = new Int32Array(n + 1);
  const ends: Array<[number, number]> = [];
  for (const s of synapses) {
    const a = index.get(s.from);
    const b = index.get(s.to);
    if (a === undefined || b === undefined || a === b) continue;
    ends.push([a, b]);
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const start = degree;
  const adj = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (const [a, b] of ends) {
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }

  // Layers of units; initial order natural by id; L/R pairs as one unit (L first).
  const layers: Layer[] = [];
  for (let L = 0; L < 3; L++) {
    const members = neurons.map((_, i) => i).filter((i) => layerOf[i] === L);
    members.sort((a, b) => naturalCompare(neurons[a].id, neurons[b].id));
    const inLayer = new Set(members);
    const paired = new Set<number>();
    const units: number[][] = [];
    for (const i of members) {
      if (paired.has(i)) continue;
      const id = neurons[i].id;
      const mate = /L$/.test(id) ? index.get(`${id.slice(0, -1)}R`) : undefined;
      if (mate !== undefined && inLayer.has(mate) && !paired.has(mate)) {
        paired.add(mate);
        units.push([i, mate]);
      } else if (/R$/.test(id) && index.get(`${id.slice(0, -1)}L`) !== undefined && inLayer.has(index.get(`${id.slice(0, -1)}L`) as number)) {
      } else units.push([i]);
    }
    if (members.length === 0) continue;
    const rows = Math.ceil(members.length / maxColumns);
    layers.push({ units, rows, columns: Math.ceil(members.length / rows) });
  }

  const x = new Float64Array(n);
  const layerNo = new Int32Array(n);
  const place = (l: number): void => {
    const layer = layers[l];
    let rank = 0;
    for (const unit of layer.units) {
      for (const i of unit) {
        x[i] = (Math.floor(rank / layer.rows) - (layer.columns - 1) / 2) * colGap;
        layerNo[i] = l;
        rank++;
      }
    }
  };
  layers.forEach((_, l) => place(l));

  let best = layers.map((l) => l.units.slice());
  let bestCrossings = crossings(layers, layerNo, ends, n);
  const bary = new Float64Array(n);
  for (let s = 0; s < sweeps && layers.length > 1; s++) {
    for (const down of [true, false]) {
      const order = layers.map((_, l) => l);
      if (!down) order.reverse();
      for (const l of order.slice(1)) {
        for (const unit of layers[l].units) {
          let sum = 0;
          let count = 0;
          for (const i of unit) {
            for (let k = start[i]; k < start[i + 1]; k++) {
              const j = adj[k];
              if (down ? layerNo[j] < l : layerNo[j] > l) {
                sum += x[j];
                count++;
              }
            }
          }
          bary[unit[0]] = count > 0 ? sum / count : x[unit[0]];
        }
        // Stable sort: ties keep their present order.
        layers[l].units.sort((u, v) => bary[u[0]] - bary[v[0]]);
        place(l);
      }
      const c = crossings(layers, layerNo, ends, n);
      if (c < bestCrossings) {
        bestCrossings = c;
        best = layers.map((layer) => layer.units.slice());
      }
    }
  }
  layers.forEach((layer, l) => {
    layer.units = best[l];
    place(l);
  });

  const out = new Map<string, Point>();
  let top = 0;
  layers.forEach((layer) => {
    let rank = 0;
    for (const unit of layer.units) {
      for (const i of unit) {
        out.set(neurons[i].id, { x: x[i] + 0, y: top + (rank % layer.rows) * rowGap });
        rank++;
      }
    }
    top += (layer.rows - 1) * rowGap + rowGap + layerGap;
  });
  return out;
}

/**
 * The widest layer, in columns, at which layers of these sizes, folded into
 * rows, appear biggest in a view of this aspect (width / height).
 */
export function bestColumns(counts: readonly number[], aspect: number, colGap: number, rowGap: number, layerGap: number): number {
  const used = counts.filter((c) => c > 0);
  const widest = Math.max(1, ...used);
  let best = 1;
  let bestScale = 0;
  for (let c = 1; c <= widest; c++) {
    let rows = 0;
    let cols = 1;
    for (const k of used) {
      const r = Math.ceil(k / c);
      rows += r;
      cols = Math.max(cols, Math.ceil(k / r));
    }
    // Extent including a neuron's size at the ends (about one spacing), as a fit sees it.
    const w = cols * colGap;
    const h = rows * rowGap + (used.length - 1) * layerGap;
    const scale = Math.min(aspect / w, 1 / h);
    if (scale > bestScale * (1 + 1e-9)) {
      bestScale = scale;
      best = c;
    }
  }
  return best;
}

/**
 * Crossings of the layout's order: for each pair of layers, the inversions
 * among the synapses joining them (by rank), counted with a Fenwick tree.
 * Synapses within one layer are not counted.
 */
function crossings(layers: readonly Layer[], layerNo: Int32Array, ends: ReadonlyArray<[number, number]>, n: number): number {
  const rank = new Int32Array(n);
  for (const layer of layers) {
    let r = 0;
    for (const unit of layer.units) for (const i of unit) rank[i] = r++;
  }
  const groups = new Map<number, Array<[number, number]>>();
  for (const [a, b] of ends) {
    const la = layerNo[a];
    const lb = layerNo[b];
    if (la === lb) continue;
    const [u, w] = la < lb ? [a, b] : [b, a];
    const key = layerNo[u] * 8 + layerNo[w];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push([rank[u], rank[w]]);
  }
  let total = 0;
  for (const g of groups.values()) {
    g.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let size = 1;
    for (const [, w] of g) size = Math.max(size, w + 2);
    const tree = new Int32Array(size + 1);
    let seen = 0;
    for (const [, w] of g) {
      // Earlier edges (smaller upper rank) that end further right cross this one.
      let le = 0;
      for (let i = w + 1; i > 0; i -= i & -i) le += tree[i];
      total += seen - le;
      for (let i = w + 1; i <= size; i += i & -i) tree[i]++;
      seen++;
    }
  }
  return total;
}

/** Crossings of a given placement, for tests and for comparing layouts: same count as the layout minimises. */
export function countLayerCrossings(
  neurons: readonly Pick<NeuronEntry, 'id' | 'role'>[],
  synapses: readonly Pick<SynapseSpec, 'from' | 'to'>[],
  positions: ReadonlyMap<string, Point>,
): number {
  const index = new Map(neurons.map((nn, i) => [nn.id, i]));
  const layerNo = new Int32Array(neurons.map((nn) => LAYER[nn.role ?? 'inter']));
  const layers: Layer[] = [0, 1, 2].map((L) => {
    const members = neurons.map((_, i) => i).filter((i) => layerNo[i] === L);
    const p = (i: number) => positions.get(neurons[i].id) ?? { x: 0, y: 0 };
    // Rank by x, then y: the order a column-major band is read in.
    members.sort((a, b) => p(a).x - p(b).x || p(a).y - p(b).y);
    return { units: members.map((i) => [i]), rows: 1, columns: members.length };
  });
  const ends: Array<[number, number]> = [];
  for (const s of synapses) {
    const a = index.get(s.from);
    const b = index.get(s.to);
    if (a !== undefined && b !== undefined && a !== b) ends.push([a, b]);
  }
  return crossings(layers, layerNo, ends, neurons.length);
}
