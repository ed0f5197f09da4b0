import fc from 'fast-check';
import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { BodyInstabilityError, WormBody, createPhysics, stepBodies } from './index';

const DT = 10;

function activations(body: WormBody, left: number, right: number): Float64Array {
  const a = new Float64Array(2 * body.segments);
  a.fill(left, 0, body.segments);
  a.fill(right, body.segments);
  return a;
}

function run(body: WormBody, ms: number, each?: (stepIndex: number) => void): void {
  const steps = Math.round(ms / DT);
  for (let s = 0; s < steps; s++) {
    each?.(s);
    body.step(DT);
  }
}

/** Turning of the centreline from tail to head (sum of signed link-to-link angles), rad; > 0 = curved left. */
function totalTurn(p: Float64Array, segments: number): number {
  let turn = 0;
  for (let j = 1; j < segments - 1; j++) {
    const ax = p[2 * j] - p[2 * j + 2];
    const ay = p[2 * j + 1] - p[2 * j + 3];
    const bx = p[2 * j - 2] - p[2 * j];
    const by = p[2 * j - 1] - p[2 * j + 1];
    turn += Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
  }
  return turn;
}

/** Small deterministic generator for test inputs (no Math.random in tests either). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('WormBody construction and placement', () => {
  it('lays the worm out straight behind its nose tip, head first, with the asked length', () => {
    const body = new WormBody(createPhysics(), { headXMm: 2, headYMm: -1, headingRad: Math.PI / 2, segments: 16 });
    const p = body.positions();
    expect(p.length).toBe(32);
    const s = body.segmentLengthMm;
    expect(s).toBeCloseTo(1 / 16, 12);
    // Heading +y: segment i centre is (2, −1 − s(i + ½)).
    for (let i = 0; i < 16; i++) {
      expect(p[2 * i]).toBeCloseTo(2, 9);
      expect(p[2 * i + 1]).toBeCloseTo(-1 - s * (i + 0.5), 9);
    }
    expect(body.headingRad()).toBeCloseTo(Math.PI / 2, 9);
    expect(body.centrelineLengthMm()).toBeCloseTo(1, 9);
    expect(body.parts.length).toBe(16);
    expect(body.links.length).toBe(15);
    // Tapered: thinnest at the ends, radiusMm in the middle.
    expect(Math.max(...body.radii)).toBeCloseTo(0.04, 3);
    expect(body.radii[0]).toBeLessThan(0.6 * body.radii[8]);
    expect(body.radii[15]).toBeLessThan(0.6 * body.radii[8]);
  });

  it('refuses bad options, steps and engines with messages that name the fix', () => {
    const engine = createPhysics();
    expect(() => new WormBody(engine, { segments: 5 })).toThrow(/segments = 5.*8\.\.60/);
    expect(() => new WormBody(engine, { segments: 20.5 })).toThrow(/integer/);
    expect(() => new WormBody(engine, { dragRatio: NaN })).toThrow(/dragRatio/);
    expect(() => new WormBody(engine, { medium: 'honey' as 'agar' })).toThrow(/medium/);
    expect(() => new WormBody(Matter.Engine.create(), {})).toThrow(/gravity/);
    const body = new WormBody(engine);
    expect(() => body.step(20)).toThrow(/dtMs = 20/);
    expect(() => body.step(0)).toThrow(/dtMs/);
    engine.timing.timeScale = 0.5;
    expect(() => body.step(DT)).toThrow(/timeScale/);
    engine.timing.timeScale = 1;
    expect(() => body.setActivations(new Float64Array(3))).toThrow(/2 × segments = 40/);
    const a = new Float64Array(40);
    a[23] = NaN;
    expect(() => body.setActivations(a)).toThrow(/activation\[23\].*muscle 3, side right/);
    expect(() => body.poke(1.5, 1, 1, 'harsh')).toThrow(/position/);
    expect(() => body.poke(0.5, 2 as 1, 1, 'harsh')).toThrow(/side/);
  });

  it('clamps activations to 0..1', () => {
    const body = new WormBody(createPhysics(), { segments: 8 });
    const a = new Float64Array(16).fill(3);
    a[0] = -1;
    body.setActivations(a);
    const got = body.activations();
    expect(got[0]).toBe(0);
    expect(got[1]).toBe(1);
  });

  it('place() puts the worm down straight and at rest elsewhere', () => {
    const body = new WormBody(createPhysics());
    body.setActivations(activations(body, 1, 0));
    run(body, 500);
    body.place(5, 5, Math.PI);
    body.setActivations(activations(body, 0, 0));
    expect(body.centroid()[0]).toBeCloseTo(5.5, 9);
    body.step(DT);
    expect(Math.abs(body.curvature().reduce((m, k) => Math.max(m, Math.abs(k)), 0))).toBeLessThan(1e-6);
    expect(body.centroid()[0]).toBeCloseTo(5.5, 6);
  });

  it('removes itself from the engine on destroy()', () => {
    const engine = createPhysics();
    const body = new WormBody(engine);
    expect(Matter.Composite.allBodies(engine.world).length).toBe(20);
    body.destroy();
    expect(Matter.Composite.allBodies(engine.world).length).toBe(0);
  });
});

describe('muscles bend the body', () => {
  it('left-only activation curves it left (positive curvature), right-only curves it right', () => {
    for (const [left, right, sign] of [
      [1, 0, 1],
      [0, 1, -1],
    ] as const) {
      const body = new WormBody(createPhysics());
      body.setActivations(activations(body, left, right));
      run(body, 3000);
      const k = body.curvature();
      // Every joint bends the same way, strongly (a real worm reaches ~5–10 /mm).
      for (const kj of k) expect(Math.sign(kj)).toBe(sign);
      const mean = k.reduce((s, v) => s + v, 0) / k.length;
      expect(sign * mean).toBeGreaterThan(4);
      // Independent geometric check from positions: the centreline turns the same way.
      expect(sign * totalTurn(body.positions(), body.segments)).toBeGreaterThan(1);
      // Curling left with the head pointing +x moves the head toward +y (the worm's left).
      expect(sign * body.positions()[1]).toBeGreaterThan(0.05);
    }
  });

  it('equal activation on both sides keeps the body straight', () => {
    const body = new WormBody(createPhysics());
    body.setActivations(activations(body, 1, 1));
    run(body, 2000);
    for (const kj of body.curvature()) expect(Math.abs(kj)).toBeLessThan(1e-9);
  });

  it('a single muscle bends mainly its own joint', () => {
    const body = new WormBody(createPhysics());
    const a = new Float64Array(40);
    a[10] = 1; // left muscle of segment 10 → joint at segment 10 = curvature index 9
    body.setActivations(a);
    run(body, 2000);
    const k = body.curvature();
    let arg = 0;
    for (let j = 1; j < k.length; j++) if (Math.abs(k[j]) > Math.abs(k[arg])) arg = j;
    expect(arg).toBe(9);
    expect(k[9]).toBeGreaterThan(0);
  });

  it('does not stretch: total length within 1 % under full one-sided and two-sided activation and waves', () => {
    for (const [l, r] of [
      [1, 0],
      [1, 1],
      [0, 1],
    ] as const) {
      const body = new WormBody(createPhysics());
      body.setActivations(activations(body, l, r));
      let worst = 0;
      run(body, 3000, () => {
        worst = Math.max(worst, Math.abs(body.centrelineLengthMm() - 1));
      });
      expect(worst).toBeLessThan(0.01);
    }
  });
});

describe('pokes', () => {
  function maxDisplacementUm(kind: 'gentle' | 'harsh', force: number, medium: 'agar' | 'water'): { max: number; side: number } {
    const body = new WormBody(createPhysics(), { medium });
    const p0 = body.positions();
    body.poke(0.5, 1, force, kind); // touched on its left → pushed to its right (−y for heading +x)
    let max = 0;
    run(body, 300, () => {
      const p = body.positions();
      for (let i = 0; i < body.segments; i++) max = Math.max(max, Math.hypot(p[2 * i] - p0[2 * i], p[2 * i + 1] - p0[2 * i + 1]));
    });
    return { max: max * 1000, side: Math.sign(body.centroid()[1]) };
  }

  it('a gentle touch barely moves the body, a harsh poke displaces it by about a body width, away from the touched side', () => {
    for (const medium of ['agar', 'water'] as const) {
      const gentle = maxDisplacementUm('gentle', 0.3, medium);
      const harsh = maxDisplacementUm('harsh', 1, medium);
      expect(gentle.max).toBeLessThan(5);
      expect(gentle.max).toBeGreaterThan(0.5);
      expect(harsh.max).toBeGreaterThan(40);
      expect(harsh.max).toBeLessThan(120);
      expect(harsh.side).toBe(-1);
    }
  });

  it('a poke from above at the nose pushes the head back along the body', () => {
    const body = new WormBody(createPhysics());
    const x0 = body.positions()[0];
    body.poke(0, 0, 1, 'harsh');
    run(body, 300);
    expect(body.positions()[0]).toBeLessThan(x0 - 0.03);
  });
});

describe('picking', () => {
  it('finds the nearest body point, its side and distance from the surface', () => {
    const body = new WormBody(createPhysics(), { headXMm: 1, headYMm: 0, headingRad: 0 });
    // Worm lies from x = 1 (nose) to x = 0 (tail) along y = 0; its left is +y.
    const mid = body.nearestBodyPoint(0.5, 0.1);
    expect(mid.position).toBeCloseTo(0.5, 6);
    expect(mid.side).toBe(1);
    expect(mid.distanceMm).toBeCloseTo(0.1 - 0.04, 3);
    const right = body.nearestBodyPoint(0.75, -0.02);
    expect(right.position).toBeCloseTo(0.25, 6);
    expect(right.side).toBe(-1);
    expect(right.distanceMm).toBe(0);
    const nose = body.nearestBodyPoint(1.3, 0);
    expect(nose.position).toBe(0);
    expect(nose.distanceMm).toBeCloseTo(0.3 - body.radii[0], 6);
    const tail = body.nearestBodyPoint(-0.5, 0);
    expect(tail.position).toBe(1);
  });
});

describe('stability', () => {
  it('survives 30 s of full activation on all muscles, random activations and repeated hard pokes', () => {
    const body = new WormBody(createPhysics());
    const rnd = lcg(7);
    const a = new Float64Array(40);
    let worstStretch = 0;
    run(body, 30_000, (s) => {
      if (s % 300 < 100) a.fill(1);
      else if (s % 300 < 200) for (let m = 0; m < 40; m++) a[m] = rnd() < 0.5 ? 0 : 1;
      else for (let m = 0; m < 40; m++) a[m] = m < 20 ? 1 : 0;
      body.setActivations(a);
      if (s % 7 === 0) body.poke(rnd(), rnd() < 0.5 ? -1 : 1, 1, 'harsh');
      worstStretch = Math.max(worstStretch, Math.abs(body.centrelineLengthMm() - 1));
    });
    expect(body.isFinite()).toBe(true);
    expect(worstStretch).toBeLessThan(0.03);
    const k = body.curvature();
    for (const kj of k) expect(Math.abs(kj)).toBeLessThan(60); // no folded-over zig-zag
  });

  it('the guard names the segment and quantity of injected NaN and stops the step', () => {
    const body = new WormBody(createPhysics());
    run(body, 100);
    expect(body.checkFinite()).toBeNull();
    body.parts[7].position.y = NaN;
    expect(body.isFinite()).toBe(false);
    expect(body.checkFinite()).toMatchObject({ segment: 7, quantity: 'position', axis: 'y' });
    let err: unknown;
    try {
      body.step(DT);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BodyInstabilityError);
    const e = err as BodyInstabilityError;
    expect(e.issue.segment).toBe(7);
    expect(e.timeMs).toBe(100);
    expect(e.message).toMatch(/t = 100\.0 ms: segment 7 position\.y = NaN/);
    expect(e.message).toMatch(/reduce muscle strength/);
  });

  it('the guard also catches a non-finite state that appears during the physics update', () => {
    const body = new WormBody(createPhysics());
    body.applyForces(DT);
    body.parts[3].force.x = Infinity; // as if something else pushed it with an infinite force
    Matter.Engine.update(body.engine, DT);
    expect(() => body.afterUpdate(DT)).toThrow(BodyInstabilityError);
  });
});

describe('determinism', () => {
  it('same inputs give bit-identical trajectories, also with a second worm in another engine', () => {
    const trace = () => {
      const body = new WormBody(createPhysics());
      const other = new WormBody(createPhysics(), { headXMm: 3 }); // shifts matter's global ids
      const rnd = lcg(42);
      const a = new Float64Array(40);
      const out: number[] = [];
      run(body, 3000, (s) => {
        for (let m = 0; m < 40; m++) a[m] = rnd();
        body.setActivations(a);
        if (s % 50 === 0) body.poke(rnd(), 1, rnd(), 'harsh');
        if (s % 10 === 0) other.step(DT);
        out.push(...body.positions());
      });
      return Float64Array.from(out);
    };
    const a = trace();
    const b = trace();
    expect(a.length).toBe(300 * 40);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });
});

describe('several worms in one engine', () => {
  it('stepBodies moves both, and a worm shoved into another presses against it instead of passing through', () => {
    const engine = createPhysics();
    // A lies along x through the origin; B stands below it, nose just short of A's surface,
    // and harsh pokes from above at its tail shove it up into A's middle.
    const a = new WormBody(engine, { headXMm: 1, headYMm: 0 });
    const b = new WormBody(engine, { headXMm: 0.5, headYMm: -0.06, headingRad: Math.PI / 2 });
    const tail0 = b.positions()[39];
    let worstGap = Infinity;
    let touched = 0;
    for (let s = 0; s < 150; s++) {
      if (s % 5 === 0) b.poke(1, 0, 1, 'harsh');
      stepBodies(engine, [a, b], DT);
      touched += b.contacts();
      const pa = a.positions();
      const pb = b.positions();
      for (let i = 0; i < 20; i++)
        for (let j = 0; j < 20; j++) {
          const d = Math.hypot(pa[2 * i] - pb[2 * j], pa[2 * i + 1] - pb[2 * j + 1]) - a.radii[i] - b.radii[j];
          worstGap = Math.min(worstGap, d);
        }
    }
    expect(b.positions()[39] - tail0).toBeGreaterThan(0.02); // B was driven up...
    expect(touched).toBeGreaterThan(0); // ...its nose met A...
    expect(worstGap).toBeGreaterThan(-0.015); // ...and never sank more than 15 µm into it
    for (let j = 0; j < 20; j++) expect(b.positions()[2 * j + 1]).toBeLessThan(a.centroid()[1]);
  });
});

describe('stability over the parameter space (property)', () => {
  it('any allowed body, medium, step and muscle strength stays finite and unstretched under random drive and pokes', () => {
    fc.assert(
      fc.property(
        fc.record({
          segments: fc.integer({ min: 8, max: 60 }),
          medium: fc.constantFrom('agar' as const, 'water' as const),
          muscleForceUN: fc.double({ min: 0, max: 2000, noNaN: true }),
          bendingStiffness: fc.double({ min: 0.001, max: 5, noNaN: true }),
          dt: fc.double({ min: 1, max: 1000 / 60, noNaN: true }),
          seed: fc.integer({ min: 1, max: 1e6 }),
        }),
        ({ segments, medium, muscleForceUN, bendingStiffness, dt, seed }) => {
          const body = new WormBody(createPhysics(), { segments, medium, muscleForceUN, bendingStiffness });
          const rnd = lcg(seed);
          const a = new Float64Array(2 * segments);
          let worst = 0;
          for (let s = 0; s < 150; s++) {
            if (s % 10 === 0) for (let m = 0; m < a.length; m++) a[m] = rnd() < 0.3 ? 1 : rnd();
            body.setActivations(a);
            if (s % 4 === 0) body.poke(rnd(), rnd() < 0.5 ? -1 : 1, rnd(), rnd() < 0.5 ? 'gentle' : 'harsh');
            body.step(dt);
            worst = Math.max(worst, Math.abs(body.centrelineLengthMm() - 1));
          }
          expect(body.isFinite()).toBe(true);
          expect(worst).toBeLessThan(0.05);
        },
      ),
      { numRuns: 12, seed: 20240611 },
    );
  });
});
