/**
 * `compare:` relations between groups: a small grammar read into data, and
 * their verdicts over the groups' values.
 *
 *   control.backward - ablated.backward >= 0.05    difference of the groups' statistic
 *   isi10.ratio / isi60.ratio < 1                  ratio
 *   isi10.ratio < isi60.ratio                      ordering (difference against 0)
 *   control.latency != ablated.latency             the groups differ (permutation p < p)
 *
 * A term is GROUP.MEASURE, or GROUP.MEASURE.pass for the share of worms that
 * met the measure's bound (each worm 1 or 0).
 */
import { num } from './format';
import { type ComparisonStats, type Contrast, compareGroups, type Statistic, statRng } from './stats';

export type Relation = '>=' | '>' | '<=' | '<' | '!=';

export interface Term {
  group: string;
  measure: string;
  /** true: the worm's pass (1) or fail (0) of the measure's bound, not its value. */
  pass: boolean;
}

export interface CompareSpec {
  /** As written. */
  text: string;
  /** A name for reports, when the file gives one. */
  name?: string;
  a: Term;
  b: Term;
  contrast: Contrast;
  relation: Relation;
  /** Right-hand number (0 for an ordering; unused for !=). */
  threshold: number;
  statistic: Statistic;
  /** Significance level: p must be below it (required by !=, default 0.05). */
  alpha?: number;
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const TERM = `(${IDENT})\\.(${IDENT})(\\.pass)?`;
const NUMBER = '([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)';
const REL = '(>=|<=|!=|>|<)';
const CONTRAST_RE = new RegExp(`^\\s*${TERM}\\s*([-/])\\s*${TERM}\\s*${REL}\\s*${NUMBER}\\s*$`);
const ORDER_RE = new RegExp(`^\\s*${TERM}\\s*${REL}\\s*${TERM}\\s*$`);

export const COMPARE_FORMS =
  'GROUP.MEASURE - GROUP.MEASURE >= NUMBER, GROUP.MEASURE / GROUP.MEASURE < NUMBER, GROUP.MEASURE < GROUP.MEASURE, or GROUP.MEASURE != GROUP.MEASURE (append .pass for the share of worms that met the bound)';

const term = (g: string, m: string, pass: string | undefined): Term => ({ group: g, measure: m, pass: pass !== undefined });

/** Reads one relation; returns a problem (with the forms allowed) when it is not one. */
export function parseCompare(text: string): { spec: Omit<CompareSpec, 'statistic' | 'alpha'> } | { problem: string } {
  const c = CONTRAST_RE.exec(text);
  if (c) {
    const [, g1, m1, p1, op, g2, m2, p2, rel, num] = c;
    if (rel === '!=') return { problem: `"${text}": != compares two groups, not a ${op === '-' ? 'difference' : 'ratio'} with a number` };
    return {
      spec: {
        text,
        a: term(g1!, m1!, p1),
        b: term(g2!, m2!, p2),
        contrast: op === '-' ? 'difference' : 'ratio',
        relation: rel as Relation,
        threshold: Number(num),
      },
    };
  }
  const o = ORDER_RE.exec(text);
  if (o) {
    const [, g1, m1, p1, rel, g2, m2, p2] = o;
    return { spec: { text, a: term(g1!, m1!, p1), b: term(g2!, m2!, p2), contrast: 'difference', relation: rel as Relation, threshold: 0 } };
  }
  return { problem: `"${text}" is not a comparison` };
}

export interface CompareResult extends ComparisonStats {
  text: string;
  name?: string;
  pass: boolean;
  /** Why it passed or failed, in words. */
  detail: string;
}

const holds = (x: number, rel: Relation, t: number) => (rel === '>=' ? x >= t : rel === '>' ? x > t : rel === '<=' ? x <= t : rel === '<' ? x < t : x !== t);

/**
 * The verdict of one relation: the point estimate must satisfy the relation,
 * and when a significance level is given (always for !=) the permutation p
 * must be below it. `values(term)` gives the per-worm values of a term.
 */
export function evaluateCompare(spec: CompareSpec, values: (t: Term) => ReadonlyArray<number | null>, seed: number, index: number): CompareResult {
  const s = compareGroups(values(spec.a), values(spec.b), spec.contrast, spec.statistic, statRng(seed, 1000 + index));
  if (s.estimate === null || s.p === null)
    return {
      ...s,
      text: spec.text,
      ...(spec.name !== undefined && { name: spec.name }),
      pass: false,
      detail: 'no value to compare (a group has no worm with a value, or a ratio divides by 0)',
    };
  const alpha = spec.relation === '!=' ? (spec.alpha ?? 0.05) : spec.alpha;
  const relOk = spec.relation === '!=' || holds(s.estimate, spec.relation, spec.threshold);
  const pOk = alpha === undefined || s.p < alpha;
  const what = `${spec.statistic} ${spec.contrast === 'ratio' ? 'ratio' : 'difference'} ${num(s.estimate)}`;
  const rel = spec.relation === '!=' ? '' : `${relOk ? '' : 'not '}${spec.relation} ${spec.threshold}`;
  const sig = alpha === undefined ? `p = ${num(s.p)}` : `p = ${num(s.p)} ${pOk ? '<' : '≥'} ${alpha}`;
  return {
    ...s,
    text: spec.text,
    ...(spec.name !== undefined && { name: spec.name }),
    pass: relOk && pOk,
    detail: [what, rel, sig].filter(Boolean).join(', '),
  };
}
