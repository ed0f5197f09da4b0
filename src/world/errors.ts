/**
 * ArenaError: every problem in an arena file as `file: path: what is wrong
 * (got X); the fix`, compiler style, all problems at once.
 */
import { nearest } from '../text/nearest';

export type JsonPath = readonly (string | number)[];

/** One problem found in an arena file. */
export interface ArenaIssue {
  /** JSON path of the offending value, e.g. `food[0].radius`; "" for the whole file. */
  path: string;
  /** The same path as keys and indices (for finding its line in an enclosing file). */
  at: JsonPath;
  /** What is wrong, the bad value, and what is allowed or how to fix it. */
  message: string;
}

/** Issues spelled out in the error's message; the rest are counted. */
export const MAX_ISSUES_IN_MESSAGE = 30;

export class ArenaError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: readonly ArenaIssue[],
  ) {
    super(formatIssues(fileName, issues));
    this.name = 'ArenaError';
  }
}

export function formatIssues(fileName: string, issues: readonly ArenaIssue[]): string {
  const n = issues.length;
  const head = `${fileName}: ${n === 1 ? '1 problem' : `${n} problems`} in the arena file:`;
  const lines = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((is) => `  ${fileName}: ${is.path === '' ? '(whole file)' : is.path}: ${is.message}`);
  if (n > MAX_ISSUES_IN_MESSAGE) lines.push(`  ... and ${n - MAX_ISSUES_IN_MESSAGE} more`);
  return [head, ...lines].join('\n');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `food[0].at[1]`; keys that are not identifiers are quoted: `x["a b"]`. */
export function formatPath(path: JsonPath): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (IDENT.test(p)) s += s === '' ? p : `.${p}`;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

/** A value as a message shows it: short, JSON-like. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value) || typeof value === 'object') {
    const s = JSON.stringify(value);
    if (s !== undefined && s.length <= 40) return s;
    return Array.isArray(value) ? `a list of ${value.length}` : 'an object';
  }
  return String(value);
}

/** `"a", "b" or "c"`. */
export function listOf(values: readonly string[]): string {
  const q = values.map((v) => JSON.stringify(v));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** ` (did you mean "radius"?)` when one candidate is close to what was written, else "". */
export function didYouMean(written: string, candidates: readonly string[]): string {
  const best = nearest(written, candidates);
  return best !== undefined ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}
