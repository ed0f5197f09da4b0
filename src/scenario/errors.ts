/**
 * Errors in scenario files: every problem names the file, the line, the
 * field (as a path like timeline[2].poke.position) and the fix.
 */

export interface ScenarioIssue {
  /** Path of the field in the file form, e.g. ['timeline', 2, 'poke', 'position']. */
  path: ReadonlyArray<string | number>;
  /** 1-based line (and column) in the file, when known. */
  line?: number;
  column?: number;
  message: string;
  fix: string;
}

/** timeline[2].poke.position */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s === '' ? '(top level)' : s;
}

export function formatIssue(file: string, i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${file}:${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : file;
  return `${where}: ${formatPath(i.path)}: ${i.message}\n  fix: ${i.fix}`;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
    this.name = 'ScenarioError';
  }
}
