import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { gradedModel, gradedOutput } from './graded';

function population(params: Record<string, number> = {}, init: Record<string, number> = {}) {
  const resolved = resolveNeuronParams(gradedModel, { id: 'g', model: 'graded', params, init }, 'test');
  return gradedModel.createPopulation([resolved]);
}

describe('graded model', () => {
  it('settles at the analytic steady state V∞ = E_L + (I + I_tonic)·τ/C', () => {
    fc.assert(
      fc.property(
        fc.record({
          capacitance: fc.double({ min: 0.1, max: 10, noNaN: true }),
          tauMs: fc.double({ min: 1, max: 50, noNaN: true }),
          restMv: fc.double({ min: -80, max: -40, noNaN: true }),
          tonicPa: fc.double({ min: -5, max: 5, noNaN: true }),
        }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom(0.1, 1, 5),
        (params, current, dt) => {
          const pop = population(params);
          const I = new Float64Array([current]);
          const steps = Math.ceil((40 * params.tauMs) / dt);
          for (let s = 0; s < steps; s++) pop.step(dt, I);
          const vInf = params.restMv + ((current + params.tonicPa) * params.tauMs) / params.capacitance;
          expect(pop.v[0]).toBeCloseTo(vInf, 6);
          expect(pop.output[0]).toBeCloseTo(gradedOutput(vInf, -45, 5), 6);
          expect(pop.spiked[0]).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes one exact exponential step for a constant current, at any dt', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 20, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (dt, current) => {
        const pop = population({ tauMs: 8, capacitance: 2, restMv: -60 }, { v: -30 });
        pop.step(dt, new Float64Array([current]));
        const vInf = -60 + (current * 8) / 2;
        const exact = vInf + (-30 - vInf) * Math.exp(-dt / 8);
        expect(Math.abs(pop.v[0] - exact)).toBeLessThan(1e-9 * (1 + Math.abs(exact)));
        // Stable: never overshoots V∞.
        expect(Math.sign(pop.v[0] - vInf)).toBe(Math.sign(-30 - vInf) || 0);
      }),
    );
  });

  it('releases along a sigmoid: 0.5 at V½, monotone, within 0..1', () => {
    expect(gradedOutput(-45, -45, 5)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -200, max: 200, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const s = (v: number) => gradedOutput(v, -45, 5);
        // Monotone up to rounding: near saturation u/√(1+u²) can step back by an ulp (e.g. V = 199.99999999996908 vs …968).
        expect(s(lo)).toBeLessThanOrEqual(s(hi) + 4 * Number.EPSILON);
        expect(s(lo)).toBeGreaterThanOrEqual(0);
        expect(s(hi)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('starts at init.v with its output, resets there, and tunes live', () => {
    const pop = population({}, { v: -45 });
    expect(pop.v[0]).toBe(-45);
    expect(pop.output[0]).toBe(0.5);
    pop.step(1, new Float64Array([3]));
    expect(pop.v[0]).not.toBe(-45);
    pop.reset();
    expect(pop.v[0]).toBe(-45);
    // A live change behaves exactly like a neuron built with that value.
    const built = population({ tauMs: 50, capacitance: 3 });
    const slow = population({ tauMs: 5 });
    slow.step(1, new Float64Array([1])); // caches factors for τ = 5
    slow.reset();
    slow.setParam!(0, 'tauMs', 50);
    slow.setParam!(0, 'capacitance', 3);
    for (let s = 0; s < 20; s++) {
      built.step(1, new Float64Array([1]));
      slow.step(1, new Float64Array([1]));
      expect(slow.v[0]).toBe(built.v[0]);
    }
    expect(() => slow.setParam!(0, 'nope', 1)).toThrow(/unknown parameter/);
  });

  it('refuses out-of-range parameters with the allowed range', () => {
    expect(() => population({ tauMs: 0 })).toThrow(/params\.tauMs = 0 is out of range; allowed: 0\.1 \.\. 100000 ms/);
    expect(() => population({ bogus: 1 })).toThrow(/params\.bogus is not a parameter of model graded; allowed: capacitance, tauMs/);
  });
});
