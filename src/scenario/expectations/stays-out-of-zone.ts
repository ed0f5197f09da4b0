/** `staysOutOfZone: {zone, atMost, after, for}` — the nose spends at most `atMost` in the zone. */
import type { z } from 'zod';
import { anchor, strict, text, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { samplesIn, timeFlagged } from '../recording';
import { formatMs } from '../units';
import { windowOf } from '../windows';
import { checkAfterWindow, type ExpectationKind, span, win, windowDoc } from './kind';

const schema = strict(
  {
    zone: text('zone id'),
    atMost: time('time allowed in the zone (atMost)', R.atMost).optional(),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
  },
  'staysOutOfZone',
).transform((r) => ({ kind: 'staysOutOfZone' as const, zone: r.zone, atMostMs: r.atMost ?? 0, ...win(r) }));

export type StaysOutOfZone = z.output<typeof schema>;

export const staysOutOfZone: ExpectationKind<'staysOutOfZone', StaysOutOfZone> = {
  kind: 'staysOutOfZone',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, _s, n) => n.zone(e.zone),
  refs: (e) => [{ zone: e.zone, field: 'zone' }],
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const flags = rec.zones[e.zone];
    if (!flags) throw new Error(`zone "${e.zone}" was not recorded`);
    const ms = timeFlagged(rec, flags, a, b);
    const [i0, i1] = samplesIn(rec, a, b);
    let firstIn = -1;
    for (let j = i0; j <= i1 && firstIn < 0; j++) if (flags[j]) firstIn = j;
    return {
      name: `stays out of zone ${e.zone} in ${span(a, b)}`,
      pass: ms <= e.atMostMs,
      measured: ms,
      bound: `≤ ${e.atMostMs}`,
      unit: 'ms',
      detail: firstIn >= 0 ? `nose first in ${e.zone} at ${formatMs(rec.t[firstIn])}` : `nose never in ${e.zone}`,
    };
  },
  toDoc: (e) => ({ zone: e.zone, atMost: e.atMostMs, ...windowDoc(e) }),
  docs: {
    fields: '`zone`, `atMost` (time, default 0), `after`, `for`',
    measured: 'time (ms) the nose was in the zone (`inZone`), sampled',
    pass: '≤ atMost',
  },
};
