import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { alphaCa, alphaM, alphaN, hodgkinHuxleyModel } from './hodgkin-huxley';

type Pulse = { amp: number; from: number; to: number };

function squid(params: Record<string, number> = {}) {
  return hodgkinHuxleyModel.createPopulation([resolveNeuronParams(hodgkinHuxleyModel, { id: 'n', model: 'hodgkin-huxley', preset: 'squid', params }, 'test')]);
}

/** Runs a squid cell under current pulses (µA/cm²); spike times (ms) and the V range. */
function run(pulses: Pulse[], ms: number, dt = 0.01) {
  const pop = squid();
  const input = new Float64Array(1);
  const spikes: number[] = [];
  let maxV = -Infinity;
  let minV = Infinity;
  const steps = Math.round(ms / dt);
  for (let k = 0; k < steps; k++) {
    const t = k * dt;
    input[0] = 0;
    for (const p of pulses) if (t >= p.from - 1e-9 && t < p.to - 1e-9) input[0] += p.amp;
    pop.step(dt, input);
    if (pop.spiked[0]) spikes.push((k + 1) * dt);
    maxV = Math.max(maxV, pop.v[0]);
    minV = Math.min(minV, pop.v[0]);
  }
  return { spikes, maxV, minV, finalV: pop.v[0] };
}

describe('hodgkin-huxley rate functions', () => {
  it('use the limit at their removable singularities, continuously', () => {
    expect(alphaM(-40)).toBe(1);
    expect(alphaN(-55)).toBe(0.1);
    expect(alphaCa(-30)).toBe(1.8);
    for (const dv of [1e-9, 1e-7, 1e-5, 1e-3]) {
      for (const s of [-1, 1]) {
        expect(alphaM(-40 + s * dv)).toBeCloseTo(1 + (s * dv) / 20, 8);
        expect(alphaN(-55 + s * dv)).toBeCloseTo(0.1 * (1 + (s * dv) / 20), 8);
        expect(alphaCa(-30 + s * dv)).toBeCloseTo(1.8 * (1 + (s * dv) / 18), 8);
      }
    }
    // Away from them, the textbook values.
    expect(alphaM(-65)).toBeCloseTo((0.1 * -25) / (1 - Math.exp(2.5)), 14);
    expect(alphaN(-65)).toBeCloseTo((0.01 * -10) / (1 - Math.exp(1)), 14);
  });
});

describe('hodgkin-huxley squid', () => {
  it('rests at −65 mV without input', () => {
    const r = run([], 500);
    expect(r.spikes).toEqual([]);
    expect(r.minV).toBeGreaterThan(-65.01);
    expect(r.maxV).toBeLessThan(-64.99);
  });

  it('fires repetitively at 60–75 Hz under a 10 µA/cm² step', () => {
    const r = run([{ amp: 10, from: 0, to: 500 }], 500, 0.05);
    const late = r.spikes.filter((t) => t > 100);
    const isi = late.slice(1).map((t, i) => t - late[i]);
    const rate = 1000 / (isi.reduce((a, b) => a + b, 0) / isi.length);
    expect(rate).toBeGreaterThan(60);
    expect(rate).toBeLessThan(75);
    for (const x of isi) expect(Math.abs(x - isi[0])).toBeLessThan(0.2);
  });

  it('answers a brief strong pulse with one spike peaking near +40 mV, then an undershoot and rest', () => {
    const r = run([{ amp: 40, from: 5, to: 5.5 }], 60);
    expect(r.spikes.length).toBe(1);
    expect(r.maxV).toBeGreaterThan(35);
    expect(r.maxV).toBeLessThan(50);
    expect(r.minV).toBeLessThan(-72); // after-hyperpolarisation towards EK
    expect(r.finalV).toBeCloseTo(-65, 1);
  });

  it('does not fire for a pulse below threshold', () => {
    const r = run([{ amp: 5, from: 5, to: 6 }], 60);
    expect(r.spikes).toEqual([]);
    expect(r.maxV).toBeLessThan(-55);
    expect(r.finalV).toBeCloseTo(-65, 1);
  });

  it('is refractory: a second pulse 4 ms later fails, 25 ms later it fires, and in between it needs more current', () => {
    const first = { amp: 40, from: 5, to: 5.5 };
    expect(run([first, { amp: 40, from: 9, to: 9.5 }], 60).spikes.length).toBe(1);
    expect(run([first, { amp: 40, from: 30, to: 30.5 }], 60).spikes.length).toBe(2);
    // Relative refractoriness: 10 ms after, the same pulse fails but a stronger one fires.
    expect(run([first, { amp: 40, from: 15, to: 15.5 }], 60).spikes.length).toBe(1);
    expect(run([first, { amp: 160, from: 15, to: 15.5 }], 60).spikes.length).toBe(2);
  });

  it('sub-steps a 1 ms caller step into exactly the 0.01 ms trajectory', () => {
    const coarse = squid();
    const fine = squid();
    const input = new Float64Array(1);
    for (let ms = 0; ms < 60; ms++) {
      input[0] = ms >= 10 && ms < 40 ? 10 : 0;
      coarse.step(1, input);
      let fired = 0;
      for (let k = 0; k < 100; k++) {
        fine.step(0.01, input);
        fired |= fine.spiked[0];
      }
      expect(coarse.v[0]).toBe(fine.v[0]);
      expect(coarse.variables.m[0]).toBe(fine.variables.m[0]);
      expect(coarse.variables.n[0]).toBe(fine.variables.n[0]);
      expect(coarse.spiked[0]).toBe(fired);
    }
  });

  it('starts with its gates at steady state for the initial V', () => {
    const pop = squid();
    const { m, h, n } = pop.variables;
    expect(m[0]).toBeCloseTo(0.0529, 4);
    expect(h[0]).toBeCloseTo(0.5961, 4);
    expect(n[0]).toBeCloseTo(0.3177, 4);
  });
});

describe('hodgkin-huxley stability', () => {
  it('property: any parameters in range and any current up to ±200 µA/cm² keep V finite and gates in [0, 1]', () => {
    const spec = hodgkinHuxleyModel.params;
    const range = (k: keyof typeof spec) => fc.double({ min: spec[k].min, max: spec[k].max, noNaN: true });
    const keys = Object.keys(spec) as Array<keyof typeof spec>;
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(keys.map((k) => [k, range(k)])) as Record<string, fc.Arbitrary<number>>),
        fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0.1, 1),
        (params, currents, dt) => {
          const pop = hodgkinHuxleyModel.createPopulation([resolveNeuronParams(hodgkinHuxleyModel, { id: 'n', model: 'hodgkin-huxley', params }, 'test')]);
          const input = new Float64Array(1);
          let bad: string | undefined;
          for (const current of currents) {
            input[0] = current;
            for (let k = 0; k < 20 && bad === undefined; k++) {
              pop.step(dt, input);
              const { m, h, n, ca } = pop.variables;
              const gates = [m[0], h[0], n[0], ca[0]];
              if (!Number.isFinite(pop.v[0]) || gates.some((g) => !(g >= 0 && g <= 1))) bad = `V=${pop.v[0]} gates=${gates} at I=${current}`;
            }
          }
          expect(bad).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic and reset() replays the same trajectory', () => {
    const neurons = ['squid', 'seed-calcium'].map((preset) => resolveNeuronParams(hodgkinHuxleyModel, { id: preset, model: 'hodgkin-huxley', preset }, 'test'));
    const pop = hodgkinHuxleyModel.createPopulation(neurons);
    const input = new Float64Array([10, 1]);
    const run = () =>
      Array.from({ length: 50 }, () => {
        pop.step(1, input);
        return [pop.v[0], pop.v[1], pop.variables.ca[1], pop.output[0]];
      }).flat();
    const first = run();
    pop.reset();
    expect(pop.v[1]).toBe(-70);
    expect(run()).toEqual(first);
  });
});
