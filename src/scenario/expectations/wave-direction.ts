/** `waveDirection: {direction, after, for}` — which way the body wave travels over the window. */
import type { z } from 'zod';
import { anchor, oneOf, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { windowOf } from '../windows';
import { checkAfterWindow, type ExpectationKind, probeFor, span, win, windowDoc } from './kind';
import { probeValue } from './measures';

const schema = strict(
  {
    direction: oneOf(['head-to-tail', 'tail-to-head'] as const, 'wave direction'),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
  },
  'waveDirection',
).transform((r) => ({ kind: 'waveDirection' as const, direction: r.direction, ...win(r) }));

export type WaveDirection = z.output<typeof schema>;

export const waveDirection: ExpectationKind<'waveDirection', WaveDirection> = {
  kind: 'waveDirection',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, s, n) => n.probe(probeFor(s, 'waveDirection', e.after, e.forMs)),
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const d = probeValue(rec, 'waveDirection', a, b);
    const measured = d > 0 ? 'head-to-tail' : d < 0 ? 'tail-to-head' : 'unclear';
    return {
      name: `body wave travels ${e.direction} in ${span(a, b)}`,
      pass: measured === e.direction,
      measured,
      bound: `= ${e.direction}`,
      unit: '',
      detail: 'from the lag between curvature at 30 % and 45 % of the body',
    };
  },
  toDoc: (e) => ({ direction: e.direction, ...windowDoc(e) }),
  docs: {
    fields: '`direction` head-to-tail / tail-to-head, `after`, `for`',
    measured: '`waveDirection(window)` at the window end: `head-to-tail`, `tail-to-head` or `unclear`',
    pass: 'matches',
  },
};
