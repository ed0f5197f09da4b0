/**
 * From arena data to geometry: the plate's extent, every wall and obstacle as
 * a circle or convex polygon (pillar fields expanded with a seeded generator),
 * every zone as a shape, and the start in radians. Fields, zones and physics
 * bodies are all built from this one resolved form, so they agree.
 */
import { DEG, type CircleShape, type PolygonShape, type Shape, polygonFromPoints, rectPolygon, segmentClearance, segmentWall } from './geometry';
import { pillarField } from './pillars';
import type { Arena, Obstacle, Plate, Wall, ZoneShape } from './schema';

/** Body length the arena checks assume when they keep the start clear, mm. */
export const WORM_LENGTH_MM = 1;
/** Half the worm's body width (an adult is ~80 µm across), mm. */
export const WORM_RADIUS_MM = 0.04;

/** Makes a uniform [0, 1) generator from a seed (the project's seeded RNG; the simulation passes it in). */
export type MakeRand = (seed: number) => () => number;

export interface PlateGeometry {
  /** Bounding box of the plate is [0, width] × [0, height], mm. */
  width: number;
  height: number;
  /** The dish's inner circle, or null for a rectangular plate. */
  dish: CircleShape | null;
}

/** A static solid the worm cannot enter. */
export interface Solid {
  kind: 'wall' | 'obstacle';
  /** The wall's or obstacle's id, else `walls[3]` / `obstacles[2]`; pillars add `#k`. */
  id: string;
  shape: CircleShape | PolygonShape;
}

export interface Zone {
  id: string;
  kind: 'toxin' | 'heat' | 'goal';
  shape: Shape;
}

export interface StartPose {
  /** Centre of the body, mm. */
  x: number;
  y: number;
  /** Direction the head points, radians from +x towards +y. */
  heading: number;
}

export interface ResolvedArena {
  readonly arena: Arena;
  readonly plate: PlateGeometry;
  /** Field grid cell size, mm. */
  readonly cellMm: number;
  readonly solids: readonly Solid[];
  readonly zones: readonly Zone[];
  readonly start: StartPose;
}

export function plateGeometry(plate: Plate): PlateGeometry {
  if (plate.shape === 'rect') return { width: plate.size[0], height: plate.size[1], dish: null };
  const r = plate.diameter / 2;
  return { width: plate.diameter, height: plate.diameter, dish: { type: 'circle', x: r, y: r, r } };
}

/** Is (x, y) on the plate, at least `margin` mm inside its edge? */
export function onPlate(p: PlateGeometry, x: number, y: number, margin = 0): boolean {
  if (p.dish) return Math.hypot(x - p.dish.x, y - p.dish.y) <= p.dish.r - margin;
  return x >= margin && y >= margin && x <= p.width - margin && y <= p.height - margin;
}

/** Default field cell: the plate's larger side / 128, kept within 0.05..0.5 mm. */
export function defaultCellMm(p: PlateGeometry): number {
  return Math.min(0.5, Math.max(0.05, Math.max(p.width, p.height) / 128));
}

export function wallShape(w: Wall): PolygonShape {
  if (w.type === 'segment') return segmentWall(w.from[0], w.from[1], w.to[0], w.to[1], w.thickness);
  return rectPolygon(w.at[0], w.at[1], w.size[0], w.size[1], w.angleDeg * DEG);
}

/** A circle or polygon obstacle's shape (pillar fields expand to many: see pillarField). */
export function obstacleShape(o: Exclude<Obstacle, { type: 'pillars' }>): CircleShape | PolygonShape {
  if (o.type === 'circle') return { type: 'circle', x: o.at[0], y: o.at[1], r: o.radius };
  return polygonFromPoints(o.points);
}

export function zoneShape(z: ZoneShape): Shape {
  switch (z.type) {
    case 'circle':
      return { type: 'circle', x: z.at[0], y: z.at[1], r: z.radius };
    case 'ring':
      return { type: 'ring', x: z.at[0], y: z.at[1], inner: z.inner, outer: z.outer };
    case 'rect':
      return rectPolygon(z.at[0], z.at[1], z.size[0], z.size[1], z.angleDeg * DEG);
    case 'polygon':
      return polygonFromPoints(z.points);
  }
}

/** Ends of the worm's body at the start: [tailX, tailY, headX, headY]. */
export function startBody(start: Arena['start']): [number, number, number, number] {
  const h = start.headingDeg * DEG;
  const dx = (Math.cos(h) * WORM_LENGTH_MM) / 2;
  const dy = (Math.sin(h) * WORM_LENGTH_MM) / 2;
  return [start.at[0] - dx, start.at[1] - dy, start.at[0] + dx, start.at[1] + dy];
}

/**
 * Expand the arena into geometry. Pillars that would touch the worm's body at
 * the start, or stick out of a dish, are left out. `makeRand` seeds each pillar
 * field from its own `seed`.
 */
export function resolveArena(arena: Arena, makeRand: MakeRand): ResolvedArena {
  const plate = plateGeometry(arena.plate);
  const solids: Solid[] = [];
  arena.walls.forEach((w, i) => solids.push({ kind: 'wall', id: w.id ?? `walls[${i}]`, shape: wallShape(w) }));
  const [tx, ty, hx, hy] = startBody(arena.start);
  arena.obstacles.forEach((o, i) => {
    const id = o.id ?? `obstacles[${i}]`;
    if (o.type !== 'pillars') {
      solids.push({ kind: 'obstacle', id, shape: obstacleShape(o) });
      return;
    }
    let k = 0;
    for (const c of pillarField(o, makeRand(o.seed))) {
      const clear = segmentClearance(c, tx, ty, hx, hy) > WORM_RADIUS_MM + 0.02;
      if (clear && onPlate(plate, c.x, c.y, plate.dish ? c.r : 0)) solids.push({ kind: 'obstacle', id: `${id}#${k++}`, shape: c });
    }
  });
  const zones: Zone[] = [
    ...arena.hazards.map((h): Zone => ({ id: h.id, kind: h.kind, shape: zoneShape(h.zone) })),
    ...arena.goals.map((g): Zone => ({ id: g.id, kind: 'goal', shape: zoneShape(g.zone) })),
  ];
  return {
    arena,
    plate,
    cellMm: arena.grid.cellMm ?? defaultCellMm(plate),
    solids,
    zones,
    start: { x: arena.start.at[0], y: arena.start.at[1], heading: arena.start.headingDeg * DEG },
  };
}
