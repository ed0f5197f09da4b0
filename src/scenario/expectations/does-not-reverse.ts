/** `doesNotReverse: {after, within}` — no reversal starts within the window. */
import type { z } from 'zod';
import { anchor, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { eventsIn } from '../recording';
import { formatMs } from '../units';
import { anchorMs, describeAnchor } from '../windows';
import { anchorDoc, checkAfterWindow, type ExpectationKind, START, span } from './kind';

const schema = strict({ after: anchor.optional(), within: time('window (within)', R['within, for, window']) }, 'doesNotReverse').transform((r) => ({
  kind: 'doesNotReverse' as const,
  after: r.after ?? START,
  withinMs: r.within,
}));

export type DoesNotReverse = z.output<typeof schema>;

export const doesNotReverse: ExpectationKind<'doesNotReverse', DoesNotReverse> = {
  kind: 'doesNotReverse',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.withinMs, 'within');
    return e;
  },
  needs: () => {},
  evaluate: (e, rec, ctx) => {
    const a = anchorMs(ctx.scenario, e.after);
    const b = a + e.withinMs;
    const starts = eventsIn(rec, 'reversal-start', a, b);
    return {
      name: `does not reverse within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
      pass: starts.length === 0,
      measured: starts.length,
      bound: '= 0',
      unit: 'reversals',
      detail: starts.length ? `reversals started at ${starts.map((s) => formatMs(s.timeMs)).join(', ')}` : `no reversal in ${span(a, b)}`,
    };
  },
  toDoc: (e) => ({ after: anchorDoc(e.after), within: e.withinMs }),
  docs: { fields: '`after`, `within`', measured: 'number of `reversal-start` events in the window', pass: '= 0' },
};
