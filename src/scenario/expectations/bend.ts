/**
 * `minBend`: a gait or travel reading counts only while the body really bends.
 * Frequency and direction read a wave from curvature zero crossings and phases
 * scaled to the body's own amplitude, so a ripple of a still body reads as a
 * wave (issue 18: refits that moved 0.003 BL/s passed both); a still body's
 * drift reads as a speed a little above 0. With `minBend` set, such a reading
 * is not measured (null: no partial credit in evolution) unless the body's
 * bend amplitude over the same window (the `bendAmplitude` metric) reaches it.
 * Without the field a kind measures as it always did.
 */
import { num } from '../fields';
import { probeKey, type Recording } from '../recording';
import { SCENARIO_RANGES as R } from '../ranges';
import { round } from '../units';
import type { Anchor } from '../fields';
import type { ScenarioTimes } from '../windows';
import { type ExpectationResult, type NeedsCollector, probeFor, span } from './kind';

/** The optional field, as each kind's schema spells it. */
export const minBendField = () => num('minBend', R.minBend).optional();

/** Ask the run to probe the bend amplitude over the window when minBend is set. */
export function needBend(n: NeedsCollector, s: ScenarioTimes, minBend: number | undefined, after: Anchor, forMs: number | undefined): void {
  if (minBend !== undefined) n.probe(probeFor(s, 'bendAmplitude', after, forMs));
}

/** Why the reading over [a, b] does not count (the body bent less than minBend), or undefined when it counts. */
export function tooStill(rec: Recording, minBend: number | undefined, a: number, b: number): string | undefined {
  if (minBend === undefined) return undefined;
  const amp = rec.probes[probeKey({ name: 'bendAmplitude', endMs: b, windowMs: b - a })];
  if (amp === undefined) throw new Error(`bendAmplitude over ${span(a, b)} was not probed`);
  return amp < minBend ? `the body barely bends in ${span(a, b)} (amplitude ${round(amp, 2)} κL < minBend ${minBend} κL)` : undefined;
}

/** The name suffix a kind adds when minBend is set. */
export const bendSuffix = (minBend: number | undefined) => (minBend !== undefined ? ` while bending ≥ ${minBend} κL` : '');

/** The result of a reading that does not count: failed, nothing measured. */
export function stillResult(r: Omit<ExpectationResult, 'kind' | 'pass' | 'measured'>, why: string): Omit<ExpectationResult, 'kind'> {
  return { ...r, pass: false, measured: null, detail: `${why}: not counted` };
}

/** `minBend` in the file form. */
export const minBendDoc = (minBend: number | undefined) => (minBend !== undefined ? { minBend } : {});
