/**
 * Running an experiment: one job per worm per group (the scenario runner's
 * jobs and worker pool), then the groups' statistics and the verdict of each
 * compare. summarizeExperiment is pure: the same job results give the same
 * numbers, whatever the number of workers that produced them.
 */
import type { Job } from '../scenario/jobs';
import type { JobResult } from '../scenario/report';
import { type CompareResult, evaluateCompare, type Term } from './compare';
import type { Experiment } from './load';
import { describeGroup, type GroupStats, statRng } from './stats';

export interface RunShape {
  /** Individuals per group (default: the file's worms). */
  worms?: number;
  /** First seed (default: the file's). */
  seed?: number;
  /** Record body points this often, ms (for WCON). */
  poseEveryMs?: number;
  /** Without poseEveryMs: record the first worm of each group this often, ms (the report's kymographs). */
  kymographEveryMs?: number;
}

/** The jobs of an experiment, group by group; worm i of every group has seed + i. */
export function experimentJobs(file: string, exp: Experiment, shape: RunShape = {}): Job[] {
  const worms = shape.worms ?? exp.worms;
  const seed = shape.seed ?? exp.seed;
  return exp.groups.flatMap((g) =>
    Array.from({ length: worms }, (_, i) => {
      // Every worm's body points for WCON; otherwise the first worm's alone, for the report's kymograph.
      const poseEveryMs = shape.poseEveryMs ?? (i === 0 ? shape.kymographEveryMs : undefined);
      return { file, group: g.name, scenario: g.scenario, seed: (seed + i) >>> 0, ...(poseEveryMs !== undefined && { poseEveryMs }) };
    }),
  );
}

export interface MeasureSummary {
  unit: string;
  /** Per worm, in seed order: the measured value (null: nothing to measure, or the run failed). */
  values: Array<number | null>;
  /** Per worm: whether it met the measure's bound. */
  passes: boolean[];
  /** Share of worms that met the bound. */
  passRate: number;
  stats: GroupStats;
}

export interface GroupSummary {
  name: string;
  description?: string;
  seeds: number[];
  /** Per worm: whether its run finished (a run that did not has no values). */
  finished: boolean[];
  /** Runs that could not finish (bad reference, unstable simulation), with why. */
  errors: string[];
  measures: Record<string, MeasureSummary>;
}

export interface ExperimentResult {
  file: string;
  name: string;
  seed: number;
  worms: number;
  individual: boolean;
  groups: GroupSummary[];
  compare: CompareResult[];
  /** Every compare passed and every run finished. */
  pass: boolean;
  /** Simulated worm-time, ms, summed over the runs. */
  simMs: number;
}

const numeric = (v: number | string | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function summarizeExperiment(file: string, exp: Experiment, results: readonly JobResult[], shape: RunShape = {}): ExperimentResult {
  const seed = shape.seed ?? exp.seed;
  let simMs = 0;
  const groups: GroupSummary[] = exp.groups.map((g, gi) => {
    const runs = results.filter((r) => r.group === g.name);
    const errors = runs.flatMap((r) => {
      const why = r.error ?? r.report?.error;
      return why !== undefined ? [`seed ${r.seed}: ${why}`] : [];
    });
    for (const r of runs) simMs += r.report?.simMs ?? 0;
    const finished = runs.map((r) => r.error === undefined && r.report !== undefined && r.report.error === undefined);
    const measures: Record<string, MeasureSummary> = {};
    exp.measures.forEach((m, mi) => {
      const found = runs.map((r) => r.report?.expectations.find((e) => e.name === m));
      const values = found.map((e, i) => (finished[i] ? numeric(e?.measured) : null));
      const passes = found.map((e, i) => finished[i]! && e?.pass === true);
      measures[m] = {
        unit: found.find((e) => e !== undefined)?.unit ?? '',
        values,
        passes,
        passRate: passes.length ? passes.filter(Boolean).length / passes.length : 0,
        stats: describeGroup(values, 'mean', statRng(seed, gi, mi)),
      };
    });
    return { name: g.name, ...(g.description !== undefined && { description: g.description }), seeds: runs.map((r) => r.seed), finished, errors, measures };
  });
  const values = (t: Term): Array<number | null> => {
    const g = groups.find((x) => x.name === t.group);
    const m = g?.measures[t.measure];
    if (!g || !m) return [];
    return t.pass ? m.passes.map((p, i) => (g.finished[i] ? (p ? 1 : 0) : null)) : m.values;
  };
  const compare = exp.compare.map((c, i) => evaluateCompare(c, values, seed, i));
  return {
    file,
    name: exp.name,
    seed,
    worms: shape.worms ?? exp.worms,
    individual: exp.individual,
    groups,
    compare,
    pass: compare.every((c) => c.pass) && groups.every((g) => g.errors.length === 0),
    simMs,
  };
}
