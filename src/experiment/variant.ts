/**
 * One variant of an experiment as a scenario: the base scenario's file form
 * with the variant's changes applied (fields replaced, ablations, cuts and
 * parameter settings as timeline items at t = 0 ahead of the base timeline, a
 * train's interval changed, labelled items left out for a sham control) and the
 * measures as named expectations. It is
 * then read by the scenario schema itself; `origin` maps each path of the
 * scenario it makes back to the place in the experiment file that wrote it,
 * so every problem is reported at its line there.
 */
import type { Path } from '../text/diagnostics';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario/types';
import type { ScenarioIssue } from '../scenario/errors';
import type { VariantDoc } from './schema';

type Doc = Record<string, unknown>;

export interface VariantScenario {
  /** The scenario's file form. */
  doc: Doc;
  /** Scenario path → the experiment file's path that wrote it. */
  origin(path: Path): Path;
  /** Problems found while applying the variant (before the scenario schema runs). */
  issues: ScenarioIssue[];
}

const REPLACED = ['description', 'circuit', 'arena', 'medium', 'duration', 'worm'] as const;
const EDITS = ['ablate', 'cut', 'set'] as const;

export interface VariantInput {
  experimentName: string;
  seed: number;
  individual: boolean;
  base: Doc;
  measures: Record<string, unknown>;
  name: string;
  variant: VariantDoc;
}

/** The scenario of one variant. */
export function variantScenario(input: VariantInput): VariantScenario {
  const { base, name, variant } = input;
  const here: Path = ['variants', name];
  const issues: ScenarioIssue[] = [];
  const extra: Path[] = [];
  const items: Doc[] = [];
  for (const edit of EDITS) {
    const list = variant[edit];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({
        path: [...here, edit],
        message: `${edit} must be a list`,
        fix:
          edit === 'ablate'
            ? 'write ablate: [AVA, AVD]'
            : edit === 'cut'
              ? 'write cut: [{from: AVD, to: AVA}]'
              : 'write set: [{neuron: AVA, param: tauMs, value: 20}]',
      });
      continue;
    }
    list.forEach((v, j) => {
      extra.push([...here, edit, j]);
      items.push({ at: 0, [edit]: edit === 'ablate' ? { neuron: v } : v });
    });
  }
  const baseTimeline = Array.isArray(base.timeline) ? (base.timeline as Doc[]).map((t) => ({ ...t })) : base.timeline;
  const everyOf = new Map<number, string>();
  if (variant.every !== undefined) {
    const every = variant.every;
    if (every === null || typeof every !== 'object' || Array.isArray(every))
      issues.push({ path: [...here, 'every'], message: 'every must be a mapping of train labels to intervals', fix: 'write every: {taps: 10s}' });
    else
      for (const [label, interval] of Object.entries(every)) {
        const i = Array.isArray(baseTimeline) ? baseTimeline.findIndex((t) => t && typeof t === 'object' && t.label === label) : -1;
        if (i < 0) {
          const labels = Array.isArray(baseTimeline) ? baseTimeline.flatMap((t) => (typeof t?.label === 'string' ? [t.label] : [])) : [];
          issues.push({
            path: [...here, 'every', label],
            message: `no timeline item of the base scenario is labelled "${label}"`,
            fix: labels.length ? `labels there: ${labels.join(', ')}` : 'label the repeated item in scenario.timeline',
          });
        } else if ((baseTimeline as Doc[])[i]!.times === undefined) {
          issues.push({
            path: [...here, 'every', label],
            message: `"${label}" is not repeated`,
            fix: 'every changes the interval of a train: an item with every and times',
          });
        } else {
          (baseTimeline as Doc[])[i]!.every = interval;
          everyOf.set(i, label);
        }
      }
  }
  const kept = omitItems(baseTimeline, variant.omit, here, issues);
  const timeline = Array.isArray(baseTimeline) ? kept.map((i) => (baseTimeline as Doc[])[i]!) : baseTimeline;
  const measureNames = Object.keys(input.measures);
  const doc: Doc = {
    ...base,
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: `${input.experimentName} [${name}]`,
    seed: input.seed,
    individual: input.individual,
    ...Object.fromEntries(REPLACED.filter((f) => variant[f] !== undefined).map((f) => [f, variant[f]])),
    ...((items.length > 0 || timeline !== undefined) && {
      timeline: Array.isArray(timeline) ? [...items, ...timeline] : items.length ? items : timeline,
    }),
    expect: measureNames.map((m) => ({ name: m, ...(input.measures[m] as Doc) })),
  };
  const origin = (path: Path): Path => {
    const [head, i, ...rest] = path;
    if (head === 'timeline' && typeof i === 'number') {
      if (i < extra.length) return rest[0] === 'ablate' ? extra[i]! : [...extra[i]!, ...rest.slice(1)];
      const b = kept[i - extra.length] ?? i - extra.length;
      // A train whose interval the variant changed: its timing problems are the variant's.
      if (everyOf.has(b) && (rest[0] === 'every' || rest[0] === 'at' || rest[0] === 'times')) return [...here, 'every', everyOf.get(b)!];
      return ['scenario', 'timeline', b, ...rest];
    }
    if (head === 'expect' && typeof i === 'number')
      return rest[0] === 'name' || rest.length === 0 ? ['measure', measureNames[i]!] : ['measure', measureNames[i]!, ...rest];
    if (typeof head === 'string' && (REPLACED as readonly string[]).includes(head) && variant[head as (typeof REPLACED)[number]] !== undefined)
      return [...here, ...path];
    if (head === 'name' || head === 'seed' || head === 'individual') return [head];
    if (head === undefined || head === 'format' || head === 'version') return [];
    return ['scenario', ...path];
  };
  return { doc, origin, issues };
}

/**
 * The base timeline's indices a variant keeps after `omit: [label, …]` (every index when it omits nothing). An
 * omitted item must not move the items after it: only a single item placed by the cursor can go, or one followed by
 * nothing that reads the cursor before the next item placed with `at`, so the control's stimuli fall when the
 * treated group's do.
 */
function omitItems(timeline: unknown, omit: unknown, here: Path, issues: ScenarioIssue[]): number[] {
  const items = Array.isArray(timeline) ? (timeline as unknown[]) : [];
  const all = items.map((_, i) => i);
  if (omit === undefined) return all;
  if (!Array.isArray(omit) || omit.some((l) => typeof l !== 'string')) {
    issues.push({ path: [...here, 'omit'], message: 'omit must be a list of timeline labels', fix: 'write omit: [tail]' });
    return all;
  }
  const labelOf = (t: unknown) => (t && typeof t === 'object' && typeof (t as Doc).label === 'string' ? ((t as Doc).label as string) : undefined);
  const gone = new Set<number>();
  omit.forEach((label: string, j) => {
    const i = items.findIndex((t) => labelOf(t) === label);
    if (i < 0) {
      const labels = items.flatMap((t) => labelOf(t) ?? []);
      issues.push({
        path: [...here, 'omit', j],
        message: `no timeline item of the base scenario is labelled "${label}"`,
        fix: labels.length ? `labels there: ${labels.join(', ')}` : 'label the item to leave out in scenario.timeline',
      });
      return;
    }
    const t = items[i] as Doc;
    const next = items.findIndex((u, k) => k > i && u !== null && typeof u === 'object' && (u as Doc).at !== undefined);
    const readsCursor = items.slice(i + 1, next < 0 ? undefined : next).length > 0;
    if ((t.at !== undefined || t.times !== undefined) && readsCursor)
      issues.push({
        path: [...here, 'omit', j],
        message: `leaving out "${label}" would move the items after it (they are placed from its ${t.times !== undefined ? 'last repetition' : 'at'})`,
        fix: 'give the next item an at, or omit a single item placed by the cursor',
      });
    else gone.add(i);
  });
  return all.filter((i) => !gone.has(i));
}
