/**
 * The allocation-free broad phase against matter-js's own, bit for bit:
 * random scenes of static boxes and circles, a compound body, and free
 * circles pushed by random forces through them, stepped by each.
 */
import fc from 'fast-check';
import Matter from 'matter-js';
import { afterAll, describe, expect, it } from 'vitest';
import { detectorCollisions, installBroadphase, matterCollisions } from './broadphase';

const D = Matter.Detector as unknown as { collisions: unknown };
afterAll(() => installBroadphase());

interface Scene {
  statics: { x: number; y: number; w: number; h: number; round: boolean }[];
  free: number;
  forces: number[];
}

/** Every free body's position after each step, and the sorted body order and colliding pairs of each step. */
function run(s: Scene, collisions: unknown, steps: number): { trace: number[]; pairs: string[] } {
  D.collisions = collisions;
  const engine = Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 } });
  const statics = s.statics.map((b) =>
    b.round ? Matter.Bodies.circle(b.x, b.y, b.w / 2, { isStatic: true }) : Matter.Bodies.rectangle(b.x, b.y, b.w, b.h, { isStatic: true }),
  );
  const compound = Matter.Body.create({ parts: [Matter.Bodies.rectangle(40, 40, 20, 6), Matter.Bodies.rectangle(40, 48, 6, 20)] });
  const free = Array.from({ length: s.free }, (_, k) => Matter.Bodies.circle(8 * k, 4 * (k % 3), 3, { frictionAir: 0.05 }));
  Matter.Composite.add(engine.world, [...statics, compound, ...free]);
  // Ids count on across runs: name bodies (and a compound's parts) by their place in the scene instead.
  const at = new Map<number, number>();
  for (const b of Matter.Composite.allBodies(engine.world)) for (const p of b.parts) if (!at.has(p.id)) at.set(p.id, at.size);
  const trace: number[] = [];
  const pairs: string[] = [];
  for (let t = 0; t < steps; t++) {
    [...free, compound].forEach((b, k) =>
      Matter.Body.applyForce(b, b.position, { x: s.forces[(t + k) % s.forces.length], y: s.forces[(t * 3 + k) % s.forces.length] }),
    );
    Matter.Engine.update(engine, 10);
    for (const b of [...free, compound]) trace.push(b.position.x, b.position.y, b.angle);
    const detector = (engine as unknown as { detector: { bodies: Matter.Body[]; collisions: { bodyA: Matter.Body; bodyB: Matter.Body }[] } }).detector;
    pairs.push(
      `${detector.bodies.map((b) => at.get(b.id)).join(',')} | ${detector.collisions.map((c) => `${at.get(c.bodyA.id)}-${at.get(c.bodyB.id)}`).join(',')}`,
    );
  }
  return { trace, pairs };
}

describe('allocation-free Detector.collisions', () => {
  it('property: the same body order, collisions and bits as matter-js on random scenes', () => {
    const box = fc.record({
      x: fc.double({ min: -40, max: 120, noNaN: true }),
      y: fc.double({ min: -40, max: 80, noNaN: true }),
      w: fc.double({ min: 2, max: 40, noNaN: true }),
      h: fc.double({ min: 2, max: 40, noNaN: true }),
      round: fc.boolean(),
    });
    let touched = 0;
    fc.assert(
      fc.property(
        fc.record({
          statics: fc.array(box, { minLength: 0, maxLength: 12 }),
          free: fc.integer({ min: 1, max: 10 }),
          forces: fc.array(fc.double({ min: -0.02, max: 0.02, noNaN: true }), { minLength: 1, maxLength: 9 }),
        }),
        (s) => {
          const ours = run(s, detectorCollisions, 80);
          const theirs = run(s, matterCollisions, 80);
          expect(ours.pairs).toEqual(theirs.pairs);
          expect(ours.trace.every((x, k) => Object.is(x, theirs.trace[k]))).toBe(true);
          if (ours.pairs.some((p) => !p.endsWith('| '))) touched++;
        },
      ),
      { numRuns: 40 },
    );
    // The scenes collide (the sweep and the narrow phase were exercised), not merely fly apart.
    expect(touched).toBeGreaterThan(10);
  });
});
