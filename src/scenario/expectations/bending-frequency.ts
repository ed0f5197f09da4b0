/** `bendingFrequency: {between: [low, high], after, for}` — the simulation's bending frequency over the window. */
import type { z } from 'zod';
import { anchor, frequency, pair, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { formatMs } from '../units';
import { windowOf } from '../windows';
import { bendSuffix, minBendDoc, minBendField, needBend, stillResult, tooStill } from './bend';
import { readingDoc, readingField } from './reading';
import { checkAfterWindow, type ExpectationKind, probeFor, span, win, windowDoc } from './kind';
import { probeValue } from './measures';

const schema = strict(
  {
    between: pair(frequency('frequency', R['bendingFrequency between']), 'frequency between'),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
    minBend: minBendField(),
    reading: readingField(),
  },
  'bendingFrequency',
).transform((r) => ({
  kind: 'bendingFrequency' as const,
  minHz: r.between[0],
  maxHz: r.between[1],
  ...(r.minBend !== undefined && { minBend: r.minBend }),
  ...(r.reading === 'spectrum' && { reading: r.reading }),
  ...win(r),
}));

export type BendingFrequency = z.output<typeof schema>;

export const bendingFrequency: ExpectationKind<'bendingFrequency', BendingFrequency> = {
  kind: 'bendingFrequency',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, s, n) => {
    n.probe(probeFor(s, 'bendingFrequency', e.after, e.forMs, e.reading));
    needBend(n, s, e.minBend, e.after, e.forMs);
  },
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const f = probeValue(rec, 'bendingFrequency', a, b, e.reading);
    const name = `bending frequency between ${e.minHz} and ${e.maxHz} Hz in ${span(a, b)}${bendSuffix(e.minBend)}`;
    const still = tooStill(rec, e.minBend, a, b);
    if (still) return stillResult({ name, bound: `${e.minHz} .. ${e.maxHz}`, unit: 'Hz', detail: '' }, `${still}; its ${f} Hz`);
    return {
      name,
      pass: f >= e.minHz && f <= e.maxHz,
      measured: f,
      bound: `${e.minHz} .. ${e.maxHz}`,
      unit: 'Hz',
      detail:
        f === 0
          ? 'no clear bending oscillation'
          : e.reading === 'spectrum'
            ? `the peak of the curvature's power along body 0.2–0.8 over ${formatMs(b - a)}`
            : `from zero crossings of mid-body curvature over ${formatMs(b - a)}`,
    };
  },
  toDoc: (e) => ({ between: [e.minHz, e.maxHz], ...minBendDoc(e.minBend), ...readingDoc(e.reading), ...windowDoc(e) }),
  docs: {
    fields: '`between: [low, high]` Hz, `after`, `for`, optional `minBend` (κL), optional `reading: spectrum`',
    measured:
      '`bendingFrequencyHz(window)` of the simulation (zero crossings of the curvature at body 0.3; with `reading: spectrum`, the peak of the summed power spectra of the curvature along body 0.2–0.8, which a ripple on a joint that barely swings cannot set), taken when the window ends; the tracker keeps 20 s of history',
    pass: 'low ≤ f ≤ high; with `minBend`, only if the body bends that much over the window (`bendAmplitude`), else not measured',
  },
};
