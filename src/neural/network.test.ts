import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS } from './models/index';
import { Network, type NetworkOptions } from './network';
import type { ModelKind, NetworkSpec, NeuronModel, NeuronSpec, ParamValues, Population } from './types';
import { chem } from './test-helpers/synapses';

/**
 * A spiking stand-in for the engine's tests (the real spiking models are
 * tested on their own): fires on every `period`-th of its steps, counting
 * from `offset`, and ignores its input.
 */
const metronome: NeuronModel = {
  kind: 'lif',
  help: 'test double',
  currentUnit: 'pA',
  conductanceUnit: 'nS',
  spiking: true,
  params: {
    period: { default: 10, min: 1, max: 1000, unit: 'steps', help: 'steps between spikes', integer: true },
    offset: { default: 0, min: 0, max: 1000, unit: 'steps', help: 'phase', integer: true },
  },
  init: {},
  presets: {},
  createPopulation(neurons) {
    const n = neurons.length;
    const period = neurons.map((x) => x.params.period as number);
    const offset = neurons.map((x) => x.params.offset as number);
    let count = 0;
    const pop: Population = {
      kind: 'lif',
      size: n,
      v: new Float64Array(n).fill(-70),
      spiked: new Uint8Array(n),
      output: new Float64Array(n),
      variables: {},
      step() {
        count++;
        for (let k = 0; k < n; k++) {
          const fire = (count + offset[k]) % period[k] === 0;
          pop.spiked[k] = fire ? 1 : 0;
          pop.v[k] = fire ? 30 : -70;
          pop.output[k] = fire ? 1 : pop.output[k] * 0.9;
        }
      },
      reset() {
        count = 0;
        pop.v.fill(-70);
        pop.spiked.fill(0);
        pop.output.fill(0);
      },
    };
    return pop;
  },
};
const models: Partial<Record<ModelKind, NeuronModel>> = { ...MODELS, lif: metronome };
const build = (spec: NetworkSpec, options: NetworkOptions = {}) => Network.fromSpec(spec, { models, ...options });

/** A graded neuron without the K⁺ rectifier (gKNs 0): the linear cell whose closed forms these tests check. */
const graded = (id: string, params: ParamValues = {}, init: ParamValues = {}, extra: Partial<NeuronSpec> = {}): NeuronSpec => ({
  id,
  model: 'graded',
  params: { gKNs: 0, ...params },
  init,
  ...extra,
});
const spiker = (id: string, period = 10, offset = 0): NeuronSpec => ({ id, model: 'lif', params: { period, offset }, init: {} });
const trans = (id: string, params: ParamValues = {}, init: ParamValues = {}): NeuronSpec => ({ id, model: 'transmitter', params, init });

function run(net: Network, steps: number, dt: number, probe: (net: Network) => number[]): number[][] {
  const out: number[][] = [];
  for (let s = 0; s < steps; s++) {
    net.step(dt);
    out.push(probe(net));
  }
  return out;
}

describe('gap junctions', () => {
  const gapNetwork = fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({
      v0: fc.array(fc.double({ min: -90, max: -20, noNaN: true }), { minLength: n, maxLength: n }),
      gaps: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0, max: 0.5, noNaN: true })), { minLength: 1, maxLength: 12 }),
    }),
  );
  const specOf = ({ v0, gaps }: { v0: number[]; gaps: [number, number, number][] }, swap = false): NetworkSpec => ({
    neurons: v0.map((v, i) => graded(`n${i}`, {}, { v })),
    synapses: gaps.map(([a, b, g]) => ({ kind: 'electrical', from: `n${swap ? b : a}`, to: `n${swap ? a : b}`, weight: g })),
  });

  it('carry antisymmetric currents: each pair exactly ±, the sum zero, either direction the same', () => {
    fc.assert(
      fc.property(gapNetwork, (desc) => {
        const [a, b, g] = desc.gaps[0];
        const single = build(specOf({ ...desc, gaps: [[a, b, g]] }));
        single.step(0.1);
        expect(single.current[a] === -single.current[b]).toBe(true);
        const net = build(specOf(desc));
        const swapped = build(specOf(desc, true));
        for (let s = 0; s < 50; s++) {
          net.step(0.1);
          swapped.step(0.1);
          expect(Array.from(swapped.v)).toEqual(Array.from(net.v));
        }
        const sum = net.current.reduce((x, y) => x + y, 0);
        const scale = net.current.reduce((x, y) => x + Math.abs(y), 0);
        expect(Math.abs(sum)).toBeLessThanOrEqual(1e-12 * (1 + scale));
      }),
      { numRuns: 60 },
    );
  });

  it('conserve charge between equal cells: Σ(V − E_L) only leaks, as e^(−t/τ)', () => {
    fc.assert(
      fc.property(gapNetwork, (desc) => {
        const net = build(specOf(desc));
        const dev0 = desc.v0.reduce((s, v) => s + (v - -65), 0);
        const dt = 0.1;
        for (let s = 1; s <= 100; s++) {
          net.step(dt);
          const dev = Array.from(net.v).reduce((x, v) => x + (v - -65), 0);
          expect(Math.abs(dev - dev0 * Math.exp((-s * dt) / 10))).toBeLessThan(1e-9 * (1 + Math.abs(dev0)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('pull coupled cells together', () => {
    const net = build({
      neurons: [graded('a', {}, { v: -20 }), graded('b', {}, { v: -80 })],
      synapses: [{ kind: 'electrical', from: 'a', to: 'b', weight: 0.5 }],
    });
    for (let s = 0; s < 20; s++) net.step(0.1);
    expect(net.v[0] - net.v[1]).toBeLessThan(60 * Math.exp(-2 * 0.5 * 2) * 1.05);
    expect(net.v[0] - net.v[1]).toBeGreaterThan(0);
  });
});

describe('chemical synapses', () => {
  it('graded: current = Σ w·sign·output of the presynaptic neurons (GABA inhibits; sign overrides)', () => {
    const spec: NetworkSpec = {
      neurons: [
        graded('e', {}, { v: -40 }),
        graded('i', {}, { v: -50 }, { transmitter: 'GABA' }),
        graded('g', {}, { v: -45 }, { transmitter: 'glutamate' }),
        graded('post'),
      ],
      synapses: [chem('e', 'post', 2), chem('i', 'post', 3), chem('g', 'post', 0.5, { sign: 'inhibitory' })],
    };
    const net = build(spec);
    const out = Array.from(net.output);
    net.input[3] = 0.25;
    net.step(1);
    expect(net.current[3]).toBeCloseTo(0.25 + 2 * out[0] - 3 * out[1] - 0.5 * out[2], 14);
  });

  it('spiking: exponential currents, τe = 5 ms and τi = 10 ms by default, settable per network', () => {
    const spec: NetworkSpec = {
      neurons: [spiker('e', 100, 99), spiker('i', 100, 99), graded('pe'), graded('pi')],
      synapses: [chem('e', 'pe', 2), chem('i', 'pi', 3, { sign: 'inhibitory' })],
    };
    for (const [options, te, ti] of [
      [{}, 5, 10],
      [{ tauExcMs: 2, tauInhMs: 20 }, 2, 20],
    ] as const) {
      const net = build(spec, options);
      net.step(0.5); // both fire on their first step
      expect([net.spiked[0], net.spiked[1]]).toEqual([1, 1]);
      const trace = run(net, 6, 0.5, (n) => [n.current[2], n.current[3]]);
      trace.forEach(([e, i], k) => {
        expect(e).toBeCloseTo(2 * Math.exp((-k * 0.5) / te), 12);
        expect(i).toBeCloseTo(-3 * Math.exp((-k * 0.5) / ti), 12);
      });
    }
    expect(() => build(spec, { tauExcMs: 0 })).toThrow(/tauExcMs must be a finite number > 0/);
  });

  it('delays: a delayed copy of a synapse lags by round(delayMs / dt) steps (graded and spiking)', () => {
    const spec: NetworkSpec = {
      neurons: [graded('pre', { tauMs: 3 }), graded('now'), graded('later'), spiker('s', 7), graded('snow'), graded('slater')],
      synapses: [chem('pre', 'now', 1), chem('pre', 'later', 1, { delayMs: 2.6 }), chem('s', 'snow', 1), chem('s', 'slater', 1, { delayMs: 3 })],
    };
    const net = build(spec);
    const trace = run(net, 60, 1, (n) => {
      n.input[0] = n.steps >= 10 && n.steps < 30 ? 10 : 0; // a pulse into the graded presynaptic neuron
      return [n.current[1], n.current[2], n.current[4], n.current[5]];
    });
    const lag = 3; // round(2.6 / 1)
    for (let s = lag; s < 60; s++) {
      expect(trace[s][1]).toBe(trace[s - lag][0]);
      expect(trace[s][3]).toBe(trace[s - 3][2]);
    }
    expect(Math.max(...trace.map((t) => t[0]))).toBeGreaterThan(Math.min(...trace.map((t) => t[0])) + 0.1);
    for (let s = 0; s < lag; s++) expect(trace[s][1]).toBe(trace[0][0]); // history starts at the initial output
    // The same circuit at dt = 0.5 re-rounds the delay to 5 steps.
    const half = build(spec);
    const t2 = run(half, 80, 0.5, (n) => {
      n.input[0] = n.steps >= 20 && n.steps < 60 ? 10 : 0;
      return [n.current[1], n.current[2]];
    });
    for (let s = 5; s < 80; s++) expect(t2[s][1]).toBe(t2[s - 5][0]);
  });

  it('depression (spiking): efficacy w·x, then x −= use·x per spike; recovery toward 1 with τ; habituates, then recovers', () => {
    const use = 0.4,
      tau = 50,
      period = 10,
      dt = 1,
      w = 2;
    const net = build({ neurons: [spiker('s', period), graded('post')], synapses: [chem('s', 'post', w, { depression: { use, recoveryMs: tau } })] });
    const steps = 400;
    const trace = run(net, steps, dt, (n) => [n.spiked[0], n.synapseResource('s', 'post'), n.current[1]]);
    const decE = Math.exp(-dt / 5);
    const R = Math.exp((-period * dt) / tau);
    let before = 1;
    let spikes = 0;
    for (let m = 0; m < steps - 1; m++) {
      if (trace[m][0] !== 1) continue;
      spikes++;
      expect(trace[m][1]).toBeCloseTo(before * (1 - use), 12); // resource after the spike
      const efficacy = trace[m + 1][2] - trace[m][2] * decE; // the jump in the postsynaptic current
      expect(efficacy).toBeCloseTo(w * before, 9);
      before = 1 - (1 - trace[m][1]) * R;
    }
    expect(spikes).toBe(39);
    // Habituated: the analytic fixed point of that map.
    const xStar = (1 - R) / (1 - (1 - use) * R);
    expect(before).toBeCloseTo(xStar, 6);
    expect(xStar).toBeLessThan(0.5);
    // Rest (no more spikes): x recovers as 1 − (1 − x0)·e^(−t/τ).
    net.ablate('s');
    const x0 = net.synapseResource('s', 'post');
    for (let k = 1; k <= 100; k++) {
      net.step(dt);
      expect(net.synapseResource('s', 'post')).toBeCloseTo(1 - (1 - x0) * Math.exp((-k * dt) / tau), 12);
    }
  });

  it('depression (graded): consumption use·output·x per ms depletes toward (1/τ)/(1/τ + use·o), then recovers exactly', () => {
    const use = 0.05,
      tau = 200,
      dt = 0.5;
    // The presynaptic neuron sits at V½ (output 0.5) with no input.
    const net = build({
      neurons: [graded('pre', { vHalfMv: -65 }), graded('post')],
      synapses: [chem('pre', 'post', 1, { depression: { use, recoveryMs: tau } })],
    });
    expect(net.output[0]).toBe(0.5);
    let last = 1;
    let monotone = true;
    let efficacyError = 0;
    for (let s = 0; s < 1000; s++) {
      net.step(dt);
      const x = net.synapseResource('pre', 'post');
      monotone &&= x <= last;
      efficacyError = Math.max(efficacyError, Math.abs(net.current[1] - last * 0.5)); // efficacy uses the resource before the step's use
      last = x;
    }
    expect(monotone).toBe(true);
    expect(efficacyError).toBeLessThan(1e-12);
    const xInf = 1 / tau / (1 / tau + use * 0.5);
    expect(last).toBeCloseTo(xInf, 2);
    net.ablate('pre'); // output exactly 0 from now on
    net.step(dt); // ablation zeroes the output at once: this step only recovers
    const x0 = net.synapseResource('pre', 'post');
    expect(x0).toBeCloseTo(1 - (1 - last) * Math.exp(-dt / tau), 12);
    for (let k = 1; k <= 200; k++) net.step(dt);
    expect(net.synapseResource('pre', 'post')).toBeCloseTo(1 - (1 - x0) * Math.exp((-200 * dt) / tau), 10);
  });
});

describe('mixed networks', () => {
  it('a transmitter neuron injects (e + i) × weight of its share into a graded neuron, in the same step', () => {
    const net = build({ neurons: [trans('FIRST'), graded('G'), graded('H')], synapses: [chem('FIRST', 'G', 2), chem('FIRST', 'H', 1)] });
    const currents = run(net, 6, 1, (n) => [n.current[1], n.current[2]]);
    expect(currents.slice(0, 4).flat()).toEqual(Array(8).fill(0));
    // Release at cycle 5: synapse (2.5, −0.5) × 0.1, shared between 2 targets.
    expect(currents[4][0]).toBeCloseTo((0.25 / 2 + -0.05 / 2) * 2, 15);
    expect(currents[4][1]).toBeCloseTo(0.25 / 2 + -0.05 / 2, 15);
    expect(currents[5][0]).toBeCloseTo(currents[4][0] * 0.1, 15);
    // The graded neuron integrated it in that same step.
    const alone = build({ neurons: [graded('G')], synapses: [] });
    for (let s = 0; s < 4; s++) alone.step(1);
    alone.input[0] = currents[4][0];
    alone.step(1);
    const ref = build({ neurons: [trans('FIRST'), graded('G'), graded('H')], synapses: [chem('FIRST', 'G', 2), chem('FIRST', 'H', 1)] });
    for (let s = 0; s < 5; s++) ref.step(1);
    expect(ref.v[1]).toBe(alone.v[0]);
  });

  it('a graded neuron adds w·output to a transmitter dendrite: excitatory to [0], inhibitory as −w·output to [1]', () => {
    const net = build({
      neurons: [graded('E', {}, { v: -45 }), graded('I', {}, { v: -45 }, { transmitter: 'GABA' }), trans('T', {}, { stepsToActivation: 3 })],
      synapses: [chem('E', 'T', 2), chem('I', 'T', 4)],
    });
    const oE = net.output[0],
      oI = net.output[1];
    net.step(1); // T transfers: the dendrite keeps what arrives
    expect(net.transmitterState(2).dendrite).toEqual([2 * oE, -4 * oI]);
    expect(net.transmitterState(2).phase).toBe('transfer');
  });

  it('external input reaches a transmitter neuron by sign, and its v and spiked follow the seed state', () => {
    const net = build({ neurons: [trans('T', {}, { stepsToActivation: 0 }), graded('G')], synapses: [] });
    net.input[0] = 4;
    net.step(1);
    net.input[0] = -1;
    net.step(1);
    expect(net.transmitterState(0).current).toEqual([4, -1]);
    expect(net.v[0]).toBe(3);
    expect(net.modelOf(0)).toBe('transmitter');
    expect(net.modelOf(1)).toBe('graded');
  });
});

describe('engine', () => {
  const mixedSpec = fc
    .record({
      kinds: fc.array(fc.constantFrom('graded', 'transmitter', 'lif'), { minLength: 1, maxLength: 10 }),
      syn: fc.array(
        fc.record({
          a: fc.nat(9),
          b: fc.nat(9),
          w: fc.double({ min: 0, max: 2, noNaN: true }),
          gap: fc.boolean(),
          delay: fc.constantFrom(0, 0, 2),
          depress: fc.boolean(),
          inhibitory: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      v0: fc.double({ min: -80, max: -30, noNaN: true }),
    })
    .map(({ kinds, syn, v0 }): NetworkSpec => {
      const n = kinds.length;
      const neurons = kinds.map((k, i) =>
        k === 'graded'
          ? graded(`n${i}`, {}, { v: v0 + i })
          : k === 'lif'
            ? spiker(`n${i}`, 3 + i, i)
            : trans(`n${i}`, { speed: 1 + (i % 3) }, { stepsToActivation: i % 4 }),
      );
      const synapses = syn.map(({ a, b, w, gap, delay, depress, inhibitory }) => {
        const from = `n${a % n}`,
          to = `n${b % n}`;
        if (gap) return { kind: 'electrical' as const, from, to, weight: w / 10 };
        const fromT = kinds[a % n] === 'transmitter';
        return chem(from, to, w, {
          ...(inhibitory ? { sign: 'inhibitory' as const } : {}),
          ...(delay && !fromT ? { delayMs: delay } : {}),
          ...(depress && !fromT ? { depression: { use: 0.3, recoveryMs: 20 } } : {}),
        });
      });
      return { neurons, synapses };
    });
  const record = (net: Network, steps: number) => {
    const out: number[] = [];
    for (let s = 0; s < steps; s++) {
      net.input[0] = s % 7 === 0 ? 3 : 0;
      net.step(0.5);
      out.push(...net.v, ...net.output, ...net.spiked, ...net.current);
    }
    return out;
  };

  it('is deterministic: two runs, and a run after reset(), are bit-identical', () => {
    fc.assert(
      fc.property(mixedSpec, (spec) => {
        const a = build(spec);
        const b = build(spec);
        const ra = record(a, 120);
        expect(record(b, 120)).toEqual(ra);
        a.reset();
        a.input.fill(0);
        expect(a.steps).toBe(0);
        expect(a.timeMs).toBe(0);
        expect(record(a, 120)).toEqual(ra);
        expect(ra.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('ablation silences a neuron: no output, no input, no gap current; a transmitter neuron freezes', () => {
    const net = build({
      neurons: [graded('A', {}, { v: -30 }), graded('B', {}, { v: -30 }), graded('C'), graded('D', {}, { v: -20 }), trans('T1'), trans('T2')],
      synapses: [chem('A', 'B', 1), chem('B', 'C', 5), { kind: 'electrical', from: 'D', to: 'C', weight: 0.3 }, chem('T1', 'T2', 1), chem('T1', 'C', 1)],
    });
    net.ablate('B');
    net.ablate('D');
    net.ablate('T2');
    expect(net.isAblated(net.indexOf('B'))).toBe(true);
    net.input[1] = 100;
    net.input[3] = 100;
    const c = net.indexOf('C');
    for (let s = 0; s < 12; s++) {
      net.step(1);
      expect(net.output[1]).toBe(0);
      expect(net.current[1]).toBe(0);
      expect(net.current[3]).toBe(0);
    }
    // C's input over the run came from T1 alone: compare with a network without B and D.
    const ref = build({
      neurons: [graded('A', {}, { v: -30 }), graded('C'), trans('T1'), trans('T2')],
      synapses: [chem('T1', 'T2', 1), chem('T1', 'C', 1)],
    });
    for (let s = 0; s < 12; s++) ref.step(1);
    expect(net.v[c]).toBe(ref.v[1]);
    // T2 froze at its initial state; T1 still shares between 2 targets (the dead one's share is lost).
    expect(net.transmitterState(5)).toMatchObject({ phase: null, dendrite: [0, 0], accumulated: [0, 0] });
    expect(net.transmitterState(4).phase).not.toBeNull();
    expect(ref.transmitterState(3).current[0]).toBeGreaterThan(0); // …where it would have received
  });

  it('cutSynapse removes synapses of a kind; a transmitter neuron then shares among fewer targets', () => {
    const spec: NetworkSpec = {
      neurons: [graded('A', {}, { v: -30 }), graded('B'), trans('T'), graded('X'), graded('Y')],
      synapses: [chem('A', 'B', 1), { kind: 'electrical', from: 'B', to: 'A', weight: 0.2 }, chem('T', 'X', 1), chem('T', 'Y', 1)],
    };
    const net = build(spec);
    expect(net.cutSynapse('A', 'B', 'chemical')).toBe(1);
    expect(net.cutSynapse('A', 'B', 'electrical')).toBe(1); // either direction
    expect(() => net.cutSynapse('A', 'B')).toThrow(/no synapse from "A" to "B"/); // already cut
    expect(net.cutSynapse('T', 'Y')).toBe(1);
    expect(net.transmitterTargets(2)).toEqual([3]);
    expect(() => net.cutSynapse('B', 'X')).toThrow(/no synapse from "B" to "X"/);
    for (let s = 0; s < 5; s++) net.step(1);
    expect(net.current[1]).toBe(0);
    expect(net.current[3]).toBeCloseTo((0.25 + -0.05) * 1, 15); // the whole share goes to X now
  });

  it('setParam checks the range and changes the neuron in place', () => {
    const net = build({ neurons: [graded('A'), trans('T')], synapses: [] });
    net.setParam('A', 'tonicPa', 2);
    expect(net.paramsOf(0).tonicPa).toBe(2);
    for (let s = 0; s < 200; s++) net.step(1);
    expect(net.v[0]).toBeCloseTo(-65 + 2 * 10, 6);
    net.setParam('T', 'threshold', 3);
    expect(net.paramsOf(1).threshold).toBe(3);
    expect(() => net.setParam('A', 'tauMs', -1)).toThrow(/setParam "A": params\.tauMs = -1 is out of range; allowed: 0\.1 \.\. 100000 ms/);
    expect(() => net.setParam('A', 'speed', 1)).toThrow(/model graded has no parameter "speed"/);
    expect(() => net.setParam('Z', 'tauMs', 1)).toThrow(/no neuron "Z"/);
    const fixed = build({ neurons: [spiker('S')], synapses: [] });
    expect(() => fixed.setParam('S', 'period', 3)).toThrow(/cannot change parameters while running/);
  });

  it('refuses bad networks with messages that name the neuron or synapse and the fix', () => {
    const ok = graded('A');
    expect(() => build({ neurons: [ok, graded('A')], synapses: [] })).toThrow(/neurons\[1\]: duplicate id "A"/);
    expect(() => build({ neurons: [{ ...ok, model: 'nope' as ModelKind }], synapses: [] })).toThrow(
      /neurons\[0\] \("A"\): unknown neuron model "nope"; available: transmitter, lif, izhikevich, hodgkin-huxley, graded/,
    );
    expect(() => build({ neurons: [graded('A', { tauMs: 'x' as unknown as number })], synapses: [] })).toThrow(
      /neurons\[0\] \("A"\): params\.tauMs = "x" is not a finite number/,
    );
    expect(() => build({ neurons: [ok], synapses: [chem('A', 'B', 1)] })).toThrow(/synapses\[0\] \(chemical "A" → "B"\): "to" names no neuron/);
    expect(() => build({ neurons: [ok], synapses: [chem('A', 'A', -1)] })).toThrow(/"weight" must be a finite number ≥ 0/);
    expect(() => build({ neurons: [ok], synapses: [chem('A', 'A', 1, { depression: { use: 2, recoveryMs: 5 } })] })).toThrow(
      /depression.use" must be a number in 0..1/,
    );
    expect(() => build({ neurons: [trans('T'), ok], synapses: [chem('T', 'A', 1, { delayMs: 2 })] })).toThrow(
      /not supported on synapses from a transmitter neuron/,
    );
    expect(() => build({ neurons: [ok], synapses: [] }).step(0)).toThrow(/dtMs must be a finite number > 0/);
    expect(() => build({ neurons: [ok], synapses: [] }).link('A', 'A')).toThrow(/toggles links of transmitter neurons/);
    expect(() => build({ neurons: [ok], synapses: [] }).transmitterState(0)).toThrow(/is a graded neuron, not a transmitter neuron/);
  });

  it('exposes ids, indexOf, time and steps', () => {
    const net = build({ neurons: [graded('A'), graded('B')], synapses: [] });
    expect(net.size).toBe(2);
    expect(net.ids).toEqual(['A', 'B']);
    expect([net.indexOf('B'), net.indexOf('nope')]).toEqual([1, -1]);
    net.step(0.25);
    net.step(0.25);
    expect([net.steps, net.timeMs]).toEqual([2, 0.5]);
  });
});
