/**
 * The stretch receptors' pass (proprioception.ts, stretchKernel: Transducers.add written into one loop over
 * the bindings, session 19) against the loop it replaced, binding by binding through Transducers.add: the same
 * numbers bit for bit, for current and conductance transduction, rates, lags, bends of either sign and zeros.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StretchBinding } from './bindings';
import { ProprioceptionController } from './proprioception';
import { CURRENT_TRANSDUCTION, TRANSDUCTION_REVERSAL, Transducers } from './transduction';

const SEGMENTS = 12;
const LENGTH_MM = 1.1;

/** The pass before session 19 (a method over the bindings calling Transducers.add), with its own state. */
function referencePass(bindings: readonly StretchBinding[], stepMs: number) {
  const points = SEGMENTS - 2;
  const joint = bindings.map((b) => Math.min(points - 1, Math.max(0, Math.round(b.at * (SEGMENTS - 1)) - 1)));
  const scale = bindings.map((b) => b.gain * LENGTH_MM * (b.side === 'left' ? 1 : -1));
  const transducers = new Transducers(bindings);
  const rate = bindings.map((b) => (b.rateMs ?? 0) / stepMs);
  const last = bindings.map(() => Number.NaN);
  const follow = bindings.map((b) => ((b.lagMs ?? 0) > 0 ? 1 - Math.exp(-stepMs / (b.lagMs as number)) : 1));
  const lagged = bindings.map(() => Number.NaN);
  return (input: Float64Array, conductance: Float64Array, curvature: Float64Array) => {
    for (let k = 0; k < joint.length; k++) {
      const x = curvature[joint[k]];
      const r = rate[k];
      let bend = x;
      if (follow[k] !== 1) bend = lagged[k] = Number.isNaN(lagged[k]) ? x : lagged[k] + follow[k] * (x - lagged[k]);
      const felt = r === 0 || Number.isNaN(last[k]) ? bend : bend + r * (x - last[k]);
      last[k] = x;
      transducers.add(k, scale[k] * felt, input, conductance);
    }
  };
}

const binding = (neurons: number) =>
  fc
    .record({
      neuron: fc.integer({ min: 0, max: neurons - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      side: fc.constantFrom('left' as const, 'right' as const),
      gain: fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(0, -0)),
      rateMs: fc.oneof(fc.constant(undefined), fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
      lagMs: fc.oneof(fc.constant(undefined), fc.constant(0), fc.double({ min: 1, max: 500, noNaN: true })),
      transduction: fc.oneof(
        fc.constant(CURRENT_TRANSDUCTION),
        fc.record({
          mode: fc.constant('conductance' as const),
          excitatoryMv: fc.constantFrom(TRANSDUCTION_REVERSAL.excitatoryMv, 10),
          inhibitoryMv: fc.constantFrom(TRANSDUCTION_REVERSAL.inhibitoryMv, -90),
          matchMv: fc.double({ min: -80, max: -20, noNaN: true }),
        }),
      ),
    })
    .map(({ rateMs, lagMs, ...b }): StretchBinding => ({ ...b, ...(rateMs === undefined ? {} : { rateMs }), ...(lagMs === undefined ? {} : { lagMs }) }));

const curvatureValue = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -20, max: 20, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, -0) });

const bits = (...xs: Float64Array[]) => [...new Uint8Array(Float64Array.from(xs.flatMap((a) => [...a])).buffer)];

describe('the stretch receptors’ pass', () => {
  it('property: gives the per-binding loop’s input and conductance bit for bit, step after step (rates, lags, both transductions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            bindings: fc.array(binding(n), { minLength: 0, maxLength: 20 }),
            bends: fc.array(fc.array(curvatureValue, { minLength: SEGMENTS - 2, maxLength: SEGMENTS - 2 }), { minLength: 1, maxLength: 6 }),
            stepMs: fc.constantFrom(10, 5),
          }),
        ),
        ({ n, bindings, bends, stepMs }) => {
          const p = new ProprioceptionController(bindings, SEGMENTS, LENGTH_MM, stepMs);
          const reference = referencePass(bindings, stepMs);
          for (const bend of bends) {
            const curvature = Float64Array.from(bend);
            const got = [new Float64Array(n), new Float64Array(n)] as const;
            const want = [new Float64Array(n), new Float64Array(n)] as const;
            p.apply(got[0], got[1], curvature);
            reference(want[0], want[1], curvature);
            expect(bits(...got)).toEqual(bits(...want));
          }
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });
});
