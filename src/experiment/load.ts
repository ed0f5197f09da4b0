/**
 * Reading experiment files: YAML or JSON text → Experiment (one Scenario per
 * group, the measures, the compares), every problem with file, line, field
 * and fix before anything runs. Variants are read by the scenario schema
 * (variant.ts), compares by compare.ts; their names are checked here.
 */
import { existsSync } from 'node:fs';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { resolveCircuitPath } from '../scenario/load';
import { issuesWithLines, parseScenarioValue, parseWithLines } from '../scenario/parse';
import type { Scenario } from '../scenario/types';
import { isCircuitPath } from '../scenario/types';
import { suggest } from '../scenario/fields';
import { FileReadError, readTextFile } from '../text/files';
import type { LocatedText } from '../text/located';
import { type CompareSpec, COMPARE_FORMS, parseCompare, type Term } from './compare';
import { EXPERIMENT_FORMAT, EXPERIMENT_OWNED, EXPERIMENT_VERSION, experimentDocSchema, type VariantDoc } from './schema';
import { variantScenario } from './variant';

export const EXPERIMENT_FILE_RE = /\.experiment\.(ya?ml|json)$/i;
export const DEFAULT_WORMS = 20;

export interface Group {
  name: string;
  description?: string;
  scenario: Scenario;
}

export interface Experiment {
  name: string;
  description?: string;
  /** First seed: worm i of every group is seed + i (the same individual, treated differently). */
  seed: number;
  worms: number;
  individual: boolean;
  /** Measure names, in file order: each group's scenario has one expectation per measure, named so. */
  measures: string[];
  groups: Group[];
  compare: CompareSpec[];
}

function header(raw: unknown): Omit<ScenarioIssue, 'line' | 'column'>[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [
      {
        path: [],
        message: 'an experiment file holds a mapping',
        fix: `start the file with "format: ${EXPERIMENT_FORMAT}" and "version: ${EXPERIMENT_VERSION}"`,
      },
    ];
  const doc = raw as Record<string, unknown>;
  const out: Omit<ScenarioIssue, 'line' | 'column'>[] = [];
  if (doc.format !== EXPERIMENT_FORMAT)
    out.push({
      path: ['format'],
      message: doc.format === undefined ? 'missing format' : `format ${JSON.stringify(doc.format)} is not an experiment`,
      fix: `write format: ${EXPERIMENT_FORMAT}${doc.format === 'neuroworm-scenario' ? ' (or run a scenario with neuroworm scenario run)' : ''}`,
    });
  if (doc.version !== EXPERIMENT_VERSION)
    out.push({
      path: ['version'],
      message: doc.version === undefined ? 'missing version' : `version ${JSON.stringify(doc.version)} is not supported`,
      fix:
        typeof doc.version === 'number' && doc.version > EXPERIMENT_VERSION
          ? `this neuroworm reads version ${EXPERIMENT_VERSION}; update neuroworm`
          : `write version: ${EXPERIMENT_VERSION}`,
    });
  return out;
}

/** Parse experiment text. `file` names it in messages and anchors circuit paths. */
export function parseExperiment(text: string, file = '<experiment>'): Experiment {
  const { value: raw, locate } = parseWithLines(text, file);
  const at = (i: Omit<ScenarioIssue, 'line' | 'column'>): ScenarioIssue => ({ ...i, ...locate(i.path) });
  const head = header(raw);
  if (head.length) throw new ScenarioError(file, head.map(at));
  const r = experimentDocSchema.safeParse(raw, { reportInput: true });
  if (!r.success) throw new ScenarioError(file, issuesWithLines(r.error.issues, locate));
  const doc = r.data;
  const base = doc.scenario as Record<string, unknown>;
  const owned = EXPERIMENT_OWNED.filter((k) => base[k] !== undefined);
  if (owned.length)
    throw new ScenarioError(
      file,
      owned.map((k) =>
        at({
          path: ['scenario', k],
          message: `"${k}" belongs to the experiment, not to its scenario`,
          fix: k === 'expect' ? 'name what to measure under measure: (each worm is measured; compare: judges the groups)' : `move ${k} to the top of the file`,
        }),
      ),
    );

  const seed = doc.seed ?? 1;
  const individual = doc.individual ?? true;
  const measures = doc.measure as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const keep = (list: readonly ScenarioIssue[]) => {
    for (const i of list) {
      const k = `${i.line}:${i.column}:${i.message}`;
      if (!seen.has(k)) {
        seen.add(k);
        issues.push(i);
      }
    }
  };
  const groups: Group[] = [];
  for (const [name, v] of Object.entries(doc.variants)) {
    const variant = (v ?? {}) as VariantDoc;
    const made = variantScenario({ experimentName: doc.name, seed, individual, base, measures, name, variant });
    keep(made.issues.map(at));
    const mapped: LocatedText['locate'] = (path, key) => locate(made.origin(path), key);
    try {
      const scenario = parseScenarioValue(made.doc, file, mapped);
      groups.push({ name, ...(typeof variant.description === 'string' && { description: variant.description }), scenario });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      keep(e.issues.map((i) => ({ ...i, path: made.origin(i.path) })));
    }
  }
  const compare = checkCompares(doc.compare ?? [], Object.keys(doc.variants), Object.keys(measures), (i) => keep([at(i)]));
  if (issues.length) throw new ScenarioError(file, issues);
  return {
    name: doc.name,
    ...(doc.description !== undefined && { description: doc.description }),
    seed,
    worms: doc.worms ?? DEFAULT_WORMS,
    individual,
    measures: Object.keys(measures),
    groups,
    compare,
  };
}

function checkCompares(
  items: NonNullable<(typeof experimentDocSchema)['_output']['compare']>,
  groups: readonly string[],
  measures: readonly string[],
  issue: (i: Omit<ScenarioIssue, 'line' | 'column'>) => void,
): CompareSpec[] {
  const out: CompareSpec[] = [];
  items.forEach((item, i) => {
    const path = ['compare', i, 'that'];
    const parsed = parseCompare(item.that);
    if ('problem' in parsed) return issue({ path, message: parsed.problem, fix: `write ${COMPARE_FORMS}` });
    const s = parsed.spec;
    let ok = true;
    const checkTerm = (t: Term) => {
      if (!groups.includes(t.group)) {
        ok = false;
        const near = suggest(t.group, groups);
        issue({ path, message: `no group "${t.group}"`, fix: `${near ? `did you mean "${near}"? ` : ''}groups (variants) here: ${groups.join(', ')}` });
      }
      if (!measures.includes(t.measure)) {
        ok = false;
        const near = suggest(t.measure, measures);
        issue({ path, message: `no measure "${t.measure}"`, fix: `${near ? `did you mean "${near}"? ` : ''}measures here: ${measures.join(', ')}` });
      }
    };
    checkTerm(s.a);
    checkTerm(s.b);
    if (ok && s.a.group === s.b.group)
      issue({ path, message: `"${item.that}" compares group ${s.a.group} with itself`, fix: 'compare two different groups (variants)' });
    if (ok && s.a.measure !== s.b.measure)
      issue({ path, message: `"${item.that}" compares different measures (${s.a.measure}, ${s.b.measure})`, fix: 'compare one measure across two groups' });
    out.push({
      ...s,
      statistic: item.statistic ?? 'mean',
      ...(item.p !== undefined && { alpha: item.p }),
      ...(item.name !== undefined && { name: item.name }),
    });
  });
  return out;
}

/** Read and parse an experiment file; a circuit file a group names must exist beside it. */
export function loadExperimentFile(path: string): Experiment {
  let text: string;
  try {
    text = readTextFile(path, 'scenario');
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    throw new ScenarioError(path, [
      { path: [], message: `cannot read the experiment file: ${e.reason}`, fix: 'give the path of an experiment file (*.experiment.yaml)' },
    ]);
  }
  const exp = parseExperiment(text, path);
  for (const g of exp.groups)
    if (isCircuitPath(g.scenario.circuit) && !existsSync(resolveCircuitPath(g.scenario, path)))
      throw new ScenarioError(path, [
        {
          path: ['scenario', 'circuit'],
          message: `circuit file ${resolveCircuitPath(g.scenario, path)} (group ${g.name}) does not exist`,
          fix: 'circuit paths are relative to the experiment file; or use a built-in circuit name',
        },
      ]);
  return exp;
}
