import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clampCsv, runClamp, summarizeClamp, type ClampNeuron, type ClampOptions } from './clamp';
import type { ModelKind } from './types';

const SEED_SCRIPT = fileURLToPath(new URL('../../test/fixtures/seed_calcium.py', import.meta.url));
const SEED: ClampOptions = { currentA: 1, fromMs: 5, toMs: 15, durationMs: 200, dtMs: 0.01 };

/** Seed 003's script (minus plotting) run by Python: the state after each of its 20,000 steps, plus the initial one. */
function seedTrace(): { init: number[]; steps: number[][] } {
  const text = execFileSync('python3', [SEED_SCRIPT], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('i,V,m,h,n,ca');
  const parse = (line: string) => line.split(',').slice(1).map(Number);
  expect(lines[1].startsWith('init,')).toBe(true);
  return { init: parse(lines[1]), steps: lines.slice(2).map(parse) };
}

describe('runClamp reproduces seed 003 (calcium-extended Hodgkin–Huxley)', () => {
  it('matches the seed script step for step at dt = 0.01 ms for 200 ms', () => {
    const seed = seedTrace();
    expect(seed.steps.length).toBe(20_000);
    const result = runClamp({ id: 'seed', model: 'hodgkin-huxley', preset: 'seed-calcium' }, SEED);
    expect(result.columns).toEqual(['t', 'V', 'spike', 'm', 'h', 'n', 'ca']);
    expect(result.rows.length).toBe(20_001);

    // Row k + 1 (t = (k+1)·dt) is the state after the seed's step k, which the seed stores as V_trace[k].
    const names = ['V', 'm', 'h', 'n', 'ca'];
    const worst = [0, 0, 0, 0, 0];
    let identical = 0;
    const compare = (row: Record<string, number>, values: number[]) => {
      let same = true;
      names.forEach((name, j) => {
        const d = Math.abs(row[name] - values[j]);
        if (d > worst[j]) worst[j] = d;
        if (d !== 0) same = false;
      });
      if (same) identical++;
    };
    compare(result.rows[0], seed.init);
    seed.steps.forEach((values, k) => compare(result.rows[k + 1], values));
    // Same operations in the same order; what remains is libm rounding: V8's exp/pow (fdlibm)
    // and glibc's differ in the last bit for ~10 % of arguments. Observed: ≤ 5e-14 mV, ≤ 1e-15 on gates.
    expect(worst[0]).toBeLessThan(1e-11);
    for (const g of worst.slice(1)) expect(g).toBeLessThan(1e-13);
    expect(identical).toBeGreaterThan(1000);

    // The spike column marks the upward crossings of 0 mV in the seed's own trace.
    const seedV = [seed.init[0], ...seed.steps.map((s) => s[0])];
    const crossings = seedV.flatMap((v, k) => (k > 0 && seedV[k - 1] < 0 && v >= 0 ? [k] : []));
    const spikes = result.rows.flatMap((row, k) => (row.spike ? [k] : []));
    expect(spikes).toEqual(crossings);
    // What the seed's author saw: one spike early on (its calcium current depolarises it), then it sits depolarised.
    expect(spikes.length).toBe(1);
    expect(result.rows[spikes[0]].t).toBeCloseTo(1.28, 10);
    expect(result.rows[20_000].V).toBeCloseTo(-35.72, 2);
  });
});

describe('runClamp', () => {
  it('applies the current to the steps starting in [from, to) and records t on the grid', () => {
    // A LIF cell with huge τ integrates almost linearly: V rises only while the current is on.
    const entry: ClampNeuron = { id: 'l', model: 'lif', params: { tauMs: 1000, resistance: 1, thresholdMv: 50 } };
    const r = runClamp(entry, { currentA: 10, fromMs: 1, toMs: 2, durationMs: 3, dtMs: 0.5 });
    expect(r.rows.map((row) => row.t)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    const dv = r.rows.slice(1).map((row, k) => row.V - r.rows[k].V);
    expect(dv.map((d) => d > 0.001)).toEqual([false, false, true, true, false, false]);
    expect(r.columns).toEqual(['t', 'V', 'spike']);
  });

  it('writes CSV with a header and one line per row', () => {
    const r = runClamp({ id: 'rs', model: 'izhikevich', preset: 'regular-spiking' }, { currentA: 10, fromMs: 0, toMs: 100, durationMs: 100, dtMs: 1 });
    const lines = clampCsv(r).trimEnd().split('\n');
    expect(lines[0]).toBe('t,V,spike,u');
    expect(lines.length).toBe(102);
    expect(lines[1]).toBe('0,-65,0,-13');
    const spikeLines = lines.slice(1).filter((l) => l.split(',')[2] === '1');
    expect(spikeLines.length).toBe(summarizeClamp(r, { currentA: 10, fromMs: 0, toMs: 100, durationMs: 100, dtMs: 1 }).spikes);
  });

  it('summarises spikes, rates and the V range', () => {
    const opts = { currentA: 10, fromMs: 100, toMs: 600, durationMs: 700, dtMs: 0.05 };
    const s = summarizeClamp(runClamp({ id: 'sq', model: 'hodgkin-huxley', preset: 'squid' }, opts), opts);
    expect(s.spikes).toBeGreaterThan(30);
    expect(s.spikeTimesMs[0]).toBeGreaterThan(100);
    expect(s.rateDuringCurrentHz).toBeGreaterThan(60);
    expect(s.rateHz).toBeCloseTo((s.spikes * 1000) / 700, 10);
    expect(s.maxV).toBeGreaterThan(30);
    expect(s.minV).toBeLessThan(-70);
  });

  it('refuses bad options and unknown models', () => {
    const entry: ClampNeuron = { id: 'l', model: 'lif' };
    const ok = { currentA: 1, fromMs: 0, toMs: 10, durationMs: 10, dtMs: 0.1 };
    expect(() => runClamp(entry, { ...ok, dtMs: 0 })).toThrow(/--dt must be above 0 ms/);
    expect(() => runClamp(entry, { ...ok, durationMs: -1 })).toThrow(/--duration must be above 0/);
    expect(() => runClamp(entry, { ...ok, toMs: -5 })).toThrow(/--to \(-5 ms\) must not be before --from/);
    expect(() => runClamp(entry, { ...ok, currentA: Number.NaN })).toThrow(/--current must be a finite number/);
    expect(() => runClamp(entry, { ...ok, durationMs: 1e9 })).toThrow(/at most 5000000/);
    expect(() => runClamp({ id: 'g', model: 'glial' as ModelKind }, ok)).toThrow(
      /neuron "g": "model" is "glial"; allowed: lif, izhikevich, hodgkin-huxley, graded/,
    );
    expect(() => runClamp({ id: 'g' } as ClampNeuron, ok)).toThrow(/"model" is missing/);
    expect(() => runClamp({ id: 't', model: 'transmitter' }, ok)).toThrow(/neuron "t": a transmitter neuron steps only in its network's cycle/);
    expect(() => runClamp({ id: 'x', model: 'lif', params: { tauMs: 5000 } }, ok)).toThrow(
      /neuron "x": params\.tauMs = 5000 is out of range; allowed: 0\.1 \.\. 1000 ms/,
    );
  });

  it('clamps a graded neuron: V relaxes exponentially towards rest + I·τ/C while the current is on', () => {
    const r = runClamp(
      { id: 'g', model: 'graded', params: { tauMs: 10, capacitance: 2, gKNs: 0 } },
      { currentA: 4, fromMs: 0, toMs: 50, durationMs: 50, dtMs: 0.5 },
    );
    const target = -65 + (4 * 10) / 2;
    r.rows.forEach((row) => expect(row.V).toBeCloseTo(target + (-65 - target) * Math.exp(-row.t / 10), 9));
    expect(r.rows.every((row) => row.spike === 0)).toBe(true);
  });
});
