import { describe, expect, it } from 'vitest';
import type { BehaviourEvent } from '../streams/types';
import { BehaviourTracker, crossingFrequencyHz, dominantFrequencyHz } from './behaviour';
import { centreLineLength, curvature } from './kinematics';

/**
 * A worm of length 1 mm lying along the sine path y = a·sin(2πx/λ), head at
 * path position `s0` (arc length along x, small amplitude); segments trail
 * behind the head. Moving s0 forward is ideal forward crawling.
 */
function poseOnPath(s0: number, n = 24, lambda = 0.65, a = 0.05): Float64Array {
  const pose = new Float64Array(2 * n);
  // March backward along the path from the head in small x steps to space points by arc length.
  const ds = 1 / (n - 1);
  let x = s0;
  const f = (u: number) => a * Math.sin((2 * Math.PI * u) / lambda);
  pose[0] = x;
  pose[1] = f(x);
  for (let i = 1; i < n; i++) {
    let acc = 0;
    while (acc < ds) {
      const nx = x - 5e-4;
      acc += Math.hypot(5e-4, f(nx) - f(x));
      x = nx;
    }
    pose[2 * i] = x;
    pose[2 * i + 1] = f(x);
  }
  return pose;
}

describe('kinematics', () => {
  it('curvature of a circle arc is 1/R with the sign of the turn', () => {
    const n = 12;
    const R = 2;
    const pose = new Float64Array(2 * n);
    // Head first, walking tail→head counter-clockwise = turning left.
    for (let i = 0; i < n; i++) {
      const th = -(i * 0.05);
      pose[2 * i] = R * Math.cos(th);
      pose[2 * i + 1] = R * Math.sin(th);
    }
    const k = curvature(pose, new Float64Array(n - 2));
    for (const v of k) expect(v).toBeCloseTo(1 / R, 3);
    expect(centreLineLength(pose)).toBeCloseTo(R * 0.05 * (n - 1), 3);
  });
});

/**
 * A worm of length 1 mm (n points, head first) whose curvature is a wave
 * travelling head → tail, A sin(2π(s/λ − f t)), plus a standing zig-zag
 * B sin(2πs/0.1) sin(2π f t) of the kind an agar body shows between motor
 * units; heading along +x.
 */
function poseFromCurvature(t: number, n = 20, lambda = 0.65, f = 0.5, A = 6, B = 3): Float64Array {
  const pose = new Float64Array(2 * n);
  const ds = 1 / n;
  let th = 0;
  for (let i = 1; i < n; i++) {
    const s = (i - 0.5) * ds;
    const k = A * Math.sin(2 * Math.PI * (s / lambda - f * t)) + B * Math.sin((2 * Math.PI * s) / 0.1) * Math.sin(2 * Math.PI * f * t);
    // Walking head → tail, a left bend (k > 0) turns the direction clockwise.
    th -= k * ds;
    pose[2 * i] = pose[2 * i - 2] - ds * Math.cos(th);
    pose[2 * i + 1] = pose[2 * i - 1] - ds * Math.sin(th);
  }
  return pose;
}

describe('BehaviourTracker', () => {
  const step = 10;

  it('reads the wavelength of the whole body, not of one pair of points: a standing zig-zag on top of the wave leaves it at λ', () => {
    // One pair of probes 0.15 apart read 0.51 here (the zig-zag shifts the phase at each probe); the whole body reads 0.72.
    const tr = new BehaviourTracker({ bodyLengthMm: 1 }, step);
    const events: BehaviourEvent[] = [];
    for (let t = 0; t <= 16_000; t += step) tr.update(poseFromCurvature(t / 1000), t, events);
    expect(tr.bendingFrequencyHz()).toBeCloseTo(0.5, 1);
    expect(tr.wavelengthBodyLengths()).toBeGreaterThan(0.58);
    expect(tr.wavelengthBodyLengths()).toBeLessThan(0.75);
    expect(tr.waveDirection()).toBe(1);
  });

  function run(speedMmPerS: (t: number) => number, ms: number) {
    const tr = new BehaviourTracker({ bodyLengthMm: 1 }, step);
    const events: BehaviourEvent[] = [];
    let s = 0;
    for (let t = 0; t <= ms; t += step) {
      s += (speedMmPerS(t) * step) / 1000;
      tr.update(poseOnPath(s), t, events);
    }
    return { tr, events, pose: poseOnPath(s) };
  }

  it('reads ideal forward crawling: direction, speed, frequency, wavelength and head-to-tail wave', () => {
    const { tr, events, pose } = run(() => 0.2, 20_000);
    const snap = tr.snapshot(pose, 20_000);
    expect(snap.direction).toBe('forward');
    expect(snap.speedMmPerS).toBeCloseTo(0.2, 1);
    expect(snap.alongMmPerS).toBeCloseTo(0.2, 1);
    // f = v / λ = 0.2 / 0.65 ≈ 0.31 Hz
    expect(tr.bendingFrequencyHz()).toBeCloseTo(0.2 / 0.65, 1);
    expect(tr.wavelengthBodyLengths()).toBeGreaterThan(0.55);
    expect(tr.wavelengthBodyLengths()).toBeLessThan(0.75);
    expect(tr.waveDirection()).toBe(1);
    expect(events.filter((e) => e.type === 'reversal-start')).toEqual([]);
  });

  it('detects a reversal when the worm backs up, and its end when it crawls forward again', () => {
    const { tr, events } = run((t) => (t < 5000 ? 0.2 : t < 9000 ? -0.2 : 0.2), 14_000);
    const types = events.map((e) => e.type);
    expect(types).toEqual(['reversal-start', 'reversal-end']);
    const start = events[0].timeMs;
    expect(start).toBeGreaterThanOrEqual(5000);
    expect(start).toBeLessThan(5800);
    expect(tr.directionNow).toBe('forward');
  });

  it('backward crawling makes the wave travel tail to head', () => {
    const { tr } = run(() => -0.2, 15_000);
    expect(tr.directionNow).toBe('backward');
    expect(tr.waveDirection()).toBe(-1);
  });

  /** A tracker fed the curvature wave of amplitude A (κL, body 1 mm) for 16 s; `still` holds the body at its t = 0 pose. */
  function wave(A: number, still = false) {
    const tr = new BehaviourTracker({ bodyLengthMm: 1 }, step);
    const events: BehaviourEvent[] = [];
    for (let t = 0; t <= 16_000; t += step) tr.update(poseFromCurvature(still ? 0 : t / 1000, 20, 0.65, 0.5, A, 0), t, events);
    return tr;
  }

  it('bendAmplitude reads the wave’s amplitude in κL, while frequency and direction read a ripple 20× smaller as well as the wave', () => {
    const crawl = wave(6);
    expect(crawl.bendAmplitude()).toBeGreaterThan(5.4);
    expect(crawl.bendAmplitude()).toBeLessThan(6.6);
    const ripple = wave(0.3);
    expect(ripple.bendAmplitude()).toBeGreaterThan(0.27);
    expect(ripple.bendAmplitude()).toBeLessThan(0.33);
    // Why the scenario field minBend exists: scaled to the body's own amplitude, these cannot tell the two apart.
    expect(ripple.bendingFrequencyHz()).toBeCloseTo(crawl.bendingFrequencyHz(), 2);
    expect(ripple.waveDirection()).toBe(1);
  });

  it('bendAmplitude counts nothing for a held bend, and scales with the body length', () => {
    expect(wave(6, true).bendAmplitude()).toBeLessThan(1e-9);
    const tr = new BehaviourTracker({ bodyLengthMm: 2 }, step);
    for (let t = 0; t <= 16_000; t += step) tr.update(poseFromCurvature(t / 1000, 20, 0.65, 0.5, 6, 0), t, []);
    // The same pose on a tracker told the body is 2 mm: κ in 1/mm is the same, κL twice.
    expect(tr.bendAmplitude() / wave(6).bendAmplitude()).toBeCloseTo(2, 6);
  });

  it('a still worm is paused with no bending frequency', () => {
    const { tr, pose } = run(() => 0, 5000);
    expect(tr.snapshot(pose, 5000).direction).toBe('paused');
    expect(tr.bendingFrequencyHz()).toBe(0);
  });
});

describe('crossingFrequencyHz', () => {
  it('recovers a sine frequency', () => {
    const t = Array.from({ length: 2000 }, (_, i) => i * 10);
    expect(
      crossingFrequencyHz(
        t.map((x) => Math.sin(2 * Math.PI * 0.4 * (x / 1000))),
        t,
      ),
    ).toBeCloseTo(0.4, 2);
  });
});

/**
 * The connectome worm's failure (issue 18, session 16): a small swing at the
 * neck (body < 0.36, 0.5 κL) with a 2.5 Hz ripple on it (0.4 κL), and the
 * body behind bending 5 κL in a 0.45 Hz wave head → tail.
 */
function neckRipplePose(t: number, n = 20, lambda = 0.65, f = 0.45): Float64Array {
  const pose = new Float64Array(2 * n);
  const ds = 1 / n;
  let th = 0;
  for (let i = 1; i < n; i++) {
    const s = (i - 0.5) * ds;
    const neck = s < 0.36;
    const k = (neck ? 0.5 : 5) * Math.sin(2 * Math.PI * (s / lambda - f * t)) + (neck ? 0.4 * Math.sin(2 * Math.PI * 2.5 * t) : 0);
    th -= k * ds;
    pose[2 * i] = pose[2 * i - 2] - ds * Math.cos(th);
    pose[2 * i + 1] = pose[2 * i - 1] - ds * Math.sin(th);
  }
  return pose;
}

describe('the spectrum reading of the bending frequency', () => {
  it('reads the body’s 0.45 Hz where ripples on a small neck swing fool the zero crossings at body 0.3', () => {
    const tr = new BehaviourTracker({ bodyLengthMm: 1 }, 10);
    for (let t = 0; t <= 14_000; t += 10) tr.update(neckRipplePose(t / 1000), t, []);
    // The old reading counts the ripple's crossings: outside the crawl's 0.3–0.6 Hz.
    expect(tr.bendingFrequencyHz(10_000)).toBeGreaterThan(0.6);
    expect(tr.bendingFrequencyHz(10_000, 'spectrum')).toBeCloseTo(0.45, 1);
    expect(tr.waveDirection(10_000, 'spectrum')).toBe(1);
    expect(tr.wavelengthBodyLengths(10_000, 'spectrum')).toBeGreaterThan(0.55);
    expect(tr.wavelengthBodyLengths(10_000, 'spectrum')).toBeLessThan(0.75);
  });

  it('agrees with the crossings on a clean wave, and is 0 for a held bend', () => {
    const tr = new BehaviourTracker({ bodyLengthMm: 1 }, 10);
    for (let t = 0; t <= 16_000; t += 10) tr.update(poseFromCurvature(t / 1000, 20, 0.65, 0.5, 6, 0), t, []);
    expect(tr.bendingFrequencyHz(10_000, 'spectrum')).toBeCloseTo(tr.bendingFrequencyHz(10_000), 1);
    const held = new BehaviourTracker({ bodyLengthMm: 1 }, 10);
    for (let t = 0; t <= 5000; t += 10) held.update(poseFromCurvature(0), t, []);
    expect(held.bendingFrequencyHz(5000, 'spectrum')).toBe(0);
  });

  it('dominantFrequencyHz weighs each series by its swing and ignores a drift', () => {
    const t = Array.from({ length: 1000 }, (_, i) => i * 10);
    const big = t.map((x) => 3 * Math.sin(2 * Math.PI * 0.4 * (x / 1000)) + x / 1000);
    const small = t.map((x) => 0.3 * Math.sin(2 * Math.PI * 2 * (x / 1000)));
    expect(dominantFrequencyHz([big, small], t)).toBeCloseTo(0.4, 2);
    expect(dominantFrequencyHz([small], t)).toBeCloseTo(2, 2);
    expect(dominantFrequencyHz([t.map(() => 1)], t)).toBe(0);
  });
});
