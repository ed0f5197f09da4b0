/**
 * Problems found while importing wiring tables. Errors stop the import (no
 * circuit, no file); warnings are reported beside the circuit. Both name the
 * file and, where there is one, the line and the column.
 */

export interface ImportProblem {
  /** Table (or sign-override file) the problem is in. */
  file: string;
  /** 1-based line, when the problem is on one (undefined when not known). */
  line?: number | undefined;
  /** Column (as the header names it) or JSON path of the bad value. */
  field?: string;
  /** What is wrong, the value, and how to fix it. */
  message: string;
  /** A warning the user must not miss (the worm cannot move or sense): shown last and loud. */
  serious?: boolean;
}

/** Errors kept on one ConnectomeError; a table broken in more places than this is broken in the same few ways. */
export const MAX_PROBLEMS = 200;
const MAX_IN_MESSAGE = 50;

/** `file.csv:12: Number of Connections: "x" is not a number; ...` (compiler style, so editors can jump to it). */
export function formatProblem(p: ImportProblem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${at}: ${p.field === undefined ? '' : `${p.field}: `}${p.message}`;
}

export class ConnectomeError extends Error {
  constructor(
    readonly problems: readonly ImportProblem[],
    /** Problems found beyond MAX_PROBLEMS. */
    readonly omitted = 0,
  ) {
    super(formatProblems(problems, omitted));
    this.name = 'ConnectomeError';
  }
}

function formatProblems(problems: readonly ImportProblem[], omitted: number): string {
  const total = problems.length + omitted;
  const files = [...new Set(problems.map((p) => p.file))];
  const head = `${files.join(', ')}: ${total === 1 ? '1 problem' : `${total} problems`}; nothing was imported:`;
  const lines = problems.slice(0, MAX_IN_MESSAGE).map((p) => `  ${formatProblem(p)}`);
  const rest = total - Math.min(problems.length, MAX_IN_MESSAGE);
  if (rest > 0) lines.push(`  ... and ${rest} more`);
  return [head, ...lines].join('\n');
}

/** Collects errors and warnings; `fail()` throws all errors at once. */
export class ProblemLog {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  private dropped = 0;

  /** `files`: the order errors are reported in (the tables as given); other files follow in the order found. */
  constructor(private readonly files: readonly string[] = []) {}

  error(p: ImportProblem): void {
    if (this.errors.length < MAX_PROBLEMS) this.errors.push(p);
    else this.dropped++;
  }

  warn(p: ImportProblem): void {
    this.warnings.push(p);
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Throws the errors (in file and line order) if there are any. */
  throwIfFailed(): void {
    if (!this.failed) return;
    // Files in the order their first problem was found; within a file, by line.
    const fileOrder = new Map<string, number>(this.files.map((f, k) => [f, k]));
    for (const p of this.errors) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
    const sorted = this.errors
      .map((p, k) => ({ p, k }))
      .sort((a, b) => fileOrder.get(a.p.file)! - fileOrder.get(b.p.file)! || (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || a.k - b.k)
      .map((x) => x.p);
    throw new ConnectomeError(sorted, this.dropped);
  }
}
