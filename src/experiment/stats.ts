/**
 * The statistics of an experiment: a group's summary (mean, median, SD,
 * bootstrap 95 % CI) and a comparison of two groups (the difference or ratio
 * of their statistic with its bootstrap 95 % CI, Cliff's delta, and a
 * two-sided permutation test's p). simple-statistics does the arithmetic;
 * every resampling draws from one Rng seeded from the run's seed, so the same
 * values and seed give the same numbers bit for bit.
 */
import { mean, median, permutationTest, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { Rng } from '../neural/rng';

export type Statistic = 'mean' | 'median' | 'chemotaxisIndex';

/** Resamples of the bootstrap and permutations of the test: enough that p and the CI ends move by < 0.01 between seeds. */
export const BOOTSTRAP_RESAMPLES = 2000;
export const PERMUTATIONS = 5000;

export interface GroupStats {
  /** Worms with a value. */
  n: number;
  /** Worms whose measure had no value (e.g. no reversal to time). */
  missing: number;
  mean: number | null;
  median: number | null;
  /** Sample SD (n − 1); null below two values. */
  sd: number | null;
  /** Bootstrap 95 % CI (percentile) of the group's statistic; null below two values. */
  ci: [number, number] | null;
}

/**
 * Bargmann's chemotaxis index over a population, (A − C) / (A + C): A the
 * worms whose value is above 0 (e.g. got closer to the attractant), C those
 * below 0; worms at 0 count in neither. NaN when every value is 0.
 */
export function chemotaxisIndex(x: readonly number[]): number {
  let a = 0;
  let c = 0;
  for (const v of x) {
    if (v > 0) a++;
    else if (v < 0) c++;
  }
  return a + c === 0 ? Number.NaN : (a - c) / (a + c);
}

const stat = (s: Statistic): ((x: number[]) => number) => (s === 'mean' ? mean : s === 'median' ? median : chemotaxisIndex);

/** Only the numbers (null and NaN are missing values). */
export function present(values: ReadonlyArray<number | null>): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** One resample with replacement. */
function resample(x: readonly number[], rng: Rng): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[rng.int(x.length)]!;
  return out;
}

/** Percentile interval of bootstrap replicates: the 2.5th and 97.5th percentiles; null when no replicate is finite. */
function percentile95(reps: number[]): [number, number] | null {
  const finite = reps.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  return [quantileSorted(finite, 0.025), quantileSorted(finite, 0.975)];
}

export function describeGroup(values: ReadonlyArray<number | null>, statistic: Statistic, rng: Rng): GroupStats {
  const x = present(values);
  const missing = values.length - x.length;
  if (x.length === 0) return { n: 0, missing, mean: null, median: null, sd: null, ci: null };
  const f = stat(statistic);
  let ci: [number, number] | null = null;
  if (x.length >= 2) {
    const reps = new Array<number>(BOOTSTRAP_RESAMPLES);
    for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) reps[b] = f(resample(x, rng));
    ci = percentile95(reps);
  }
  return { n: x.length, missing, mean: mean(x), median: median(x), sd: x.length >= 2 ? sampleStandardDeviation(x) : null, ci };
}

/**
 * Cliff's delta: P(a > b) − P(a < b) over all pairs, −1..1; 0 for groups that
 * do not differ. Robust to ties and to zero spread (clones), where Cohen's d
 * divides by zero.
 */
export function cliffsDelta(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return Number.NaN;
  let gt = 0;
  let lt = 0;
  for (const x of a)
    for (const y of b) {
      if (x > y) gt++;
      else if (x < y) lt++;
    }
  return (gt - lt) / (a.length * b.length);
}

/** Cliff's delta in words (Romano et al. 2006's thresholds 0.147, 0.33, 0.474). */
export function cliffsMagnitude(d: number): 'negligible' | 'small' | 'medium' | 'large' {
  const m = Math.abs(d);
  return m < 0.147 ? 'negligible' : m < 0.33 ? 'small' : m < 0.474 ? 'medium' : 'large';
}

export type Contrast = 'difference' | 'ratio';

export interface ComparisonStats {
  /** statistic(a) − statistic(b), or statistic(a) / statistic(b). */
  estimate: number | null;
  /** Bootstrap 95 % CI of the estimate (each group resampled on its own). */
  ci: [number, number] | null;
  cliffsDelta: number | null;
  /** Two-sided permutation test on the difference of means; 1 when the pooled values are all equal. */
  p: number | null;
}

function contrast(kind: Contrast, sa: number, sb: number): number {
  return kind === 'difference' ? sa - sb : sa / sb;
}

/** Compare group a with group b. Needs a value in each group; the CI needs two in each. */
export function compareGroups(
  aValues: ReadonlyArray<number | null>,
  bValues: ReadonlyArray<number | null>,
  kind: Contrast,
  statistic: Statistic,
  rng: Rng,
): ComparisonStats {
  const a = present(aValues);
  const b = present(bValues);
  if (a.length === 0 || b.length === 0) return { estimate: null, ci: null, cliffsDelta: null, p: null };
  const f = stat(statistic);
  const estimate = contrast(kind, f(a), f(b));
  let ci: [number, number] | null = null;
  if (a.length >= 2 && b.length >= 2) {
    const reps = new Array<number>(BOOTSTRAP_RESAMPLES);
    for (let i = 0; i < BOOTSTRAP_RESAMPLES; i++) reps[i] = contrast(kind, f(resample(a, rng)), f(resample(b, rng)));
    ci = percentile95(reps);
  }
  return { estimate: Number.isFinite(estimate) ? estimate : null, ci, cliffsDelta: cliffsDelta(a, b), p: permutationP(a, b, rng) };
}

/**
 * Two-sided permutation test (simple-statistics' permutationTest on the
 * difference of means, drawing from rng). Identical pooled values cannot
 * differ: p = 1 without drawing. p is never reported as 0: with k
 * permutations the smallest p the test can show is 1/k.
 */
export function permutationP(a: readonly number[], b: readonly number[], rng: Rng): number {
  const pooled = [...a, ...b];
  if (pooled.every((v) => v === pooled[0])) return 1;
  const p = permutationTest([...a], [...b], 'two_side', PERMUTATIONS, () => rng.next());
  return Math.max(p, 1 / PERMUTATIONS);
}

/** The Rng of one statistic of a run: the run's seed mixed with the statistic's place, so adding a compare changes no other number. */
export function statRng(seed: number, ...place: number[]): Rng {
  let h = seed >>> 0;
  for (const p of place) h = (Math.imul(h ^ (p + 0x9e3779b9), 0x85ebca6b) + 0x7f4a7c15) >>> 0;
  return new Rng(h);
}
