/**
 * Errors in scenario files: every problem names the file, the line, the
 * field (as a path like timeline[2].poke.position) and the fix, through the
 * one diagnostics layer (src/text/diagnostics.ts).
 */
import { DiagnosticError, type Issue } from '../text/diagnostics';

export type ScenarioIssue = Issue;

export class ScenarioError extends DiagnosticError {
  constructor(file: string, issues: readonly ScenarioIssue[]) {
    // No heading: a scenario's issues are also quoted one by one in run reports and JUnit messages.
    super(file, issues);
    this.name = 'ScenarioError';
  }
}
