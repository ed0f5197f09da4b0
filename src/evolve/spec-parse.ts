/**
 * Reading an evolution spec's text: YAML or JSON with line numbers (the
 * scenario format's parser), validated by spec-schema.ts. Every problem names
 * the file, the line, the field and the fix. Browser-safe.
 */
import { ScenarioError } from '../scenario/errors';
import { issuesWithLines, type LocatedText, parseWithLines } from '../scenario/parse';
import { DiagnosticError, type Issue } from '../text/diagnostics';
import type { EvolveSpec } from './spec';
import { evolveSpecSchema } from './spec-schema';

export class EvolveSpecError extends DiagnosticError {
  constructor(file: string, issues: readonly Issue[]) {
    super(file, issues);
    this.name = 'EvolveSpecError';
  }
}

export interface ParsedSpec {
  spec: EvolveSpec;
  file: string;
  /** Line (and column) of a field of the file, for problems found later. */
  locate: LocatedText['locate'];
}

/** Spec files the command accepts. */
export const EVOLVE_FILE_RE = /\.evolve\.(ya?ml|json)$/i;

export function parseEvolveSpec(text: string, file: string): ParsedSpec {
  let located: LocatedText;
  try {
    located = parseWithLines(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw new EvolveSpecError(file, e.issues);
    throw e;
  }
  const r = evolveSpecSchema.safeParse(located.value, { reportInput: true });
  if (!r.success) throw new EvolveSpecError(file, issuesWithLines(r.error.issues, located.locate));
  return { spec: r.data, file, locate: located.locate };
}
