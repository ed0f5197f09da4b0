import type { BehaviourEvent } from '../streams/types';
import { alongBodyVelocity, centroid, curvature, headingRad } from './kinematics';

/** Body fractions of the two curvature probes; their gap must stay under half the shortest wavelength measured. */
const PROBE_A = 0.3;
const PROBE_GAP = 0.15;

export type Direction = 'forward' | 'backward' | 'paused';

export interface BehaviourOptions {
  bodyLengthMm: number;
  /** Smoothing of the along-body velocity, ms. */
  velocityTauMs?: number;
  /** Speed (body lengths/s) below which the worm counts as paused. */
  pauseBlPerS?: number;
  /** A direction change must hold this long to count (filters the wave's jitter), ms. */
  holdMs?: number;
  /** History kept for frequency and wavelength, ms. */
  historyMs?: number;
}

export interface BehaviourSnapshot {
  timeMs: number;
  centroid: [number, number];
  headingRad: number;
  /** Smoothed velocity along the body toward the head, mm/s (negative = backward). */
  alongMmPerS: number;
  /** Centroid speed over the last second, mm/s and body lengths/s. */
  speedMmPerS: number;
  speedBlPerS: number;
  direction: Direction;
  /**
   * Distance crawled forward / backward along the body since the start, mm
   * (both ≥ 0, non-decreasing): the body's own crawling, leaving out the steps
   * while an external push (a poke) moves it.
   */
  forwardMm: number;
  backwardMm: number;
}

/**
 * Measures behaviour from the pose alone (never from neurons), so an
 * assertion that "the worm reversed" checks the body, not the circuit's intent.
 * Call update() once per physics step; events come back from it.
 */
export class BehaviourTracker {
  readonly opts: Required<BehaviourOptions>;
  private prev: Float64Array | null = null;
  private along = 0;
  private direction: Direction = 'paused';
  private candidate: Direction = 'paused';
  private candidateSince = 0;
  private reversing = false;
  private lastReversalStart = -Infinity;
  private omegaArmed = false;
  // Ring buffers of history.
  private readonly cap: number;
  private readonly times: Float64Array;
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly bendA: Float64Array;
  private readonly bendB: Float64Array;
  /** Curvature samples at two body points PROBE_GAP apart (indices into the interior curvature array). */
  private probeA = 0;
  private probeB = 0;
  private probeGap = PROBE_GAP;
  private head = 0;
  private count = 0;
  private kappa = new Float64Array(0);
  private lastTime = 0;
  /** Until this time an external push moves the body, so its motion is not the worm's own. */
  private pushedUntil = -Infinity;
  private forwardMm = 0;
  private backwardMm = 0;
  private stepMm = 0;

  constructor(opts: BehaviourOptions, stepMs: number) {
    this.opts = { velocityTauMs: 300, pauseBlPerS: 0.02, holdMs: 250, historyMs: 20_000, ...opts };
    this.cap = Math.ceil(this.opts.historyMs / stepMs) + 1;
    this.times = new Float64Array(this.cap);
    this.cx = new Float64Array(this.cap);
    this.cy = new Float64Array(this.cap);
    this.bendA = new Float64Array(this.cap);
    this.bendB = new Float64Array(this.cap);
  }

  update(pose: Float64Array, timeMs: number, events: BehaviourEvent[]): void {
    const n = pose.length / 2;
    if (this.kappa.length !== n - 2) {
      this.kappa = new Float64Array(n - 2);
      // Interior point j (segment j + 1) sits at body fraction (j + 1) / (n − 1).
      this.probeA = Math.round(PROBE_A * (n - 1)) - 1;
      this.probeB = Math.round((PROBE_A + PROBE_GAP) * (n - 1)) - 1;
      this.probeGap = (this.probeB - this.probeA) / (n - 1);
    }
    if (this.prev === null) {
      this.prev = Float64Array.from(pose);
      this.lastTime = timeMs;
      this.record(pose, timeMs);
      return;
    }
    const dt = timeMs - this.lastTime;
    this.lastTime = timeMs;
    const perMs = alongBodyVelocity(this.prev, pose, dt);
    const v = perMs * 1000;
    this.prev.set(pose);
    if (timeMs <= this.pushedUntil) {
      // A poke's shove is not crawling: it moves neither the velocity, nor the travel, nor the direction.
      this.stepMm = 0;
      this.record(pose, timeMs);
      return;
    }
    const d = perMs * dt;
    this.stepMm = d;
    if (d > 0) this.forwardMm += d;
    else this.backwardMm -= d;
    const a = 1 - Math.exp(-dt / this.opts.velocityTauMs);
    this.along += (v - this.along) * a;
    this.record(pose, timeMs);

    const pauseMmPerS = this.opts.pauseBlPerS * this.opts.bodyLengthMm;
    const now: Direction = this.along > pauseMmPerS ? 'forward' : this.along < -pauseMmPerS ? 'backward' : 'paused';
    if (now !== this.candidate) {
      this.candidate = now;
      this.candidateSince = timeMs;
    }
    if (this.candidate !== this.direction && timeMs - this.candidateSince >= this.opts.holdMs) {
      this.direction = this.candidate;
      if (this.direction === 'backward' && !this.reversing) {
        this.reversing = true;
        this.lastReversalStart = this.candidateSince;
        this.omegaArmed = true;
        events.push({ type: 'reversal-start', timeMs: this.candidateSince });
      } else if (this.direction === 'forward' && this.reversing) {
        this.reversing = false;
        events.push({ type: 'reversal-end', timeMs: this.candidateSince });
      }
    }
    // An omega turn: soon after a reversal the head sweeps round to meet the tail.
    if (this.omegaArmed && timeMs - this.lastReversalStart < 10_000) {
      const hx = pose[0] - pose[2 * (n - 1)];
      const hy = pose[1] - pose[2 * (n - 1) + 1];
      if (Math.hypot(hx, hy) < 0.4 * this.opts.bodyLengthMm) {
        this.omegaArmed = false;
        events.push({ type: 'omega-turn', timeMs });
      }
    } else this.omegaArmed = false;
  }

  /** Along-body travel of the last step, mm (> 0 forward): the worm's own crawling, 0 while a push moves it. */
  get lastStepMm(): number {
    return this.stepMm;
  }

  /** An external force moves the body until timeMs (a poke's pulse): that motion is left out of the worm's own (see update). */
  pushUntil(timeMs: number): void {
    this.pushedUntil = Math.max(this.pushedUntil, timeMs);
  }

  private record(pose: Float64Array, timeMs: number): void {
    const i = this.head;
    const [x, y] = centroid(pose);
    const k = curvature(pose, this.kappa);
    this.times[i] = timeMs;
    this.cx[i] = x;
    this.cy[i] = y;
    this.bendA[i] = k[this.probeA];
    this.bendB[i] = k[this.probeB];
    this.head = (i + 1) % this.cap;
    this.count = Math.min(this.count + 1, this.cap);
  }

  /** Values over the last windowMs, oldest first. */
  private window(buf: Float64Array, windowMs: number): number[] {
    const out: number[] = [];
    const tEnd = this.times[(this.head - 1 + this.cap) % this.cap];
    for (let c = this.count; c > 0; c--) {
      const i = (this.head - c + this.cap) % this.cap;
      if (tEnd - this.times[i] <= windowMs) out.push(buf[i]);
    }
    return out;
  }

  snapshot(pose: Float64Array, timeMs: number): BehaviourSnapshot {
    const xs = this.window(this.cx, 1000);
    const ys = this.window(this.cy, 1000);
    const ts = this.window(this.times, 1000);
    const span = ts.length > 1 ? (ts[ts.length - 1] - ts[0]) / 1000 : 0;
    const speed = span > 0 ? Math.hypot(xs[xs.length - 1] - xs[0], ys[ys.length - 1] - ys[0]) / span : 0;
    return {
      timeMs,
      centroid: centroid(pose),
      headingRad: headingRad(pose),
      alongMmPerS: this.along,
      speedMmPerS: speed,
      speedBlPerS: speed / this.opts.bodyLengthMm,
      direction: this.direction,
      forwardMm: this.forwardMm,
      backwardMm: this.backwardMm,
    };
  }

  /** Bending frequency over the window, Hz, from zero crossings of mid-body curvature. */
  bendingFrequencyHz(windowMs = 10_000): number {
    return crossingFrequencyHz(this.window(this.bendA, windowMs), this.window(this.times, windowMs));
  }

  /**
   * Lag (ms) by which the posterior probe repeats the anterior one, from
   * their cross-correlation within half a bending period: > 0 when bends
   * travel head → tail. NaN when there is no clear oscillation.
   */
  private waveLagMs(windowMs: number): number {
    const f = this.bendingFrequencyHz(windowMs);
    const a = this.window(this.bendA, windowMs);
    const b = this.window(this.bendB, windowMs);
    const t = this.window(this.times, windowMs);
    if (f === 0 || a.length < 10) return NaN;
    const dt = (t[t.length - 1] - t[0]) / (t.length - 1);
    const maxLag = Math.min(a.length - 1, Math.floor(500 / f / dt));
    let best = -Infinity;
    let bestLag = 0;
    for (let lag = -maxLag; lag <= maxLag; lag++) {
      let s = 0;
      const i0 = Math.max(0, -lag);
      const i1 = Math.min(a.length, b.length - lag);
      for (let i = i0; i < i1; i++) s += a[i] * b[i + lag];
      s /= i1 - i0;
      if (s > best) {
        best = s;
        bestLag = lag;
      }
    }
    return bestLag * dt;
  }

  /** +1 if bends travel head → tail (forward undulation), −1 tail → head, 0 if unclear. */
  waveDirection(windowMs = 10_000): -1 | 0 | 1 {
    const lag = this.waveLagMs(windowMs);
    return lag > 0 ? 1 : lag < 0 ? -1 : 0;
  }

  /** Wavelength of the body wave in body lengths, from the wave's speed along the body and its frequency. */
  wavelengthBodyLengths(windowMs = 10_000): number {
    const lag = Math.abs(this.waveLagMs(windowMs));
    const f = this.bendingFrequencyHz(windowMs);
    return lag > 0 && f > 0 ? this.probeGap / ((lag / 1000) * f) : NaN;
  }

  get directionNow(): Direction {
    return this.direction;
  }
}

/** Frequency of oscillation (Hz) from zero crossings with hysteresis; times in ms. */
export function crossingFrequencyHz(values: number[], timesMs: number[]): number {
  if (values.length < 3) return 0;
  const amp = Math.max(...values.map(Math.abs));
  if (amp === 0) return 0;
  const thr = 0.2 * amp;
  let state = 0;
  const crossings: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const s = values[i] > thr ? 1 : values[i] < -thr ? -1 : 0;
    if (s !== 0 && s !== state) {
      if (state !== 0) crossings.push(timesMs[i]);
      state = s;
    }
  }
  if (crossings.length < 2) return 0;
  const span = (crossings[crossings.length - 1] - crossings[0]) / 1000;
  return (crossings.length - 1) / 2 / span;
}
