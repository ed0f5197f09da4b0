/** `recovers: {train, test, response, window, ratioAtLeast}` — after a rest the response comes back. */
import type { z } from 'zod';
import { label, num, oneOf, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { round } from '../units';
import { labelled } from '../windows';
import { RESPONSES } from './habituates';
import type { ExpectationKind } from './kind';
import { DEFAULT_RESPONSE_WINDOW_MS, RESPONSE_FLOOR, response, responseName, responseUnit } from './measures';

const schema = strict(
  {
    train: label('train label'),
    test: label('test label'),
    response: oneOf(RESPONSES, 'response measure').optional(),
    window: time('response window', R['within, for, window']).optional(),
    ratioAtLeast: num('ratioAtLeast', R.ratioAtLeast).optional(),
  },
  'recovers',
).transform((r) => ({
  kind: 'recovers' as const,
  train: r.train,
  test: r.test,
  response: r.response ?? 'reversalDistance',
  windowMs: r.window ?? DEFAULT_RESPONSE_WINDOW_MS,
  ratioAtLeast: r.ratioAtLeast ?? 0.5,
}));

export type Recovers = z.output<typeof schema>;

export const recovers: ExpectationKind<'recovers', Recovers> = {
  kind: 'recovers',
  schema,
  check: (e, c) => {
    const train = c.train(e.train, c.at('train'));
    const test = c.anchorMs({ label: e.test }, c.at('test'));
    const windowMs = train && c.raw.window === undefined ? Math.min(DEFAULT_RESPONSE_WINDOW_MS, train.everyMs) : e.windowMs;
    c.checkWindow(c.at('window'), test, windowMs);
    return { ...e, windowMs };
  },
  needs: () => {},
  evaluate: (e, rec, ctx) => {
    const t1 = labelled(ctx.scenario, e.train).atMs;
    const r1 = response(rec, e.response, t1, t1 + e.windowMs);
    const tt = labelled(ctx.scenario, e.test).atMs;
    const rt = response(rec, e.response, tt, tt + e.windowMs);
    const ratio = r1 > RESPONSE_FLOOR ? rt / r1 : null;
    const unit = responseUnit(e.response);
    return {
      name: `recovers: response to ${e.test} ≥ ${e.ratioAtLeast} × first response of ${e.train} (${responseName(e.response)})`,
      pass: ratio !== null && ratio >= e.ratioAtLeast,
      measured: ratio,
      bound: `≥ ${e.ratioAtLeast}`,
      unit: 'ratio',
      detail: `first response ${round(r1, 4)} ${unit}, after rest ${round(rt, 4)} ${unit}`,
      responses: [r1, rt],
    };
  },
  toDoc: (e) => ({ train: e.train, test: e.test, response: e.response, window: e.windowMs, ratioAtLeast: e.ratioAtLeast }),
  docs: {
    fields: '`train`, `test` (label of the stimulus after the rest), `response`, `window`, `ratioAtLeast` (default 0.5)',
    measured: 'ratio test response / first response of the train',
    pass: '≥ ratioAtLeast',
  },
};
