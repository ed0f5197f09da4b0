/**
 * Turning what a player did in the game into a scenario file. The game saves
 * its actions as JSON: either a list `[{atMs, action, ...}]` or an object
 * `{circuit?, arena?, seed?, medium?, worm?, durationMs?, actions: [...]}`.
 * Each action carries the scenario action's own fields:
 *   {atMs: 2000, action: "poke", position: 0.05, side: "left"|"right"|"both"|1|-1|0, kind: "gentle"|"harsh", force?}
 *   {atMs, action: "tap", force?} · {atMs, action: "food", x, y, amount?} · {atMs, action: "heat", x, y, deltaC, radius?}
 *   {atMs, action: "ablate", neuron} · {atMs, action: "cut", from, to} · {atMs, action: "set", neuron, param, value}
 *   {atMs, action: "medium", medium: "agar"|"water"}
 * A poke is recorded as the body position the player hit (what sim.poke reports), so a replay touches the same place on the body.
 */
import { z } from 'zod';
import { ScenarioError } from './errors';
import { forwardIssues, kindOf, num, oneOf, strict, text, withFix } from './fields';
import { issuesWithLines, parseWithLines, type LocatedText } from './parse';
import { MAX_DURATION_MS, SCENARIO_RANGES } from './ranges';
import { stringifyScenario } from './serialize';
import { ACTION_SCHEMAS, type Action } from './timeline-schema';
import type { Scenario, TimelineItem } from './types';

const RECORDABLE = ['poke', 'tap', 'food', 'heat', 'ablate', 'cut', 'set', 'medium'] as const;
type Recordable = (typeof RECORDABLE)[number];
const atMsField = num('atMs', { ...SCENARIO_RANGES['timeline[].at'], help: 'ms from the start of the recording' });
/** Older recordings wrote sides as numbers: 1 = left, -1 = right, 0 = both. */
const SIDES: Record<string, string> = { '1': 'left', '-1': 'right', '0': 'both' };

/** One recorded action: {atMs, action, ...the scenario action's own fields}, read by the scenario's action schema. */
const recordedAction = z.unknown().transform((v, ctx): { atMs: number; action: Action } => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    ctx.addIssue({ code: 'custom', message: withFix(`a recorded action is a mapping, got ${kindOf(v)}`, 'write {"atMs": 1200, "action": "tap"}') });
    return z.NEVER;
  }
  const { atMs, action, ...fields } = v as Record<string, unknown>;
  const at = atMsField.safeParse(atMs);
  const name = oneOf(RECORDABLE, 'action').safeParse(action);
  if (!at.success) forwardIssues(ctx, at.error.issues, ['atMs']);
  if (!name.success) forwardIssues(ctx, name.error.issues, ['action']);
  if (!name.success) return z.NEVER;
  const kind: Recordable = name.data;
  if (kind === 'poke' && (typeof fields.side === 'number' || fields.side === '1' || fields.side === '-1'))
    fields.side = SIDES[String(fields.side)] ?? fields.side;
  // medium's body is the medium itself; every other action's body is the remaining fields.
  const body = kind === 'medium' ? fields.medium : fields;
  if (kind === 'medium' && Object.keys(fields).some((k) => k !== 'medium'))
    ctx.addIssue({
      code: 'custom',
      path: [Object.keys(fields).find((k) => k !== 'medium') ?? ''],
      message: withFix('unknown field in a medium action', 'write {"atMs": ..., "action": "medium", "medium": "water"}'),
    });
  const parsed = (ACTION_SCHEMAS[kind] as z.ZodType<Action>).safeParse(body);
  if (!parsed.success) {
    forwardIssues(ctx, parsed.error.issues, kind === 'medium' ? ['medium'] : []);
    return z.NEVER;
  }
  if (!at.success) return z.NEVER;
  return { atMs: at.data, action: parsed.data };
});

const actionList = z.array(recordedAction, {
  error: () => withFix('actions must be a list', 'write "actions": [{"atMs": 1200, "action": "tap"}, ...]'),
});

const recordingObject = strict(
  {
    circuit: text('circuit').optional(),
    arena: z
      .unknown()
      .refine((a) => (typeof a === 'string' && a !== '') || (a !== null && typeof a === 'object' && !Array.isArray(a)), {
        message: withFix('arena must be a built-in arena name or an inline arena', 'write "arena": "plate"'),
      })
      .optional(),
    seed: num('seed', SCENARIO_RANGES.seed).optional(),
    medium: oneOf(['agar', 'water'] as const, 'medium').optional(),
    worm: strict(
      {
        x: num('worm x (mm)', SCENARIO_RANGES['worm.x, worm.y']),
        y: num('worm y (mm)', SCENARIO_RANGES['worm.x, worm.y']),
        heading: num('heading (degrees)', SCENARIO_RANGES['worm.heading']).optional(),
      },
      'worm',
    ).optional(),
    durationMs: num('durationMs', { ...SCENARIO_RANGES.duration, help: 'length of the scenario, ms' }).optional(),
    actions: actionList,
  },
  'recording',
);

/** A list of actions, or an object with the recording's settings and its actions. */
const recordingSchema = z.unknown().transform((v, ctx) => {
  const r = Array.isArray(v) ? actionList.safeParse(v) : v !== null && typeof v === 'object' ? recordingObject.safeParse(v) : undefined;
  if (r === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        `a recording is a list of actions or a mapping with "actions", got ${kindOf(v)}`,
        'write [{"atMs": 1200, "action": "tap"}] or {"actions": [...]}',
      ),
    });
    return z.NEVER;
  }
  if (!r.success) {
    forwardIssues(ctx, r.error.issues);
    return z.NEVER;
  }
  return r.data as Array<{ atMs: number; action: Action }> | (z.output<typeof recordingObject> & { arena?: string | Record<string, unknown> });
});

type RecordedAction = { atMs: number; action: Action };

export interface RecordOptions {
  name: string;
  /** Overrides what the recording says. */
  circuit?: string;
  arena?: string;
  seed?: number;
  medium?: 'agar' | 'water';
  /** Total run length, ms; default: the last action + tailMs. */
  durationMs?: number;
  /** Time kept after the last action when no duration is given, ms (default 5000). */
  tailMs?: number;
}

/** A recording (parsed JSON) → a canonical scenario with the player's actions and no expectations yet. */
export function recordingToScenario(input: unknown, opts: RecordOptions, file = '<recording>', locate: LocatedText['locate'] = () => undefined): Scenario {
  const r = recordingSchema.safeParse(input);
  if (!r.success) throw new ScenarioError(file, issuesWithLines(r.error.issues, locate));
  return buildScenario(r.data, opts, file);
}

function buildScenario(data: z.output<typeof recordingSchema>, opts: RecordOptions, file: string): Scenario {
  const meta: Partial<Exclude<typeof data, unknown[]>> = Array.isArray(data) ? {} : data;
  const actions: RecordedAction[] = (Array.isArray(data) ? data : data.actions).slice().sort((a, b) => a.atMs - b.atMs);
  const counts: Record<string, number> = {};
  const timeline: TimelineItem[] = actions.map((a) => ({
    atMs: a.atMs,
    everyMs: 0,
    times: 1,
    label: `${a.action.type}${(counts[a.action.type] = (counts[a.action.type] ?? 0) + 1)}`,
    action: a.action,
  }));
  const last = actions.length ? actions[actions.length - 1].atMs : 0;
  const durationMs = opts.durationMs ?? meta.durationMs ?? Math.min(last + (opts.tailMs ?? 5000), MAX_DURATION_MS);
  if (durationMs <= last)
    throw new ScenarioError(file, [
      {
        path: opts.durationMs !== undefined || meta.durationMs === undefined ? [] : ['durationMs'],
        message: `the run (${durationMs} ms) ends before the last recorded action, at ${last} ms`,
        fix: `give a longer --duration (at most ${MAX_DURATION_MS} ms), or record actions before it`,
      },
    ]);
  const arena = opts.arena ?? meta.arena;
  const medium = opts.medium ?? meta.medium;
  return {
    name: opts.name,
    description: `Recorded from play: ${actions.length} action${actions.length === 1 ? '' : 's'}. Add expectations under expect.`,
    circuit: opts.circuit ?? meta.circuit ?? 'worm',
    ...(arena !== undefined && { arena }),
    ...(meta.worm && { worm: { x: meta.worm.x, y: meta.worm.y, heading: meta.worm.heading ?? 0 } }),
    seed: opts.seed ?? meta.seed ?? 1,
    durationMs,
    ...(medium !== undefined && { medium }),
    timeline,
    expect: [],
  };
}

/** Recording JSON text → scenario YAML text (validated by loading it back). */
export function recordToYaml(text: string, opts: RecordOptions, file = '<recording>'): string {
  const input = parseWithLines(text, file);
  const scenario = recordingToScenario(input.value, opts, file, input.locate);
  const yaml = stringifyScenario(
    scenario,
    `Scenario recorded from ${file}.\nTimes are in ms. Add expectations under expect:, e.g.\n  - reverses: {after: poke1, within: 1.5s}`,
  );
  return yaml;
}
