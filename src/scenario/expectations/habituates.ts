/** `habituates: {train, response, window, k, ratioBelow}` — response k to a tap or poke train is weaker than response 1. */
import type { z } from 'zod';
import { label, num, oneOf, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { round } from '../units';
import { labelled, trainTimes } from '../windows';
import type { ExpectationKind } from './kind';
import { DEFAULT_RESPONSE_WINDOW_MS, RESPONSE_FLOOR, response, responseName, responseUnit } from './measures';

export const RESPONSES = ['reversalDistance', 'peakBackwardSpeed'] as const;

const schema = strict(
  {
    train: label('train label'),
    response: oneOf(RESPONSES, 'response measure').optional(),
    window: time('response window', R['within, for, window']).optional(),
    k: num('response number k', R.k).optional(),
    ratioBelow: num('ratioBelow', R.ratioBelow).optional(),
  },
  'habituates',
).transform((r) => ({
  kind: 'habituates' as const,
  train: r.train,
  response: r.response ?? 'reversalDistance',
  windowMs: r.window ?? DEFAULT_RESPONSE_WINDOW_MS,
  ...(r.k !== undefined && { k: r.k }),
  ratioBelow: r.ratioBelow ?? 1,
}));

export type Habituates = z.output<typeof schema>;

export const habituates: ExpectationKind<'habituates', Habituates> = {
  kind: 'habituates',
  schema,
  check: (e, c) => {
    const train = c.train(e.train, c.at('train'));
    if (!train) return e;
    const windowMs = c.raw.window === undefined ? Math.min(DEFAULT_RESPONSE_WINDOW_MS, train.everyMs) : e.windowMs;
    if (e.k !== undefined && e.k > train.times) c.issue(c.at('k'), `k = ${e.k} but the train has only ${train.times} stimuli`, `use k ≤ ${train.times}`);
    c.checkWindow(c.at('window'), train.atMs + (train.times - 1) * train.everyMs, windowMs);
    return { ...e, windowMs };
  },
  needs: () => {},
  evaluate: (e, rec, ctx) => {
    const times = trainTimes(labelled(ctx.scenario, e.train));
    const responses = times.map((t) => response(rec, e.response, t, t + e.windowMs));
    const k = e.k ?? times.length;
    const r1 = responses[0];
    const rk = responses[k - 1];
    const ratio = r1 > RESPONSE_FLOOR ? rk / r1 : null;
    const unit = responseUnit(e.response);
    return {
      name: `habituates: response ${k} < ${e.ratioBelow} × response 1 over train ${e.train} (${responseName(e.response)})`,
      pass: ratio !== null && ratio < e.ratioBelow,
      measured: ratio,
      bound: `< ${e.ratioBelow}`,
      unit: 'ratio',
      detail:
        (r1 > RESPONSE_FLOOR ? '' : 'no response to the first stimulus, so nothing could habituate; ') +
        `responses (${unit}): ${responses.map((r, i) => `${i + 1}: ${round(r, 4)}`).join(', ')}`,
      responses,
    };
  },
  toDoc: (e) => ({ train: e.train, response: e.response, window: e.windowMs, ...(e.k !== undefined && { k: e.k }), ratioBelow: e.ratioBelow }),
  docs: {
    fields:
      '`train` (label of a tap/poke train), `response` reversalDistance / peakBackwardSpeed, `window` (default min(3 s, interval)), `k` (default: last), `ratioBelow` (default 1)',
    measured: 'ratio response k / response 1; **every response** is reported (`responses`, detail)',
    pass: 'ratio < ratioBelow',
  },
};
