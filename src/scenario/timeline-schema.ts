/**
 * The timeline's part of the scenario format: each action's schema (file
 * form → canonical action) and a timeline item's. The canonical types of the
 * timeline come from here; schema.ts builds the timeline from the items.
 */
import { z } from 'zod';
import { forwardIssues, kindOf, label, length, neuron, num, oneOf, strict, text, time, withFix } from './fields';
import { SCENARIO_RANGES as R } from './ranges';
import type { Length } from './units';

const xy = (what: string) => num(what, R['food.x, food.y, heat.x, heat.y']);
const offset = (what: string) => length(what, R['ahead, left, right']);

/**
 * Where food or heat goes: plate coordinates (x, y), or relative to the nose
 * when the action happens: `ahead` along the head's heading, `left` or `right`
 * across it; 0 ahead is at the nose.
 */
export type Place = { x: number; y: number } | { ahead: Length; left?: Length; right?: Length };

/** Checks that exactly one way of placing is given and returns it. */
function place(
  p: { x?: number | undefined; y?: number | undefined; ahead?: Length | undefined; left?: Length | undefined; right?: Length | undefined },
  ctx: z.core.$RefinementCtx,
): Place {
  const plate = p.x !== undefined || p.y !== undefined;
  if (p.left !== undefined && p.right !== undefined)
    ctx.addIssue({ code: 'custom', path: ['right'], message: withFix('both left and right given', 'give one side: left or right') });
  if (p.ahead !== undefined) {
    if (plate)
      ctx.addIssue({
        code: 'custom',
        path: [p.x !== undefined ? 'x' : 'y'],
        message: withFix('both x/y and ahead given', 'place it on the plate (x, y) or relative to the nose (ahead, left/right), not both'),
      });
    return { ahead: p.ahead, ...(p.left !== undefined && { left: p.left }), ...(p.right !== undefined && { right: p.right }) };
  }
  const side = p.left !== undefined ? 'left' : p.right !== undefined ? 'right' : undefined;
  if (side) {
    ctx.addIssue({ code: 'custom', path: [side], message: withFix(`${side} without ahead`, 'write ahead: 0mm for a place beside the nose') });
    return { x: 0, y: 0 };
  }
  if (p.x === undefined || p.y === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [p.x === undefined ? 'x' : 'y'],
      message: withFix(`missing ${p.x === undefined ? 'x' : 'y'}`, 'give x and y (mm on the plate), or ahead: 2mm (from the nose)'),
    });
    return { x: 0, y: 0 };
  }
  return { x: p.x, y: p.y };
}

export const ACTION_SCHEMAS = {
  wait: time('wait time', R.wait),
  poke: strict(
    {
      position: num('body position', R['poke.position']),
      side: oneOf(['left', 'right', 'both'] as const, 'side').optional(),
      kind: oneOf(['gentle', 'harsh'] as const, 'touch kind').optional(),
      force: num('force', R['poke.force, tap.force']).optional(),
    },
    'poke',
  ).transform((p) => ({
    type: 'poke' as const,
    position: p.position,
    side: p.side ?? 'both',
    kind: p.kind ?? 'gentle',
    ...(p.force !== undefined && { force: p.force }),
  })),
  tap: strict({ force: num('force', R['poke.force, tap.force']).optional() }, 'tap')
    .nullable()
    .transform((t) => ({ type: 'tap' as const, ...(t?.force !== undefined && { force: t.force }) })),
  food: strict(
    {
      x: xy('food x (mm)').optional(),
      y: xy('food y (mm)').optional(),
      ahead: offset('ahead of the nose').optional(),
      left: offset('left of the nose').optional(),
      right: offset('right of the nose').optional(),
      amount: num('food amount', R['food.amount']).optional(),
    },
    'food',
  ).transform((f, ctx) => ({
    type: 'food' as const,
    ...place(f, ctx),
    ...(f.amount !== undefined && { amount: f.amount }),
  })),
  heat: strict(
    {
      x: xy('heat x (mm)').optional(),
      y: xy('heat y (mm)').optional(),
      ahead: offset('ahead of the nose').optional(),
      left: offset('left of the nose').optional(),
      right: offset('right of the nose').optional(),
      deltaC: num('deltaC (°C)', R['heat.deltaC']).refine((d) => d !== 0, { message: withFix('deltaC is 0', 'heat with deltaC > 0, cool with deltaC < 0') }),
      radius: num('radius (mm)', R['heat.radius']).optional(),
    },
    'heat',
  ).transform((h, ctx) => ({ type: 'heat' as const, ...place(h, ctx), deltaC: h.deltaC, ...(h.radius !== undefined && { radius: h.radius }) })),
  ablate: strict({ neuron: neuron() }, 'ablate').transform((a) => ({ type: 'ablate' as const, neuron: a.neuron })),
  cut: strict({ from: neuron('presynaptic neuron'), to: neuron('postsynaptic neuron') }, 'cut').transform((c) => ({
    type: 'cut' as const,
    from: c.from,
    to: c.to,
  })),
  set: strict({ neuron: neuron(), param: text('parameter name'), value: num('value', R['set.value']) }, 'set').transform((s) => ({
    type: 'set' as const,
    neuron: s.neuron,
    param: s.param,
    value: s.value,
  })),
  medium: oneOf(['agar', 'water'] as const, 'medium').transform((medium) => ({ type: 'medium' as const, medium })),
} as const;

type ActionKey = Exclude<keyof typeof ACTION_SCHEMAS, 'wait'>;
/** One timeline action in canonical form. */
export type Action = { [K in ActionKey]: z.output<(typeof ACTION_SCHEMAS)[K]> }[ActionKey];

export const ACTION_KEYS = Object.keys(ACTION_SCHEMAS) as Array<keyof typeof ACTION_SCHEMAS>;

/** A state of the worm a `when:` item waits for (read from the behaviour tracker and measures, never from a scene). */
export type Trigger =
  | { on: 'reversing' | 'forward' | 'omega' }
  | { on: 'inZone'; zone: string }
  | { on: 'nearFood'; within: Length }
  | { on: 'neuron'; neuron: string; above: number };

export const TRIGGER_STATES = ['reversing', 'forward', 'omega'] as const;
const TRIGGER_FIX = 'write when: reversing | forward | omega, or when: {inZone: hot}, {nearFood: 1mm}, {neuron: AVA, above: 0.5}';

const triggerMap = strict(
  {
    inZone: text('zone id').optional(),
    nearFood: length('nearFood distance', R['atLeast, distance (lengths)']).optional(),
    neuron: neuron().optional(),
    above: num('neuron level (above)', R.threshold).optional(),
  },
  'when',
);

export const triggerSchema = z.unknown().transform((v, ctx): Trigger => {
  if (typeof v === 'string') {
    if ((TRIGGER_STATES as readonly string[]).includes(v)) return { on: v as (typeof TRIGGER_STATES)[number] };
    ctx.addIssue({ code: 'custom', message: withFix(`when ${JSON.stringify(v)} is not a state of the worm`, TRIGGER_FIX) });
    return z.NEVER;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    ctx.addIssue({ code: 'custom', message: withFix(`when must be a state or a mapping, got ${kindOf(v)}`, TRIGGER_FIX) });
    return z.NEVER;
  }
  const r = triggerMap.safeParse(v, { reportInput: true });
  if (!r.success) {
    forwardIssues(ctx, r.error.issues);
    return z.NEVER;
  }
  const m = r.data;
  const given = (['inZone', 'nearFood', 'neuron'] as const).filter((k) => m[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: withFix(given.length ? `when has ${given.join(' and ')}: one condition per item` : 'when names no condition', TRIGGER_FIX),
    });
    return z.NEVER;
  }
  if (m.inZone !== undefined) return { on: 'inZone', zone: m.inZone };
  if (m.nearFood !== undefined) return { on: 'nearFood', within: m.nearFood };
  if (m.above === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['above'],
      message: withFix('a neuron condition needs a level', 'write when: {neuron: AVA, above: 0.5} (output 0..1)'),
    });
    return z.NEVER;
  }
  return { on: 'neuron', neuron: m.neuron!, above: m.above };
});

export const timelineItemSchema = strict(
  {
    at: time('time (at)', R['timeline[].at']).optional(),
    every: time('repeat interval (every)', R['timeline[].every']).optional(),
    times: num('repeat count (times)', R['timeline[].times']).optional(),
    label: label().optional(),
    when: triggerSchema.optional(),
    delay: time('delay', R['delay, refractory']).optional(),
    refractory: time('refractory', R['delay, refractory']).optional(),
    ...Object.fromEntries(ACTION_KEYS.map((k) => [k, ACTION_SCHEMAS[k].optional()])),
  } as {
    at: z.ZodOptional<ReturnType<typeof time>>;
    every: z.ZodOptional<ReturnType<typeof time>>;
    times: z.ZodOptional<ReturnType<typeof num>>;
    label: z.ZodOptional<ReturnType<typeof label>>;
    when: z.ZodOptional<typeof triggerSchema>;
    delay: z.ZodOptional<ReturnType<typeof time>>;
    refractory: z.ZodOptional<ReturnType<typeof time>>;
  } & { [K in keyof typeof ACTION_SCHEMAS]: z.ZodOptional<(typeof ACTION_SCHEMAS)[K]> },
  'timeline item',
);

export interface TimelineItem {
  /** When the (first) action happens, ms. */
  atMs: number;
  /** Repeats: the action happens `times` times, everyMs apart (times = 1: once). */
  everyMs: number;
  times: number;
  /** Name expectations use to refer to this item (`after: head-touch`). */
  label?: string;
  action: Action;
  /**
   * A triggered item: armed from atMs, it fires `delayMs` after the worm
   * enters the state, at most `times` times, never twice within
   * `refractoryMs`; everyMs is 0.
   */
  when?: { trigger: Trigger; delayMs: number; refractoryMs: number };
}
