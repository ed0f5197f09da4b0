import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { MATTER_UNITS_PER_MM, WormBody, createPhysics, writeTravellingWave } from './index';

/** A static wall: centre (x, y), size w × h, all in mm. */
function addWall(engine: Matter.Engine, xMm: number, yMm: number, wMm: number, hMm: number): Matter.Body {
  const S = MATTER_UNITS_PER_MM;
  const wall = Matter.Bodies.rectangle(xMm * S, yMm * S, wMm * S, hMm * S, { isStatic: true, label: 'wall' });
  Matter.Composite.add(engine.world, wall);
  return wall;
}

const DT = 10;

/**
 * Crawls the worm (nose at x = 0, heading +x) toward a wall whose near face is
 * at x = face; returns the deepest any segment's surface got past that face,
 * and how far past the far face any segment centre got (tunnelling).
 */
function driveIntoWall(opts: { face: number; thickness: number; seconds: number; tailPokes: boolean; segments?: number }) {
  const engine = createPhysics();
  addWall(engine, opts.face + opts.thickness / 2, 0, opts.thickness, 6);
  const body = new WormBody(engine, { segments: opts.segments ?? 20 });
  const N = body.segments;
  const act = new Float64Array(2 * N);
  let deepest = -Infinity;
  let beyond = -Infinity;
  let touchingSteps = 0;
  const p = new Float64Array(2 * N);
  const steps = (opts.seconds * 1000) / DT;
  for (let s = 0; s < steps; s++) {
    body.setActivations(writeTravellingWave(act, N, body.timeMs, { frequencyHz: 0.4, wavelength: 0.65, direction: 'head-to-tail' }));
    if (opts.tailPokes && s % 6 === 0) body.poke(1, 0, 1, 'harsh'); // shove it nose-first into the wall
    body.step(DT);
    body.positions(p);
    for (let i = 0; i < N; i++) {
      deepest = Math.max(deepest, p[2 * i] + body.radii[i] - opts.face);
      beyond = Math.max(beyond, p[2 * i] - (opts.face + opts.thickness));
    }
    if (body.contacts() > 0) touchingSteps++;
  }
  return { deepest, beyond, touchingSteps, finite: body.isFinite(), length: body.centrelineLengthMm() };
}

describe('walls', () => {
  it('a crawling worm driven full forward into a wall stops at it (no tunnelling, ≤ 5 µm into it)', () => {
    // Without the wall this wave carries it ~0.19 mm/s, i.e. ~5 mm in 25 s: far past the wall.
    const r = driveIntoWall({ face: 0.3, thickness: 0.1, seconds: 25, tailPokes: false });
    expect(r.touchingSteps).toBeGreaterThan(100);
    expect(r.beyond).toBeLessThan(-0.05);
    expect(r.deepest).toBeLessThan(0.005);
    expect(r.finite).toBe(true);
    expect(Math.abs(r.length - 1)).toBeLessThan(0.02);
  });

  it('repeated harsh pokes shoving it into a thin (50 µm) wall do not push it through', () => {
    const r = driveIntoWall({ face: 0.1, thickness: 0.05, seconds: 10, tailPokes: true });
    expect(r.touchingSteps).toBeGreaterThan(100);
    expect(r.beyond).toBeLessThan(-0.02);
    expect(r.deepest).toBeLessThan(0.01);
    expect(r.finite).toBe(true);
  });

  it('harsh side pokes pressing it against a 20 µm wall squeeze it there, never through', () => {
    const engine = createPhysics();
    const face = -0.05; // 10 µm below the worm's mid-body surface
    addWall(engine, 0.5, face - 0.01, 3, 0.02);
    const body = new WormBody(engine, { headXMm: 1 });
    let deepest = -Infinity;
    let touching = 0;
    const p = new Float64Array(40);
    for (let s = 0; s < 600; s++) {
      // Touched on its left (+y), pushed right (−y) into the wall, all along the body.
      if (s % 6 === 0) body.poke(((s / 6) % 10) / 10 + 0.05, 1, 1, 'harsh');
      body.step(DT);
      body.positions(p);
      for (let i = 0; i < 20; i++) deepest = Math.max(deepest, face - (p[2 * i + 1] - body.radii[i]));
      touching += body.contacts();
    }
    expect(touching).toBeGreaterThan(500);
    expect(deepest).toBeLessThan(0.005);
    expect(body.isFinite()).toBe(true);
  });

  it('the contact readout names the segments that touch the wall', () => {
    const engine = createPhysics();
    // Wall along the worm's right side, touching it.
    addWall(engine, 0.5, -0.04 - 0.05 + 0.005, 2, 0.1); // top face 5 µm into the body
    const body = new WormBody(engine, { headXMm: 1 });
    body.step(DT);
    const touching = new Uint8Array(body.segments);
    const n = body.contacts(touching);
    expect(n).toBeGreaterThan(5);
    // Mid-body segments (the widest) touch; the thin tapered tips do not.
    expect(touching[10]).toBe(1);
    expect(touching[0]).toBe(0);
    expect(touching[19]).toBe(0);
  });
});
