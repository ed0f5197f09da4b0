/**
 * One way to report a problem in a file, for every loader (circuits, arenas,
 * scenarios, recordings): an Issue says where (path, line and column when the
 * text is known), what is wrong and the fix; formatIssues prints them
 * compiler style (`file:line:col: path: message`), so editors can jump to
 * them, under a heading that counts them. CircuitError, ArenaError and
 * ScenarioError are DiagnosticErrors with their own name.
 */

export type Path = ReadonlyArray<string | number>;

export interface Issue {
  /** Where the value is in the file, e.g. ['neurons', 3, 'params', 'tauMs']; [] for the whole file. */
  path: Path;
  /** The path as shown, when it says more than formatPath(path) (e.g. with the neuron's id: `neurons[3] (AVAL).params.tauMs`). */
  where?: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  /** What is wrong, with the value found. */
  message: string;
  /** How to put it right, when not already in the message. */
  fix?: string;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `neurons[3].params.tauMs`; keys that are not identifiers are quoted (`params["a b"]`); `continued` starts with a dot. */
export function formatPath(path: Path, continued = false): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (IDENT.test(p)) s += s === '' && !continued ? p : `.${p}`;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

/** `file:12:5: timeline[2].poke.position: message` and, when there is one, `  fix: ...` on the next line. */
export function formatIssue(file: string, issue: Issue): string {
  const at = issue.line === undefined ? file : `${file}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`;
  const where = issue.where ?? formatPath(issue.path);
  return `${at}: ${where === '' ? '(whole file)' : where}: ${issue.message}${issue.fix !== undefined ? `\n  fix: ${issue.fix}` : ''}`;
}

export interface FormatOptions {
  /** What the file is, for the heading: "circuit file", "arena file"; no heading when omitted. */
  what?: string;
  /** Issues found beyond those given (counted in the heading). */
  omitted?: number;
  /** Issues spelled out; the rest are counted. */
  max?: number;
}

/** The issues one per entry (continuation lines indented), under `file: N problems in the <what>:` when `what` is given. */
export function formatIssues(file: string, issues: readonly Issue[], opts: FormatOptions = {}): string {
  const max = opts.max ?? 50;
  const total = issues.length + (opts.omitted ?? 0);
  const shown = issues.slice(0, max).map((is) => formatIssue(file, is));
  const rest = total - shown.length;
  if (opts.what === undefined) return [...shown, ...(rest > 0 ? [`... and ${rest} more`] : [])].join('\n');
  const head = `${file}: ${total === 1 ? '1 problem' : `${total} problems`} in the ${opts.what}:`;
  const lines = shown.map((s) => `  ${s.replace(/\n/g, '\n  ')}`);
  if (rest > 0) lines.push(`  ... and ${rest} more`);
  return [head, ...lines].join('\n');
}

/** A file refused for its issues; the message is formatIssues'. */
export class DiagnosticError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly Issue[],
    opts: FormatOptions = {},
  ) {
    super(formatIssues(file, issues, opts));
  }
}
