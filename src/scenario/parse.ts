/**
 * Parsing scenarios: YAML or JSON text → canonical Scenario, with errors that
 * carry file, line, field and fix. JSON is read by the same YAML parser (JSON
 * is YAML 1.2 flow syntax), so both formats get line numbers and
 * duplicate-key errors from one code path. Browser-safe: reading files is in
 * ./load (Node).
 */
import type { z } from 'zod';
import { type LocatedText, readYaml } from '../text/located';
import type { ScenarioIssue } from './errors';
import { ScenarioError } from './errors';
import { FIX_SEP, scenarioSchema } from './schema';
import type { Scenario } from './types';

/** Where a loaded scenario came from, for reference errors found later (validateRefs). */
export interface ScenarioSource {
  file: string;
  /** 1-based line and column of the value at a file-form path (or of its nearest existing parent). */
  locate(path: ReadonlyArray<string | number>): { line?: number; column?: number } | undefined;
  /** Index in the file's timeline of canonical timeline item i (the file also has wait items). */
  fileTimelineIndex(i: number): number;
}

const sources = new WeakMap<Scenario, ScenarioSource>();

/** The file a scenario was loaded from, if it was. */
export function sourceOf(scenario: Scenario): ScenarioSource | undefined {
  return sources.get(scenario);
}

/** File names the runner picks up from folders. */
export const SCENARIO_FILE_RE = /\.scenario\.(ya?ml|json)$/i;

/** Text parsed with positions: the plain value and where each path is in the text. */
export type { LocatedText } from '../text/located';

/** Parse YAML or JSON text, keeping positions; syntax errors, duplicate keys and alias bombs throw a ScenarioError with lines. */
export function parseWithLines(text: string, file: string): LocatedText {
  const read = readYaml(text);
  if (!read.text) throw new ScenarioError(file, read.issues);
  return read.text;
}

/** Zod issues → ScenarioIssues with lines (the message's fix split off at FIX_SEP). */
export function issuesWithLines(issues: readonly z.core.$ZodIssue[], locate: LocatedText['locate']): ScenarioIssue[] {
  return dedupe(
    issues.map((iss) => {
      const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const unknownKey = iss.code === 'unrecognized_keys' ? String(iss.keys[0]) : undefined;
      const fullPath = unknownKey !== undefined ? [...path, unknownKey] : path;
      const [message, fix] = splitFix(iss.message);
      return { path: fullPath, ...locate(fullPath, unknownKey !== undefined), message, fix };
    }),
  );
}

/** Parse scenario text. `file` is only used in messages. */
export function parseScenario(text: string, file = '<scenario>'): Scenario {
  const { value: raw, locate } = parseWithLines(text, file);
  return parseScenarioValue(raw, file, locate);
}

/**
 * Parse a scenario already read from a file (an experiment holds one inline):
 * `locate` places the scenario's own paths in that file's text.
 */
export function parseScenarioValue(raw: unknown, file: string, locate: LocatedText['locate']): Scenario {
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ScenarioError(file, issuesWithLines(result.error.issues, locate));
  const scenario = result.data;
  const rawTimeline = (raw as { timeline?: Array<Record<string, unknown>> }).timeline ?? [];
  const actionIndices = rawTimeline.flatMap((item, i) => (item.wait === undefined ? [i] : []));
  sources.set(scenario, { file, locate: (path) => locate(path), fileTimelineIndex: (i) => actionIndices[i] ?? i });
  return scenario;
}

function splitFix(message: string): [string, string] {
  const i = message.indexOf(FIX_SEP);
  if (i >= 0) return [message.slice(0, i), message.slice(i + FIX_SEP.length)];
  return [message, 'see docs/scenarios.md for this field'];
}

/** Zod reports some problems twice (e.g. a union); keep one per path and message. */
function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path.join('.')}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
