/**
 * What the plate renderer needs to know about an arena, in mm. A minimal local
 * interface until src/world publishes its Arena type; then an adapter from
 * Arena to ArenaView replaces hand-written ones (the challenge catalogue's
 * previews are written in this form).
 */
export type ShapeView =
  | { kind: 'circle'; x: number; y: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number }
  /** Annulus between two radii (e.g. a toxin ring around the start). */
  | { kind: 'ring'; x: number; y: number; inner: number; outer: number }
  /** Convex or simple polygon, vertices x0, y0, x1, y1, … in mm. */
  | PolygonView;

export interface PolygonView {
  kind: 'polygon';
  points: readonly number[];
}

export type ZoneKind = 'heat' | 'cold' | 'toxin' | 'goal';

export interface ArenaView {
  /** The plate's extent; everything outside is the dish rim. */
  bounds: { kind: 'circle'; x: number; y: number; r: number } | { kind: 'rect'; x: number; y: number; width: number; height: number };
  medium?: 'agar' | 'water';
  walls?: readonly { x1: number; y1: number; x2: number; y2: number; thickness: number }[];
  /** Pillars and blocks the worm cannot enter. */
  obstacles?: readonly (
    | { kind: 'circle'; x: number; y: number; r: number }
    | { kind: 'rect'; x: number; y: number; width: number; height: number }
    | PolygonView
  )[];
  /** Bacterial lawns. amount 0..1 sets how dense the lawn looks. */
  food?: readonly { x: number; y: number; r: number; amount?: number }[];
  zones?: readonly { id: string; kind: ZoneKind; shape: ShapeView; intensity?: number }[];
  /** Diffusing odour sources drawn as a soft glow, sigma in mm; color: the odour's tint (default: the food odour's). */
  odors?: readonly { x: number; y: number; sigma: number; peak?: number; color?: number; label?: string }[];
}

/** Bounding box of an arena in mm: [minX, minY, maxX, maxY]. */
export function arenaBox(a: ArenaView): [number, number, number, number] {
  const b = a.bounds;
  return b.kind === 'circle' ? [b.x - b.r, b.y - b.r, b.x + b.r, b.y + b.r] : [b.x, b.y, b.x + b.width, b.y + b.height];
}
