/** `metric: {name, zone?, neuron?, baseline?, atLeast/atMost/between, after, for}` — a named metric of the run within bounds. */
import type { z } from 'zod';
import { anchor, neuron, num, oneOf, pair, strict, text, time, withFix } from '../fields';
import { METRICS, metricUnit } from '../metrics';
import { METRIC_INFO, METRIC_NAMES, type MetricName } from '../metrics-names';
import { SCENARIO_RANGES as R } from '../ranges';
import { formatMs, round } from '../units';
import { anchorMs, windowOf } from '../windows';
import { bendSuffix, minBendDoc, minBendField, needBend, stillResult, tooStill } from './bend';
import { anchorDoc, checkAfterWindow, type ExpectationKind, probeFor, span, win, windowDoc } from './kind';

const bound = (what: string) => num(what, R['metric atLeast, atMost, between']);

const schema = strict(
  {
    name: oneOf(METRIC_NAMES, 'metric name'),
    zone: text('zone id').optional(),
    neuron: neuron().optional(),
    baseline: strict({ before: anchor, for: time('baseline length (for)', R['within, for, window']), minBend: minBendField() }, 'baseline').optional(),
    atLeast: bound('atLeast').optional(),
    atMost: bound('atMost').optional(),
    between: pair(bound('bound'), 'between').optional(),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
    minBend: minBendField(),
  },
  'metric',
).transform((r, ctx) => {
  const min = r.between?.[0] ?? r.atLeast;
  const max = r.between?.[1] ?? r.atMost;
  if (min === undefined && max === undefined)
    ctx.addIssue({ code: 'custom', path: [], message: withFix(`metric ${r.name} has no bound`, 'add atLeast, atMost or between: [low, high]') });
  if (r.between !== undefined && (r.atLeast !== undefined || r.atMost !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['between'],
      message: withFix('between and atLeast/atMost both given', 'use either between: [low, high] or atLeast/atMost'),
    });
  for (const need of ['zone', 'neuron'] as const)
    if ((METRIC_INFO[r.name].needs as readonly string[]).includes(need) && r[need] === undefined)
      ctx.addIssue({ code: 'custom', path: [need], message: withFix(`metric ${r.name} needs a ${need}`, `add ${need}: ...`) });
  return {
    kind: 'metric' as const,
    metric: r.name as MetricName,
    ...(r.zone !== undefined && { zone: r.zone }),
    ...(r.neuron !== undefined && { neuron: r.neuron }),
    ...(r.baseline !== undefined && {
      baseline: { before: r.baseline.before, forMs: r.baseline.for, ...(r.baseline.minBend !== undefined && { minBend: r.baseline.minBend }) },
    }),
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
    ...(r.minBend !== undefined && { minBend: r.minBend }),
    ...win(r),
  };
});

export type Metric = z.output<typeof schema>;

/**
 * The bend the baseline window must reach to count: its own `minBend` (e.g. "the intact worm
 * crawled" before an ablation that may stop the body, which then counts as impaired), else the window's.
 */
const baselineMinBend = (e: Metric): number | undefined => e.baseline?.minBend ?? e.minBend;

/** The probe a probe-based metric reads. */
const probeName = (m: MetricName) => (m === 'wavelength' || m === 'bendAmplitude' ? m : 'bendingFrequency');

export const metric: ExpectationKind<'metric', Metric> = {
  kind: 'metric',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    if (e.baseline) {
      const b = c.anchorMs(e.baseline.before, c.at('baseline', 'before'));
      if (b !== undefined && b - e.baseline.forMs < 0)
        c.issue(
          c.at('baseline', 'for'),
          `baseline starts before the run (${formatMs(b - e.baseline.forMs)})`,
          'shorten the baseline or start the stimulus later',
        );
    }
    return e;
  },
  needs: (e, s, n) => {
    const needs: readonly string[] = METRIC_INFO[e.metric].needs;
    if (needs.includes('food')) n.food();
    if (needs.includes('muscles')) n.muscles();
    if (needs.includes('senses')) n.senses();
    if (needs.includes('membrane')) n.membrane();
    if (e.zone !== undefined) n.zone(e.zone);
    if (e.neuron !== undefined) n.neuron(e.neuron);
    if (needs.includes('probe')) {
      n.probe(probeFor(s, probeName(e.metric), e.after, e.forMs));
      if (e.baseline) n.probe({ name: probeName(e.metric), endMs: anchorMs(s, e.baseline.before), windowMs: e.baseline.forMs });
    }
    needBend(n, s, e.minBend, e.after, e.forMs);
    if (e.baseline && baselineMinBend(e) !== undefined) n.probe({ name: 'bendAmplitude', endMs: anchorMs(s, e.baseline.before), windowMs: e.baseline.forMs });
  },
  refs: (e) => [...(e.neuron !== undefined ? [{ neuron: e.neuron, field: 'neuron' }] : []), ...(e.zone !== undefined ? [{ zone: e.zone, field: 'zone' }] : [])],
  evaluate: (e, rec, ctx) => {
    const fn = METRICS[e.metric];
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const args = { ...(e.zone !== undefined && { zone: e.zone }), ...(e.neuron !== undefined && { neuron: e.neuron }), neuronIds: ctx.neuronIds };
    const value = fn(rec, a, b, args);
    let measured = value;
    let unit: string = metricUnit(e.metric);
    let detail = `${e.metric} ${round(value, 4)} ${unit} in ${span(a, b)}`;
    let still = tooStill(rec, e.minBend, a, b);
    if (e.baseline) {
      const be = anchorMs(ctx.scenario, e.baseline.before);
      const base = fn(rec, be - e.baseline.forMs, be, args);
      still ??= tooStill(rec, baselineMinBend(e), be - e.baseline.forMs, be);
      measured = value / base;
      unit = 'ratio';
      detail += `; baseline ${round(base, 4)} ${metricUnit(e.metric)} in ${span(be - e.baseline.forMs, be)}`;
    }
    const what = [e.neuron, e.zone].filter(Boolean).join(' ');
    const bound = e.min !== undefined && e.max !== undefined ? `${e.min} .. ${e.max}` : e.min !== undefined ? `≥ ${e.min}` : `≤ ${e.max}`;
    const name = `${e.metric}${what ? ` ${what}` : ''}${e.baseline ? ' / baseline' : ''} ${bound} in ${span(a, b)}${bendSuffix(e.minBend)}`;
    if (still) return stillResult({ name, bound, unit, detail: '' }, `${still}; its ${detail}`);
    return {
      name,
      pass: !Number.isNaN(measured) && (e.min === undefined || measured >= e.min) && (e.max === undefined || measured <= e.max),
      measured,
      bound,
      unit,
      detail,
    };
  },
  toDoc: (e) => ({
    name: e.metric,
    ...(e.zone !== undefined && { zone: e.zone }),
    ...(e.neuron !== undefined && { neuron: e.neuron }),
    ...(e.baseline && { baseline: { before: anchorDoc(e.baseline.before), for: e.baseline.forMs, ...minBendDoc(e.baseline.minBend) } }),
    ...(e.min !== undefined && { atLeast: e.min }),
    ...(e.max !== undefined && { atMost: e.max }),
    ...minBendDoc(e.minBend),
    ...windowDoc(e),
  }),
  docs: {
    fields:
      '`name`, `zone`/`neuron` if it needs one, `after`, `for`, `atLeast`/`atMost` or `between`, optional `baseline: {before, for, minBend?}`, optional `minBend` (κL)',
    measured: 'the metric over the window; with a baseline, metric(window) / metric(baseline window)',
    pass: 'within the bounds; with `minBend`, only if the body bends that much over the window (and the baseline window, unless the baseline sets its own `minBend`), else not measured',
  },
};
