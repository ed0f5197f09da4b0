/**
 * ArenaError: every problem in an arena file as `file:line: path: what is
 * wrong (got X); the fix`, all problems at once, through the one diagnostics
 * layer (src/text/diagnostics.ts).
 */
import { DiagnosticError, type Issue } from '../text/diagnostics';

export type { Path as JsonPath } from '../text/diagnostics';
export type ArenaIssue = Issue;

/** Issues spelled out in the error's message; the rest are counted. */
export const MAX_ISSUES_IN_MESSAGE = 30;

export class ArenaError extends DiagnosticError {
  constructor(fileName: string, issues: readonly ArenaIssue[]) {
    super(fileName, issues, { what: 'arena file', max: MAX_ISSUES_IN_MESSAGE });
    this.name = 'ArenaError';
  }

  get fileName(): string {
    return this.file;
  }
}
