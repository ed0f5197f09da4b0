/**
 * CircuitError and the helpers that turn a raw problem (a JSON path and a
 * sentence) into a message that names the file, the line, the path (with
 * the ids of the neurons and synapses it goes through) and the fix.
 */
import { nearest } from '../text/nearest';
import type { JsonPath, LocatedJson } from './json-locate';
import type { CircuitIssue } from './types';

/** Issues kept on an error; a file broken in more places than this is broken in the same few ways. */
export const MAX_ISSUES = 200;
/** Issues spelled out in the error's message. */
export const MAX_ISSUES_IN_MESSAGE = 50;

/** A problem as the checks find it, before it is placed in the file. */
export interface RawIssue {
  path: JsonPath;
  message: string;
  /** Point the line at the key rather than the value (unknown or duplicate fields). */
  atKey?: boolean;
}

export class CircuitError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: readonly CircuitIssue[],
    /** Issues found beyond MAX_ISSUES. */
    readonly omitted = 0,
  ) {
    super(formatIssues(fileName, issues, omitted));
    this.name = 'CircuitError';
  }
}

export function formatIssues(fileName: string, issues: readonly CircuitIssue[], omitted = 0): string {
  const total = issues.length + omitted;
  const head = `${fileName}: ${total === 1 ? '1 problem' : `${total} problems`} in the circuit file:`;
  const lines = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((is) => `  ${formatIssue(fileName, is)}`);
  const rest = total - Math.min(issues.length, MAX_ISSUES_IN_MESSAGE);
  if (rest > 0) lines.push(`  ... and ${rest} more`);
  return [head, ...lines].join('\n');
}

/** `file.json:12: neurons[3] (AVAL).params.tauMs: message` (compiler style, so editors can jump to it). */
export function formatIssue(fileName: string, issue: CircuitIssue): string {
  const at = issue.line === undefined ? fileName : `${fileName}:${issue.line}`;
  return `${at}: ${issue.where === '' ? '(whole file)' : issue.where}: ${issue.message}`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `neurons[3].params.tauMs`; keys that are not identifiers are quoted: `params["a b"]`. */
export function formatPath(path: JsonPath, continued = false): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (IDENT.test(p)) s += s === '' && !continued ? p : `.${p}`;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

function get(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

/** What to call list element `doc[list][index]` in a message, e.g. `AVAL` or `AVAL→AVB`. */
function entryName(doc: unknown, list: string, index: number): string | undefined {
  const e = get(get(doc, list), index);
  const s = (k: string): string | undefined => {
    const v = get(e, k);
    return typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : undefined;
  };
  if (list === 'neurons') return s('id');
  if (list === 'synapses') {
    const from = s('from');
    const to = s('to');
    if (from === undefined || to === undefined) return undefined;
    return `${from}${get(e, 'kind') === 'electrical' ? '↔' : '→'}${to}`;
  }
  if (list === 'sensors' || list === 'muscles') return s('neuron');
  return undefined;
}

/** formatPath, plus the name of the neuron, synapse or binding the path starts in: `neurons[3] (AVAL).params.tauMs`. */
export function describePath(doc: unknown, path: JsonPath): string {
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number') {
    const name = entryName(doc, list, index);
    if (name !== undefined) return `${formatPath(path.slice(0, 2))} (${name})${formatPath(path.slice(2), true)}`;
  }
  return formatPath(path);
}

/** Place raw issues in the file: path strings, names, and lines when the text is known. */
export function placeIssues(raw: readonly RawIssue[], doc: unknown, located?: LocatedJson): CircuitIssue[] {
  const out = raw.map((r): CircuitIssue => {
    const issue: CircuitIssue = { path: formatPath(r.path), where: describePath(doc, r.path), message: r.message };
    const line = located ? lineOf(located, r.path, r.atKey) : undefined;
    if (line !== undefined) issue.line = line;
    return issue;
  });
  // Stable sort into file order; issues without a line keep their order at the end.
  return out
    .map((is, k) => ({ is, k }))
    .sort((a, b) => (a.is.line ?? Infinity) - (b.is.line ?? Infinity) || a.k - b.k)
    .map((x) => x.is);
}

/** Line of the value at path, or of its nearest ancestor that exists (a missing field is reported at its object). */
function lineOf(located: LocatedJson, path: JsonPath, atKey?: boolean): number | undefined {
  if (atKey) {
    const p = located.locate(path, { key: true });
    if (p) return p.line;
  }
  for (let n = path.length; n >= 0; n--) {
    const p = located.locate(path.slice(0, n));
    if (p) return p.line;
  }
  return undefined;
}

/** A value as a message shows it: short, JSON-like. */
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

/** ` (did you mean "tauMs"?)` when one candidate is close to what was written, else "". */
export function didYouMean(written: unknown, candidates: Iterable<string>): string {
  if (typeof written !== 'string' || written.length > 64) return '';
  const best = nearest(written, candidates);
  return best !== undefined ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

/** `"a", "b" or "c"` (at most `max` shown). */
export function listOf(values: readonly string[], max = 12): string {
  const q = values.slice(0, max).map((v) => JSON.stringify(v));
  if (values.length > max) return `${q.join(', ')} ... (${values.length} in all)`;
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
