/** `moves: {direction, atLeast, after, for}` — net travel along the body, forward or backward. */
import type { z } from 'zod';
import { anchor, length, oneOf, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { alongTravel } from '../recording';
import { lengthMm, round } from '../units';
import { windowOf } from '../windows';
import { checkAfterWindow, type ExpectationKind, span, win, windowDoc } from './kind';

const schema = strict(
  {
    direction: oneOf(['forward', 'backward'] as const, 'direction'),
    atLeast: length('distance (atLeast)', R['atLeast, distance (lengths)']),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
  },
  'moves',
).transform((r) => ({ kind: 'moves' as const, direction: r.direction, atLeast: r.atLeast, ...win(r) }));

export type Moves = z.output<typeof schema>;

export const moves: ExpectationKind<'moves', Moves> = {
  kind: 'moves',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: () => {},
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const net = alongTravel(rec, a, b) * (e.direction === 'forward' ? 1 : -1);
    const boundMm = lengthMm(e.atLeast, rec.bodyLengthMm);
    const inBl = e.atLeast.unit === 'bl';
    return {
      name: `moves ${e.direction} at least ${e.atLeast.value} ${e.atLeast.unit} in ${span(a, b)}`,
      pass: net >= boundMm,
      measured: inBl ? net / rec.bodyLengthMm : net,
      bound: `≥ ${e.atLeast.value}`,
      unit: e.atLeast.unit,
      detail: `net ${e.direction} travel along the body ${round(net, 4)} mm (body length ${rec.bodyLengthMm} mm)`,
    };
  },
  toDoc: (e) => ({ direction: e.direction, atLeast: `${e.atLeast.value}${e.atLeast.unit}`, ...windowDoc(e) }),
  docs: {
    fields: '`direction` forward/backward, `atLeast` length, `after`, `for`',
    measured:
      'net travel along the body (mm, or bl if the bound is in bl): the per-step along-body velocity of all segments (`kinematics.alongBodyVelocity`), integrated exactly every step by the behaviour tracker, leaving out the steps while a poke pushes the body; forward positive',
    pass: '≥ atLeast',
  },
};
