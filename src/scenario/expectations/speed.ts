/** `speed: {between: [low, high], after, for}` — mean centroid speed in a range. */
import type { z } from 'zod';
import { anchor, pair, speed as speedField, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { meanSpeed } from '../recording';
import { round, speedMmPerS } from '../units';
import { windowOf } from '../windows';
import { bendSuffix, minBendDoc, minBendField, needBend, stillResult, tooStill } from './bend';
import { checkAfterWindow, type ExpectationKind, span, win, windowDoc } from './kind';

const schema = strict(
  {
    between: pair(speedField('speed', R['speed between']), 'speed between'),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
    minBend: minBendField(),
  },
  'speed',
).transform((r) => ({
  kind: 'speed' as const,
  min: r.between[0],
  max: r.between[1],
  ...(r.minBend !== undefined && { minBend: r.minBend }),
  ...win(r),
}));

export type SpeedExpectation = z.output<typeof schema>;

export const speed: ExpectationKind<'speed', SpeedExpectation> = {
  kind: 'speed',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, s, n) => needBend(n, s, e.minBend, e.after, e.forMs),
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const v = meanSpeed(rec, a, b);
    const lo = speedMmPerS(e.min, rec.bodyLengthMm);
    const hi = speedMmPerS(e.max, rec.bodyLengthMm);
    const inBl = e.min.unit === 'bl/s' && e.max.unit === 'bl/s';
    const k = inBl ? 1 / rec.bodyLengthMm : 1;
    const name = `speed between ${round(lo * k, 4)} and ${round(hi * k, 4)} ${inBl ? 'bl/s' : 'mm/s'} in ${span(a, b)}${bendSuffix(e.minBend)}`;
    const bound = `${round(lo * k, 6)} .. ${round(hi * k, 6)}`;
    const unit = inBl ? 'bl/s' : 'mm/s';
    const detail = `mean centroid speed ${round(v, 4)} mm/s (${round(v / rec.bodyLengthMm, 4)} bl/s)`;
    const still = tooStill(rec, e.minBend, a, b);
    if (still) return stillResult({ name, bound, unit, detail: '' }, `${still}; its ${detail}`);
    return { name, pass: v >= lo && v <= hi, measured: v * k, bound, unit, detail };
  },
  toDoc: (e) => ({ between: [`${e.min.value}${e.min.unit}`, `${e.max.value}${e.max.unit}`], ...minBendDoc(e.minBend), ...windowDoc(e) }),
  docs: {
    fields: '`between: [low, high]`, `after`, `for`, optional `minBend` (κL)',
    measured: 'mean centroid speed: at each sample, net centroid displacement over the previous 1 s (the window if shorter), averaged; bl/s if both bounds are',
    pass: 'low ≤ v ≤ high; with `minBend`, only if the body bends that much over the window (`bendAmplitude`), else not measured',
  },
};
