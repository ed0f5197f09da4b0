/**
 * Fitness: how well a circuit does what the spec's scenarios expect, over
 * the selection seeds. A pure function of (genome, scenarios, seeds): every
 * run is deterministic, and runs are combined in a fixed order, so the value
 * is the same whichever thread or machine ran which run.
 *
 *   run score      = mean over the scenario's expectations of a shaped score:
 *                    1 if it passed, else up to 0.5 the closer the measured
 *                    value came to its bound (0 when nothing was measured);
 *                    `unstable` (default −1) if the simulation blew up
 *   genome fitness = Σ_s w_s · mean over seeds of run score_s / Σ_s w_s
 *                    − perLink × enabled topology links
 *
 * So 1 means every expectation passed on every seed, and a silent worm
 * scores ≥ 0 while an unstable one scores below it. The partial credit gives
 * the optimisers a slope to climb where pass/fail alone would be flat.
 */
import type { ExpectationResult } from '../scenario/expectations';
import { circuitOf, runOn, type Scenario } from './adapters';
import { type Phenotype, phenotype } from './phenotype';
import type { Genome } from './genome';

/** The most a failed expectation can score. */
export const PARTIAL_MAX = 0.5;

/** The numeric interval a result's readable bound stands for ("≤ 1500", "0.1 .. 0.3", "= 0"), or null for a non-numeric one. */
export function parseBound(bound: string): { lo: number; hi: number } | null {
  const s = bound.trim();
  const range = /^(-?[\d.e+-]+)\s*\.\.\s*(-?[\d.e+-]+)$/.exec(s);
  if (range) return { lo: Number(range[1]), hi: Number(range[2]) };
  const one = /^(≤|<|≥|>|=)\s*(-?[\d.e+-]+)$/.exec(s);
  if (!one) return null;
  const v = Number(one[2]);
  if (!Number.isFinite(v)) return null;
  if (one[1] === '≤' || one[1] === '<') return { lo: -Infinity, hi: v };
  if (one[1] === '≥' || one[1] === '>') return { lo: v, hi: Infinity };
  return { lo: v, hi: v };
}

/**
 * 1 for a pass; for a failure PARTIAL_MAX / (1 + d/s), d the distance to the
 * nearest bound b and s = |b| (when b is 0: the other bound's size, else 1);
 * 0 when nothing was measured. Hyperbolic rather than exponential, so a value
 * far from its bound still feels which way is better.
 */
export function expectationScore(r: Pick<ExpectationResult, 'pass' | 'measured' | 'bound'>): number {
  if (r.pass) return 1;
  const m = r.measured;
  if (typeof m !== 'number' || !Number.isFinite(m)) return 0;
  const b = parseBound(r.bound);
  if (!b) return 0;
  const nearest = Math.min(Math.max(m, b.lo), b.hi);
  const d = Math.abs(m - nearest);
  const other = nearest === b.lo ? b.hi : b.lo;
  const scale = Math.abs(nearest) || (Number.isFinite(other) && other !== 0 ? Math.abs(other) : 1);
  return PARTIAL_MAX / (1 + d / scale);
}

/** What one run contributes, small enough to send between threads and machines. */
export interface RunScore {
  score: number;
  pass: boolean;
  unstable: boolean;
  /** Shaped score of each expectation (empty when the run could not finish). */
  expectations: number[];
  /** Simulated ms run. */
  simMs: number;
  /** Why the run failed to finish or the circuit was refused. */
  error?: string;
}

/** Everything evaluation needs besides the genome: plain data, shipped once to each worker. */
export interface EvalContext {
  /** Identifies this context (a hash of its JSON), so workers can cache it. */
  id: string;
  scenarios: Scenario[];
  /** Score of an unstable run. */
  unstable: number;
  phenotype: Phenotype;
}

/** One run: a genome on one scenario with one seed. */
export interface EvalJob {
  genome: Genome;
  scenario: number;
  seed: number;
}

export function scoreRun(ctx: EvalContext, job: EvalJob): RunScore {
  let circuit: ReturnType<typeof circuitOf>;
  try {
    circuit = circuitOf(phenotype(ctx.phenotype, job.genome));
  } catch (e) {
    return {
      score: ctx.unstable,
      pass: false,
      unstable: true,
      expectations: [],
      simMs: 0,
      error: `the genome makes an invalid circuit: ${(e as Error).message}`,
    };
  }
  const report = runOn(circuit, ctx.scenarios[job.scenario], job.seed);
  if (report.error !== undefined) return { score: ctx.unstable, pass: false, unstable: true, expectations: [], simMs: report.simMs, error: report.error };
  const expectations = report.expectations.map(expectationScore);
  const score = expectations.length === 0 ? 1 : expectations.reduce((a, b) => a + b, 0) / expectations.length;
  return { score, pass: report.pass, unstable: false, expectations, simMs: report.simMs };
}

/** The runs of one genome, in the order genomeJobs lists them. */
export function genomeJobs(genome: Genome, scenarios: number, seeds: readonly number[]): EvalJob[] {
  const jobs: EvalJob[] = [];
  for (let s = 0; s < scenarios; s++) for (const seed of seeds) jobs.push({ genome, scenario: s, seed });
  return jobs;
}

export interface GenomeFitness {
  fitness: number;
  /** Runs that passed every expectation, of all runs. */
  passed: number;
  runs: number;
  unstable: number;
  simMs: number;
  /** Mean run score per scenario. */
  perScenario: number[];
}

/** Combine a genome's runs (as genomeJobs ordered them) into its fitness. */
export function combine(runs: readonly RunScore[], weights: readonly number[], seeds: number, links: number, perLink: number): GenomeFitness {
  const perScenario = weights.map((_, s) => {
    let sum = 0;
    for (let k = 0; k < seeds; k++) sum += runs[s * seeds + k].score;
    return sum / seeds;
  });
  const wsum = weights.reduce((a, b) => a + b, 0);
  let f = 0;
  perScenario.forEach((v, s) => (f += weights[s] * v));
  return {
    fitness: f / wsum - perLink * links,
    passed: runs.filter((r) => r.pass).length,
    runs: runs.length,
    unstable: runs.filter((r) => r.unstable).length,
    simMs: runs.reduce((a, r) => a + r.simMs, 0),
    perScenario,
  };
}
