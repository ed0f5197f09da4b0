/** How messages show what a file holds: a value, short and JSON-like; a list of allowed words; a "did you mean". */
import { nearest } from './nearest';

/** A value as a message shows it: `5`, `"text"`, `[1,2]` or `a list of 300`, `null`, `nothing`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) {
    const s = JSON.stringify(value);
    return s !== undefined && s.length <= 40 ? s : `a list of ${value.length}`;
  }
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const s = JSON.stringify(value);
    return s !== undefined && s.length <= 40 ? s : 'an object';
  }
  return String(value);
}

/** `"a", "b" or "c"` (at most `max` shown). */
export function listOf(values: readonly string[], max = 12): string {
  const q = values.slice(0, max).map((v) => JSON.stringify(v));
  if (values.length > max) return `${q.join(', ')} ... (${values.length} in all)`;
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** ` (did you mean "tauMs"?)` when one candidate is close to what was written, else "". */
export function didYouMean(written: unknown, candidates: Iterable<string>): string {
  if (typeof written !== 'string' || written.length > 64) return '';
  const best = nearest(written, candidates);
  return best !== undefined ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}
