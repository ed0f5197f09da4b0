import { hypot } from '../lib/hypot';
import type { BehaviourEvent } from '../streams/types';
import { alongBodyVelocity, centroid, curvature, headingRad } from './kinematics';

/** Body fraction where the bending frequency is read. */
const PROBE_A = 0.3;
/** The stretch of body over which the wavelength is read from the phase of the bend (every joint in it). */
const PHASE_FROM = 0.2;
const PHASE_TO = 0.8;
/** Wavelengths tried per direction when lining the phases up. */
const WAVE_GRID = 240;
/** The `spectrum` reading's grid: frequencies from one cycle per window up to this, in these steps (Hz). */
const SPECTRUM_MAX_HZ = 5;
const SPECTRUM_STEP_HZ = 0.005;

/**
 * How the bending frequency is read. `crossings` (the default): zero crossings
 * of the curvature at body 0.3. `spectrum`: the peak of the summed power
 * spectra of the curvature at every joint from 0.2 to 0.8, so a joint that
 * barely swings, where ripples cross zero, weighs as little as it bends.
 */
export type FrequencyReading = 'crossings' | 'spectrum';

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
  /** Curvature samples at PROBE_A (index into the interior curvature array). */
  private probeA = 0;
  /** Curvature histories at every joint from PHASE_FROM to PHASE_TO, and where they sit (interior joint index, body fraction). */
  private bends: Float64Array[] = [];
  private phaseJoint = new Int32Array(0);
  private phaseAt = new Float64Array(0);
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
  }

  update(pose: Float64Array, timeMs: number, events: BehaviourEvent[]): void {
    const n = pose.length / 2;
    if (this.kappa.length !== n - 2) {
      this.kappa = new Float64Array(n - 2);
      // Interior point j (segment j + 1) sits at body fraction (j + 1) / (n − 1).
      this.probeA = Math.round(PROBE_A * (n - 1)) - 1;
      const joints: number[] = [];
      for (let j = 0; j < n - 2; j++) if ((j + 1) / (n - 1) >= PHASE_FROM - 1e-9 && (j + 1) / (n - 1) <= PHASE_TO + 1e-9) joints.push(j);
      this.phaseJoint = Int32Array.from(joints);
      this.phaseAt = Float64Array.from(joints, (j) => (j + 1) / (n - 1));
      this.bends = joints.map(() => new Float64Array(this.cap));
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
      if (hypot(hx, hy) < 0.4 * this.opts.bodyLengthMm) {
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
    for (let p = 0; p < this.bends.length; p++) this.bends[p][i] = k[this.phaseJoint[p]];
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
    const speed = span > 0 ? hypot(xs[xs.length - 1] - xs[0], ys[ys.length - 1] - ys[0]) / span : 0;
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

  /** Bending frequency over the window, Hz: from zero crossings of the curvature at body 0.3, or its `spectrum` over the body. */
  bendingFrequencyHz(windowMs = 10_000, reading: FrequencyReading = 'crossings'): number {
    const t = this.window(this.times, windowMs);
    if (reading === 'spectrum')
      return dominantFrequencyHz(
        this.bends.map((b) => this.window(b, windowMs)),
        t,
      );
    return crossingFrequencyHz(this.window(this.bendA, windowMs), t);
  }

  /**
   * How much the body bends over the window, in curvature × body length (κL):
   * at each joint from 0.2 to 0.8 of the body (those the wave is read from),
   * the amplitude of its bend about its own mean (√2 × RMS, a sine's peak), and
   * the mean over those joints. A held bend counts nothing, a ripple little: a
   * still or paralysed body is near 0, the crawling worm on agar ~5–8 (Fang-Yen
   * et al. 2010). What the frequency and direction read is a wave only where
   * this is large enough (the scenario field `minBend`). 0 before any history.
   */
  bendAmplitude(windowMs = 10_000): number {
    const m = this.bends.length;
    if (m === 0) return 0;
    let sum = 0;
    for (let p = 0; p < m; p++) {
      const k = this.window(this.bends[p], windowMs);
      if (k.length === 0) return 0;
      let mean = 0;
      for (const v of k) mean += v;
      mean /= k.length;
      let sq = 0;
      for (const v of k) sq += (v - mean) ** 2;
      sum += Math.sqrt((2 * sq) / k.length);
    }
    return (sum / m) * this.opts.bodyLengthMm;
  }

  /** +1 if bends travel head → tail (forward undulation), −1 tail → head, 0 if unclear: the sign of the phase slope along the body. */
  waveDirection(windowMs = 10_000, reading: FrequencyReading = 'crossings'): -1 | 0 | 1 {
    const slope = this.phaseSlope(windowMs, reading);
    return slope < 0 ? 1 : slope > 0 ? -1 : 0;
  }

  /**
   * Wavelength of the body wave in body lengths: the phase of the bend at
   * the bending frequency, at every joint from 0.2 to 0.8 of the body,
   * changes by 2π per wavelength; the slope is fitted over all of them (one
   * pair of points alone is thrown off by local bends of a segmented body).
   */
  wavelengthBodyLengths(windowMs = 10_000, reading: FrequencyReading = 'crossings'): number {
    const slope = this.phaseSlope(windowMs, reading);
    return slope !== 0 && Number.isFinite(slope) ? (2 * Math.PI) / Math.abs(slope) : NaN;
  }

  /**
   * Wavenumber of the body wave (rad per body length) at the bending
   * frequency, > 0 when bends travel head → tail: the phase of the bend at
   * each joint is read by a DFT over the window, and the wavenumber is the one
   * that lines those phases up best (the largest |Σ e^{i(φ_j + k s_j)}| over
   * λ from 0.25 to 4 body lengths, either way). No unwrapping, so one large
   * phase step between two motor units cannot flip it. NaN without an oscillation.
   */
  private phaseSlope(windowMs: number, reading: FrequencyReading): number {
    const f = this.bendingFrequencyHz(windowMs, reading);
    const t = this.window(this.times, windowMs);
    if (!(f > 0) || t.length < 10) return NaN;
    const m = this.bends.length;
    const cos = new Float64Array(m);
    const sin = new Float64Array(m);
    for (let p = 0; p < m; p++) {
      const k = this.window(this.bends[p], windowMs);
      let re = 0;
      let im = 0;
      for (let i = 0; i < k.length; i++) {
        const a = (2 * Math.PI * f * (t[i] - t[0])) / 1000;
        re += k[i] * Math.cos(a);
        im -= k[i] * Math.sin(a);
      }
      // Weighted by how much the joint bends: a joint between two units that barely bends says little.
      cos[p] = re;
      sin[p] = im;
    }
    let best = 0;
    let bestK = NaN;
    for (let g = 0; g < 2 * WAVE_GRID; g++) {
      // Log-spaced wavelengths 0.25 .. 4 body lengths, head → tail first, then tail → head.
      const lambda = 0.25 * 16 ** ((g % WAVE_GRID) / (WAVE_GRID - 1));
      const k = ((g < WAVE_GRID ? 1 : -1) * 2 * Math.PI) / lambda;
      let re = 0;
      let im = 0;
      for (let p = 0; p < m; p++) {
        const c = Math.cos(k * this.phaseAt[p]);
        const s = Math.sin(k * this.phaseAt[p]);
        re += cos[p] * c - sin[p] * s;
        im += cos[p] * s + sin[p] * c;
      }
      const coherence = re * re + im * im;
      if (coherence > best) {
        best = coherence;
        bestK = k;
      }
    }
    return -bestK;
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

/**
 * The dominant frequency (Hz) of several series sampled at the same times
 * (ms): the peak of their summed power, each series detrended (a held or
 * slowly drifting bend adds nothing) and Hann-windowed, over one cycle per
 * window up to 5 Hz. A series that swings little adds little, so a ripple on a
 * small swing cannot set the reading as it sets zero crossings. 0 without any
 * swing.
 */
export function dominantFrequencyHz(series: readonly (readonly number[])[], timesMs: readonly number[]): number {
  const n = timesMs.length;
  if (n < 10 || series.length === 0) return 0;
  const t0 = timesMs[0];
  const spanS = (timesMs[n - 1] - t0) / 1000;
  if (!(spanS > 0)) return 0;
  const u = timesMs.map((t) => (t - t0) / 1000);
  const uMean = u.reduce((a, b) => a + b, 0) / n;
  const uVar = u.reduce((a, b) => a + (b - uMean) ** 2, 0);
  const hann = u.map((x) => 0.5 - 0.5 * Math.cos((2 * Math.PI * x) / spanS));
  let any = false;
  const xs = series.map((s) => {
    const mean = s.reduce((a, b) => a + b, 0) / n;
    let cov = 0;
    for (let i = 0; i < n; i++) cov += (u[i] - uMean) * (s[i] - mean);
    const slope = cov / uVar;
    const x = Float64Array.from(s, (v, i) => (v - mean - slope * (u[i] - uMean)) * hann[i]);
    if (x.some((v) => Math.abs(v) > 1e-12)) any = true;
    return x;
  });
  if (!any) return 0;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  let best = 0;
  let bestHz = 0;
  for (let k = 0; 1 / spanS + k * SPECTRUM_STEP_HZ <= SPECTRUM_MAX_HZ; k++) {
    const f = 1 / spanS + k * SPECTRUM_STEP_HZ;
    for (let i = 0; i < n; i++) {
      cos[i] = Math.cos(2 * Math.PI * f * u[i]);
      sin[i] = Math.sin(2 * Math.PI * f * u[i]);
    }
    let power = 0;
    for (const x of xs) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        re += x[i] * cos[i];
        im += x[i] * sin[i];
      }
      power += re * re + im * im;
    }
    if (power > best) {
      best = power;
      bestHz = f;
    }
  }
  return bestHz;
}
