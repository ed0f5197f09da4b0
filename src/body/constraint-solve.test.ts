/**
 * The allocation-free constraint step against matter-js's own, bit for bit:
 * random chains of circles (stiff and soft links, with and without damping,
 * a pinned end, angular stiffness, circles that turn or, like the worm's
 * segments, cannot: its links' fast path) pushed by random forces, stepped by each.
 */
import fc from 'fast-check';
import Matter from 'matter-js';
import { afterAll, describe, expect, it } from 'vitest';
import { installConstraintSolve, matterSolve, solveConstraint } from './constraint-solve';

const C = Matter.Constraint as unknown as { solve: unknown };
afterAll(() => installConstraintSolve());

interface Chain {
  links: { stiffness: number; damping: number; angularStiffness: number }[];
  pinned: boolean;
  /** Infinite inertia, as the worm's segments (wormBody.ts). */
  turnless: boolean;
  forces: number[];
}

/** Every body's position, previous position and angle after `steps` steps of a chain built from `c`, with `solve` in place. */
function run(c: Chain, solve: unknown, steps: number): number[] {
  C.solve = solve;
  const engine = Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 }, constraintIterations: 4 });
  const bodies = c.links.map((_, k) => Matter.Bodies.circle(10 * k, 0, 4, { frictionAir: 0.1 }));
  if (c.turnless) for (const b of bodies) Matter.Body.setInertia(b, Infinity);
  Matter.Composite.add(engine.world, bodies);
  c.links.forEach((l, k) => {
    if (k === 0) {
      if (c.pinned) Matter.Composite.add(engine.world, Matter.Constraint.create({ pointA: { x: -10, y: 0 }, bodyB: bodies[0], length: 10, ...l }));
      return;
    }
    Matter.Composite.add(engine.world, Matter.Constraint.create({ bodyA: bodies[k - 1], bodyB: bodies[k], pointA: { x: 2, y: 1 }, ...l }));
  });
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    bodies.forEach((b, k) => Matter.Body.applyForce(b, b.position, { x: c.forces[(t + k) % c.forces.length], y: c.forces[(t * 3 + k) % c.forces.length] }));
    Matter.Engine.update(engine, 10);
  }
  for (const b of bodies as (Matter.Body & { positionPrev: Matter.Vector })[])
    out.push(b.position.x, b.position.y, b.positionPrev.x, b.positionPrev.y, b.angle);
  return out;
}

describe('allocation-free Constraint.solve', () => {
  it('property: the same bits as matter-js on random chains, forces, stiffness and damping', () => {
    const link = fc.record({
      stiffness: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 1, noNaN: true })),
      damping: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
      angularStiffness: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.record({
          links: fc.array(link, { minLength: 2, maxLength: 8 }),
          pinned: fc.boolean(),
          turnless: fc.boolean(),
          forces: fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { minLength: 1, maxLength: 9 }),
        }),
        (c) => {
          fc.pre(c.forces.some((f) => Math.abs(f) > 1e-4));
          const ours = run(c, solveConstraint, 60);
          const theirs = run(c, matterSolve, 60);
          // Not a chain at rest: the forces moved it.
          expect(ours.some((x, k) => k % 5 === 0 && x !== 10 * Math.floor(k / 5))).toBe(true);
          expect(ours.every((x, k) => Object.is(x, theirs[k]))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
