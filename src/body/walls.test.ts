import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { MATTER_UNITS_PER_MM, WormBody, createPhysics, writeTravellingWave } from './index';

/** A static wall: centre (x, y), size w × h, turned by angle (rad), all in mm. */
function addWall(engine: Matter.Engine, xMm: number, yMm: number, wMm: number, hMm: number, angle = 0): Matter.Body {
  const S = MATTER_UNITS_PER_MM;
  const wall = Matter.Bodies.rectangle(xMm * S, yMm * S, wMm * S, hMm * S, { isStatic: true, label: 'wall', angle });
  Matter.Composite.add(engine.world, wall);
  return wall;
}

const DT = 10;
const CRAWL = { frequencyHz: 0.4, wavelength: 0.65, direction: 'head-to-tail' } as const;

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
    body.setActivations(writeTravellingWave(act, N, body.timeMs, CRAWL));
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

/**
 * The worm lies along heading `angle` with a wall parallel to it on its right,
 * the wall's face 10 µm inside the mid-body surface; harsh pokes on its left
 * (every 60 ms, walking along the body) press it into the wall. Returns the
 * deepest any segment surface got past the face.
 */
function pressAgainstTiltedWall(angle: number) {
  const engine = createPhysics();
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const nx = -s; // the worm's left normal (the wall lies on its right)
  const ny = c;
  const face = 0.05;
  const thickness = 0.02;
  addWall(engine, 0.5 * c - nx * (face + thickness / 2), 0.5 * s - ny * (face + thickness / 2), 3, thickness, angle);
  const body = new WormBody(engine, { headXMm: c, headYMm: s, headingRad: angle });
  const p = new Float64Array(2 * body.segments);
  let deepest = -Infinity;
  let touching = 0;
  for (let k = 0; k < 600; k++) {
    if (k % 6 === 0) body.poke(((k / 6) % 10) / 10 + 0.05, 1, 1, 'harsh');
    body.step(DT);
    body.positions(p);
    for (let i = 0; i < body.segments; i++) deepest = Math.max(deepest, -(p[2 * i] * nx + p[2 * i + 1] * ny + face - body.radii[i]));
    touching += body.contacts();
  }
  return { deepest, touching, finite: body.isFinite() };
}

describe('walls', () => {
  it('a crawling worm driven full forward into a wall stops at it (no tunnelling, under 0.5 µm into it)', () => {
    // Without the wall this wave carries it ~0.19 mm/s, i.e. ~5 mm in 25 s: far past the wall.
    const r = driveIntoWall({ face: 0.3, thickness: 0.1, seconds: 25, tailPokes: false });
    expect(r.touchingSteps).toBeGreaterThan(100);
    expect(r.beyond).toBeLessThan(-0.05);
    expect(r.deepest).toBeLessThan(0.0005);
    expect(r.finite).toBe(true);
    expect(Math.abs(r.length - 1)).toBeLessThan(0.02);
  });

  it('repeated harsh pokes shoving it nose-first into a thin (50 µm) wall stop it at the face (contacts predicted within the step)', () => {
    // With contacts known only after matter saw an overlap, the pokes sank this (drag-limited) body 10.7 µm in; now
    // ~2 µm, what matter's link correction after the step can still add.
    const r = driveIntoWall({ face: 0.1, thickness: 0.05, seconds: 10, tailPokes: true });
    expect(r.touchingSteps).toBeGreaterThan(100);
    expect(r.beyond).toBeLessThan(-0.02);
    expect(r.deepest).toBeLessThan(0.003);
    expect(r.finite).toBe(true);
  });

  it.each([0, 0.3, 0.8, 2.5])('harsh side pokes pressing it against a wall turned by %f rad squeeze it there, never into it', (angle) => {
    // One step late, this sank 1.7–2.1 µm into the wall at every angle.
    const r = pressAgainstTiltedWall(angle);
    expect(r.touching).toBeGreaterThan(500);
    expect(r.deepest).toBeLessThan(0.0005);
    expect(r.finite).toBe(true);
  });

  it('crawling nose-first into a wall at 45° under harsh tail pokes: it slides along the face, never into it', () => {
    const engine = createPhysics();
    const a = Math.PI / 4;
    const nx = -Math.cos(a); // the face's normal, toward the worm
    const ny = -Math.sin(a);
    const thickness = 0.05;
    addWall(engine, 0.15 - (nx * thickness) / 2, -(ny * thickness) / 2, 20, thickness, a + Math.PI / 2);
    const body = new WormBody(engine);
    const act = new Float64Array(2 * body.segments);
    const p = new Float64Array(2 * body.segments);
    let deepest = -Infinity;
    let touching = 0;
    for (let k = 0; k < 1000; k++) {
      body.setActivations(writeTravellingWave(act, body.segments, body.timeMs, CRAWL));
      if (k % 6 === 0) body.poke(1, 0, 1, 'harsh');
      body.step(DT);
      body.positions(p);
      for (let i = 0; i < body.segments; i++) deepest = Math.max(deepest, -((p[2 * i] - 0.15) * nx + p[2 * i + 1] * ny - body.radii[i]));
      if (body.contacts() > 0) touching++;
    }
    expect(touching).toBeGreaterThan(200);
    expect(deepest).toBeLessThan(0.003); // one step late: 5.9 µm
    expect(body.isFinite()).toBe(true);
    expect(Math.abs(body.centrelineLengthMm() - 1)).toBeLessThan(0.02);
  });

  it('full one-sided activation plus hard pokes against a wall stays finite, unstretched and out of the wall', () => {
    const engine = createPhysics();
    addWall(engine, 0.5, -0.05 - 0.01, 20, 0.02); // face 10 µm below the mid-body surface, long enough that pokes never shove it past an end
    const body = new WormBody(engine, { headXMm: 1 });
    const N = body.segments;
    const act = new Float64Array(2 * N);
    act.fill(1, N); // every right (wall-side) muscle fully on
    const p = new Float64Array(2 * N);
    let deepest = -Infinity;
    for (let k = 0; k < 500; k++) {
      body.setActivations(act);
      if (k % 3 === 0) body.poke((k % 19) / 19, 1, 1, 'harsh');
      if (k % 7 === 0) body.poke(0, 0, 1, 'harsh');
      body.step(DT);
      body.positions(p);
      for (let i = 0; i < N; i++) deepest = Math.max(deepest, -0.05 - (p[2 * i + 1] - body.radii[i]));
    }
    expect(body.isFinite()).toBe(true);
    expect(Math.abs(body.centrelineLengthMm() - 1)).toBeLessThan(0.05);
    expect(deepest).toBeLessThan(0.0005);
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

  it('a wall added after the worm is seen from the next step on', () => {
    const engine = createPhysics();
    const body = new WormBody(engine, { headXMm: 1 });
    body.step(DT);
    addWall(engine, 0.5, -0.05 - 0.01, 3, 0.02); // face 10 µm below the mid-body surface
    const p = new Float64Array(2 * body.segments);
    let deepest = -Infinity;
    for (let k = 0; k < 60; k++) {
      if (k % 6 === 0) body.poke(0.5, 1, 1, 'harsh');
      body.step(DT);
      body.positions(p);
      for (let i = 0; i < body.segments; i++) deepest = Math.max(deepest, -0.05 - (p[2 * i + 1] - body.radii[i]));
    }
    expect(deepest).toBeLessThan(0.0005);
  });
});
