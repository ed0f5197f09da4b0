/** `reachesFood: {after, within, distance}` — the nose comes within `distance` of food in time. */
import type { z } from 'zod';
import { anchor, length, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { samplesIn } from '../recording';
import { formatMs, lengthMm, round } from '../units';
import { anchorMs, describeAnchor } from '../windows';
import { anchorDoc, checkAfterWindow, type ExpectationKind, START } from './kind';

const DEFAULT_REACH = { value: 0.2, unit: 'mm' } as const;

const schema = strict(
  {
    after: anchor.optional(),
    within: time('time limit (within)', R['within, for, window']),
    distance: length('reach distance', R['atLeast, distance (lengths)']).optional(),
  },
  'reachesFood',
).transform((r) => ({ kind: 'reachesFood' as const, after: r.after ?? START, withinMs: r.within, distance: r.distance ?? { ...DEFAULT_REACH } }));

export type ReachesFood = z.output<typeof schema>;

export const reachesFood: ExpectationKind<'reachesFood', ReachesFood> = {
  kind: 'reachesFood',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.withinMs, 'within');
    return e;
  },
  needs: (_e, _s, n) => n.food(),
  evaluate: (e, rec, ctx) => {
    const a = anchorMs(ctx.scenario, e.after);
    const b = a + e.withinMs;
    if (!rec.food) throw new Error('distance to food was not recorded');
    const reach = lengthMm(e.distance, rec.bodyLengthMm);
    const name = `reaches food within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`;
    const [i0, i1] = samplesIn(rec, a, b);
    let closest = Infinity;
    let closestAt = a;
    for (let j = i0; j <= i1; j++) {
      const d = rec.food[j];
      if (d <= reach)
        return {
          name,
          pass: true,
          measured: rec.t[j] - a,
          bound: `≤ ${e.withinMs}`,
          unit: 'ms',
          detail: `nose within ${reach} mm of food at ${formatMs(rec.t[j])}`,
        };
      if (d < closest) {
        closest = d;
        closestAt = rec.t[j];
      }
    }
    return {
      name,
      pass: false,
      measured: null,
      bound: `≤ ${e.withinMs}`,
      unit: 'ms',
      detail: Number.isFinite(closest)
        ? `closest approach ${round(closest, 4)} mm at ${formatMs(closestAt)} (reach distance ${reach} mm)`
        : 'there was no food',
    };
  },
  toDoc: (e) => ({ after: anchorDoc(e.after), within: e.withinMs, distance: `${e.distance.value}${e.distance.unit}` }),
  docs: {
    fields: '`after`, `within`, `distance` (default 0.2 mm)',
    measured: 'time (ms) until the nose is within `distance` of the nearest food (`distanceToFoodMm`), sampled; else the closest approach in the detail',
    pass: 'reached in time',
  },
};
