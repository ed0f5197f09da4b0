/** `reverses: {after, within}` — a reversal starts within the window. */
import type { z } from 'zod';
import { anchor, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { backwardTravel, eventsIn } from '../recording';
import { formatMs, round } from '../units';
import { anchorMs, describeAnchor } from '../windows';
import { anchorDoc, checkAfterWindow, type ExpectationKind, START, span } from './kind';

const schema = strict({ after: anchor.optional(), within: time('time limit (within)', R['within, for, window']) }, 'reverses').transform((r) => ({
  kind: 'reverses' as const,
  after: r.after ?? START,
  withinMs: r.within,
}));

export type Reverses = z.output<typeof schema>;

export const reverses: ExpectationKind<'reverses', Reverses> = {
  kind: 'reverses',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.withinMs, 'within');
    return e;
  },
  needs: () => {},
  evaluate: (e, rec, ctx) => {
    const a = anchorMs(ctx.scenario, e.after);
    const b = a + e.withinMs;
    const first = eventsIn(rec, 'reversal-start', a, b)[0];
    const name = `reverses within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`;
    const bound = `≤ ${e.withinMs}`;
    if (first) return { name, pass: true, measured: first.timeMs - a, bound, unit: 'ms', detail: `reversal started at ${formatMs(first.timeMs)}` };
    const back = backwardTravel(rec, a, b);
    const already = rec.events.filter((ev) => ev.timeMs < a && (ev.type === 'reversal-start' || ev.type === 'reversal-end')).at(-1)?.type === 'reversal-start';
    return {
      name,
      pass: false,
      measured: null,
      bound,
      unit: 'ms',
      detail: `no reversal started in ${span(a, b)}${already ? ' (the worm was already reversing)' : ''}; backward travel there ${round(back, 4)} mm`,
    };
  },
  toDoc: (e) => ({ after: anchorDoc(e.after), within: e.withinMs }),
  docs: {
    fields: '`after`, `within`',
    measured:
      'latency (ms) from the anchor to the first `reversal-start` event in [anchor, anchor + within]: backward crawling the body’s own muscles make (motion while a poke pushes is not counted); the detail says if the worm was already reversing',
    pass: 'an event exists',
  },
};
