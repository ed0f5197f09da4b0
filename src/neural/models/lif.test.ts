import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { lifModel, lifRateHz } from './lif';

type LifParams = { tauMs: number; resistance: number; restMv: number; thresholdMv: number; resetMv: number; refractoryMs: number };

function population(params: Partial<LifParams> = {}, v?: number) {
  const neuron = resolveNeuronParams(lifModel, { id: 'n', model: 'lif', params, ...(v === undefined ? {} : { init: { v } }) }, 'test');
  return { pop: lifModel.createPopulation([neuron]), p: neuron.params as unknown as LifParams };
}

/** Spike times (ms, end of the firing step) under a constant current. */
function spikeTimes(params: Partial<LifParams>, current: number, dt: number, ms: number, v?: number): number[] {
  const { pop } = population(params, v);
  const input = new Float64Array([current]);
  const times: number[] = [];
  const steps = Math.round(ms / dt);
  for (let k = 1; k <= steps; k++) {
    pop.step(dt, input);
    if (pop.spiked[0]) times.push(k * dt);
  }
  return times;
}

/** The analytic interval between spikes: t_ref + τ ln((V∞ − V_reset)/(V∞ − θ)). */
function analyticIsi(p: LifParams, current: number): number {
  return 1000 / lifRateHz(p, current);
}

describe('lif', () => {
  it('fires at the analytic rate for rest ≠ reset, and the error shrinks with dt', () => {
    const params = { tauMs: 20, resistance: 10, restMv: -70, thresholdMv: -50, resetMv: -60, refractoryMs: 3 };
    const current = 3; // V∞ = −40 mV: T = 20 ln(20/10) = 13.86 ms, ISI = 16.86 ms
    const isi = analyticIsi(params, current);
    expect(isi).toBeCloseTo(3 + 20 * Math.log(2), 12);
    const errors: number[] = [];
    for (const dt of [1, 0.1, 0.01]) {
      const times = spikeTimes(params, current, dt, 2000);
      // Every interval after the first spike is the analytic one rounded up to the grid.
      for (let k = 2; k < times.length; k++) {
        const interval = times[k] - times[k - 1];
        expect(interval).toBeGreaterThanOrEqual(isi - 1e-6);
        expect(interval).toBeLessThan(isi + dt + 1e-6);
      }
      const rate = ((times.length - 2) * 1000) / (times[times.length - 1] - times[1]);
      errors.push(Math.abs(rate - 1000 / isi));
      expect(Math.abs(rate - 1000 / isi)).toBeLessThanOrEqual((1000 / isi) * (dt / isi) + 1e-9);
    }
    expect(errors[2]).toBeLessThan(errors[0]);
  });

  it('does not fire below rheobase, however long it runs', () => {
    // Rheobase (θ − E_rest)/R = 2 nA with the defaults.
    expect(spikeTimes({}, 1.99, 1, 10_000)).toEqual([]);
    expect(spikeTimes({}, 2.01, 1, 10_000).length).toBeGreaterThan(0);
  });

  it('integrates exactly: V at a grid point is the same for a coarse and a fine dt', () => {
    const coarse = population().pop;
    const fine = population().pop;
    const input = new Float64Array([1.5]);
    for (let k = 0; k < 10; k++) coarse.step(5, input);
    for (let k = 0; k < 5000; k++) fine.step(0.01, input);
    const exact = -70 + 15 + (-70 - (-70 + 15)) * Math.exp(-50 / 20);
    expect(coarse.v[0]).toBeCloseTo(exact, 10);
    expect(fine.v[0]).toBeCloseTo(exact, 9);
  });

  it('holds V at reset and ignores input during the refractory period', () => {
    const { pop } = population({ refractoryMs: 5 });
    const input = new Float64Array([100]); // fires on the first step
    pop.step(0.5, input);
    expect(pop.spiked[0]).toBe(1);
    expect(pop.v[0]).toBe(-65);
    for (let k = 0; k < 10; k++) {
      pop.step(0.5, input);
      expect(pop.v[0]).toBe(-65);
      expect(pop.spiked[0]).toBe(0);
    }
    // 5 ms later it integrates again; this input is so strong that it fires at once.
    pop.step(0.5, input);
    expect(pop.spiked[0]).toBe(1);
  });

  it('smooths its firing into an output in 0..1 that grows with the rate', () => {
    const outputAt = (current: number) => {
      const { pop } = population();
      const input = new Float64Array([current]);
      let min = Infinity;
      let max = -Infinity;
      for (let k = 0; k < 2000; k++) {
        pop.step(0.5, input);
        min = Math.min(min, pop.output[0]);
        max = Math.max(max, pop.output[0]);
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThan(1);
      return pop.output[0];
    };
    expect(outputAt(0)).toBe(0);
    expect(outputAt(2.5)).toBeLessThan(outputAt(5));
  });

  it('keeps its rate trace equal to a leaky spike count across the trace scale folding in (long runs)', () => {
    // At dt = 5 ms the global scale falls below 1e−100 every 2,303 steps; 10,000 steps fold it in four times.
    const { pop } = population({ refractoryMs: 0 });
    const input = new Float64Array(1);
    const decay = Math.exp(-5 / 50);
    let s = 0,
      worst = 0;
    for (let k = 0; k < 10_000; k++) {
      input[0] = k % 400 < 200 ? 2.6 : 0; // bursts of firing, then silence
      pop.step(5, input);
      s = s * decay + pop.spiked[0];
      worst = Math.max(worst, Math.abs(pop.output[0] - s / (1 + s)));
    }
    expect(worst).toBeLessThan(1e-12);
    expect(pop.output[0]).toBeGreaterThan(0);
  });

  it('refuses a reset at or above the threshold', () => {
    const neuron = resolveNeuronParams(lifModel, { id: 'n', model: 'lif', params: { resetMv: -50, thresholdMv: -50 } }, 'test');
    expect(() => lifModel.createPopulation([neuron])).toThrow(/resetMv \(-50\) must be below thresholdMv \(-50\)/);
  });

  it('property: over random parameters, intervals match the formula above rheobase and there are no spikes below', () => {
    const params = fc.record({
      tauMs: fc.double({ min: 1, max: 100, noNaN: true }),
      resistance: fc.double({ min: 0.5, max: 100, noNaN: true }),
      restMv: fc.double({ min: -80, max: -55, noNaN: true }),
      gap: fc.double({ min: 2, max: 30, noNaN: true }), // θ − E_rest
      below: fc.double({ min: 1, max: 20, noNaN: true }), // θ − V_reset
      refractoryMs: fc.double({ min: 0, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        params,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 1.05, max: 4, noNaN: true }),
        fc.constantFrom(0.1, 0.5, 1),
        (q, sub, supra, dt) => {
          const p: LifParams = {
            tauMs: q.tauMs,
            resistance: q.resistance,
            restMv: q.restMv,
            thresholdMv: q.restMv + q.gap,
            resetMv: q.restMv + q.gap - q.below,
            refractoryMs: q.refractoryMs,
          };
          if (p.resetMv < -100) return;
          const rheobase = q.gap / q.resistance;
          expect(spikeTimes(p, sub * rheobase, dt, 20 * q.tauMs, p.restMv)).toEqual([]);
          const isi = analyticIsi(p, supra * rheobase);
          const vInf = p.restMv + q.gap * supra;
          const firstSpike = p.tauMs * Math.log((vInf - p.restMv) / (vInf - p.thresholdMv));
          const times = spikeTimes(p, supra * rheobase, dt, firstSpike + 4 * (isi + dt), p.restMv);
          expect(times.length).toBeGreaterThanOrEqual(3);
          for (let k = 2; k < times.length; k++) {
            const interval = times[k] - times[k - 1];
            expect(interval).toBeGreaterThanOrEqual(isi - 1e-6 * isi);
            expect(interval).toBeLessThan(isi + dt + 1e-6 * isi);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic and reset() replays the same trajectory', () => {
    const neurons = [0, 1, 2].map((i) => resolveNeuronParams(lifModel, { id: `n${i}`, model: 'lif', params: { tauMs: 10 + i * 5 } }, 'test'));
    const pop = lifModel.createPopulation(neurons);
    const input = new Float64Array([2.2, 3, 5]);
    const run = () => {
      const trace: number[] = [];
      for (let k = 0; k < 300; k++) {
        pop.step(0.25, input);
        trace.push(pop.v[0], pop.v[1], pop.v[2], pop.spiked[2], pop.output[1]);
      }
      return trace;
    };
    const first = run();
    pop.reset();
    expect(run()).toEqual(first);
    expect(lifModel.createPopulation(neurons).v).toEqual(new Float64Array([-70, -70, -70]));
  });
});

/**
 * The LIF update written directly, one neuron at a time with its refractory
 * branch inline: the specification the population's kernel (refractory list,
 * gated threshold) must reproduce bit for bit.
 */
function directLif(params: LifParams[], v0: number[]) {
  const n = params.length;
  const v = Float64Array.from(v0),
    left = new Float64Array(n),
    count = new Float64Array(n),
    output = new Float64Array(n),
    spiked = new Uint8Array(n);
  // The spike count of neuron i is count[i] · scale; the scale decays by e^(−dt/50 ms) each step and is folded in below 1e−100.
  let scale = 1;
  const step = (dt: number, current: Float64Array) => {
    scale *= Math.exp(-dt / 50);
    if (scale < 1e-100) {
      for (let i = 0; i < n; i++) count[i] *= scale;
      scale = 1;
    }
    for (let i = 0; i < n; i++) {
      const p = params[i];
      let vi = v[i];
      const vInf = p.restMv + p.resistance * current[i];
      if (left[i] > 0) {
        if (left[i] >= dt) left[i] -= dt;
        else {
          vi = vInf + (vi - vInf) * Math.exp(-(dt - left[i]) / p.tauMs);
          left[i] = 0;
        }
      } else vi = vInf + (vi - vInf) * Math.exp(-dt / p.tauMs);
      spiked[i] = 0;
      if (vi >= p.thresholdMv) {
        vi = p.resetMv;
        left[i] = p.refractoryMs;
        spiked[i] = 1;
        count[i] += 1 / scale;
      }
      v[i] = vi;
      const s = count[i] * scale;
      output[i] = s / (1 + s);
    }
  };
  return { v, spiked, output, step, params };
}

describe('lif kernel', () => {
  it('property: equals the direct update bit for bit (refractory periods of any length, changing input and dt, live threshold changes)', () => {
    const neuron = fc.record({
      tauMs: fc.double({ min: 1, max: 50, noNaN: true }),
      resistance: fc.double({ min: 0.5, max: 20, noNaN: true }),
      restMv: fc.constant(-70),
      thresholdMv: fc.double({ min: -60, max: -45, noNaN: true }),
      resetMv: fc.constant(-75),
      refractoryMs: fc.oneof(fc.constantFrom(0, 0.1, 0.2, 0.5, 1, 2), fc.double({ min: 0, max: 4, noNaN: true })),
    });
    fc.assert(
      fc.property(
        fc.array(neuron, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom(0.1, 0.2, 0.25, 0.5, 1), fc.double({ min: 0, max: 6, noNaN: true })), { minLength: 20, maxLength: 20 }),
        fc.double({ min: -58, max: -46, noNaN: true }),
        (params, schedule, newThreshold) => {
          const neurons = params.map((p) => resolveNeuronParams(lifModel, { params: p, init: { v: -70 } }, 'test'));
          const pop = lifModel.createPopulation(neurons);
          const ref = directLif(
            params.map((p) => ({ ...p })),
            params.map(() => -70),
          );
          const current = new Float64Array(params.length);
          for (let block = 0; block < schedule.length; block++) {
            const [dt, drive] = schedule[block];
            if (block === 10) {
              pop.setParam!(0, 'thresholdMv', newThreshold);
              ref.params[0].thresholdMv = newThreshold;
            }
            for (let k = 0; k < 15; k++) {
              current.forEach((_, i) => (current[i] = drive * (1 + 0.3 * i) * (k % 3 === 0 ? 1.5 : 1)));
              pop.step(dt, current);
              ref.step(dt, current);
              expect(pop.v).toEqual(ref.v);
              expect(pop.spiked).toEqual(ref.spiked);
              expect(pop.output).toEqual(ref.output);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
