/**
 * What a run records for its expectations and plots, and the queries the
 * (pure) evaluators make on it. Samples are taken at step boundaries every
 * `sampleEvery` steps; along-body travel is integrated every step so it is
 * exact whatever the sampling; events are copied as they are emitted.
 */
import type { BehaviourEvent } from '../streams/types';
import type { Action } from './timeline-schema';

/** A timeline action as it was applied during the run. */
export interface AppliedAction {
  /** Scheduled time, ms (windows and anchors use this). */
  atMs: number;
  /** Sim time when it was applied: the first step boundary at or after atMs. */
  appliedMs: number;
  label?: string;
  /** Occurrence within a repeated item, 0-based. */
  occurrence: number;
  action: Action;
  /** For pokes: the nose position when applied (for plots). */
  nose?: [number, number];
}

export interface Recording {
  bodyLengthMm: number;
  durationMs: number;
  /** Physics step seen during the run, ms. */
  stepMs: number;
  count: number;
  /** Sample times, ms (step boundaries), ascending. */
  t: Float64Array;
  /** Centroid and nose (head) positions, mm. */
  cx: Float64Array;
  cy: Float64Array;
  hx: Float64Array;
  hy: Float64Array;
  /** Cumulative distance crawled forward / backward along the body since the start, mm (both ≥ 0, non-decreasing). */
  fwd: Float64Array;
  back: Float64Array;
  /** Nose-to-nearest-food distance, mm (Infinity without food); present only when an expectation needs it. */
  food?: Float64Array;
  /** Highest muscle activation (0..1) over the steps since the previous sample; present only when needed. */
  muscle?: Float64Array;
  /** Temperature at the nose, °C, and the time the nose has spent on food since the start, ms; present only when needed. */
  noseTemp?: Float64Array;
  onFoodMs?: Float64Array;
  /** Lowest and highest membrane potential of any neuron since the previous sample, mV; present only when needed. */
  membraneMin?: Float64Array;
  membraneMax?: Float64Array;
  /** Whether the nose was in the zone at each sample, per zone id that an expectation names. */
  zones: Record<string, Uint8Array>;
  /** Highest output (0..1) over the steps since the previous sample, per recorded neuron id. */
  neurons: Record<string, Float64Array>;
  events: BehaviourEvent[];
  actions: AppliedAction[];
  /** The simulation's own windowed measures, taken at their window's end: key → value (see probeKey). */
  probes: Record<string, number>;
}

export type ProbeName = 'bendingFrequency' | 'waveDirection' | 'wavelength' | 'bendAmplitude';

export interface ProbeRequest {
  name: ProbeName;
  endMs: number;
  windowMs: number;
  /** How a frequency (and the wave's phase with it) is read; the tracker's `crossings` when absent. */
  reading?: 'spectrum';
}

export function probeKey(p: ProbeRequest): string {
  return `${p.name}@${p.endMs}/${p.windowMs}${p.reading ? `~${p.reading}` : ''}`;
}

/** Tolerance for comparing sim times that come from sums of fixed steps. */
export const TIME_EPS = 1e-6;

/** Index of the last sample at or before t (0 if t precedes all samples). */
export function indexAt(rec: Recording, t: number): number {
  let lo = 0;
  let hi = rec.count - 1;
  if (hi < 0) return 0;
  if (rec.t[hi] <= t + TIME_EPS) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rec.t[mid] <= t + TIME_EPS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index range [i0, i1] of the samples inside [a, b] (i1 < i0 when none). */
export function samplesIn(rec: Recording, a: number, b: number): [number, number] {
  let i0 = indexAt(rec, a);
  if (rec.t[i0] < a - TIME_EPS) i0++;
  const i1 = indexAt(rec, b);
  return [i0, rec.t[i1] > b + TIME_EPS ? i1 - 1 : i1];
}

/** Net along-body travel in [a, b], mm: forward positive. */
export function alongTravel(rec: Recording, a: number, b: number): number {
  const ia = indexAt(rec, a);
  const ib = indexAt(rec, b);
  return rec.fwd[ib] - rec.fwd[ia] - (rec.back[ib] - rec.back[ia]);
}

export function forwardTravel(rec: Recording, a: number, b: number): number {
  return rec.fwd[indexAt(rec, b)] - rec.fwd[indexAt(rec, a)];
}

export function backwardTravel(rec: Recording, a: number, b: number): number {
  return rec.back[indexAt(rec, b)] - rec.back[indexAt(rec, a)];
}

/**
 * Mean centroid speed over [a, b], mm/s: at each sample, the net centroid
 * displacement over the preceding second (or the whole window if shorter),
 * averaged. Net displacement ignores the wave's sideways sway.
 */
export function meanSpeed(rec: Recording, a: number, b: number): number {
  const lag = Math.min(1000, b - a);
  if (!(lag > 0)) return 0;
  const [i0, i1] = samplesIn(rec, a + lag, b);
  let sum = 0;
  let n = 0;
  for (let j = i0; j <= i1; j++) {
    const i = indexAt(rec, rec.t[j] - lag);
    const dt = rec.t[j] - rec.t[i];
    if (dt <= 0) continue;
    sum += (Math.hypot(rec.cx[j] - rec.cx[i], rec.cy[j] - rec.cy[i]) * 1000) / dt;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** Peak backward speed in [a, b], mm/s, each reading averaged over the preceding 250 ms (so the wave's jitter is not a peak). */
export function peakBackwardSpeed(rec: Recording, a: number, b: number): number {
  const lag = Math.min(250, b - a);
  if (!(lag > 0)) return 0;
  const [i0, i1] = samplesIn(rec, a + lag, b);
  let peak = 0;
  for (let j = i0; j <= i1; j++) {
    const i = indexAt(rec, rec.t[j] - lag);
    const dt = rec.t[j] - rec.t[i];
    if (dt > 0) peak = Math.max(peak, ((rec.back[j] - rec.back[i]) * 1000) / dt);
  }
  return peak;
}

/** Time (ms) in [a, b] that a sampled flag was set; sample j stands for the interval ending at t[j]. */
export function timeFlagged(rec: Recording, flags: Uint8Array, a: number, b: number): number {
  const [i0, i1] = samplesIn(rec, a, b);
  let ms = 0;
  for (let j = Math.max(i0, 1); j <= i1; j++) if (flags[j]) ms += Math.min(rec.t[j], b) - Math.max(rec.t[j - 1], a);
  return ms;
}

export function eventsIn(rec: Recording, type: BehaviourEvent['type'], a: number, b: number): BehaviourEvent[] {
  return rec.events.filter((e) => e.type === type && e.timeMs >= a - TIME_EPS && e.timeMs <= b + TIME_EPS);
}
