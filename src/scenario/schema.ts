/**
 * The scenario file format (version 1) as zod schemas: the file form goes in,
 * the canonical Scenario (types.ts) comes out. Every message says what is
 * wrong and how to fix it, split by FIX_SEP so the loader can print the fix
 * on its own line beside the file and line.
 */
import { nearest } from '../text/nearest';
import { z } from 'zod';
import { METRIC_INFO, METRIC_NAMES, isMetricName } from './metrics-names';
import type { Action, Anchor, Expectation, InlineArena, ResponseMeasure, Scenario, TimelineItem } from './types';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './types';
import type { Parsed } from './units';
import { formatMs, parseFrequencyHz, parseLength, parseSpeed, parseTimeMs } from './units';

/** Separates a message's problem from its fix. */
export const FIX_SEP = ' | fix: ';

export function withFix(problem: string, fix: string): string {
  return `${problem}${FIX_SEP}${fix}`;
}

/** Longest run we accept, ms: a typo such as `duration: 100000s` should not hang a test suite. */
export const MAX_DURATION_MS = 3_600_000;

const LABEL_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const NEURON_RE = /^[\p{L}\p{N}_.-]+$/u;

// ---------------------------------------------------------------- helpers

/** Nearest candidate by edit distance, for "did you mean". */
export const suggest: (word: string, candidates: readonly string[]) => string | undefined = nearest;

/** A strict object whose unknown-field message lists the allowed fields and a likely intended one. */
export function strict<T extends z.ZodRawShape>(shape: T, what: string) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        const key = String(iss.keys[0]);
        const near = suggest(key, allowed);
        return withFix(`unknown field "${key}" in ${what}`, `${near ? `did you mean "${near}"? ` : ''}allowed fields: ${allowed.join(', ')}`);
      }
      if (iss.code === 'invalid_type') return withFix(`${what} must be a mapping (key: value), got ${kindOf(iss.input)}`, `write it as ${what}: {...}`);
      return undefined;
    },
  });
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

/** A field parsed by one of the units.ts parsers. */
function parsedBy<T>(parse: (v: unknown) => Parsed<T>, what: string) {
  return z.unknown().transform((v, ctx): T => {
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: withFix(`missing ${what}`, `add it, e.g. ${exampleOf(what)}`) });
      return z.NEVER;
    }
    const r = parse(v);
    if (!r.ok) {
      const [problem, fix] = r.error.split(/: (?=write )/);
      ctx.addIssue({ code: 'custom', message: fix ? withFix(problem, fix) : r.error });
      return z.NEVER;
    }
    return r.value;
  });
}

function exampleOf(what: string): string {
  if (what.includes('time') || what.includes('duration')) return '2s';
  if (what.includes('length') || what.includes('distance')) return '0.5mm';
  if (what.includes('speed')) return '0.2mm/s';
  if (what.includes('frequency')) return '0.5Hz';
  return '...';
}

const time = (what = 'time') => parsedBy(parseTimeMs, what);
const positiveTime = (what: string) =>
  time(what).refine((ms) => ms > 0, { message: withFix(`${what} must be longer than 0`, 'give a positive time, e.g. 1s') });
const length = (what = 'length') => parsedBy(parseLength, what);
const speed = (what = 'speed') => parsedBy(parseSpeed, what);
const frequency = (what = 'frequency') => parsedBy(parseFrequencyHz, what);

export function num(what: string, opts: { min?: number; max?: number; int?: boolean; positive?: boolean; hint?: string } = {}) {
  return z.unknown().transform((v, ctx): number => {
    const range =
      opts.min !== undefined && opts.max !== undefined
        ? `${opts.min}..${opts.max}`
        : opts.positive
          ? '> 0'
          : opts.min !== undefined
            ? `≥ ${opts.min}`
            : 'a number';
    const fail = (problem: string) => {
      ctx.addIssue({
        code: 'custom',
        message: withFix(problem, `${what} is ${opts.int ? 'a whole number ' : ''}${range}${opts.hint ? ` (${opts.hint})` : ''}`),
      });
      return z.NEVER;
    };
    if (v === undefined) return fail(`missing ${what}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`${what} must be a number, got ${kindOf(v)}`);
    if (opts.int && !Number.isInteger(v)) return fail(`${what} must be a whole number, got ${v}`);
    if (opts.positive && !(v > 0)) return fail(`${what} must be greater than 0, got ${v}`);
    if (opts.min !== undefined && v < opts.min) return fail(`${what} ${v} is below ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return fail(`${what} ${v} is above ${opts.max}`);
    return v + 0; // -0 → 0: JSON and YAML writers print both as 0
  });
}

export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return z.unknown().transform((v, ctx): T[number] => {
    if (typeof v === 'string' && values.includes(v)) return v as T[number];
    const near = typeof v === 'string' ? suggest(v, values) : undefined;
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        v === undefined ? `missing ${what}` : `${what} ${JSON.stringify(v)} is not allowed`,
        `${near ? `did you mean "${near}"? ` : ''}use one of: ${values.join(', ')}`,
      ),
    });
    return z.NEVER;
  });
}

export function text(what: string, re?: RegExp, reFix?: string) {
  return z.unknown().transform((v, ctx): string => {
    if (typeof v === 'string' && v.trim() !== '' && (!re || re.test(v))) return v;
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        v === undefined
          ? `missing ${what}`
          : typeof v === 'string' && v.trim() !== ''
            ? `${what} ${JSON.stringify(v)} is not valid`
            : `${what} must be text, got ${kindOf(v)}`,
        reFix ?? `write the ${what} as text`,
      ),
    });
    return z.NEVER;
  });
}

const neuron = (what = 'neuron') => text(what, NEURON_RE, `a neuron id from the circuit (or a class such as AVA for AVAL + AVAR), letters, digits, _ . -`);
const label = (what = 'label') => text(what, LABEL_RE, 'a label starts with a letter and has only letters, digits, _ and -');

/** `after: head-touch` (a label) or `after: 2s` (a time). */
const anchor = z.unknown().transform((v, ctx): Anchor => {
  if (typeof v === 'string' && /^[A-Za-z]/.test(v)) {
    if (LABEL_RE.test(v)) return { label: v };
    ctx.addIssue({
      code: 'custom',
      message: withFix(`"${v}" is neither a label nor a time`, 'write a timeline label (letters, digits, _ -) or a time like 2s'),
    });
    return z.NEVER;
  }
  const r = parseTimeMs(v);
  if (r.ok) return { ms: r.value };
  ctx.addIssue({ code: 'custom', message: withFix(`"${String(v)}" is neither a label nor a time`, 'write a timeline label or a time like 2s') });
  return z.NEVER;
});

// ---------------------------------------------------------------- actions

const sideSchema = oneOf(['left', 'right', 'both'] as const, 'side');

const ACTION_SCHEMAS = {
  wait: positiveTime('wait time'),
  poke: strict(
    {
      position: num('body position', { min: 0, max: 1, hint: '0 = nose tip, 1 = tail tip' }),
      side: sideSchema.optional(),
      kind: oneOf(['gentle', 'harsh'] as const, 'touch kind').optional(),
      force: num('force', { min: 0, max: 1 }).optional(),
    },
    'poke',
  ),
  tap: strict({ force: num('force', { min: 0, max: 1 }).optional() }, 'tap').nullable(),
  food: strict({ x: num('x (mm)'), y: num('y (mm)'), amount: num('food amount', { positive: true }).optional() }, 'food'),
  heat: strict(
    {
      x: num('x (mm)'),
      y: num('y (mm)'),
      deltaC: num('deltaC (°C)').refine((d) => d !== 0, { message: withFix('deltaC is 0', 'heat with deltaC > 0, cool with deltaC < 0') }),
      radius: num('radius (mm)', { positive: true }).optional(),
    },
    'heat',
  ),
  ablate: strict({ neuron: neuron() }, 'ablate'),
  cut: strict({ from: neuron('presynaptic neuron'), to: neuron('postsynaptic neuron') }, 'cut'),
  set: strict({ neuron: neuron(), param: text('parameter name'), value: num('value') }, 'set'),
  medium: oneOf(['agar', 'water'] as const, 'medium'),
} as const;

const ACTION_KEYS = Object.keys(ACTION_SCHEMAS) as Array<keyof typeof ACTION_SCHEMAS>;

const timelineItemSchema = strict(
  {
    at: time('time (at)').optional(),
    every: positiveTime('repeat interval (every)').optional(),
    times: num('repeat count (times)', { min: 1, int: true }).optional(),
    label: label().optional(),
    ...Object.fromEntries(ACTION_KEYS.map((k) => [k, ACTION_SCHEMAS[k].optional()])),
  } as {
    at: z.ZodOptional<ReturnType<typeof time>>;
    every: z.ZodOptional<ReturnType<typeof positiveTime>>;
    times: z.ZodOptional<ReturnType<typeof num>>;
    label: z.ZodOptional<ReturnType<typeof label>>;
  } & { [K in keyof typeof ACTION_SCHEMAS]: z.ZodOptional<(typeof ACTION_SCHEMAS)[K]> },
  'timeline item',
);

type RawItem = z.output<typeof timelineItemSchema>;

function actionOf(item: RawItem, key: Exclude<keyof typeof ACTION_SCHEMAS, 'wait'>): Action {
  switch (key) {
    case 'poke': {
      const p = item.poke!;
      return { type: 'poke', position: p.position, side: p.side ?? 'both', kind: p.kind ?? 'gentle', ...(p.force !== undefined && { force: p.force }) };
    }
    case 'tap':
      return { type: 'tap', ...(item.tap?.force !== undefined && { force: item.tap.force }) };
    case 'food': {
      const f = item.food!;
      return { type: 'food', x: f.x, y: f.y, ...(f.amount !== undefined && { amount: f.amount }) };
    }
    case 'heat': {
      const h = item.heat!;
      return { type: 'heat', x: h.x, y: h.y, deltaC: h.deltaC, ...(h.radius !== undefined && { radius: h.radius }) };
    }
    case 'ablate':
      return { type: 'ablate', neuron: item.ablate!.neuron };
    case 'cut':
      return { type: 'cut', from: item.cut!.from, to: item.cut!.to };
    case 'set':
      return { type: 'set', neuron: item.set!.neuron, param: item.set!.param, value: item.set!.value };
    case 'medium':
      return { type: 'medium', medium: item.medium! };
  }
}

// ---------------------------------------------------------------- expectations

const windowed = { after: anchor.optional(), for: positiveTime('window length (for)').optional() };
const responseSchema = oneOf(['reversalDistance', 'peakBackwardSpeed'] as const, 'response measure');

export function pair<T>(item: z.ZodType<T>, what: string) {
  return z
    .unknown()
    .pipe(
      z
        .tuple([item, item], { error: () => withFix(`${what} must be a list of two bounds`, `write ${what}: [low, high]`) })
        .refine((p) => cmp(p[0]) <= cmp(p[1]), { message: withFix(`${what}: the low bound is above the high bound`, 'write [low, high]') }),
    );
}

/** Comparable value of a bound (mixed units compare as written; the unit check is in the evaluator). */
function cmp(v: unknown): number {
  return typeof v === 'number' ? v : (v as { value: number }).value;
}

const EXPECTATION_SCHEMAS = {
  reverses: strict({ after: anchor.optional(), within: positiveTime('time limit (within)') }, 'reverses'),
  doesNotReverse: strict({ after: anchor.optional(), within: positiveTime('window (within)') }, 'doesNotReverse'),
  moves: strict({ direction: oneOf(['forward', 'backward'] as const, 'direction'), atLeast: length('distance (atLeast)'), ...windowed }, 'moves'),
  speed: strict({ between: pair(speed(), 'speed between'), ...windowed }, 'speed'),
  reachesFood: strict({ after: anchor.optional(), within: positiveTime('time limit (within)'), distance: length('reach distance').optional() }, 'reachesFood'),
  staysOutOfZone: strict({ zone: text('zone id'), atMost: time('time allowed in the zone (atMost)').optional(), ...windowed }, 'staysOutOfZone'),
  neuronFires: strict(
    {
      neuron: neuron(),
      after: anchor.optional(),
      within: positiveTime('time limit (within)'),
      threshold: num('output threshold', { min: 0, max: 1 }).optional(),
    },
    'neuronFires',
  ),
  neuronSilent: strict({ neuron: neuron(), threshold: num('output threshold', { min: 0, max: 1 }).optional(), ...windowed }, 'neuronSilent'),
  bendingFrequency: strict({ between: pair(frequency(), 'frequency between'), ...windowed }, 'bendingFrequency'),
  waveDirection: strict({ direction: oneOf(['head-to-tail', 'tail-to-head'] as const, 'wave direction'), ...windowed }, 'waveDirection'),
  habituates: strict(
    {
      train: label('train label'),
      response: responseSchema.optional(),
      window: positiveTime('response window').optional(),
      k: num('response number k', { min: 2, int: true }).optional(),
      ratioBelow: num('ratioBelow', { positive: true }).optional(),
    },
    'habituates',
  ),
  recovers: strict(
    {
      train: label('train label'),
      test: label('test label'),
      response: responseSchema.optional(),
      window: positiveTime('response window').optional(),
      ratioAtLeast: num('ratioAtLeast', { min: 0 }).optional(),
    },
    'recovers',
  ),
  metric: strict(
    {
      name: oneOf(METRIC_NAMES, 'metric name'),
      zone: text('zone id').optional(),
      neuron: neuron().optional(),
      baseline: strict({ before: anchor, for: positiveTime('baseline length (for)') }, 'baseline').optional(),
      atLeast: num('atLeast').optional(),
      atMost: num('atMost').optional(),
      between: pair(num('bound'), 'between').optional(),
      ...windowed,
    },
    'metric',
  ),
} as const;

const EXPECTATION_KEYS = Object.keys(EXPECTATION_SCHEMAS) as Array<keyof typeof EXPECTATION_SCHEMAS>;

const expectationItemSchema = strict(
  { name: text('expectation name').optional(), ...Object.fromEntries(EXPECTATION_KEYS.map((k) => [k, EXPECTATION_SCHEMAS[k].optional()])) } as {
    name: z.ZodOptional<ReturnType<typeof text>>;
  } & { [K in keyof typeof EXPECTATION_SCHEMAS]: z.ZodOptional<(typeof EXPECTATION_SCHEMAS)[K]> },
  'expectation',
);

type RawExpectation = z.output<typeof expectationItemSchema>;

const DEFAULT_THRESHOLD = 0.5;
const DEFAULT_REACH = { value: 0.2, unit: 'mm' } as const;
const DEFAULT_RESPONSE_WINDOW_MS = 3000;
const START: Anchor = { ms: 0 };

function win(w: { after?: Anchor; for?: number }): { after: Anchor; forMs?: number } {
  return { after: w.after ?? START, ...(w.for !== undefined && { forMs: w.for }) };
}

// ---------------------------------------------------------------- document

const arenaSchema = z.unknown().transform((v, ctx): string | InlineArena => {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as InlineArena;
  ctx.addIssue({
    code: 'custom',
    message: withFix(`arena must be a built-in arena name or an inline arena, got ${kindOf(v)}`, 'write arena: plate, or an arena mapping'),
  });
  return z.NEVER;
});

const documentSchema = strict(
  {
    format: z.unknown(),
    version: z.unknown(),
    name: text('scenario name'),
    description: text('description').optional(),
    circuit: text('circuit', /./, 'a built-in circuit name (e.g. worm) or a circuit file path relative to this file'),
    arena: arenaSchema.optional(),
    worm: strict({ x: num('worm x (mm)'), y: num('worm y (mm)'), heading: num('heading (degrees)').optional() }, 'worm').optional(),
    seed: num('seed', { min: 0, max: 0xffffffff, int: true }).optional(),
    duration: positiveTime('duration'),
    medium: oneOf(['agar', 'water'] as const, 'medium').optional(),
    timeline: z.array(timelineItemSchema, { error: () => withFix('timeline must be a list', 'write timeline: followed by "- at: ..." items') }).optional(),
    expect: z.array(expectationItemSchema, { error: () => withFix('expect must be a list', 'write expect: followed by "- reverses: ..." items') }).optional(),
    plot: strict({ neurons: z.array(neuron(), { error: () => withFix('plot.neurons must be a list', 'write neurons: [AVA, AVB]') }) }, 'plot').optional(),
  },
  'scenario',
);

type Ctx = z.core.$RefinementCtx;

function issue(ctx: Ctx, path: Array<string | number>, problem: string, fix: string): void {
  ctx.addIssue({ code: 'custom', path, message: withFix(problem, fix) });
}

/** The file form → canonical Scenario, with the checks that span fields. */
export const scenarioSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    // Check the header first: a file of another kind or version gets one clear message, not fifty.
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      issue(
        ctx,
        [],
        `a scenario file holds a mapping, got ${kindOf(v)}`,
        `start the file with "format: ${SCENARIO_FORMAT}" and "version: ${SCENARIO_VERSION}"`,
      );
      return;
    }
    const doc = v as Record<string, unknown>;
    if (doc.format !== SCENARIO_FORMAT)
      issue(
        ctx,
        ['format'],
        doc.format === undefined ? 'missing format' : `format ${JSON.stringify(doc.format)} is not a scenario`,
        `write format: ${SCENARIO_FORMAT}`,
      );
    if (doc.version !== SCENARIO_VERSION)
      issue(
        ctx,
        ['version'],
        doc.version === undefined ? 'missing version' : `version ${JSON.stringify(doc.version)} is not supported`,
        typeof doc.version === 'number' && doc.version > SCENARIO_VERSION
          ? `this neuroworm reads version ${SCENARIO_VERSION}; update neuroworm`
          : `write version: ${SCENARIO_VERSION}`,
      );
  })
  .pipe(documentSchema)
  .transform((doc, ctx): Scenario => {
    const durationMs = doc.duration;
    if (durationMs > MAX_DURATION_MS)
      issue(
        ctx,
        ['duration'],
        `duration ${formatMs(durationMs)} is longer than the ${formatMs(MAX_DURATION_MS)} limit`,
        'split the experiment into shorter scenarios',
      );

    // Timeline: waits move a cursor; items without `at` happen at the cursor.
    const timeline: TimelineItem[] = [];
    const labels = new Map<string, { item: TimelineItem; index: number }>();
    let cursor = 0;
    (doc.timeline ?? []).forEach((raw, i) => {
      const keys = ACTION_KEYS.filter((k) => raw[k] !== undefined);
      if (keys.length !== 1) {
        if (keys.length === 0) issue(ctx, ['timeline', i], 'timeline item has no action', `give one of: ${ACTION_KEYS.join(', ')}`);
        else
          issue(
            ctx,
            ['timeline', i, keys[1]],
            `timeline item has ${keys.length} actions (${keys.join(', ')})`,
            'one action per item: split it into several items at the same time',
          );
        return;
      }
      const key = keys[0];
      if (key === 'wait') {
        for (const extra of ['at', 'every', 'times', 'label'] as const)
          if (raw[extra] !== undefined)
            issue(
              ctx,
              ['timeline', i, extra],
              `a wait item cannot have "${extra}"`,
              'wait only moves the timeline forward; put the time on the next action instead',
            );
        cursor += raw.wait!;
        return;
      }
      if ((raw.every === undefined) !== (raw.times === undefined)) {
        issue(ctx, ['timeline', i, raw.every === undefined ? 'times' : 'every'], 'a repeat needs both "every" and "times"', 'write e.g. every: 10s, times: 30');
        return;
      }
      const atMs = raw.at ?? cursor;
      const item: TimelineItem = {
        atMs,
        everyMs: raw.every ?? 0,
        times: raw.times ?? 1,
        ...(raw.label !== undefined && { label: raw.label }),
        action: actionOf(raw, key),
      };
      const lastMs = atMs + (item.times - 1) * item.everyMs;
      if (lastMs >= durationMs)
        issue(
          ctx,
          ['timeline', i, raw.at !== undefined ? 'at' : key],
          `action at ${formatMs(lastMs)} is not before the end of the run (${formatMs(durationMs)})`,
          'lengthen duration or move the action earlier',
        );
      if (item.label !== undefined) {
        if (labels.has(item.label)) issue(ctx, ['timeline', i, 'label'], `label "${item.label}" is used twice`, 'give each timeline item its own label');
        else labels.set(item.label, { item, index: i });
      }
      cursor = lastMs;
      timeline.push(item);
    });

    const labelNames = [...labels.keys()];
    const anchorMs = (a: Anchor, path: Array<string | number>): number | undefined => {
      if ('ms' in a) return a.ms;
      const l = labels.get(a.label);
      if (l) return l.item.atMs;
      const near = suggest(a.label, labelNames);
      issue(
        ctx,
        path,
        `no timeline item is labelled "${a.label}"`,
        near ? `did you mean "${near}"?` : labelNames.length ? `labels here: ${labelNames.join(', ')}` : 'add label: to the timeline item you mean',
      );
      return undefined;
    };
    const checkEnd = (path: Array<string | number>, start: number | undefined, len: number | undefined) => {
      if (start === undefined) return;
      if (start >= durationMs)
        issue(
          ctx,
          path,
          `window starts at ${formatMs(start)}, not before the end of the run (${formatMs(durationMs)})`,
          'lengthen duration or start the window earlier',
        );
      else if (len !== undefined && start + len > durationMs)
        issue(
          ctx,
          path,
          `window ends at ${formatMs(start + len)}, after the end of the run (${formatMs(durationMs)})`,
          'lengthen duration or shorten the window',
        );
    };
    const trainOf = (name: string, path: Array<string | number>): TimelineItem | undefined => {
      const l = labels.get(name);
      if (!l) {
        anchorMs({ label: name }, path);
        return undefined;
      }
      if (l.item.times < 2) {
        issue(ctx, path, `"${name}" is not a train: it happens once`, 'label a repeated item (every: ..., times: N ≥ 2)');
        return undefined;
      }
      if (l.item.action.type !== 'tap' && l.item.action.type !== 'poke') {
        issue(ctx, path, `"${name}" is a train of ${l.item.action.type}, not of taps or pokes`, 'habituation is measured on tap or poke trains');
        return undefined;
      }
      return l.item;
    };

    const expect: Expectation[] = [];
    (doc.expect ?? []).forEach((raw: RawExpectation, i) => {
      const keys = EXPECTATION_KEYS.filter((k) => raw[k] !== undefined);
      if (keys.length !== 1) {
        if (keys.length === 0) issue(ctx, ['expect', i], 'expectation has no check', `give one of: ${EXPECTATION_KEYS.join(', ')}`);
        else
          issue(ctx, ['expect', i, keys[1]], `expectation has ${keys.length} checks (${keys.join(', ')})`, 'one check per item: split it into several items');
        return;
      }
      const key = keys[0];
      const at = (...rest: string[]) => ['expect', i, key, ...rest];
      const name = raw.name !== undefined ? { name: raw.name } : {};
      const e = toExpectation(raw, key);
      if (!e) return;
      const out = { ...name, ...e } as Expectation;
      // Windows must fit inside the run.
      if ('after' in out) {
        const start = anchorMs(out.after, at('after'));
        const len = 'withinMs' in out ? out.withinMs : 'forMs' in out ? out.forMs : undefined;
        checkEnd(at('withinMs' in out ? 'within' : 'for'), start, len);
      }
      if (out.kind === 'metric') {
        const info = METRIC_INFO[out.metric as keyof typeof METRIC_INFO];
        for (const need of ['zone', 'neuron'] as const)
          if ((info.needs as readonly string[]).includes(need) && out[need] === undefined)
            issue(ctx, at(need), `metric ${out.metric} needs a ${need}`, `add ${need}: ...`);
        if (out.min === undefined && out.max === undefined)
          issue(ctx, at(), `metric ${out.metric} has no bound`, 'add atLeast, atMost or between: [low, high]');
        if (raw.metric!.between !== undefined && (raw.metric!.atLeast !== undefined || raw.metric!.atMost !== undefined))
          issue(ctx, at('between'), 'between and atLeast/atMost both given', 'use either between: [low, high] or atLeast/atMost');
        if (out.baseline) {
          const b = anchorMs(out.baseline.before, at('baseline', 'before'));
          if (b !== undefined && b - out.baseline.forMs < 0)
            issue(
              ctx,
              at('baseline', 'for'),
              `baseline starts before the run (${formatMs(b - out.baseline.forMs)})`,
              'shorten the baseline or start the stimulus later',
            );
        }
      }
      if (out.kind === 'habituates') {
        const train = trainOf(out.train, at('train'));
        if (train) {
          if (raw.habituates!.window === undefined) out.windowMs = Math.min(DEFAULT_RESPONSE_WINDOW_MS, train.everyMs);
          if (out.k !== undefined && out.k > train.times)
            issue(ctx, at('k'), `k = ${out.k} but the train has only ${train.times} stimuli`, `use k ≤ ${train.times}`);
          checkEnd(at('window'), train.atMs + (train.times - 1) * train.everyMs, out.windowMs);
        }
      }
      if (out.kind === 'recovers') {
        const train = trainOf(out.train, at('train'));
        const test = anchorMs({ label: out.test }, at('test'));
        if (train && raw.recovers!.window === undefined) out.windowMs = Math.min(DEFAULT_RESPONSE_WINDOW_MS, train.everyMs);
        checkEnd(at('window'), test, out.windowMs);
      }
      expect.push(out);
    });

    const worm = doc.worm && { x: doc.worm.x, y: doc.worm.y, heading: doc.worm.heading ?? 0 };
    return {
      name: doc.name,
      ...(doc.description !== undefined && { description: doc.description }),
      circuit: doc.circuit,
      ...(doc.arena !== undefined && { arena: doc.arena }),
      ...(worm && { worm }),
      seed: doc.seed ?? 1,
      durationMs,
      ...(doc.medium !== undefined && { medium: doc.medium }),
      timeline,
      expect,
      ...(doc.plot !== undefined && { plot: { neurons: doc.plot.neurons } }),
    };
  });

/** One raw expectation item → its canonical check (defaults filled in). */
function toExpectation(raw: RawExpectation, key: keyof typeof EXPECTATION_SCHEMAS): Expectation | undefined {
  const response = (r: ResponseMeasure | undefined): ResponseMeasure => r ?? 'reversalDistance';
  switch (key) {
    case 'reverses':
    case 'doesNotReverse': {
      const r = raw[key]!;
      return { kind: key, after: r.after ?? START, withinMs: r.within };
    }
    case 'moves': {
      const r = raw.moves!;
      return { kind: 'moves', direction: r.direction, atLeast: r.atLeast, ...win(r) };
    }
    case 'speed': {
      const r = raw.speed!;
      return { kind: 'speed', min: r.between[0], max: r.between[1], ...win(r) };
    }
    case 'reachesFood': {
      const r = raw.reachesFood!;
      return { kind: 'reachesFood', after: r.after ?? START, withinMs: r.within, distance: r.distance ?? { ...DEFAULT_REACH } };
    }
    case 'staysOutOfZone': {
      const r = raw.staysOutOfZone!;
      return { kind: 'staysOutOfZone', zone: r.zone, atMostMs: r.atMost ?? 0, ...win(r) };
    }
    case 'neuronFires': {
      const r = raw.neuronFires!;
      return { kind: 'neuronFires', neuron: r.neuron, after: r.after ?? START, withinMs: r.within, threshold: r.threshold ?? DEFAULT_THRESHOLD };
    }
    case 'neuronSilent': {
      const r = raw.neuronSilent!;
      return { kind: 'neuronSilent', neuron: r.neuron, threshold: r.threshold ?? DEFAULT_THRESHOLD, ...win(r) };
    }
    case 'bendingFrequency': {
      const r = raw.bendingFrequency!;
      return { kind: 'bendingFrequency', minHz: r.between[0], maxHz: r.between[1], ...win(r) };
    }
    case 'waveDirection': {
      const r = raw.waveDirection!;
      return { kind: 'waveDirection', direction: r.direction, ...win(r) };
    }
    case 'habituates': {
      const r = raw.habituates!;
      return {
        kind: 'habituates',
        train: r.train,
        response: response(r.response),
        windowMs: r.window ?? DEFAULT_RESPONSE_WINDOW_MS,
        ...(r.k !== undefined && { k: r.k }),
        ratioBelow: r.ratioBelow ?? 1,
      };
    }
    case 'recovers': {
      const r = raw.recovers!;
      return {
        kind: 'recovers',
        train: r.train,
        test: r.test,
        response: response(r.response),
        windowMs: r.window ?? DEFAULT_RESPONSE_WINDOW_MS,
        ratioAtLeast: r.ratioAtLeast ?? 0.5,
      };
    }
    case 'metric': {
      const r = raw.metric!;
      if (!isMetricName(r.name)) return undefined;
      const min = r.between?.[0] ?? r.atLeast;
      const max = r.between?.[1] ?? r.atMost;
      return {
        kind: 'metric',
        metric: r.name,
        ...(r.zone !== undefined && { zone: r.zone }),
        ...(r.neuron !== undefined && { neuron: r.neuron }),
        ...(r.baseline !== undefined && { baseline: { before: r.baseline.before, forMs: r.baseline.for } }),
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
        ...win(r),
      };
    }
  }
}

export const ACTION_NAMES: readonly string[] = ACTION_KEYS;
export const EXPECTATION_NAMES: readonly string[] = EXPECTATION_KEYS;
