/**
 * `distanceTo: {target, below | above | between, after, for}` — the nose stays
 * within a distance of the food (target: food) or of a zone of the arena
 * (target: its id) over the window: below (the farthest it got), above (the
 * closest), or between (both). Distances in mm or body lengths; 0 inside a zone.
 */
import type { z } from 'zod';
import { anchor, length, pair, strict, text, time, withFix } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { samplesIn } from '../recording';
import { formatMs, type Length, lengthMm, round } from '../units';
import { windowOf } from '../windows';
import { checkAfterWindow, type ExpectationKind, span, win, windowDoc } from './kind';

const distance = (what: string) => length(what, R['atLeast, distance (lengths)']);

const schema = strict(
  {
    target: text('target', /./, 'food, or the id of a zone of the arena'),
    below: distance('distance (below)').optional(),
    above: distance('distance (above)').optional(),
    between: pair(distance('distance'), 'between').optional(),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
  },
  'distanceTo',
).transform((r, ctx) => {
  const given = [r.below, r.above, r.between].filter((b) => b !== undefined).length;
  if (given !== 1)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: withFix(`distanceTo needs one bound, got ${given}`, 'give one of below: 0.5mm, above: 2mm or between: [0.2mm, 1mm]'),
    });
  const min: Length | undefined = r.between?.[0] ?? r.above;
  const max: Length | undefined = r.between?.[1] ?? r.below;
  return { kind: 'distanceTo' as const, target: r.target, ...(min && { min }), ...(max && { max }), ...win(r) };
});

export type DistanceTo = z.output<typeof schema>;

const show = (l: Length) => `${l.value} ${l.unit}`;

export const distanceTo: ExpectationKind<'distanceTo', DistanceTo> = {
  kind: 'distanceTo',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, _s, n) => {
    if (e.target === 'food') n.food();
  },
  refs: (e) => (e.target === 'food' ? [] : [{ zone: e.target, field: 'target' }]),
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const [i0, i1] = samplesIn(rec, a, b);
    const zoneDistance = ctx.zoneDistanceMm;
    const at = (j: number): number => {
      if (e.target === 'food') {
        if (!rec.food) throw new Error('distance to food was not recorded');
        return rec.food[j];
      }
      if (!zoneDistance) throw new Error('this simulation cannot measure distances to zones');
      return zoneDistance(e.target, rec.hx[j], rec.hy[j]);
    };
    let closest = Infinity;
    let farthest = -Infinity;
    let closestAt = a;
    let farthestAt = a;
    for (let j = i0; j <= i1; j++) {
      const d = at(j);
      if (d < closest) [closest, closestAt] = [d, rec.t[j]];
      if (d > farthest) [farthest, farthestAt] = [d, rec.t[j]];
    }
    const lo = e.min && lengthMm(e.min, rec.bodyLengthMm);
    const hi = e.max && lengthMm(e.max, rec.bodyLengthMm);
    const unit = (e.min ?? e.max)?.unit ?? 'mm';
    const k = unit === 'bl' ? 1 / rec.bodyLengthMm : 1;
    const tooFar = hi !== undefined && farthest > hi;
    const measured = tooFar || lo === undefined ? farthest : closest;
    const bound = e.min && e.max ? `${e.min.value} .. ${e.max.value}` : e.max ? `≤ ${e.max.value}` : `≥ ${e.min?.value}`;
    const what = e.target === 'food' ? 'the food' : `zone ${e.target}`;
    return {
      name: `nose ${e.min && e.max ? `between ${show(e.min)} and ${show(e.max)}` : e.max ? `within ${show(e.max)}` : `at least ${show(e.min as Length)}`} of ${what} in ${span(a, b)}`,
      pass: Number.isFinite(closest) && !tooFar && (lo === undefined || closest >= lo),
      measured: Number.isFinite(measured) ? measured * k : null,
      bound,
      unit,
      detail: Number.isFinite(closest)
        ? `distance to ${what}: closest ${round(closest, 4)} mm at ${formatMs(closestAt)}, farthest ${round(farthest, 4)} mm at ${formatMs(farthestAt)}`
        : `there was no ${e.target === 'food' ? 'food' : 'sample'} to measure`,
    };
  },
  toDoc: (e) => ({
    target: e.target,
    ...(e.min && e.max
      ? { between: [show(e.min).replace(' ', ''), show(e.max).replace(' ', '')] }
      : e.max
        ? { below: show(e.max).replace(' ', '') }
        : { above: show(e.min as Length).replace(' ', '') }),
    ...windowDoc(e),
  }),
  docs: {
    fields: '`target` food or a zone id, one of `below`, `above`, `between: [low, high]` (lengths), `after`, `for`',
    measured:
      'distance (mm, or bl if the bound is) from the nose to the nearest food (`distanceToFoodMm`) or to the zone (0 inside it), sampled: the farthest in the window for `below`, the closest for `above`',
    pass: 'below: farthest ≤ bound; above: closest ≥ bound; between: both inside',
  },
};
