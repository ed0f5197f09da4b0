/**
 * Quantities written in scenario files: times, lengths, speeds and
 * frequencies, as numbers (in the base unit) or as strings with a unit.
 * Base units: ms, mm, mm/s, Hz. Lengths and speeds may also be given in body
 * lengths ("bl"), which only the running simulation can turn into mm, so they
 * keep their unit until evaluation.
 */

/** A length: mm, or body lengths. */
export interface Length {
  value: number;
  unit: 'mm' | 'bl';
}

/** A speed: mm/s, or body lengths per second. */
export interface Speed {
  value: number;
  unit: 'mm/s' | 'bl/s';
}

const NUMBER = String.raw`([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)`;

function quantity(units: string): RegExp {
  return new RegExp(String.raw`^\s*${NUMBER}\s*(${units})?\s*$`);
}

const TIME_RE = quantity('ms|s|min');
const LENGTH_RE = quantity('mm|bl|body lengths?');
const SPEED_RE = quantity('mm/s|bl/s|body lengths?/s');
const FREQ_RE = quantity('Hz|hz');

/** Result of parsing: a value or the reason it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "2s", "1500ms", "1.5 s", "2min" or a number of ms → ms (finite, ≥ 0). */
export function parseTimeMs(input: unknown): Parsed<number> {
  const fix = 'write a time like 2s, 1500ms, 0.5min or a number of ms';
  let ms: number;
  if (typeof input === 'number') ms = input;
  else if (typeof input === 'string') {
    const m = TIME_RE.exec(input);
    if (!m) return { ok: false, error: `"${input}" is not a time: ${fix}` };
    const unit = m[2] ?? 'ms';
    ms = Number(m[1]) * (unit === 'min' ? 60_000 : unit === 's' ? 1000 : 1);
  } else return { ok: false, error: `expected a time, got ${describe(input)}: ${fix}` };
  if (!Number.isFinite(ms)) return { ok: false, error: `time ${String(input)} is not finite: ${fix}` };
  if (ms < 0) return { ok: false, error: `time ${String(input)} is negative: times count from the start of the run` };
  return { ok: true, value: ms };
}

/** "0.5mm", "1.5bl", "2 body lengths" or a number of mm → Length (≥ 0). */
export function parseLength(input: unknown): Parsed<Length> {
  const fix = 'write a length like 0.5mm, 1.5bl (body lengths) or a number of mm';
  let out: Length;
  if (typeof input === 'number') out = { value: input, unit: 'mm' };
  else if (typeof input === 'string') {
    const m = LENGTH_RE.exec(input);
    if (!m) return { ok: false, error: `"${input}" is not a length: ${fix}` };
    out = { value: Number(m[1]), unit: !m[2] || m[2] === 'mm' ? 'mm' : 'bl' };
  } else return { ok: false, error: `expected a length, got ${describe(input)}: ${fix}` };
  if (!Number.isFinite(out.value) || out.value < 0) return { ok: false, error: `length ${String(input)} must be finite and ≥ 0: ${fix}` };
  return { ok: true, value: out };
}

/** "0.2mm/s", "0.1bl/s" or a number of mm/s → Speed (≥ 0). */
export function parseSpeed(input: unknown): Parsed<Speed> {
  const fix = 'write a speed like 0.2mm/s, 0.1bl/s (body lengths per second) or a number of mm/s';
  let out: Speed;
  if (typeof input === 'number') out = { value: input, unit: 'mm/s' };
  else if (typeof input === 'string') {
    const m = SPEED_RE.exec(input);
    if (!m) return { ok: false, error: `"${input}" is not a speed: ${fix}` };
    out = { value: Number(m[1]), unit: !m[2] || m[2] === 'mm/s' ? 'mm/s' : 'bl/s' };
  } else return { ok: false, error: `expected a speed, got ${describe(input)}: ${fix}` };
  if (!Number.isFinite(out.value) || out.value < 0) return { ok: false, error: `speed ${String(input)} must be finite and ≥ 0: ${fix}` };
  return { ok: true, value: out };
}

/** "0.5Hz" or a number of Hz → Hz (≥ 0). */
export function parseFrequencyHz(input: unknown): Parsed<number> {
  const fix = 'write a frequency like 0.5Hz or a number of Hz';
  let hz: number;
  if (typeof input === 'number') hz = input;
  else if (typeof input === 'string') {
    const m = FREQ_RE.exec(input);
    if (!m) return { ok: false, error: `"${input}" is not a frequency: ${fix}` };
    hz = Number(m[1]);
  } else return { ok: false, error: `expected a frequency, got ${describe(input)}: ${fix}` };
  if (!Number.isFinite(hz) || hz < 0) return { ok: false, error: `frequency ${String(input)} must be finite and ≥ 0: ${fix}` };
  return { ok: true, value: hz };
}

/** Length in mm for a worm of the given body length. */
export function lengthMm(l: Length, bodyLengthMm: number): number {
  return l.unit === 'mm' ? l.value : l.value * bodyLengthMm;
}

/** Speed in mm/s for a worm of the given body length. */
export function speedMmPerS(s: Speed, bodyLengthMm: number): number {
  return s.unit === 'mm/s' ? s.value : s.value * bodyLengthMm;
}

/** Compact human form of a time, e.g. 1500 → "1.5 s", 250 → "250 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) >= 1000) return `${round(ms / 1000, 3)} s`;
  return `${round(ms, 3)} ms`;
}

export function formatLength(l: Length): string {
  return `${l.value} ${l.unit}`;
}

export function formatSpeed(s: Speed): string {
  return `${s.value} ${s.unit}`;
}

/** Round to a number of significant decimals for display (never for evaluation). */
export function round(x: number, decimals = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
