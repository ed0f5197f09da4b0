import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BehaviourEvent } from '../streams/types';
import { evaluateExpectation, response } from './expectations';
import { METRICS } from './metrics';
import { parseScenario } from './parse';
import { meanSpeed, peakBackwardSpeed, probeKey, type Recording } from './recording';
import type { Expectation, Scenario } from './types';

/**
 * A hand-made recording: samples every 100 ms over `durationMs`; `vAlong(t)`
 * gives the along-body velocity (mm/s) and the centroid moves along +x with it.
 */
function recording(durationMs: number, vAlong: (tMs: number) => number, extra: Partial<Recording> = {}): Recording {
  const n = Math.round(durationMs / 100) + 1;
  const t = new Float64Array(n);
  const cx = new Float64Array(n);
  const fwd = new Float64Array(n);
  const back = new Float64Array(n);
  for (let j = 1; j < n; j++) {
    t[j] = j * 100;
    const d = vAlong(t[j - 1]) * 0.1;
    cx[j] = cx[j - 1] + d;
    fwd[j] = fwd[j - 1] + Math.max(0, d);
    back[j] = back[j - 1] + Math.max(0, -d);
  }
  return {
    bodyLengthMm: 1,
    durationMs,
    stepMs: 100,
    count: n,
    t,
    cx,
    cy: new Float64Array(n),
    hx: cx.map((x) => x + 0.5),
    hy: new Float64Array(n),
    fwd,
    back,
    zones: {},
    neurons: {},
    events: [],
    actions: [],
    probes: {},
    ...extra,
  };
}

function scenarioWith(expect: Expectation[], extra: Partial<Scenario> = {}): Scenario {
  return {
    name: 't',
    circuit: 'worm',
    seed: 1,
    durationMs: 10_000,
    timeline: [
      { atMs: 2000, everyMs: 0, times: 1, label: 'head', action: { type: 'poke', position: 0.05, side: 'both', kind: 'gentle' } },
      { atMs: 1000, everyMs: 1000, times: 5, label: 'taps', action: { type: 'tap' } },
      { atMs: 8000, everyMs: 0, times: 1, label: 'rested', action: { type: 'tap' } },
    ],
    expect,
    ...extra,
  };
}

const ctxFor = (s: Scenario) => ({ scenario: s, neuronIds: ['AVAL', 'AVAR', 'AVBL'] });

function evalOne(e: Expectation, rec: Recording) {
  const s = scenarioWith([e]);
  return evaluateExpectation(e, rec, ctxFor(s));
}

const ev = (type: BehaviourEvent['type'], timeMs: number): BehaviourEvent => ({ type, timeMs });

describe('reversal expectations', () => {
  it('reverses: latency from the anchor to the first reversal start', () => {
    const rec = recording(10_000, () => 0.1, { events: [ev('reversal-start', 1500), ev('reversal-start', 2600)] });
    const r = evalOne({ kind: 'reverses', after: { label: 'head' }, withinMs: 1500 }, rec);
    expect(r).toMatchObject({ pass: true, measured: 600, unit: 'ms', bound: '≤ 1500' });
    const late = evalOne({ kind: 'reverses', after: { label: 'head' }, withinMs: 500 }, rec);
    expect(late).toMatchObject({ pass: false, measured: null });
    expect(late.detail).toMatch(/no reversal started/);
  });

  it('doesNotReverse counts reversal starts in the window', () => {
    const rec = recording(10_000, () => 0.1, { events: [ev('reversal-start', 2600)] });
    expect(evalOne({ kind: 'doesNotReverse', after: { label: 'head' }, withinMs: 1000 }, rec)).toMatchObject({ pass: false, measured: 1 });
    expect(evalOne({ kind: 'doesNotReverse', after: { label: 'head' }, withinMs: 500 }, rec)).toMatchObject({ pass: true, measured: 0 });
  });
});

describe('movement expectations', () => {
  const rec = recording(10_000, (t) => (t < 4000 ? 0.2 : -0.1));

  it('moves forward/backward: net along-body travel in the window, in the bound unit', () => {
    const f = evalOne({ kind: 'moves', direction: 'forward', atLeast: { value: 0.3, unit: 'mm' }, after: { ms: 0 }, forMs: 2000 }, rec);
    expect(f.pass).toBe(true);
    expect(f.measured as number).toBeCloseTo(0.4, 9);
    const b = evalOne({ kind: 'moves', direction: 'backward', atLeast: { value: 0.5, unit: 'bl' }, after: { ms: 4000 } }, rec);
    expect(b.unit).toBe('bl');
    expect(b.measured as number).toBeCloseTo(0.6, 9);
    expect(b.pass).toBe(true);
  });

  it('speed: mean centroid speed, converted to bl/s when both bounds are', () => {
    const s = evalOne({ kind: 'speed', min: { value: 0.15, unit: 'bl/s' }, max: { value: 0.25, unit: 'bl/s' }, after: { ms: 0 }, forMs: 4000 }, rec);
    expect(s.measured as number).toBeCloseTo(0.2, 9);
    expect(s).toMatchObject({ pass: true, unit: 'bl/s' });
    expect(evalOne({ kind: 'speed', min: { value: 0.3, unit: 'mm/s' }, max: { value: 1, unit: 'mm/s' }, after: { ms: 0 }, forMs: 4000 }, rec).pass).toBe(false);
  });

  it('property: meanSpeed of uniform motion is that speed, whatever the window', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 2, max: 50 }), (v, a, len) => {
        const r = recording(10_000, () => v);
        const from = a * 100;
        const to = Math.min(10_000, from + len * 100);
        expect(meanSpeed(r, from, to)).toBeCloseTo(v, 9);
      }),
    );
  });
});

describe('world expectations', () => {
  it('reachesFood: first sample within reach; otherwise the closest approach', () => {
    const food = Float64Array.from({ length: 101 }, (_, j) => 2 - j * 0.02);
    const rec = recording(10_000, () => 0.1, { food });
    const r = evalOne({ kind: 'reachesFood', after: { ms: 0 }, withinMs: 9000, distance: { value: 0.5, unit: 'mm' } }, rec);
    expect(r).toMatchObject({ pass: true, measured: 7500 });
    const miss = evalOne({ kind: 'reachesFood', after: { ms: 0 }, withinMs: 2000, distance: { value: 0.5, unit: 'mm' } }, rec);
    expect(miss.pass).toBe(false);
    expect(miss.detail).toMatch(/closest approach 1\.6 mm at 2 s/);
  });

  it('staysOutOfZone: time the nose spent in the zone', () => {
    const hot = new Uint8Array(101);
    hot.fill(1, 50, 60); // samples 50..59: in the zone for the intervals ending at 5.0 .. 5.9 s
    const rec = recording(10_000, () => 0.1, { zones: { hot } });
    const r = evalOne({ kind: 'staysOutOfZone', zone: 'hot', atMostMs: 0, after: { ms: 0 } }, rec);
    expect(r).toMatchObject({ pass: false, measured: 1000, unit: 'ms' });
    expect(r.detail).toMatch(/first in hot at 5 s/);
    expect(evalOne({ kind: 'staysOutOfZone', zone: 'hot', atMostMs: 1000, after: { ms: 0 } }, rec).pass).toBe(true);
    expect(evalOne({ kind: 'staysOutOfZone', zone: 'hot', atMostMs: 0, after: { ms: 6000 } }, rec).pass).toBe(true);
  });
});

describe('neuron expectations', () => {
  const AVAL = Float64Array.from({ length: 101 }, (_, j) => (j >= 25 && j < 40 ? 0.8 : 0.05));
  const AVAR = Float64Array.from({ length: 101 }, () => 0.1);
  const AVBL = Float64Array.from({ length: 101 }, () => 0.6);
  const rec = recording(10_000, () => 0.1, { neurons: { AVAL, AVAR, AVBL } });

  it('neuronFires: a class fires when any of its cells crosses the threshold', () => {
    const r = evalOne({ kind: 'neuronFires', neuron: 'AVA', after: { label: 'head' }, withinMs: 1000, threshold: 0.5 }, rec);
    expect(r).toMatchObject({ pass: true, measured: 500 });
    expect(r.detail).toMatch(/AVAL output 0\.8/);
    expect(evalOne({ kind: 'neuronFires', neuron: 'AVAR', after: { label: 'head' }, withinMs: 1000, threshold: 0.5 }, rec).pass).toBe(false);
  });

  it('neuronSilent: the peak output stays under the threshold', () => {
    expect(evalOne({ kind: 'neuronSilent', neuron: 'AVA', threshold: 0.5, after: { ms: 5000 } }, rec)).toMatchObject({ pass: true, measured: 0.1 });
    expect(evalOne({ kind: 'neuronSilent', neuron: 'AVB', threshold: 0.5, after: { ms: 0 } }, rec)).toMatchObject({ pass: false, measured: 0.6 });
  });

  it('an unrecorded neuron fails with the reason, never throws', () => {
    const r = evalOne({ kind: 'neuronSilent', neuron: 'RIM', threshold: 0.5, after: { ms: 0 } }, rec);
    expect(r).toMatchObject({ pass: false, measured: null });
    expect(r.detail).toMatch(/RIM.*not recorded/);
  });
});

describe('probed expectations', () => {
  it('bendingFrequency and waveDirection read the simulation measure taken at the window end', () => {
    const probes = {
      [probeKey({ name: 'bendingFrequency', endMs: 10_000, windowMs: 8000 })]: 0.42,
      [probeKey({ name: 'waveDirection', endMs: 10_000, windowMs: 8000 })]: -1,
    };
    const rec = recording(10_000, () => 0.1, { probes });
    expect(evalOne({ kind: 'bendingFrequency', minHz: 0.2, maxHz: 1, after: { ms: 2000 } }, rec)).toMatchObject({ pass: true, measured: 0.42, unit: 'Hz' });
    expect(evalOne({ kind: 'waveDirection', direction: 'head-to-tail', after: { ms: 2000 } }, rec)).toMatchObject({ pass: false, measured: 'tail-to-head' });
    expect(evalOne({ kind: 'bendingFrequency', minHz: 0.2, maxHz: 1, after: { ms: 0 } }, rec).detail).toMatch(/not probed/);
  });
});

describe('minBend: a gait or travel reading counts only while the body bends', () => {
  // A body that ripples (0.4 κL) while its readings look like a crawl: 0.42 Hz head → tail, 0.1 mm/s.
  const probesAt = (amp: number, endMs: number, windowMs: number) => ({
    [probeKey({ name: 'bendingFrequency', endMs, windowMs })]: 0.42,
    [probeKey({ name: 'waveDirection', endMs, windowMs })]: 1,
    [probeKey({ name: 'bendAmplitude', endMs, windowMs })]: amp,
  });
  const win = { after: { ms: 2000 } } as const;
  const kinds = (minBend?: number): Expectation[] => [
    { kind: 'bendingFrequency', minHz: 0.3, maxHz: 0.6, ...win, ...(minBend !== undefined && { minBend }) },
    { kind: 'waveDirection', direction: 'head-to-tail', ...win, ...(minBend !== undefined && { minBend }) },
    { kind: 'speed', min: { value: 0.05, unit: 'mm/s' }, max: { value: 0.3, unit: 'mm/s' }, ...win, ...(minBend !== undefined && { minBend }) },
    { kind: 'metric', metric: 'alongSpeed', min: 0.05, ...win, ...(minBend !== undefined && { minBend }) },
  ];

  it('a rippling body: every reading fails with nothing measured (no partial credit), and says why; without minBend each passes', () => {
    const rec = recording(10_000, () => 0.1, { probes: probesAt(0.4, 10_000, 8000) });
    for (const e of kinds(2)) {
      const r = evalOne(e, rec);
      expect(r, e.kind).toMatchObject({ pass: false, measured: null });
      expect(r.detail).toMatch(/barely bends .*0\.4 κL < minBend 2 κL.*not counted/);
      expect(r.name).toMatch(/while bending ≥ 2 κL/);
    }
    for (const e of kinds()) expect(evalOne(e, rec).pass, e.kind).toBe(true);
  });

  it('a body that bends enough is read as without the field', () => {
    const rec = recording(10_000, () => 0.1, { probes: probesAt(3.2, 10_000, 8000) });
    for (const e of kinds(2)) expect(evalOne(e, rec).pass, e.kind).toBe(true);
  });

  it('with a baseline, both windows must bend; an unprobed amplitude fails with the reason', () => {
    const probes = { ...probesAt(3.2, 7000, 2000), ...probesAt(0.4, 5000, 2000) };
    const rec = recording(10_000, (t) => (t < 5000 ? 0.05 : 0.15), { probes });
    const e: Expectation = {
      kind: 'metric',
      metric: 'alongSpeed',
      baseline: { before: { ms: 5000 }, forMs: 2000 },
      min: 1.2,
      after: { ms: 5000 },
      forMs: 2000,
    };
    expect(evalOne(e, rec).pass).toBe(true);
    const r = evalOne({ ...e, minBend: 2 }, rec);
    expect(r).toMatchObject({ pass: false, measured: null });
    expect(r.detail).toMatch(/barely bends in 3 s – 5 s/);
    expect(evalOne({ kind: 'bendingFrequency', minHz: 0.3, maxHz: 0.6, minBend: 2, after: { ms: 0 } }, rec).detail).toMatch(/not probed/);
  });

  it('a baseline with its own minBend: only the baseline must bend (an ablation that stops the body counts as impaired)', () => {
    // Crawls 0.15 mm/s bending 3.2 κL over 3–5 s; after 5 s creeps 0.02 mm/s with the body still (0.4 κL).
    const rec = (baseAmp: number) =>
      recording(10_000, (t) => (t < 5000 ? 0.15 : 0.02), { probes: { ...probesAt(baseAmp, 5000, 2000), ...probesAt(0.4, 7000, 2000) } });
    const e: Expectation = {
      kind: 'metric',
      metric: 'alongSpeed',
      baseline: { before: { ms: 5000 }, forMs: 2000, minBend: 2 },
      max: 0.5,
      after: { ms: 5000 },
      forMs: 2000,
    };
    expect(evalOne(e, rec(3.2))).toMatchObject({ pass: true, unit: 'ratio' });
    expect(evalOne(e, rec(3.2)).measured as number).toBeCloseTo(0.02 / 0.15, 6);
    expect(evalOne({ ...e, minBend: 2 }, rec(3.2)).detail).toMatch(/barely bends in 5 s – 7 s/);
    const still = evalOne(e, rec(0.4));
    expect(still).toMatchObject({ pass: false, measured: null });
    expect(still.detail).toMatch(/barely bends in 3 s – 5 s/);
  });

  it('bendAmplitude is a metric of its own', () => {
    const rec = recording(10_000, () => 0.1, { probes: probesAt(3.2, 10_000, 8000) });
    expect(evalOne({ kind: 'metric', metric: 'bendAmplitude', min: 2, ...win }, rec)).toMatchObject({ pass: true, measured: 3.2, unit: 'κL' });
  });
});

describe('habituation', () => {
  // Each tap (1, 2, 3, 4, 5 s) is followed by 500 ms of backward crawling at a speed that halves each time; a full response after the rest tap (8 s).
  const speeds = [0.4, 0.2, 0.1, 0.05, 0.025];
  const v = (t: number) => {
    if (t >= 8000 && t < 8500) return -0.3;
    const k = Math.floor(t / 1000) - 1;
    return k >= 0 && k < 5 && t - (k + 1) * 1000 < 500 ? -speeds[k] : 0.1;
  };
  const rec = recording(10_000, v);

  it('reports every response and the ratio of response k to response 1', () => {
    const r = evalOne({ kind: 'habituates', train: 'taps', response: 'reversalDistance', windowMs: 1000, ratioBelow: 0.5 }, rec);
    expect(r.responses!.map((x) => Number(x.toFixed(9)))).toEqual(speeds.map((s) => Number((s * 0.5).toFixed(9))));
    expect(r.measured as number).toBeCloseTo(0.025 / 0.4, 9);
    expect(r.pass).toBe(true);
    const k2 = evalOne({ kind: 'habituates', train: 'taps', response: 'reversalDistance', windowMs: 1000, k: 2, ratioBelow: 0.4 }, rec);
    expect(k2.measured as number).toBeCloseTo(0.5, 9);
    expect(k2.pass).toBe(false);
  });

  it('peak backward speed as the response', () => {
    expect(peakBackwardSpeed(rec, 1000, 2000)).toBeCloseTo(0.4, 9);
    expect(response(rec, 'peakBackwardSpeed', 5000, 6000)).toBeCloseTo(0.025, 9);
  });

  it('fails, with a reason, when there was no first response', () => {
    const r = evalOne(
      { kind: 'habituates', train: 'taps', response: 'reversalDistance', windowMs: 1000, ratioBelow: 1 },
      recording(10_000, () => 0.1),
    );
    expect(r).toMatchObject({ pass: false, measured: null });
    expect(r.detail).toMatch(/no response to the first stimulus/);
  });

  it('recovers: the response after rest against the first', () => {
    const r = evalOne({ kind: 'recovers', train: 'taps', test: 'rested', response: 'reversalDistance', windowMs: 1000, ratioAtLeast: 0.7 }, rec);
    expect(r.measured as number).toBeCloseTo(0.15 / 0.2, 9);
    expect(r.pass).toBe(true);
  });
});

describe('metrics', () => {
  const rec = recording(10_000, (t) => (t < 5000 ? 0.1 : 0.3), {
    events: [ev('reversal-start', 3000), ev('omega-turn', 4000), ev('reversal-start', 7000)],
  });

  it('a bound on a metric over a window', () => {
    expect(evalOne({ kind: 'metric', metric: 'reversalCount', min: 2, after: { ms: 0 } }, rec)).toMatchObject({ pass: true, measured: 2, unit: 'count' });
    expect(evalOne({ kind: 'metric', metric: 'omegaTurnCount', min: 1, after: { ms: 5000 } }, rec)).toMatchObject({ pass: false, measured: 0 });
    const net = evalOne({ kind: 'metric', metric: 'netDisplacement', min: 1, max: 2, after: { ms: 0 } }, rec);
    expect(net.measured as number).toBeCloseTo(2, 9);
  });

  it('reversal rate per minute, time on food and the temperature at the nose', () => {
    expect(evalOne({ kind: 'metric', metric: 'reversalRate', min: 1, after: { ms: 0 } }, rec)).toMatchObject({ measured: 12, unit: 'per min' });
    expect(evalOne({ kind: 'metric', metric: 'reversalRate', min: 1, after: { ms: 5000 } }, rec).measured).toBeCloseTo(12, 9); // 1 in 5 s
    // On food from 4 s on (cumulative ms), 18 °C rising to 22 °C over the run.
    const onFoodMs = Float64Array.from({ length: 101 }, (_, j) => Math.max(0, j * 100 - 4000));
    const noseTemp = Float64Array.from({ length: 101 }, (_, j) => 18 + (4 * j) / 100);
    const sensed = recording(10_000, () => 0.1, { onFoodMs, noseTemp });
    expect(evalOne({ kind: 'metric', metric: 'timeOnFood', min: 1, after: { ms: 0 } }, sensed)).toMatchObject({ measured: 6, unit: 's' });
    expect(evalOne({ kind: 'metric', metric: 'timeOnFood', min: 1, after: { ms: 0 }, forMs: 3000 }, sensed).measured).toBe(0);
    const t = evalOne({ kind: 'metric', metric: 'noseTemperature', min: 19, after: { ms: 0 } }, sensed);
    expect(t.measured as number).toBeCloseTo(20, 9);
    expect(t.unit).toBe('°C');
    // Asked of a run that did not record them: a clear failure, not a number.
    const missing = evalOne({ kind: 'metric', metric: 'timeOnFood', min: 1, after: { ms: 0 } }, rec);
    expect(missing).toMatchObject({ pass: false, measured: null });
    expect(missing.detail).toMatch(/not recorded/);
  });

  it('the lowest and highest membrane potential of any neuron in the window', () => {
    // −65 mV everywhere except a dip to −150 mV at 2 s and a peak of +55 mV at 8 s.
    const membraneMin = Float64Array.from({ length: 101 }, (_, j) => (j === 20 ? -150 : -65));
    const membraneMax = Float64Array.from({ length: 101 }, (_, j) => (j === 80 ? 55 : -40));
    const v = recording(10_000, () => 0.1, { membraneMin, membraneMax });
    expect(evalOne({ kind: 'metric', metric: 'membraneMin', min: -90, after: { ms: 0 } }, v)).toMatchObject({ pass: false, measured: -150, unit: 'mV' });
    expect(evalOne({ kind: 'metric', metric: 'membraneMin', min: -90, after: { ms: 3000 } }, v)).toMatchObject({ pass: true, measured: -65 });
    expect(evalOne({ kind: 'metric', metric: 'membraneMax', max: 40, after: { ms: 0 } }, v)).toMatchObject({ pass: false, measured: 55 });
    expect(evalOne({ kind: 'metric', metric: 'membraneMax', max: 40, after: { ms: 0 }, forMs: 5000 }, v)).toMatchObject({ pass: true, measured: -40 });
    const missing = evalOne({ kind: 'metric', metric: 'membraneMin', min: -90, after: { ms: 0 } }, rec);
    expect(missing).toMatchObject({ pass: false, measured: null });
    expect(missing.detail).toMatch(/not recorded/);
  });

  it('with a baseline the measured value is a ratio', () => {
    const r = evalOne({ kind: 'metric', metric: 'alongSpeed', baseline: { before: { ms: 5000 }, forMs: 2000 }, min: 2, after: { ms: 5000 }, forMs: 2000 }, rec);
    expect(r.unit).toBe('ratio');
    expect(r.measured as number).toBeCloseTo(3, 9);
    expect(r.pass).toBe(true);
  });

  it('property: travel metrics add up and path length ≥ net displacement', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), fc.integer({ min: 0, max: 90 }), (vs, a) => {
        const r = recording(10_000, (t) => vs[Math.min(9, Math.floor(t / 1000))]);
        const args = { neuronIds: [] };
        const from = a * 100;
        const fwd = METRICS.forwardTravel(r, from, 10_000, args);
        const back = METRICS.backwardTravel(r, from, 10_000, args);
        expect(fwd).toBeGreaterThanOrEqual(0);
        expect(back).toBeGreaterThanOrEqual(0);
        expect((METRICS.alongSpeed(r, from, 10_000, args) * (10_000 - from)) / 1000).toBeCloseTo(fwd - back, 9);
        expect(METRICS.pathLength(r, from, 10_000, args) + 1e-12).toBeGreaterThanOrEqual(METRICS.netDisplacement(r, from, 10_000, args));
      }),
    );
  });
});

describe('reading: spectrum (issue 18, session 17)', () => {
  const yaml = (reading: string) =>
    `format: neuroworm-scenario\nversion: 1\nname: r\ncircuit: locomotion\nduration: 14s\nexpect:\n  - bendingFrequency: { between: [0.3Hz, 0.6Hz], reading: ${reading}, after: 4s, for: 10s }\n  - waveDirection: { direction: head-to-tail, reading: ${reading}, after: 4s, for: 10s }\n`;

  it('reads the spectrum probe, not the crossings probe of the same window', () => {
    const sc = parseScenario(yaml('spectrum'), 'r.yaml');
    const [f, d] = sc.expect;
    const evalIn = (e: Expectation) => evaluateExpectation(e, rec, ctxFor(sc));
    expect(f).toMatchObject({ kind: 'bendingFrequency', reading: 'spectrum' });
    // The crossings at body 0.3 read a neck ripple (1.6 Hz, tail → head); the body's spectrum 0.45 Hz, head → tail.
    const probes = {
      [probeKey({ name: 'bendingFrequency', endMs: 14_000, windowMs: 10_000 })]: 1.6,
      [probeKey({ name: 'waveDirection', endMs: 14_000, windowMs: 10_000 })]: -1,
      [probeKey({ name: 'bendingFrequency', endMs: 14_000, windowMs: 10_000, reading: 'spectrum' })]: 0.45,
      [probeKey({ name: 'waveDirection', endMs: 14_000, windowMs: 10_000, reading: 'spectrum' })]: 1,
    };
    const rec = recording(14_000, () => 0.1, { probes });
    expect(evalIn(f)).toMatchObject({ pass: true, measured: 0.45 });
    expect(evalIn(d)).toMatchObject({ pass: true, measured: 'head-to-tail' });
    const [f0, d0] = parseScenario(yaml('crossings'), 'r.yaml').expect;
    expect(f0).not.toHaveProperty('reading');
    expect(evalIn(f0)).toMatchObject({ pass: false, measured: 1.6 });
    expect(evalIn(d0)).toMatchObject({ pass: false, measured: 'tail-to-head' });
  });

  it('names the allowed readings for a wrong one', () => {
    expect(() => parseScenario(yaml('fourier'), 'r.yaml')).toThrow(/crossings|spectrum/);
  });
});
