/**
 * What the editor draws, as plain numbers: node centres, the path of every
 * synapse, and the hit tests, zoom-to-fit and minimap that use them. Views
 * draw exactly these paths, so what the pointer hits is what is drawn.
 *
 * Paths run centre to centre (views trim them to the node's rim for arrow
 * heads). A chemical synapse bows to its right when another synapse joins the
 * same two neurons, so a→b and b→a, or a synapse beside a gap junction, stay
 * apart; gap junctions are straight; an autapse is a small loop above its neuron.
 */
import type { NeuronRole, SynapseSpec, Transmitter } from '../neural/types';
import type { CircuitDoc } from '../circuits/types';
import { synapseKey } from './ids';
import type { Point, Rect, ScreenSize, SynapseKey, Viewport } from './types';

/** Radius of a neuron's disc in graph units. */
export const NODE_RADIUS = 18;
/** Radius of an autapse's loop. */
export const LOOP_RADIUS = 10;
/** Zoom limits (screen px per graph unit). */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 8;

export type EdgePath =
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number }
  /** Quadratic Bézier from (x1, y1) to (x2, y2) with control point (cx, cy). */
  | { type: 'curve'; x1: number; y1: number; cx: number; cy: number; x2: number; y2: number }
  /** Circle of radius r at (cx, cy), touching the top of its neuron. */
  | { type: 'loop'; cx: number; cy: number; r: number };

export interface NodeGeometry {
  id: string;
  x: number;
  y: number;
  model: string;
  role?: NeuronRole;
  transmitter?: Transmitter;
  label?: string;
}

export interface EdgeGeometry {
  key: SynapseKey;
  kind: SynapseSpec['kind'];
  from: string;
  to: string;
  weight: number;
  /** The sign a chemical synapse acts with: its own, else inhibitory from a GABA neuron, else excitatory. Undefined for gap junctions. */
  sign?: 'excitatory' | 'inhibitory';
  /** A chemical synapse that learns (it has a "plastic" rule). */
  plastic?: true;
  path: EdgePath;
  /** Bounding box of the path, for quick rejection in hit tests. */
  bounds: Rect;
}

/** The middle of a synapse's path: of a line, of a quadratic Bézier (t = ½), or the top of a loop. */
export function pathMiddle(q: EdgePath): Point {
  if (q.type === 'line') return { x: (q.x1 + q.x2) / 2, y: (q.y1 + q.y2) / 2 };
  if (q.type === 'curve') return { x: 0.25 * q.x1 + 0.5 * q.cx + 0.25 * q.x2, y: 0.25 * q.y1 + 0.5 * q.cy + 0.25 * q.y2 };
  return { x: q.cx, y: q.cy - q.r };
}

export interface GraphGeometry {
  nodes: NodeGeometry[];
  edges: EdgeGeometry[];
  nodeIndex: ReadonlyMap<string, number>;
  /** Bounding box of the node centres, undefined for an empty circuit. */
  bounds: Rect | undefined;
}

export function buildGeometry(doc: CircuitDoc): GraphGeometry {
  const nodes = doc.neurons.map((n): NodeGeometry => {
    const g: NodeGeometry = { id: n.id, x: n.position?.x ?? 0, y: n.position?.y ?? 0, model: n.model };
    if (n.role !== undefined) g.role = n.role;
    if (n.transmitter !== undefined) g.transmitter = n.transmitter;
    if (n.label !== undefined) g.label = n.label;
    return g;
  });
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const synapses = doc.synapses ?? [];
  // How many synapses join each unordered pair: a chemical synapse bows when it is not alone.
  const pairCount = new Map<string, number>();
  const pairOf = (s: SynapseSpec) => (s.from < s.to ? `${s.from}\u0000${s.to}` : `${s.to}\u0000${s.from}`);
  for (const s of synapses) pairCount.set(pairOf(s), (pairCount.get(pairOf(s)) ?? 0) + 1);

  const edges = synapses.map((s): EdgeGeometry => {
    const a = nodes[nodeIndex.get(s.from) as number];
    const b = nodes[nodeIndex.get(s.to) as number];
    let path: EdgePath;
    if (s.from === s.to) path = { type: 'loop', cx: a.x, cy: a.y - NODE_RADIUS - LOOP_RADIUS + 2, r: LOOP_RADIUS };
    else if (s.kind === 'chemical' && (pairCount.get(pairOf(s)) as number) > 1) path = bowed(a, b);
    else path = { type: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    const e: EdgeGeometry = { key: synapseKey(s), kind: s.kind, from: s.from, to: s.to, weight: s.weight, path, bounds: pathBounds(path) };
    if (s.kind === 'chemical') e.sign = s.sign ?? (a.transmitter === 'GABA' ? 'inhibitory' : 'excitatory');
    if (s.kind === 'chemical' && s.plastic) e.plastic = true;
    return e;
  });
  return { nodes, edges, nodeIndex, bounds: boundsOf(nodes) };
}

function bowed(a: Point, b: Point): EdgePath {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 1e-9) return { type: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y };
  // The curve's midpoint lies halfway to the control point: bow by min(24, len/4).
  const off = 2 * Math.min(24, len / 4);
  const nx = -dy / len;
  const ny = dx / len;
  return { type: 'curve', x1: a.x, y1: a.y, cx: (a.x + b.x) / 2 + nx * off, cy: (a.y + b.y) / 2 + ny * off, x2: b.x, y2: b.y };
}

function pathBounds(p: EdgePath): Rect {
  if (p.type === 'loop') return { x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r };
  const xs = p.type === 'curve' ? [p.x1, p.cx, p.x2] : [p.x1, p.x2];
  const ys = p.type === 'curve' ? [p.y1, p.cy, p.y2] : [p.y1, p.y2];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Bounding box of points, or undefined for none. */
export function boundsOf(points: Iterable<Point>): Rect | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The rectangle spanned by two corners in any order (a box-select drag). */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

// ---------------------------------------------------------------- hit tests

/** The neuron whose disc contains (x, y): the nearest centre, the later-drawn one on a tie. */
export function nodeAt(g: GraphGeometry, x: number, y: number, radius = NODE_RADIUS): string | undefined {
  let best: string | undefined;
  let bestD = radius * radius;
  for (let i = g.nodes.length - 1; i >= 0; i--) {
    const n = g.nodes[i];
    const d = (n.x - x) ** 2 + (n.y - y) ** 2;
    if (d < bestD || (d === bestD && best === undefined)) {
      bestD = d;
      best = n.id;
    }
  }
  return best;
}

/** Distance from (x, y) to the segment (x1, y1)–(x2, y2). */
export function distanceToSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

const CURVE_PIECES = 16;

/** Distance from (x, y) to a path (a curve is measured along 16 chords: within 0.1 unit for the bows drawn here). */
export function distanceToPath(p: EdgePath, x: number, y: number): number {
  if (p.type === 'line') return distanceToSegment(x, y, p.x1, p.y1, p.x2, p.y2);
  if (p.type === 'loop') return Math.abs(Math.hypot(x - p.cx, y - p.cy) - p.r);
  let best = Infinity;
  let px = p.x1;
  let py = p.y1;
  for (let k = 1; k <= CURVE_PIECES; k++) {
    const t = k / CURVE_PIECES;
    const u = 1 - t;
    const qx = u * u * p.x1 + 2 * u * t * p.cx + t * t * p.x2;
    const qy = u * u * p.y1 + 2 * u * t * p.cy + t * t * p.y2;
    best = Math.min(best, distanceToSegment(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

/** The synapse nearest (x, y) within `tolerance` graph units, or undefined. */
export function edgeAt(g: GraphGeometry, x: number, y: number, tolerance = 6): SynapseKey | undefined {
  let best: SynapseKey | undefined;
  let bestD = tolerance;
  for (const e of g.edges) {
    const b = e.bounds;
    if (x < b.x - tolerance || x > b.x + b.width + tolerance || y < b.y - tolerance || y > b.y + b.height + tolerance) continue;
    const d = distanceToPath(e.path, x, y);
    if (d <= bestD) {
      bestD = d;
      best = e.key;
    }
  }
  return best;
}

/** Ids of the neurons whose centres lie in rect (edges included). */
export function nodesInRect(g: GraphGeometry, rect: Rect): string[] {
  const x2 = rect.x + rect.width;
  const y2 = rect.y + rect.height;
  return g.nodes.filter((n) => n.x >= rect.x && n.x <= x2 && n.y >= rect.y && n.y <= y2).map((n) => n.id);
}

/** The synapses into, out of, and by gap junction at a neuron (to highlight them). */
export function neighbourhood(g: GraphGeometry, id: string): { incoming: SynapseKey[]; outgoing: SynapseKey[]; gap: SynapseKey[] } {
  const out = { incoming: [] as SynapseKey[], outgoing: [] as SynapseKey[], gap: [] as SynapseKey[] };
  for (const e of g.edges) {
    if (e.from !== id && e.to !== id) continue;
    if (e.kind === 'electrical') out.gap.push(e.key);
    else {
      if (e.to === id) out.incoming.push(e.key);
      if (e.from === id) out.outgoing.push(e.key);
    }
  }
  return out;
}

// ---------------------------------------------------------------- viewport

export const clampZoom = (z: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export function graphToScreen(v: Viewport, screen: ScreenSize, p: Point): Point {
  return { x: (p.x - v.x) * v.zoom + screen.width / 2, y: (p.y - v.y) * v.zoom + screen.height / 2 };
}

export function screenToGraph(v: Viewport, screen: ScreenSize, p: Point): Point {
  return { x: (p.x - screen.width / 2) / v.zoom + v.x, y: (p.y - screen.height / 2) / v.zoom + v.y };
}

/** The part of the graph the screen shows. */
export function visibleRect(v: Viewport, screen: ScreenSize): Rect {
  const width = screen.width / v.zoom;
  const height = screen.height / v.zoom;
  return { x: v.x - width / 2, y: v.y - height / 2, width, height };
}

/** Zoom by `factor` keeping the graph point under `screenPoint` where it is (wheel zoom). */
export function zoomAround(v: Viewport, screen: ScreenSize, screenPoint: Point, factor: number): Viewport {
  const zoom = clampZoom(v.zoom * factor);
  const g = screenToGraph(v, screen, screenPoint);
  return { x: g.x - (screenPoint.x - screen.width / 2) / zoom, y: g.y - (screenPoint.y - screen.height / 2) / zoom, zoom };
}

export interface FitOptions {
  /** Margin kept free around the nodes, screen px. */
  padding?: number;
  /** Further margin under the nodes, screen px (room for the names under the bottom row and a legend). */
  bottom?: number;
  /** Largest zoom a fit may choose (a lone neuron is not blown up to fill the screen). */
  maxZoom?: number;
}

/** The viewport that shows every node (with its disc) on a screen of viewportW × viewportH px. */
export function fitView(nodes: readonly Point[], viewportW: number, viewportH: number, opts: FitOptions = {}): Viewport {
  const b = boundsOf(nodes);
  if (!b) return { x: 0, y: 0, zoom: 1 };
  const padding = opts.padding ?? 40;
  const bottom = opts.bottom ?? 0;
  const w = b.width + 2 * NODE_RADIUS;
  const h = b.height + 2 * NODE_RADIUS;
  const zoom = clampZoom(Math.min((viewportW - 2 * padding) / w, (viewportH - 2 * padding - bottom) / h, opts.maxZoom ?? 1.5));
  // Centred in the screen above the extra bottom margin.
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 + bottom / 2 / zoom, zoom };
}

export interface MinimapGeometry {
  /** The part of the graph the minimap shows (the nodes and the visible area). */
  world: Rect;
  /** Minimap px per graph unit. */
  scale: number;
  /** Minimap px of world's top-left corner (the world is centred in the minimap). */
  offset: Point;
  /** The screen's visible area, in minimap px. */
  view: Rect;
}

/** Geometry of a minimap of mapSize px: node bounds (e.g. GraphGeometry.bounds) plus the viewport rectangle. */
export function minimap(nodeBounds: Rect | undefined, v: Viewport, screen: ScreenSize, mapSize: ScreenSize, margin = 2 * NODE_RADIUS): MinimapGeometry {
  const seen = visibleRect(v, screen);
  const corners: Point[] = [
    { x: seen.x, y: seen.y },
    { x: seen.x + seen.width, y: seen.y + seen.height },
  ];
  if (nodeBounds) {
    corners.push(
      { x: nodeBounds.x - margin, y: nodeBounds.y - margin },
      { x: nodeBounds.x + nodeBounds.width + margin, y: nodeBounds.y + nodeBounds.height + margin },
    );
  }
  const world = boundsOf(corners) as Rect;
  const scale = Math.min(mapSize.width / Math.max(world.width, 1e-9), mapSize.height / Math.max(world.height, 1e-9));
  const offset = { x: (mapSize.width - world.width * scale) / 2, y: (mapSize.height - world.height * scale) / 2 };
  const m = { world, scale, offset, view: { x: 0, y: 0, width: 0, height: 0 } };
  const topLeft = graphToMinimap(m, { x: seen.x, y: seen.y });
  m.view = { x: topLeft.x, y: topLeft.y, width: seen.width * scale, height: seen.height * scale };
  return m;
}

export function graphToMinimap(m: Pick<MinimapGeometry, 'world' | 'scale' | 'offset'>, p: Point): Point {
  return { x: m.offset.x + (p.x - m.world.x) * m.scale, y: m.offset.y + (p.y - m.world.y) * m.scale };
}

/** The graph point under a minimap pixel (click the minimap to centre the view there). */
export function minimapToGraph(m: MinimapGeometry, p: Point): Point {
  return { x: m.world.x + (p.x - m.offset.x) / m.scale, y: m.world.y + (p.y - m.offset.y) / m.scale };
}
