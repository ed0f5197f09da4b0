import { seededUniform } from '../../src/neural/rng';
import type { Shape } from '../../src/world/geometry';
import { resolveArena, type ResolvedArena } from '../../src/world/resolve';
import type { Arena, ChemicalSource } from '../../src/world/schema';
import { DEFAULT_ODOUR, ODOURS, type OdourName } from '../../src/world/odours';
import type { World } from '../../src/world/world';
import type { ArenaView, ShapeView } from './arena-view';

/** Odour glow around a food patch, in lawn radii (a drawing hint; the field itself lives in the world). */
const ODOUR_SIGMA_RADII = 1.4;

function shapeView(s: Shape): ShapeView {
  if (s.type === 'circle') return { kind: 'circle', x: s.x, y: s.y, r: s.r };
  if (s.type === 'ring') return { kind: 'ring', x: s.x, y: s.y, inner: s.inner, outer: s.outer };
  return { kind: 'polygon', points: Array.from(s.xy) };
}

interface FoodLike {
  x: number;
  y: number;
  radius: number;
  amount: number;
  emission: number;
  odour?: OdourName;
}

/** A named odour's tint; the default odour keeps the plate's own odour colour. */
const tint = (odour: OdourName | undefined): { color?: number } => (odour === undefined || odour === DEFAULT_ODOUR ? {} : { color: ODOURS[odour].tint });

/** Odour spots (chemicals.sources) glow in their odour's tint, wider and brighter than a lawn's, so a plain odour spot reads at a glance. */
const sourceGlow = (s: ChemicalSource) => ({
  x: s.at[0],
  y: s.at[1],
  sigma: Math.max(0.6, 2 * s.radius),
  peak: 0.9,
  ...tint(s.odour),
  label: s.odour ?? DEFAULT_ODOUR,
});

function view(r: ResolvedArena, foods: readonly FoodLike[]): ArenaView {
  const sources = r.arena.chemicals.sources;
  const p = r.plate;
  const food = foods.filter((f) => f.amount > 0);
  return {
    bounds: p.dish ? { kind: 'circle', x: p.dish.x, y: p.dish.y, r: p.dish.r } : { kind: 'rect', x: 0, y: 0, width: p.width, height: p.height },
    medium: 'agar',
    // Walls and obstacles as the physics sees them (circles and polygons, pillar fields expanded).
    obstacles: r.solids.map((s) => shapeView(s.shape) as Exclude<ShapeView, { kind: 'ring' }>),
    food: food.map((f) => ({ x: f.x, y: f.y, r: f.radius, amount: Math.min(1, f.amount) })),
    odors: [
      ...food.filter((f) => f.emission > 0).map((f) => ({ x: f.x, y: f.y, sigma: ODOUR_SIGMA_RADII * f.radius, peak: 0.45, ...tint(f.odour) })),
      ...sources.map(sourceGlow),
    ],
    zones: r.zones.map((z) => ({ id: z.id, kind: z.kind, shape: shapeView(z.shape) })),
  };
}

/**
 * The world's arena as the plate renderer draws it: plate, solids, zones,
 * food as it is now (dropped or eaten) and an odour glow around each food
 * patch. Same mm and the same y-down frame as the world.
 */
export function arenaViewFromWorld(world: World): ArenaView {
  return view(world.resolved, world.food);
}

/** An arena's picture before any simulation runs (challenge previews); pillar fields seeded as the simulation seeds them. */
export function arenaViewFromArena(arena: Arena): ArenaView {
  // Pillar fields seeded as the simulation seeds them, so the preview matches the world.
  const resolved = resolveArena(arena, seededUniform);
  return view(
    resolved,
    arena.food.map((f) => ({
      x: f.at[0],
      y: f.at[1],
      radius: f.radius,
      amount: f.amount,
      emission: f.emission,
      ...(f.odour !== undefined && { odour: f.odour }),
    })),
  );
}
