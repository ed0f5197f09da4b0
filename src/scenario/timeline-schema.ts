/**
 * The timeline's part of the scenario format: each action's schema (file
 * form → canonical action) and a timeline item's. The canonical types of the
 * timeline come from here; schema.ts builds the timeline from the items.
 */
import type { z } from 'zod';
import { label, neuron, num, oneOf, strict, text, time, withFix } from './fields';
import { SCENARIO_RANGES as R } from './ranges';

const xy = (what: string) => num(what, R['food.x, food.y, heat.x, heat.y']);

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
  food: strict({ x: xy('food x (mm)'), y: xy('food y (mm)'), amount: num('food amount', R['food.amount']).optional() }, 'food').transform((f) => ({
    type: 'food' as const,
    x: f.x,
    y: f.y,
    ...(f.amount !== undefined && { amount: f.amount }),
  })),
  heat: strict(
    {
      x: xy('heat x (mm)'),
      y: xy('heat y (mm)'),
      deltaC: num('deltaC (°C)', R['heat.deltaC']).refine((d) => d !== 0, { message: withFix('deltaC is 0', 'heat with deltaC > 0, cool with deltaC < 0') }),
      radius: num('radius (mm)', R['heat.radius']).optional(),
    },
    'heat',
  ).transform((h) => ({ type: 'heat' as const, x: h.x, y: h.y, deltaC: h.deltaC, ...(h.radius !== undefined && { radius: h.radius }) })),
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

export const timelineItemSchema = strict(
  {
    at: time('time (at)', R['timeline[].at']).optional(),
    every: time('repeat interval (every)', R['timeline[].every']).optional(),
    times: num('repeat count (times)', R['timeline[].times']).optional(),
    label: label().optional(),
    ...Object.fromEntries(ACTION_KEYS.map((k) => [k, ACTION_SCHEMAS[k].optional()])),
  } as {
    at: z.ZodOptional<ReturnType<typeof time>>;
    every: z.ZodOptional<ReturnType<typeof time>>;
    times: z.ZodOptional<ReturnType<typeof num>>;
    label: z.ZodOptional<ReturnType<typeof label>>;
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
}
