import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { ARENA_LABEL, addArenaBodies, type ArenaBodyInfo } from './bodies';
import { parseArena } from './parse';
import { resolveArena } from './resolve';
import { seededRand } from './testing';
import { World } from './world';

const S = 100; // matter units per mm

function engine(): Matter.Engine {
  return Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 } });
}

/** Roll a small ball from (x, y) mm with velocity (vx, vy) mm per step; return where it ends (mm) and what it hit. */
function roll(e: Matter.Engine, bodies: ReturnType<typeof addArenaBodies>, x: number, y: number, vx: number, vy: number, steps = 240) {
  const ball = Matter.Bodies.circle(x * S, y * S, 0.05 * S, { frictionAir: 0, friction: 0, restitution: 0.5 });
  Matter.Composite.add(e.world, ball);
  Matter.Body.setVelocity(ball, { x: vx * S, y: vy * S });
  const hits: ArenaBodyInfo[] = [];
  Matter.Events.on(e, 'collisionStart', (ev) => {
    for (const p of ev.pairs) {
      const other = p.bodyA === ball ? p.bodyB : p.bodyA;
      const info = bodies.infoOf(other);
      if (info) hits.push(info);
    }
  });
  for (let k = 0; k < steps; k++) Matter.Engine.update(e, 1000 / 60);
  expect(bodies.infoOf(ball)).toBeUndefined();
  return { x: ball.position.x / S, y: ball.position.y / S, hits };
}

describe('addArenaBodies', () => {
  it('builds a rectangular rim, walls and obstacles at mm × unitsPerMm, labelled and identifiable', () => {
    const arena = parseArena(
      {
        name: 'b',
        plate: { shape: 'rect', size: [10, 6], rim: 0.5 },
        walls: [{ type: 'segment', id: 'mid', from: [5, 0], to: [5, 4], thickness: 0.2 }],
        obstacles: [
          { type: 'circle', id: 'post', at: [8, 4], radius: 0.3 },
          {
            type: 'polygon',
            id: 'tri',
            points: [
              [1, 4],
              [2, 4],
              [1.5, 5],
            ],
          },
        ],
        start: { at: [2, 2] },
      },
      'b.json',
    );
    const e = engine();
    const b = addArenaBodies(e, resolveArena(arena, seededRand), S);
    expect(b.unitsPerMm).toBe(S);
    expect(b.bodies.map((x) => b.infoOf(x))).toEqual([
      ...Array(4).fill({ kind: 'rim', id: 'rim' }),
      { kind: 'wall', id: 'mid' },
      { kind: 'obstacle', id: 'post' },
      { kind: 'obstacle', id: 'tri' },
    ]);
    expect(b.bodies[4].label).toBe(`${ARENA_LABEL}:wall:mid`);
    // Positions and sizes are in mm × unitsPerMm; the wall has square ends past its points.
    const wall = b.bodies[4].bounds;
    expect([wall.min.x, wall.max.x, wall.min.y, wall.max.y].map((v) => v / S)).toEqual([4.9, 5.1, -0.1, 4.1].map((v) => expect.closeTo(v, 9)));
    expect(b.bodies[5].position).toEqual({ x: 800, y: 400 });
    const tri = b.bodies[6].bounds;
    expect([tri.min.x, tri.max.x, tri.min.y, tri.max.y].map((v) => v / S)).toEqual([1, 2, 4, 5].map((v) => expect.closeTo(v, 9)));
    // The rim's inner faces lie on the plate's edges.
    const rims = b.bodies.slice(0, 4).map((x) => x.bounds);
    expect(rims[0].max.y).toBeCloseTo(0, 9);
    expect(rims[1].min.y).toBeCloseTo(600, 9);
    expect(rims[2].max.x).toBeCloseTo(0, 9);
    expect(rims[3].min.x).toBeCloseTo(1000, 9);
    b.remove();
    expect(Matter.Composite.allBodies(e.world)).toEqual([]);
  });

  it('a body thrown at a wall hits it, is told which wall, and stays on its side', () => {
    const arena = parseArena(
      {
        name: 'w',
        plate: { shape: 'rect', size: [10, 6] },
        walls: [{ type: 'segment', id: 'mid', from: [5, 0], to: [5, 6], thickness: 0.1 }],
        start: { at: [2, 3] },
      },
      'w.json',
    );
    const e = engine();
    const b = addArenaBodies(e, resolveArena(arena, seededRand), S);
    const end = roll(e, b, 2, 3, 0.04, 0.0, 200);
    expect(end.hits[0]).toEqual({ kind: 'wall', id: 'mid' });
    expect(end.x).toBeLessThan(5);
  });

  it('a dish rim keeps a fast body inside the circle', () => {
    const arena = parseArena({ name: 'd', plate: { shape: 'dish', diameter: 8 }, start: { at: [4, 4] } }, 'd.json');
    const e = engine();
    const b = addArenaBodies(e, resolveArena(arena, seededRand), S);
    expect(b.bodies.length).toBeGreaterThanOrEqual(32);
    for (const [vx, vy] of [
      [0.05, 0.01],
      [-0.03, 0.04],
      [0.0, -0.06],
    ]) {
      const end = roll(e, b, 4, 4, vx, vy, 300);
      expect(end.hits.some((h) => h.kind === 'rim')).toBe(true);
      expect(Math.hypot(end.x - 4, end.y - 4)).toBeLessThan(4);
    }
  });

  it('pillar fields become one circle body per pillar, each with its own id', () => {
    const arena = parseArena(
      {
        name: 'p',
        plate: { shape: 'rect', size: [6, 4] },
        obstacles: [{ type: 'pillars', id: 'f', from: [0.5, 0.5], to: [5.5, 3.5], spacing: 0.5, radius: 0.1, jitter: 0.02 }],
        start: { at: [3, 2] },
      },
      'p.json',
    );
    const resolved = resolveArena(arena, seededRand);
    const b = addArenaBodies(engine(), resolved, 50);
    const pillars = b.bodies.filter((x) => b.infoOf(x)?.kind === 'obstacle');
    expect(pillars.length).toBe(resolved.solids.length);
    expect(new Set(pillars.map((x) => b.infoOf(x)?.id)).size).toBe(pillars.length);
    // None left where the worm starts (1 mm along x through (3, 2)).
    for (const s of resolved.solids) if (s.shape.type === 'circle') expect(Math.abs(s.shape.y - 2) > 0.1 || s.shape.x < 2.4 || s.shape.x > 3.6).toBe(true);
    // The scale is a parameter: 50 units per mm puts a pillar at centre × 50.
    const first = resolved.solids[0].shape;
    if (first.type !== 'circle') throw new Error('expected a circle');
    expect(pillars[0].position.x).toBeCloseTo(first.x * 50, 6);
  });

  it('refuses a scale that is not a positive number', () => {
    const arena = parseArena({ name: 'x', plate: { shape: 'rect', size: [4, 4] }, start: { at: [2, 2] } });
    expect(() => addArenaBodies(engine(), resolveArena(arena, seededRand), 0)).toThrow(/unitsPerMm must be > 0/);
  });
});

describe('addArenaBodies with a World', () => {
  it('takes the world itself as well as its resolved arena', () => {
    const w = new World(
      parseArena({ name: 'x', plate: { shape: 'rect', size: [4, 4] }, obstacles: [{ type: 'circle', at: [1, 1], radius: 0.2 }], start: { at: [2, 2] } }),
      { makeRand: seededRand },
    );
    const b = addArenaBodies(engine(), w, S);
    expect(b.bodies.length).toBe(5);
  });
});
