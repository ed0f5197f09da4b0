import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { createGradedPopulation, gradedModel, gradedOutput, gradedSteadyCurrent, gradedSteadyV } from './graded';

function population(params: Record<string, number> = {}, init: Record<string, number> = {}) {
  const resolved = resolveNeuronParams(gradedModel, { id: 'g', model: 'graded', params, init }, 'test');
  return gradedModel.createPopulation([resolved]);
}

/** The linear neuron (no K⁺ rectifier): what every version-1 circuit runs. */
const linear = (params: Record<string, number> = {}, init: Record<string, number> = {}) => population({ gKNs: 0, ...params }, init);

describe('graded model, linear (gKNs = 0)', () => {
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
          const pop = linear(params);
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
        const pop = linear({ tauMs: 8, capacitance: 2, restMv: -60 }, { v: -30 });
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

const DEFAULTS = { capacitance: 1, tauMs: 10, restMv: -65, tonicPa: 0, gKNs: 0.5, kHalfMv: -15, kSlopeMv: 8, eKMv: -80 };

describe('graded model, K⁺ outward rectifier (the default)', () => {
  it('keeps V physiological under current clamp where the linear neuron does not (the neuron lab: 0..40 pA)', () => {
    const held = (pop: ReturnType<typeof population>, pa: number) => {
      for (let s = 0; s < 6000; s++) pop.step(0.05, new Float64Array([pa]));
      return pop.v[0];
    };
    expect(held(linear(), 40)).toBeCloseTo(-65 + 40 * 10, 3); // +335 mV: the old neuron
    const top = held(population(), 40);
    expect(top).toBeGreaterThan(-10);
    expect(top).toBeLessThan(10);
    expect(top).toBeCloseTo(gradedSteadyV(DEFAULTS, 40), 3);
    // Below the rectifier's range the neuron is nearly the linear one: 1 pA moves the resting cell by ~τ/C = 10 mV (9.3).
    expect(Math.abs(held(population(), 1) - held(linear(), 1))).toBeLessThan(1);
    // Above V½K the I–V's slope is about gL + gK (0.6 nS) instead of gL (0.1 nS): ~1.4 mV per pA instead of 10.
    const slope = (gradedSteadyV(DEFAULTS, 60) - gradedSteadyV(DEFAULTS, 50)) / 10;
    expect(slope).toBeGreaterThan(1.2);
    expect(slope).toBeLessThan(1.8);
  });

  it('settles at the root of the steady-state I–V, I = gL(V − E_L) + gK·n∞(V)(V − E_K) − I_tonic (random cells and currents)', () => {
    fc.assert(
      fc.property(
        fc.record({
          capacitance: fc.double({ min: 0.5, max: 20, noNaN: true }),
          tauMs: fc.double({ min: 2, max: 300, noNaN: true }),
          restMv: fc.double({ min: -75, max: -50, noNaN: true }),
          tonicPa: fc.double({ min: -2, max: 2, noNaN: true }),
          gKNs: fc.double({ min: 0, max: 5, noNaN: true }),
          kHalfMv: fc.double({ min: -30, max: 10, noNaN: true }),
          kSlopeMv: fc.double({ min: 4, max: 15, noNaN: true }),
          eKMv: fc.double({ min: -95, max: -70, noNaN: true }),
        }),
        fc.double({ min: -2, max: 60, noNaN: true }),
        (p, current) => {
          const pop = population(p);
          const I = new Float64Array([current]);
          // Long enough for the slowest cell (τ up to 300 ms) to settle.
          for (let s = 0; s < 6000; s++) pop.step(1, I);
          const vSteady = gradedSteadyV(p, current);
          // The logistic is tabled (within 3e-6): V within a few µV of the exact root.
          expect(Math.abs(pop.v[0] - vSteady)).toBeLessThan(1e-3);
          expect(Math.abs(gradedSteadyCurrent(p, vSteady) - current)).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never overshoots in one step: V lands between its start and the step’s V∞, at any dt', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: -100, max: 500, noNaN: true }),
        fc.double({ min: -100, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (dt, current, v0, gKNs) => {
          const pop = population({ gKNs }, { v: v0 });
          pop.step(dt, new Float64Array([current]));
          // V∞ of the frozen step: the exact n∞ at the start (the table is within 3e-6 of it).
          const nInf = 1 / (1 + Math.exp(-(v0 + 15) / 8));
          const vInf = (0.1 * -65 + gKNs * nInf * -80 + current) / (0.1 + gKNs * nInf);
          const slack = 1e-6 * (1 + Math.abs(vInf) + Math.abs(v0)) + gKNs * 3e-6 * 200;
          expect(pop.v[0]).toBeGreaterThanOrEqual(Math.min(v0, vInf) - slack);
          expect(pop.v[0]).toBeLessThanOrEqual(Math.max(v0, vInf) + slack);
        },
      ),
    );
  });

  it('takes a conductance input implicitly: settles at V∞ = (gL·E_L + I) / (gL + G) and never passes it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: -80, max: 0, noNaN: true }),
        fc.constantFrom(0.05, 1, 10),
        (g, reversal, dt) => {
          // A synapse at full opening: conductance g, current g·E (docs/neural.md, the conductance kernels).
          const pop = linear({}, { v: -65 });
          const I = new Float64Array([g * reversal]);
          const G = new Float64Array([g]);
          const vInf = (0.1 * -65 + g * reversal) / (0.1 + g);
          let before = pop.v[0];
          for (let s = 0; s < Math.ceil(200 / dt); s++) {
            pop.step(dt, I, G);
            // Monotone toward V∞, never past it (nor past E_rev).
            expect(Math.abs(pop.v[0] - vInf)).toBeLessThanOrEqual(Math.abs(before - vInf) + 1e-9);
            before = pop.v[0];
          }
          expect(pop.v[0]).toBeCloseTo(vInf, 6);
        },
      ),
    );
  });

  it('setParam gKNs 0 goes back to the linear kernel, bit for bit', () => {
    const switched = population({}, { v: -40 });
    switched.step(1, new Float64Array([2]));
    switched.reset();
    switched.setParam!(0, 'gKNs', 0);
    const built = linear({}, { v: -40 });
    for (let s = 0; s < 50; s++) {
      switched.step(1, new Float64Array([2]));
      built.step(1, new Float64Array([2]));
      expect(switched.v[0]).toBe(built.v[0]);
    }
  });

  it('the steady-state I–V is linear with slope C/τ when gKNs = 0', () => {
    const p = { ...DEFAULTS, gKNs: 0 };
    for (const v of [-90, -65, -20, 30]) expect(gradedSteadyCurrent(p, v)).toBeCloseTo(0.1 * (v + 65), 12);
    expect(gradedSteadyV(p, 40)).toBeCloseTo(335, 6);
  });
});

describe('graded model, release ceiling (releaseMax)', () => {
  // Two cells driven alike, one with ceiling A: V stays the same, output is A times the other's, in every kernel.
  const pair = (a: number, params: Record<string, number>) =>
    createGradedPopulation(
      [1, a].map((releaseMax) => resolveNeuronParams(gradedModel, { id: 'g', model: 'graded', params: { ...params, releaseMax }, init: { v: -50 } }, 'test')),
    );

  it('scales the output and only the output, in the linear, the conductance and the gap-relaxation kernels', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 20, noNaN: true })), // no subnormal ceilings: their products round apart
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.constantFrom(0, 0.5),
        fc.boolean(),
        (a, current, gKNs, conductance) => {
          const pop = pair(a, { gKNs });
          const I = new Float64Array([current, current]);
          const G = new Float64Array([0.3, 0.3]);
          const relax = pop.gapRelaxation(new Int32Array([0]), new Int32Array([1]), new Float64Array([0]), 1);
          for (let s = 0; s < 20; s++) {
            if (conductance) pop.step(1, I, G);
            else pop.step(1, I);
            if (s % 5 === 4) relax();
            expect(pop.v[1]).toBe(pop.v[0]);
            expect(pop.output[1]).toBe(a * pop.output[0]);
          }
          // The shared curve divides by the slope where the kernel multiplies by its inverse: equal to rounding.
          expect(Math.abs(pop.output[1] - gradedOutput(pop.v[1], -45, 5, a))).toBeLessThanOrEqual(1e-12 * (1 + a));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('defaults to 1, the 0..1 release every circuit had, and tunes live', () => {
    const pop = population({}, { v: -45 });
    expect(pop.output[0]).toBe(0.5);
    pop.setParam!(0, 'releaseMax', 3);
    expect(pop.output[0]).toBe(1.5);
  });

  it('refuses a ceiling outside 0..20 with the allowed range', () => {
    expect(() => population({ releaseMax: -0.5 })).toThrow(/params\.releaseMax = -0\.5 is out of range; allowed: 0 \.\. 20 \(Release at full depolarisation/);
    expect(() => population({ releaseMax: 25 })).toThrow(/params\.releaseMax = 25 is out of range; allowed: 0 \.\. 20/);
  });
});
