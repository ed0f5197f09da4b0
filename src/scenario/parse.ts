/**
 * Parsing scenarios: YAML or JSON text → canonical Scenario, with errors that
 * carry file, line, field and fix. JSON is read by the same YAML parser (JSON
 * is YAML 1.2 flow syntax), so both formats get line numbers and
 * duplicate-key errors from one code path. Browser-safe: reading files is in
 * ./load (Node).
 */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { ScenarioIssue } from './errors';
import { ScenarioError } from './errors';
import { FIX_SEP, scenarioSchema } from './schema';
import type { Scenario } from './types';

/** Where a loaded scenario came from, for reference errors found later (validateRefs). */
export interface ScenarioSource {
  file: string;
  /** 1-based line and column of the value at a file-form path (or of its nearest existing parent). */
  locate(path: ReadonlyArray<string | number>): { line?: number; column?: number };
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
export interface LocatedText {
  value: unknown;
  locate(path: ReadonlyArray<string | number>, key?: boolean): { line?: number; column?: number };
}

/** Parse YAML or JSON text, keeping positions; syntax errors and duplicate keys throw a ScenarioError with lines. */
export function parseWithLines(text: string, file: string): LocatedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => {
        const pos = lineAt(e.pos[0]);
        return {
          path: [],
          line: pos.line,
          column: pos.col,
          message:
            e.code === 'DUPLICATE_KEY'
              ? 'a key appears twice in the same mapping'
              : /call stack/i.test(e.message)
                ? 'nested too deeply to read (thousands of brackets or indents)'
                : `not valid YAML/JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
          fix: e.code === 'DUPLICATE_KEY' ? 'keep one of the two keys' : 'fix the syntax at this line (indentation, brackets, quotes)',
        };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // An alias bomb (aliases of aliases that expand exponentially), refused before it expands.
    if (!(e instanceof ReferenceError)) throw e;
    let at: number | undefined;
    visit(doc, {
      Alias: (_k, node) => {
        at = node.range?.[0];
        return visit.BREAK;
      },
    });
    const pos = at !== undefined ? lineAt(at) : undefined;
    throw new ScenarioError(file, [
      {
        path: [],
        ...(pos && { line: pos.line, column: pos.col }),
        message: `its aliases (*name) expand to too many copies (more than ${MAX_ALIAS_COUNT} per anchor): a YAML "alias bomb"`,
        fix: 'write the values out, or use fewer aliases',
      },
    ]);
  }
  return { value, locate: (path, key = false) => locateIn(doc, path, key, lineAt) };
}

/** Copies one anchor may be expanded into (yaml's own guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;

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

/** Line and column of the node at path (its key when `key`), or of the deepest existing parent. */
function locateIn(
  doc: Document,
  path: ReadonlyArray<string | number>,
  key: boolean,
  lineAt: (offset: number) => { line: number; col: number },
): { line?: number; column?: number } {
  let node: unknown = doc.contents;
  let found: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
  for (let depth = 0; depth < path.length; depth++) {
    const step = path[depth];
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return (k && typeof k === 'object' && 'value' in k ? k.value : k) === step;
      });
      if (!pair) break;
      if (last && key && pair.key && typeof pair.key === 'object') {
        found = pair.key as YamlNode;
        break;
      }
      node = pair.value;
      // A key with no value (`tap:`) has a null value node: point at its key.
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode | null) ?? found;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      node = item;
      found = (item as YamlNode | null) ?? found;
    } else break;
  }
  const range = found?.range;
  if (!range) return {};
  const pos = lineAt(range[0]);
  return { line: pos.line, column: pos.col };
}
