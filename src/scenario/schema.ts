/**
 * The scenario file format (version 1) as zod schemas: the file form goes in,
 * the canonical Scenario comes out (types.ts takes its types from here).
 * Fields are built from fields.ts, numbers held to ranges.ts; each
 * expectation kind brings its own schema (expectations/). Every message says
 * what is wrong and how to fix it, split by FIX_SEP so the loader can print
 * the fix on its own line beside the file and line.
 */
import { z } from 'zod';
import { EXPECTATION_KINDS, EXPECTATION_NAMES, type Expectation, kindModule } from './expectations/index';
import type { CheckContext, Path } from './expectations/kind';
import { FIX_SEP, forwardIssues, kindOf, neuron, num, oneOf, strict, suggest, text, time, withFix } from './fields';
import { MAX_DURATION_MS, MAX_OCCURRENCES, SCENARIO_RANGES as R } from './ranges';
import { ACTION_KEYS, timelineItemSchema, type TimelineItem } from './timeline-schema';
import type { Anchor } from './fields';
import { formatMs } from './units';

export { FIX_SEP, MAX_DURATION_MS, suggest, withFix };

export const SCENARIO_FORMAT = 'neuroworm-scenario';
export const SCENARIO_VERSION = 1;

/** An arena written inline in the scenario; the world's loader validates its contents. */
export type InlineArena = Record<string, unknown>;

// ---------------------------------------------------------------- expectations

const expectationItemSchema = strict(
  {
    name: text('expectation name').optional(),
    ...Object.fromEntries(EXPECTATION_NAMES.map((k) => [k, EXPECTATION_KINDS[k].schema.optional()])),
  } as { name: z.ZodOptional<ReturnType<typeof text>> } & { [K in keyof typeof EXPECTATION_KINDS]: z.ZodOptional<(typeof EXPECTATION_KINDS)[K]['schema']> },
  'expectation',
);

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
    worm: strict(
      {
        x: num('worm x (mm)', R['worm.x, worm.y']),
        y: num('worm y (mm)', R['worm.x, worm.y']),
        heading: num('heading (degrees)', R['worm.heading']).optional(),
      },
      'worm',
    ).optional(),
    seed: num('seed', R.seed).optional(),
    duration: time('duration', R.duration),
    medium: oneOf(['agar', 'water'] as const, 'medium').optional(),
    individual: z
      .boolean({ error: () => withFix('individual must be true or false', 'write individual: true (each seed a different worm) or false (clones)') })
      .optional(),
    hoursOffFood: num('hoursOffFood (h)', R.hoursOffFood).optional(),
    timeline: z.array(timelineItemSchema, { error: () => withFix('timeline must be a list', 'write timeline: followed by "- at: ..." items') }).optional(),
    expect: z.array(expectationItemSchema, { error: () => withFix('expect must be a list', 'write expect: followed by "- reverses: ..." items') }).optional(),
    plot: strict({ neurons: z.array(neuron(), { error: () => withFix('plot.neurons must be a list', 'write neurons: [AVA, AVB]') }) }, 'plot').optional(),
  },
  'scenario',
);

type Ctx = z.core.$RefinementCtx;

function issue(ctx: Ctx, path: Path, problem: string, fix: string): void {
  ctx.addIssue({ code: 'custom', path, message: withFix(problem, fix) });
}

/** The header first: a file of another kind or version gets one clear message, not fifty. */
function checkHeader(v: unknown, ctx: Ctx): void {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    issue(ctx, [], `a scenario file holds a mapping, got ${kindOf(v)}`, `start the file with "format: ${SCENARIO_FORMAT}" and "version: ${SCENARIO_VERSION}"`);
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
}

type Doc = z.output<typeof documentSchema>;

/** Waits move a cursor; items without `at` happen at the cursor. Checks one action per item, repeats, labels, the end of the run and the total count. */
function buildTimeline(doc: Doc, ctx: Ctx): { timeline: TimelineItem[]; labels: Map<string, TimelineItem> } {
  const durationMs = doc.duration;
  const timeline: TimelineItem[] = [];
  const labels = new Map<string, TimelineItem>();
  let cursor = 0;
  let occurrences = 0;
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
      cursor += raw.wait ?? 0;
      return;
    }
    if (raw.when === undefined)
      for (const extra of ['delay', 'refractory'] as const)
        if (raw[extra] !== undefined)
          issue(
            ctx,
            ['timeline', i, extra],
            `"${extra}" belongs to a triggered item`,
            'add when: (reversing, forward, omega, {inZone}, {nearFood}, {neuron, above}) or remove it',
          );
    if (raw.when !== undefined) {
      if (raw.every !== undefined) {
        issue(
          ctx,
          ['timeline', i, 'every'],
          'a triggered item (when) fires on the worm’s state, not every interval',
          'use times (most firings) and refractory (least time between two)',
        );
        return;
      }
      const action = raw[key];
      if (action === undefined) return;
      // Armed from its at, else from the start: it happens when the worm does something, so the cursor does not apply.
      const atMs = raw.at ?? 0;
      if (atMs >= durationMs)
        issue(
          ctx,
          ['timeline', i, raw.at !== undefined ? 'at' : 'when'],
          `the trigger is armed at ${formatMs(atMs)}, not before the end of the run (${formatMs(durationMs)})`,
          'arm it earlier (at) or lengthen duration',
        );
      const item: TimelineItem = {
        atMs,
        everyMs: 0,
        times: raw.times ?? 1,
        ...(raw.label !== undefined && { label: raw.label }),
        action,
        when: { trigger: raw.when, delayMs: raw.delay ?? 0, refractoryMs: raw.refractory ?? 0 },
      };
      occurrences += item.times;
      if (item.label !== undefined) {
        if (labels.has(item.label)) issue(ctx, ['timeline', i, 'label'], `label "${item.label}" is used twice`, 'give each timeline item its own label');
        else labels.set(item.label, item);
      }
      timeline.push(item);
      return;
    }
    if ((raw.every === undefined) !== (raw.times === undefined)) {
      issue(ctx, ['timeline', i, raw.every === undefined ? 'times' : 'every'], 'a repeat needs both "every" and "times"', 'write e.g. every: 10s, times: 30');
      return;
    }
    const action = raw[key];
    if (action === undefined) return;
    const atMs = raw.at ?? cursor;
    const item: TimelineItem = { atMs, everyMs: raw.every ?? 0, times: raw.times ?? 1, ...(raw.label !== undefined && { label: raw.label }), action };
    const lastMs = atMs + (item.times - 1) * item.everyMs;
    if (lastMs >= durationMs)
      issue(
        ctx,
        ['timeline', i, raw.at !== undefined ? 'at' : key],
        `action at ${formatMs(lastMs)} is not before the end of the run (${formatMs(durationMs)})`,
        'lengthen duration or move the action earlier',
      );
    occurrences += item.times;
    if (occurrences > MAX_OCCURRENCES && occurrences - item.times <= MAX_OCCURRENCES)
      issue(
        ctx,
        ['timeline', i, 'times'],
        `the timeline expands to more than ${MAX_OCCURRENCES} actions by this item (times: ${item.times})`,
        `at most ${MAX_OCCURRENCES} actions in all: repeat less often (every) or fewer times`,
      );
    if (item.label !== undefined) {
      if (labels.has(item.label)) issue(ctx, ['timeline', i, 'label'], `label "${item.label}" is used twice`, 'give each timeline item its own label');
      else labels.set(item.label, item);
    }
    cursor = lastMs;
    timeline.push(item);
  });
  return { timeline, labels };
}

/** The context an expectation kind's check sees (kind.ts). */
function checkContext(durationMs: number, labels: Map<string, TimelineItem>, ctx: Ctx, i: number, key: string, raw: Record<string, unknown>): CheckContext {
  const labelNames = [...labels.keys()];
  const anchorMs = (a: Anchor, path: Path): number | undefined => {
    if ('ms' in a) return a.ms;
    const l = labels.get(a.label);
    if (l?.when) {
      issue(
        ctx,
        path,
        `"${a.label}" is a triggered item: it has no fixed time to measure from`,
        'anchor on a time or on a timed item; measure a triggered stimulus with a window that covers it',
      );
      return undefined;
    }
    if (l) return l.atMs;
    const near = suggest(a.label, labelNames);
    issue(
      ctx,
      path,
      `no timeline item is labelled "${a.label}"`,
      near ? `did you mean "${near}"?` : labelNames.length ? `labels here: ${labelNames.join(', ')}` : 'add label: to the timeline item you mean',
    );
    return undefined;
  };
  return {
    durationMs,
    raw,
    at: (...field) => ['expect', i, key, ...field],
    issue: (path, problem, fix) => issue(ctx, path, problem, fix),
    anchorMs,
    checkWindow: (path, start, len) => {
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
    },
    train: (name, path) => {
      const item = labels.get(name);
      if (!item || item.when) {
        anchorMs({ label: name }, path);
        return undefined;
      }
      if (item.times < 2) {
        issue(ctx, path, `"${name}" is not a train: it happens once`, 'label a repeated item (every: ..., times: N ≥ 2)');
        return undefined;
      }
      if (item.action.type !== 'tap' && item.action.type !== 'poke') {
        issue(ctx, path, `"${name}" is a train of ${item.action.type}, not of taps or pokes`, 'habituation is measured on tap or poke trains');
        return undefined;
      }
      return item;
    },
  };
}

/** The file form → canonical Scenario, with the checks that span fields. */
export const scenarioSchema = z
  .unknown()
  .superRefine(checkHeader)
  .transform((v, ctx) => {
    const r = documentSchema.safeParse(v, { reportInput: true });
    if (!r.success) {
      forwardIssues(ctx, r.error.issues);
      return z.NEVER;
    }
    const doc = r.data;
    const raw = v as { expect?: unknown };
    const durationMs = doc.duration;
    const { timeline, labels } = buildTimeline(doc, ctx);

    const rawExpect = Array.isArray(raw.expect) ? (raw.expect as Array<Record<string, unknown>>) : [];
    const expect: Expectation[] = [];
    (doc.expect ?? []).forEach((item, i) => {
      const keys = EXPECTATION_NAMES.filter((k) => item[k] !== undefined);
      if (keys.length !== 1) {
        if (keys.length === 0) issue(ctx, ['expect', i], 'expectation has no check', `give one of: ${EXPECTATION_NAMES.join(', ')}`);
        else
          issue(ctx, ['expect', i, keys[1]], `expectation has ${keys.length} checks (${keys.join(', ')})`, 'one check per item: split it into several items');
        return;
      }
      const key = keys[0];
      const body = item[key] as Expectation;
      const rawBody = (rawExpect[i]?.[key] ?? {}) as Record<string, unknown>;
      const checked = kindModule(body).check(body, checkContext(durationMs, labels, ctx, i, key, rawBody)) as Expectation;
      expect.push(item.name !== undefined ? { name: item.name, ...checked } : checked);
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
      ...(doc.individual !== undefined && { individual: doc.individual }),
      ...(doc.hoursOffFood !== undefined && { hoursOffFood: doc.hoursOffFood }),
      timeline,
      expect,
      ...(doc.plot !== undefined && { plot: { neurons: doc.plot.neurons } }),
    };
  });

export const ACTION_NAMES: readonly string[] = ACTION_KEYS;
export { EXPECTATION_NAMES };
