/**
 * Proof that the embodied worm works end to end: a test circuit's neurons
 * (a pacemaker and a delay line, no sine anywhere) drive the muscles, the
 * body bends, anisotropic drag turns the travelling bend into travel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { centroid } from './kinematics';
import { Simulation, type SimOptions } from './simulation';
import { waveCircuit } from './test-circuits';

const SETTLE_MS = 2000;
const RUN_MS = 10_000;

interface Trip {
  /** Centroid displacement along the body's axis at the start (+ = toward the head), mm. */
  along: number;
  /** Straight-line centroid displacement, mm. */
  net: number;
  direction: string;
  wave: -1 | 0 | 1;
  frequencyHz: number;
  wavelength: number;
  maxActivation: number;
}

/** Direction from the tail half's centroid to the head half's: the body's heading, steadier than the swinging head's. */
function bodyAxisRad(pose: Float64Array): number {
  const half = pose.length / 4;
  const [hx, hy] = centroid(pose.subarray(0, 2 * half));
  const [tx, ty] = centroid(pose.subarray(2 * half));
  return Math.atan2(hy - ty, hx - tx);
}

function trip(direction: 'head-to-tail' | 'tail-to-head', extra: Partial<SimOptions> = {}): Trip {
  const sim = new Simulation({ circuit: waveCircuit({ direction }), seed: 3, ...extra });
  let maxActivation = 0;
  sim.motor$.subscribe((f) => {
    for (const a of f.activation) maxActivation = Math.max(maxActivation, a);
  });
  sim.run(SETTLE_MS);
  const p0 = sim.telemetry().pose.slice();
  const [x0, y0] = centroid(p0);
  const h = bodyAxisRad(p0);
  sim.run(RUN_MS);
  const [x1, y1] = centroid(sim.telemetry().pose);
  return {
    along: (x1 - x0) * Math.cos(h) + (y1 - y0) * Math.sin(h),
    net: Math.hypot(x1 - x0, y1 - y0),
    direction: sim.behaviour().direction,
    wave: sim.waveDirection(),
    frequencyHz: sim.bendingFrequencyHz(),
    wavelength: sim.wavelengthBodyLengths(),
    maxActivation,
  };
}

describe('locomotion driven by a test circuit', () => {
  let forward: Trip;
  beforeAll(() => {
    forward = trip('head-to-tail');
  });

  it('a head-to-tail wave from the neurons makes the worm crawl forward at a worm-like pace', () => {
    const speed = forward.along / (RUN_MS / 1000);
    expect(speed).toBeGreaterThan(0.08);
    expect(speed).toBeLessThan(0.4);
    expect(forward.along).toBeGreaterThan(0.8 * forward.net); // mostly straight ahead
    expect(forward.direction).toBe('forward');
    expect(forward.wave).toBe(1);
    // The pacemaker's period is 2 × (1000 ms delay + switching): just under 0.5 Hz.
    expect(forward.frequencyHz).toBeGreaterThan(0.4);
    expect(forward.frequencyHz).toBeLessThan(0.55);
    // The delay line's own wavelength: one unit (0.1 body lengths) per 450 ms at a ~2.1 s period ≈ 0.47
    // (read from the bend's phase along the whole body; the old two-point estimate said 0.68).
    expect(forward.wavelength).toBeGreaterThan(0.4);
    expect(forward.wavelength).toBeLessThan(0.55);
    expect(forward.maxActivation).toBeGreaterThan(0.9); // the muscles really were driven
  });

  it('the same circuit wired tail to head makes it crawl backward about as fast', () => {
    const backward = trip('tail-to-head');
    expect(backward.along).toBeLessThan(-0.8 * backward.net);
    expect(Math.abs(backward.along / forward.along)).toBeGreaterThan(0.7);
    expect(backward.direction).toBe('backward');
    expect(backward.wave).toBe(-1);
  });

  it('with equal drag along and across (ratio 1) the same wiggle goes almost nowhere', () => {
    const iso = trip('head-to-tail', { body: { dragRatio: 1 } });
    expect(iso.frequencyHz).toBeGreaterThan(0.4); // it does bend at the same rhythm
    expect(iso.net).toBeLessThan(0.1 * forward.net);
  });

  it('water (drag ratio 1.5) gives far less thrust than agar (ratio 30)', () => {
    const swim = trip('head-to-tail', { medium: 'water' });
    expect(swim.along).toBeGreaterThan(0);
    expect(swim.along).toBeLessThan(0.5 * forward.along);
  });

  it('it is the neurons that move it: without the pacemaker the body bends once and stays', () => {
    const sim = new Simulation({ circuit: waveCircuit({ direction: 'head-to-tail' }), seed: 3 });
    sim.ablate('P');
    sim.run(5000); // bending the whole body into one arc takes a few seconds on agar
    const [x0, y0] = centroid(sim.telemetry().pose);
    sim.run(4000);
    const [x1, y1] = centroid(sim.telemetry().pose);
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(0.02 * forward.net);
    expect(sim.bendingFrequencyHz(4000)).toBe(0);
  });
});
