/** `waveDirection: {direction, after, for}` — which way the body wave travels over the window. */
import type { z } from 'zod';
import { anchor, oneOf, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { windowOf } from '../windows';
import { bendSuffix, minBendDoc, minBendField, needBend, stillResult, tooStill } from './bend';
import { readingDoc, readingField } from './reading';
import { checkAfterWindow, type ExpectationKind, probeFor, span, win, windowDoc } from './kind';
import { probeValue } from './measures';

const schema = strict(
  {
    direction: oneOf(['head-to-tail', 'tail-to-head'] as const, 'wave direction'),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
    minBend: minBendField(),
    reading: readingField(),
  },
  'waveDirection',
).transform((r) => ({
  kind: 'waveDirection' as const,
  direction: r.direction,
  ...(r.minBend !== undefined && { minBend: r.minBend }),
  ...(r.reading === 'spectrum' && { reading: r.reading }),
  ...win(r),
}));

export type WaveDirection = z.output<typeof schema>;

export const waveDirection: ExpectationKind<'waveDirection', WaveDirection> = {
  kind: 'waveDirection',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, s, n) => {
    n.probe(probeFor(s, 'waveDirection', e.after, e.forMs, e.reading));
    needBend(n, s, e.minBend, e.after, e.forMs);
  },
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const d = probeValue(rec, 'waveDirection', a, b, e.reading);
    const measured = d > 0 ? 'head-to-tail' : d < 0 ? 'tail-to-head' : 'unclear';
    const name = `body wave travels ${e.direction} in ${span(a, b)}${bendSuffix(e.minBend)}`;
    const still = tooStill(rec, e.minBend, a, b);
    if (still) return stillResult({ name, bound: `= ${e.direction}`, unit: '', detail: '' }, `${still}; its ${measured} wave`);
    return {
      name,
      pass: measured === e.direction,
      measured,
      bound: `= ${e.direction}`,
      unit: '',
      detail: 'from the phase of the bend along body 0.2–0.8',
    };
  },
  toDoc: (e) => ({ direction: e.direction, ...minBendDoc(e.minBend), ...readingDoc(e.reading), ...windowDoc(e) }),
  docs: {
    fields: '`direction` head-to-tail / tail-to-head, `after`, `for`, optional `minBend` (κL), optional `reading: spectrum` (the phase read at that frequency)',
    measured: '`waveDirection(window)` at the window end: `head-to-tail`, `tail-to-head` or `unclear`',
    pass: 'matches; with `minBend`, only if the body bends that much over the window (`bendAmplitude`), else not measured',
  },
};
