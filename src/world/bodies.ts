/**
 * Static matter-js bodies (npm matter-js, not Phaser's fork) for the dish
 * rim, walls and obstacles of a resolved arena.
 *
 * Scale: matter coordinates = mm × unitsPerMm, same axes (x right, y down),
 * so (x mm, y mm) is at (x·s, y·s) in the engine. The worm body must be built
 * with the same unitsPerMm (the team's default is 100 units per mm: matter's
 * slop and velocity thresholds are tuned for objects of tens of units).
 */
import Matter from 'matter-js';
import { polygonArea, type PolygonShape } from './geometry';
import type { ResolvedArena } from './resolve';

/** What an arena body is, for turning contacts into touch stimuli. */
export interface ArenaBodyInfo {
  kind: 'rim' | 'wall' | 'obstacle';
  /** The wall's or obstacle's id (see Solid.id); "rim" for the plate's edge. */
  id: string;
}

export interface ArenaBodiesOptions {
  friction?: number;
  restitution?: number;
  collisionFilter?: Matter.ICollisionFilter;
}

export interface ArenaBodies {
  /** Every body added, rim first, then walls and obstacles in arena order. */
  readonly bodies: readonly Matter.Body[];
  readonly unitsPerMm: number;
  /** The arena body a contact is with (a body or one of its parts), or undefined if it is not an arena body. */
  infoOf(body: Matter.Body): ArenaBodyInfo | undefined;
  /** Take the bodies out of the engine's world again. */
  remove(): void;
}

/** Label prefix of arena bodies: `arena:<kind>:<id>`. */
export const ARENA_LABEL = 'arena';

/** Area-weighted centroid of a polygon (matter places a body's position at it). */
function centroid(xy: Float64Array): [number, number] {
  const n = xy.length / 2;
  const a = polygonArea(xy);
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const cross = xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
    cx += (xy[2 * j] + xy[2 * i]) * cross;
    cy += (xy[2 * j + 1] + xy[2 * i + 1]) * cross;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

function polygonBody(shape: PolygonShape, s: number, options: Matter.IBodyDefinition): Matter.Body {
  const [cx, cy] = centroid(shape.xy);
  const vertices: Matter.Vector[] = [];
  for (let k = 0; k < shape.xy.length; k += 2) vertices.push({ x: shape.xy[k] * s, y: shape.xy[k + 1] * s });
  return Matter.Bodies.fromVertices(cx * s, cy * s, [vertices], options);
}

/**
 * Add the arena's rim, walls and obstacles (of a resolved arena, or a World's)
 * to `engine.world` as static bodies. The rim lies outside the plate (its inner face on the plate's
 * edge), `rim` mm thick; a dish's rim is a ring of tangent blocks whose inner
 * faces stay within 0.01 mm of the circle.
 */
export function addArenaBodies(
  engine: Matter.Engine,
  arenaOrWorld: ResolvedArena | { readonly resolved: ResolvedArena },
  unitsPerMm: number,
  opts: ArenaBodiesOptions = {},
): ArenaBodies {
  const arena = 'resolved' in arenaOrWorld ? arenaOrWorld.resolved : arenaOrWorld;
  if (!(unitsPerMm > 0 && Number.isFinite(unitsPerMm))) throw new RangeError(`addArenaBodies: unitsPerMm must be > 0 (got ${unitsPerMm})`);
  const s = unitsPerMm;
  const info = new Map<number, ArenaBodyInfo>();
  const bodies: Matter.Body[] = [];
  const base = (kind: ArenaBodyInfo['kind'], id: string): Matter.IChamferableBodyDefinition => {
    const def: Matter.IChamferableBodyDefinition = {
      isStatic: true,
      label: `${ARENA_LABEL}:${kind}:${id}`,
      friction: opts.friction ?? 0.1,
      restitution: opts.restitution ?? 0,
    };
    if (opts.collisionFilter) def.collisionFilter = { ...opts.collisionFilter };
    return def;
  };
  const add = (body: Matter.Body, kind: ArenaBodyInfo['kind'], id: string) => {
    info.set(body.id, { kind, id });
    bodies.push(body);
  };

  const { plate } = arena;
  const t = arena.arena.plate.rim;
  if (plate.dish) {
    const { x, y, r } = plate.dish;
    // Enough blocks that the chord sags less than 0.01 mm: r(1 − cos(π/n)) ≤ 0.01.
    const n = Math.min(512, Math.max(32, Math.ceil(Math.PI / Math.acos(1 - Math.min(1, 0.01 / r)))));
    const len = 2 * (r + t) * Math.tan(Math.PI / n);
    for (let k = 0; k < n; k++) {
      const th = (2 * Math.PI * k) / n;
      const b = Matter.Bodies.rectangle((x + (r + t / 2) * Math.cos(th)) * s, (y + (r + t / 2) * Math.sin(th)) * s, len * s, t * s, {
        ...base('rim', 'rim'),
        angle: th + Math.PI / 2,
      });
      add(b, 'rim', 'rim');
    }
  } else {
    const { width: w, height: h } = plate;
    const sides: [number, number, number, number][] = [
      [w / 2, -t / 2, w + 2 * t, t],
      [w / 2, h + t / 2, w + 2 * t, t],
      [-t / 2, h / 2, t, h],
      [w + t / 2, h / 2, t, h],
    ];
    for (const [cx, cy, bw, bh] of sides) add(Matter.Bodies.rectangle(cx * s, cy * s, bw * s, bh * s, base('rim', 'rim')), 'rim', 'rim');
  }

  for (const solid of arena.solids) {
    const def = base(solid.kind, solid.id);
    const sh = solid.shape;
    const body = sh.type === 'circle' ? Matter.Bodies.circle(sh.x * s, sh.y * s, sh.r * s, def, 24) : polygonBody(sh, s, def);
    add(body, solid.kind, solid.id);
  }

  Matter.Composite.add(engine.world, bodies);
  return {
    bodies,
    unitsPerMm: s,
    infoOf: (body) => info.get(body.id) ?? info.get(body.parent?.id ?? -1),
    remove: () => {
      Matter.Composite.remove(engine.world, bodies);
    },
  };
}
