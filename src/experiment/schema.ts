/**
 * The experiment file (format neuroworm-experiment, version 1): a base
 * scenario, named measures, named variants of the base (the groups), and
 * `compare:` relations between groups. Each variant becomes a full Scenario
 * (variant.ts) read by the scenario schema itself, so a variant's problems
 * are the scenario format's, placed at their lines in the experiment file.
 * Scenario files stay as they are; an experiment is a file of its own kind.
 */
import { z } from 'zod';
import { numWithin, oneOf, strict, text, withFix } from '../scenario/fields';
import { SCENARIO_RANGES as R } from '../scenario/ranges';
import { num } from '../scenario/fields';
import { COMPARE_FORMS } from './compare';

export const EXPERIMENT_FORMAT = 'neuroworm-experiment';
export const EXPERIMENT_VERSION = 1;

/** Names of groups and measures: compare expressions refer to them (GROUP.MEASURE). */
export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_FIX = 'a group or measure name starts with a letter or _ and has only letters, digits and _ (no "-": it would read as a minus)';

export const EXPERIMENT_RANGES = {
  worms: { min: 1, max: 1000, int: true, unit: '', help: 'individuals per group' },
  'compare[].p': { min: 0, above: true, max: 1, unit: '', help: 'significance level: the permutation p must be below it' },
} as const;

/** Fields of the base scenario that belong to the experiment (one seed, one individual switch, measures instead of expect). */
export const EXPERIMENT_OWNED = ['format', 'version', 'name', 'seed', 'individual', 'expect'] as const;

/** What a variant may change; each is checked by the scenario schema once applied (variant.ts). */
export const VARIANT_FIELDS = ['description', 'circuit', 'arena', 'medium', 'duration', 'worm', 'ablate', 'cut', 'set', 'every', 'omit'] as const;

const mapping = (what: string, fix: string) =>
  z.unknown().superRefine((v, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) ctx.addIssue({ code: 'custom', message: withFix(`${what} must be a mapping`, fix) });
  });

const named = (what: string, fix: string, item: z.ZodType) =>
  mapping(what, fix).pipe(
    z.record(z.string(), item).superRefine((rec, ctx) => {
      const keys = Object.keys(rec);
      if (keys.length === 0) ctx.addIssue({ code: 'custom', message: withFix(`${what} is empty`, fix) });
      for (const k of keys)
        if (!NAME_RE.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: withFix(`${what} name ${JSON.stringify(k)} is not valid`, NAME_FIX) });
    }),
  );

const variantSchema = z.union([z.null(), strict(Object.fromEntries(VARIANT_FIELDS.map((f) => [f, z.unknown().optional()])), 'variant')]);

const compareItem = strict(
  {
    name: text('compare name').optional(),
    that: text('comparison', undefined, `write one of: ${COMPARE_FORMS}`),
    p: num('significance level (p)', EXPERIMENT_RANGES['compare[].p']).optional(),
    statistic: oneOf(['mean', 'median', 'chemotaxisIndex'] as const, 'statistic').optional(),
  },
  'compare item',
);

export const experimentDocSchema = strict(
  {
    format: z.unknown(),
    version: z.unknown(),
    name: text('experiment name'),
    description: text('description').optional(),
    seed: num('seed', R.seed).optional(),
    worms: numWithin('worms', { min: 1, max: 1000, int: true, hint: 'individuals per group' }).optional(),
    individual: z
      .boolean({ error: () => withFix('individual must be true or false', 'true: each worm a different individual (default); false: clones') })
      .optional(),
    scenario: mapping('scenario', 'write scenario: followed by the base scenario’s fields (circuit, duration, timeline, ...)'),
    measure: named(
      'measure',
      'write measure: {latency: {reverses: {after: touch, within: 2s}}}',
      mapping('measure', 'write e.g. backward: {metric: {name: backwardTravel, atLeast: 0}}'),
    ),
    variants: named('variants', 'write variants: {intact: {}, ablated: {ablate: [AVA]}}', variantSchema),
    compare: z.array(compareItem, { error: () => withFix('compare must be a list', 'write compare: followed by "- that: a.x - b.x >= 1" items') }).optional(),
  },
  'experiment',
);

export type ExperimentDoc = z.output<typeof experimentDocSchema>;
export type VariantDoc = Partial<Record<(typeof VARIANT_FIELDS)[number], unknown>>;
