/**
 * CircuitError and the helpers that turn a raw problem (a JSON path and a
 * sentence) into an issue that names the file, the line, the path (with the
 * ids of the neurons and synapses it goes through) and the fix, formatted by
 * the one diagnostics layer (src/text/diagnostics.ts).
 */
import { DiagnosticError, formatPath, type Issue, type Path } from '../text/diagnostics';
import type { LocatedText } from '../text/located';

export { didYouMean, listOf, show } from '../text/describe';

/** Issues kept on an error; a file broken in more places than this is broken in the same few ways. */
export const MAX_ISSUES = 200;
/** Issues spelled out in the error's message. */
export const MAX_ISSUES_IN_MESSAGE = 50;

/** A problem as the checks find it, before it is placed in the file. */
export interface RawIssue {
  path: Path;
  message: string;
  /** Point the line at the key rather than the value (unknown or duplicate fields). */
  atKey?: boolean;
}

/** A problem placed in a circuit file: its path, how to show it (with the neuron's id), its line. */
export type CircuitIssue = Issue & { where: string };

export class CircuitError extends DiagnosticError {
  constructor(
    fileName: string,
    override readonly issues: readonly CircuitIssue[],
    /** Issues found beyond MAX_ISSUES. */
    readonly omitted = 0,
  ) {
    super(fileName, issues, { what: 'circuit file', omitted, max: MAX_ISSUES_IN_MESSAGE });
    this.name = 'CircuitError';
  }

  get fileName(): string {
    return this.file;
  }
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
export function describePath(doc: unknown, path: Path): string {
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number') {
    const name = entryName(doc, list, index);
    if (name !== undefined) return `${formatPath(path.slice(0, 2))} (${name})${formatPath(path.slice(2), true)}`;
  }
  return formatPath(path);
}

/** Place raw issues in the file: names, and lines when the text is known; in file order. */
export function placeIssues(raw: readonly RawIssue[], doc: unknown, located?: LocatedText): CircuitIssue[] {
  const out = raw.map((r): CircuitIssue => {
    const line = located?.locate(r.path, r.atKey)?.line;
    return { path: r.path, where: describePath(doc, r.path), message: r.message, ...(line !== undefined && { line }) };
  });
  // Stable sort into file order; issues without a line keep their order at the end.
  return out
    .map((is, k) => ({ is, k }))
    .sort((a, b) => (a.is.line ?? Infinity) - (b.is.line ?? Infinity) || a.k - b.k)
    .map((x) => x.is);
}
