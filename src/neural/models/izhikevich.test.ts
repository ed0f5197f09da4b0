import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { IZHIKEVICH_PEAK_MV, izhikevichModel } from './izhikevich';

function cell(preset: string, params: Record<string, number> = {}) {
  return izhikevichModel.createPopulation([resolveNeuronParams(izhikevichModel, { id: 'n', model: 'izhikevich', preset, params }, 'test')]);
}

/** Spike times (ms) for a sequence of [current, ms] phases, times counted from the start of the last phase. */
function spikes(preset: string, phases: Array<[number, number]>, dt = 0.1, params: Record<string, number> = {}): number[] {
  const pop = cell(preset, params);
  const input = new Float64Array(1);
  let times: number[] = [];
  for (const [current, ms] of phases) {
    input[0] = current;
    times = [];
    const steps = Math.round(ms / dt);
    for (let k = 1; k <= steps; k++) {
      pop.step(dt, input);
      if (pop.spiked[0]) times.push(k * dt);
    }
  }
  return times;
}

const intervals = (t: number[]) => t.slice(1).map((x, i) => x - t[i]);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Groups spikes into bursts: a gap longer than `gapMs` starts a new group. */
function groups(times: number[], gapMs: number): number[][] {
  const out: number[][] = [];
  for (const t of times) {
    const last = out[out.length - 1];
    if (last && t - last[last.length - 1] <= gapMs) last.push(t);
    else out.push([t]);
  }
  return out;
}

// Each cell first rests 300 ms at I = 0, then gets the step: the usual protocol of Izhikevich 2003, Fig. 2.
const step = (current: number, ms = 500): Array<[number, number]> => [
  [0, 300],
  [current, ms],
];

describe('izhikevich', () => {
  it('every preset is quiet without input', () => {
    for (const preset of Object.keys(izhikevichModel.presets)) {
      expect(spikes(preset, [[0, 1000]]), preset).toEqual([]);
    }
  });

  it('regular spiking adapts: intervals grow and it settles at a low rate', () => {
    const isi = intervals(spikes('regular-spiking', step(10)));
    expect(isi.length).toBeGreaterThan(5);
    expect(isi[isi.length - 1]).toBeGreaterThan(2 * isi[0]);
    for (let k = 1; k < isi.length; k++) expect(isi[k]).toBeGreaterThanOrEqual(isi[k - 1] - 0.5);
    expect(1000 / isi[isi.length - 1]).toBeLessThan(30);
  });

  it('fast spiking fires fast without adaptation', () => {
    const fs = spikes('fast-spiking', step(10));
    const rs = spikes('regular-spiking', step(10));
    expect(fs.length).toBeGreaterThan(4 * rs.length);
    const isi = intervals(fs);
    const late = isi.slice(3);
    expect(1000 / mean(late)).toBeGreaterThan(100);
    // Steady after the first few spikes: intervals vary by under 5 %.
    for (const x of late) expect(Math.abs(x - mean(late)) / mean(late)).toBeLessThan(0.05);
    // And far less adaptation than a regular-spiking cell under a strong drive.
    const fsStrong = intervals(spikes('fast-spiking', step(20)));
    const rsStrong = intervals(spikes('regular-spiking', step(20)));
    expect(fsStrong[fsStrong.length - 1] / fsStrong[0]).toBeLessThan(2);
    expect(rsStrong[rsStrong.length - 1] / rsStrong[0]).toBeGreaterThan(4);
  });

  it('intrinsically bursting opens with a burst, then fires single spikes', () => {
    const bursts = groups(spikes('intrinsically-bursting', step(10)), 10);
    expect(bursts[0].length).toBeGreaterThanOrEqual(2);
    expect(bursts.length).toBeGreaterThan(5);
    for (const later of bursts.slice(1)) expect(later.length).toBe(1);
  });

  it('chattering fires repeated fast bursts', () => {
    const bursts = groups(spikes('chattering', step(10)), 15);
    expect(bursts.length).toBeGreaterThanOrEqual(5);
    for (const b of bursts.slice(0, -1)) {
      expect(b.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...intervals(b))).toBeLessThan(10);
    }
  });

  it('low-threshold spiking starts fast and adapts', () => {
    const isi = intervals(spikes('low-threshold-spiking', step(10)));
    expect(isi[0]).toBeLessThan(5);
    expect(isi[isi.length - 1]).toBeGreaterThan(3 * isi[0]);
  });

  it('thalamo-cortical fires a rebound burst when released from inhibition; regular spiking does not', () => {
    const rebound = spikes('thalamo-cortical', [
      [0, 300],
      [-10, 200],
      [0, 200],
    ]);
    expect(rebound.length).toBeGreaterThanOrEqual(2);
    expect(rebound[0]).toBeLessThan(20);
    expect(
      spikes('regular-spiking', [
        [0, 300],
        [-10, 200],
        [0, 200],
      ]),
    ).toEqual([]);
  });

  it('the resonator rests at its equilibrium and fires under drive', () => {
    const pop = cell('resonator');
    const zero = new Float64Array(1);
    for (let k = 0; k < 1000; k++) pop.step(1, zero);
    expect(pop.v[0]).toBeCloseTo(-62.5, 9);
    expect(spikes('resonator', step(10)).length).toBeGreaterThan(50);
  });

  it('a caller dt of 1 ms gives the same firing as 0.1 ms (sub-stepped), for every preset', () => {
    for (const preset of Object.keys(izhikevichModel.presets)) {
      const fine = spikes(preset, step(10), 0.1).length;
      const coarse = spikes(preset, step(10), 1).length;
      expect(Math.abs(coarse - fine), preset).toBeLessThanOrEqual(Math.max(1, 0.05 * fine));
    }
  });

  it('a strongly coupled u (b ≈ 1) under a large negative current stays bounded (found by the property below)', () => {
    const params = { a: 0.0024522523660981325, b: 0.9980487823486304, c: -66.82073974609368, d: 0, maxSubstepMs: 0.9999999999989999 };
    const pop = izhikevichModel.createPopulation([resolveNeuronParams(izhikevichModel, { id: 'n', model: 'izhikevich', params }, 'test')]);
    const input = new Float64Array(1);
    for (const current of [0, -200, 0, 0, 0]) {
      input[0] = current;
      for (let k = 0; k < 100; k++) pop.step(1, input);
    }
    expect(Number.isFinite(pop.v[0]) && Number.isFinite(pop.variables.u[0])).toBe(true);
    expect(pop.v[0]).toBeLessThan(IZHIKEVICH_PEAK_MV);
  });

  it('property: v and u stay finite and v below the peak for any parameters and inputs', () => {
    const spec = izhikevichModel.params;
    const range = (k: keyof typeof spec) => fc.double({ min: spec[k].min, max: spec[k].max, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ a: range('a'), b: range('b'), c: range('c'), d: range('d'), maxSubstepMs: range('maxSubstepMs') }),
        fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0.1, 1, 2),
        (params, currents, dt) => {
          const pop = izhikevichModel.createPopulation([resolveNeuronParams(izhikevichModel, { id: 'n', model: 'izhikevich', params }, 'test')]);
          const input = new Float64Array(1);
          let worst: string | undefined;
          for (const current of currents) {
            input[0] = current;
            for (let k = 0; k < 100 && worst === undefined; k++) {
              pop.step(dt, input);
              const v = pop.v[0];
              const u = pop.variables.u[0];
              if (!Number.isFinite(v) || !Number.isFinite(u) || v >= IZHIKEVICH_PEAK_MV) worst = `v=${v} u=${u} at I=${current}`;
            }
          }
          expect(worst).toBeUndefined();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is deterministic and reset() restarts at v0 with u = b·v0', () => {
    const pop = cell('chattering');
    const input = new Float64Array([10]);
    const run = () =>
      Array.from({ length: 400 }, () => {
        pop.step(0.5, input);
        return pop.v[0] + 1000 * pop.spiked[0] + pop.output[0];
      });
    const first = run();
    pop.reset();
    expect(pop.v[0]).toBe(-65);
    expect(pop.variables.u[0]).toBe(0.2 * -65);
    expect(run()).toEqual(first);
  });
});
