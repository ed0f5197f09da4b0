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
import { issuesWithLines, parseWithLines, type LocatedText } from './parse';
import { withFix } from './schema';
import { stringifyScenario } from './serialize';
import type { Action, Scenario, TimelineItem } from './types';

const atMs = z
  .number({ error: (iss) => (iss.code === 'invalid_type' ? withFix('atMs must be a number of ms', 'write e.g. "atMs": 1500') : undefined) })
  .min(0, { error: () => withFix('atMs is negative', 'times count from 0 at the start of the recording') });
const num = z.number({ error: (iss) => (iss.code === 'invalid_type' ? withFix('expected a number', 'write a number') : undefined) });
const unit = num
  .min(0, { error: () => withFix('value is below 0', 'use a value from 0 to 1') })
  .max(1, { error: () => withFix('value is above 1', 'use a value from 0 to 1 (body position: 0 = nose, 1 = tail)') });
const neuron = z.string().min(1);
const side = z
  .union([z.enum(['left', 'right', 'both']), z.literal(1), z.literal(-1), z.literal(0)], {
    error: () => withFix('side must be left, right, both (or 1, -1, 0)', 'write left, right or both (older recordings wrote 1 = left, -1 = right, 0 = both)'),
  })
  .transform((s) => (s === 1 ? 'left' : s === -1 ? 'right' : s === 0 ? 'both' : s));

const recordedAction = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      atMs,
      action: z.literal('poke'),
      position: unit,
      side: side.optional(),
      kind: z.enum(['gentle', 'harsh']).optional(),
      force: unit.optional(),
    }),
    z.strictObject({ atMs, action: z.literal('tap'), force: unit.optional() }),
    z.strictObject({ atMs, action: z.literal('food'), x: num, y: num, amount: num.positive().optional() }),
    z.strictObject({ atMs, action: z.literal('heat'), x: num, y: num, deltaC: num, radius: num.positive().optional() }),
    z.strictObject({ atMs, action: z.literal('ablate'), neuron }),
    z.strictObject({ atMs, action: z.literal('cut'), from: neuron, to: neuron }),
    z.strictObject({ atMs, action: z.literal('set'), neuron, param: z.string().min(1), value: num }),
    z.strictObject({ atMs, action: z.literal('medium'), medium: z.enum(['agar', 'water']) }),
  ],
  { error: () => withFix('unknown action', 'action is one of poke, tap, food, heat, ablate, cut, set, medium') },
);

type RecordedAction = z.output<typeof recordedAction>;

const recordingSchema = z.union([
  z.array(recordedAction),
  z.strictObject({
    circuit: z.string().min(1).optional(),
    arena: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    medium: z.enum(['agar', 'water']).optional(),
    worm: z.strictObject({ x: num, y: num, heading: num.optional() }).optional(),
    durationMs: num.positive().optional(),
    actions: z.array(recordedAction),
  }),
]);

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

function toAction(a: RecordedAction): Action {
  switch (a.action) {
    case 'poke':
      return { type: 'poke', position: a.position, side: a.side ?? 'both', kind: a.kind ?? 'gentle', ...(a.force !== undefined && { force: a.force }) };
    case 'tap':
      return { type: 'tap', ...(a.force !== undefined && { force: a.force }) };
    case 'food':
      return { type: 'food', x: a.x, y: a.y, ...(a.amount !== undefined && { amount: a.amount }) };
    case 'heat':
      return { type: 'heat', x: a.x, y: a.y, deltaC: a.deltaC, ...(a.radius !== undefined && { radius: a.radius }) };
    case 'ablate':
      return { type: 'ablate', neuron: a.neuron };
    case 'cut':
      return { type: 'cut', from: a.from, to: a.to };
    case 'set':
      return { type: 'set', neuron: a.neuron, param: a.param, value: a.value };
    case 'medium':
      return { type: 'medium', medium: a.medium };
  }
}

/** A recording (parsed JSON) → a canonical scenario with the player's actions and no expectations yet. */
export function recordingToScenario(input: unknown, opts: RecordOptions, file = '<recording>', locate: LocatedText['locate'] = () => ({})): Scenario {
  const r = recordingSchema.safeParse(input);
  if (!r.success) throw new ScenarioError(file, issuesWithLines(r.error.issues, locate));
  return buildScenario(r.data, opts);
}

function buildScenario(data: z.output<typeof recordingSchema>, opts: RecordOptions): Scenario {
  const meta: Partial<Exclude<typeof data, unknown[]>> = Array.isArray(data) ? {} : data;
  const actions = (Array.isArray(data) ? data : data.actions).slice().sort((a, b) => a.atMs - b.atMs);
  const counts: Record<string, number> = {};
  const timeline: TimelineItem[] = actions.map((a) => ({
    atMs: a.atMs,
    everyMs: 0,
    times: 1,
    label: `${a.action}${(counts[a.action] = (counts[a.action] ?? 0) + 1)}`,
    action: toAction(a),
  }));
  const last = actions.length ? actions[actions.length - 1].atMs : 0;
  const durationMs = opts.durationMs ?? meta.durationMs ?? last + (opts.tailMs ?? 5000);
  if (durationMs <= last) throw new Error(`duration ${durationMs} ms ends before the last recorded action at ${last} ms: give a longer --duration`);
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
