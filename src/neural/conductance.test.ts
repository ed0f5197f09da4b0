/**
 * Conductance-based synapses (compile/graded-conductance.ts,
 * compile/spike-conductance.ts) against their published forms: graded
 * release s∞ = 1/(1 + e^(−(V − V½)/k)) with first-order activation
 * (Wicks et al. 1996; Kunert et al. 2014), spike-triggered conductances that
 * decay exponentially (COBA, Brette et al. 2007), the current g·s·(E − V);
 * the reversal bound on random networks; ohmic gap junctions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS } from './models/index';
import { Network } from './network';
import { resolveNeuronParams } from './params';
import { CONDUCTANCE_SYNAPSE } from './synapses';
import type { ModelKind, NetworkSpec, NeuronSpec, ParamValues, PlasticSpec, Transmitter } from './types';
import { cond } from './test-helpers/synapses';

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const graded = (id: string, params: ParamValues = {}, init: ParamValues = {}, transmitter: Transmitter = 'acetylcholine'): NeuronSpec => ({
  id,
  model: 'graded',
  params,
  init,
  transmitter,
});

/** A presynaptic cell whose V follows its rest within a step (τ 0.1 ms): setParam('restMv') sets its V. */
const driver = (v: number, transmitter: Transmitter = 'acetylcholine') => graded('pre', { tauMs: 0.1, restMv: v, gKNs: 0 }, { v }, transmitter);

describe('graded release onto a conductance (Kunert et al. 2014)', () => {
  it('opens g·s∞(V_pre) at once for τ = 0, with s∞ the logistic of (V − V½)/k; the current is that conductance × E_rev', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 20, noNaN: true }),
        fc.double({ min: -60, max: -20, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -90, max: 10, noNaN: true }),
        (vPre, half, slope, g, reversal) => {
          const net = Network.fromSpec({
            neurons: [driver(vPre), graded('post')],
            synapses: [cond('pre', 'post', g, { releaseHalfMv: half, releaseSlopeMv: slope, tauMs: 0, reversalMv: reversal })],
          });
          net.step(1);
          const open = g * logistic((vPre - half) / slope);
          expect(Math.abs(net.conductance[1] - open)).toBeLessThan(3e-6 * g + 1e-12);
          expect(net.current[1] === net.conductance[1] * reversal).toBe(true);
          expect(net.conductance[0]).toBe(0);
        },
      ),
    );
  });

  it('activates to first order: s → s∞ with e^(−t/τ) after a step of V_pre', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: -60, noNaN: true }),
        fc.double({ min: -40, max: 0, noNaN: true }),
        fc.double({ min: 2, max: 50, noNaN: true }),
        fc.constantFrom(1, 2),
        (v0, v1, tau, dt) => {
          const g = 2;
          const net = Network.fromSpec({ neurons: [driver(v0), graded('post')], synapses: [cond('pre', 'post', g, { tauMs: tau })] });
          const sOf = (v: number) => logistic((v - CONDUCTANCE_SYNAPSE.releaseHalfMv) / CONDUCTANCE_SYNAPSE.releaseSlopeMv);
          net.step(dt);
          expect(net.conductance[1] / g).toBeCloseTo(sOf(v0), 5); // settled at rest
          net.setParam('pre', 'restMv', v1);
          net.step(dt); // V_pre jumps to v1 within this step (τ_pre 0.1 ms: within e^(−10) of it); the synapse sees it from the next
          for (let k = 1; k <= 40; k++) {
            net.step(dt);
            const s = sOf(v1) + (sOf(v0) - sOf(v1)) * Math.exp((-k * dt) / tau);
            expect(Math.abs(net.conductance[1] / g - s)).toBeLessThan(1e-4);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('drives V toward E_rev and stops there: a huge inhibitory conductance holds V at −75 mV, where current-based inhibition goes to −10 V', () => {
    for (const dt of [0.05, 1, 20]) {
      const run = (model: 'current' | 'conductance') => {
        const net = Network.fromSpec({
          neurons: [driver(0, 'GABA'), graded('post', { gKNs: 0 })],
          synapses: [{ kind: 'chemical', from: 'pre', to: 'post', weight: 1000, model, ...(model === 'conductance' ? { tauMs: 0 } : {}) }],
        });
        let low = Infinity;
        for (let s = 0; s < Math.ceil(500 / dt); s++) {
          net.step(dt);
          low = Math.min(low, net.v[1]);
        }
        return { low, v: net.v[1] };
      };
      const conductance = run('conductance');
      expect(conductance.low).toBeGreaterThanOrEqual(CONDUCTANCE_SYNAPSE.chlorideReversalMv);
      expect(conductance.v).toBeCloseTo(-75, 1);
      expect(run('current').low).toBeLessThan(-5000);
    }
  });

  it('lags by round(delayMs/dt) steps with a delay, and depresses with use like the current-based kind', () => {
    const net = Network.fromSpec({
      neurons: [driver(-70), graded('now'), graded('later'), graded('tired')],
      synapses: [
        cond('pre', 'now', 1, { tauMs: 0 }),
        cond('pre', 'later', 1, { tauMs: 0, delayMs: 3 }),
        cond('pre', 'tired', 1, { tauMs: 0, depression: { use: 0.5, recoveryMs: 100 } }),
      ],
    });
    const now: number[] = [];
    const later: number[] = [];
    for (let s = 0; s < 30; s++) {
      if (s === 5) net.setParam('pre', 'restMv', -20);
      if (s === 15) net.setParam('pre', 'restMv', -70);
      net.step(1);
      now.push(net.conductance[1]);
      later.push(net.conductance[2]);
    }
    for (let s = 3; s < 30; s++) expect(later[s]).toBe(now[s - 3]);
    expect(net.synapseResource('pre', 'tired')).toBeLessThan(1);
    expect(net.conductance[3]).toBeLessThan(net.conductance[1]);
  });

  it('ablation and cuts close the synapses; a network without conductance synapses has no conductance steps', () => {
    const spec: NetworkSpec = {
      neurons: [driver(-20), graded('a'), graded('b')],
      synapses: [cond('pre', 'a', 1), cond('pre', 'b', 1), { kind: 'chemical', from: 'pre', to: 'b', weight: 1 }],
    };
    const net = Network.fromSpec(spec);
    expect(net.schedule.map((s) => s.name)).toEqual(['input', 'cond-graded.current', 'continuous.scatter', 'graded.step', 'gather']);
    net.step(1);
    expect(net.conductance[1]).toBeGreaterThan(0);
    expect(net.cutSynapse('pre', 'a', 'chemical')).toBe(1);
    net.step(1);
    expect(net.conductance[1]).toBe(0);
    expect(net.conductance[2]).toBeGreaterThan(0);
    net.ablate('b');
    net.step(1);
    expect(net.conductance[2]).toBe(0);
    const plain = Network.fromSpec({ ...spec, synapses: [spec.synapses[2]] });
    expect(plain.schedule.map((s) => s.name)).toEqual(['input', 'continuous.scatter', 'graded.step', 'gather']);
  });

  it('refuses what it cannot run, by name and with the fix', () => {
    const t: NeuronSpec = { id: 'T', model: 'transmitter', params: {}, init: {} };
    expect(() => Network.fromSpec({ neurons: [graded('G'), t], synapses: [cond('G', 'T', 1)] })).toThrow(
      /synapses\[0\] \(G → T\): a conductance-based synapse needs neurons with a membrane potential in mV at both ends.*remove "model" \(current-based is the default\)/,
    );
    expect(() =>
      Network.fromSpec({ neurons: [graded('A'), graded('B')], synapses: [{ kind: 'chemical', from: 'A', to: 'B', weight: 1, reversalMv: -70 }] }),
    ).toThrow(/"reversalMv" belongs to conductance-based synapses; add "model": "conductance" or remove it/);
    expect(() => Network.fromSpec({ neurons: [graded('A'), graded('B')], synapses: [cond('A', 'B', 1, { releaseSlopeMv: 0 })] })).toThrow(
      /"releaseSlopeMv" must be a number in 0\.5\.\.50 mV/,
    );
  });
});

describe('spike-triggered conductances (COBA)', () => {
  const lif = (id: string, params: ParamValues = {}, transmitter: Transmitter = 'acetylcholine'): NeuronSpec => ({
    id,
    model: 'lif',
    params,
    init: {},
    transmitter,
  });

  it('open g on each presynaptic spike and close as e^(−t/τ): G(t) = Σ g·e^(−(t − t_spike − dt)/τ)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 30, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), (tau, g) => {
        const dt = 0.5;
        const net = Network.fromSpec({
          neurons: [lif('pre', { refractoryMs: 2 }), graded('post')],
          synapses: [cond('pre', 'post', g, { tauMs: tau })],
        });
        net.input[0] = 3; // V∞ = −40 mV > θ: regular firing
        const spikes: number[] = [];
        for (let s = 0; s < 400; s++) {
          net.step(dt);
          // G read at step s comes from spikes of the steps before it.
          const expected = spikes.reduce((sum, t) => sum + g * Math.exp((-(s - t - 1) * dt) / tau), 0);
          expect(Math.abs(net.conductance[1] - expected)).toBeLessThan(1e-9 * (1 + expected));
          if (net.spiked[0] === 1) spikes.push(s);
        }
        expect(spikes.length).toBeGreaterThan(5);
      }),
      { numRuns: 30 },
    );
  });

  it('bring a LIF neuron to E_rev and no further: the COBA update is implicit in the conductance', () => {
    const net = Network.fromSpec({
      neurons: [lif('pre', { refractoryMs: 0 }, 'GABA'), lif('post', { thresholdMv: -50 })],
      synapses: [cond('pre', 'post', 50, { tauMs: 20 })],
    });
    net.input[0] = 10;
    let low = Infinity;
    for (let s = 0; s < 2000; s++) {
      net.step(1);
      low = Math.min(low, net.v[1]);
    }
    expect(low).toBeGreaterThanOrEqual(-75);
    expect(low).toBeLessThan(-74);
  });
});

/** Lower and upper bounds every V must keep: its own rest and start, the reversal potentials it is wired to, E_K where it rectifies. */
function bounds(spec: NetworkSpec, i: number): { low: number; high: number } {
  const n = spec.neurons[i];
  const p = n.params as Record<string, number>;
  const pulls = spec.synapses.flatMap((s) =>
    s.kind === 'chemical' && s.to === n.id ? [s.reversalMv ?? (s.sign === 'inhibitory' ? -75 : s.sign === 'excitatory' ? 0 : NaN)] : [],
  );
  const values = [p.restMv ?? -65, (n.init as Record<string, number>).v ?? -65, ...pulls.filter((x) => !Number.isNaN(x))];
  if ((p.gKNs ?? 0.5) > 0) values.push(p.eKMv ?? -80);
  return { low: Math.min(...values), high: Math.max(...values) };
}

describe('the reversal bound (property, random networks and inputs)', () => {
  const network = fc
    .record({
      n: fc.integer({ min: 2, max: 8 }),
      cells: fc.array(
        fc.record({
          restMv: fc.double({ min: -75, max: -50, noNaN: true }),
          v: fc.double({ min: -75, max: -20, noNaN: true }),
          tauMs: fc.double({ min: 1, max: 200, noNaN: true }),
          capacitance: fc.double({ min: 0.2, max: 20, noNaN: true }),
          gKNs: fc.constantFrom(0, 0.5, 3),
        }),
        { minLength: 8, maxLength: 8 },
      ),
      synapses: fc.array(
        fc.record({
          from: fc.nat(7),
          to: fc.nat(7),
          weight: fc.double({ min: 0, max: 500, noNaN: true }),
          sign: fc.constantFrom('excitatory', 'inhibitory') as fc.Arbitrary<'excitatory' | 'inhibitory'>,
          reversalMv: fc.option(fc.double({ min: -85, max: 10, noNaN: true }), { nil: undefined }),
          releaseHalfMv: fc.double({ min: -70, max: -20, noNaN: true }),
          releaseSlopeMv: fc.double({ min: 0.5, max: 20, noNaN: true }),
          tauMs: fc.double({ min: 0, max: 50, noNaN: true }),
          delayMs: fc.constantFrom(0, 0, 0, 3),
          // Plastic conductance synapses (undelayed): the learned weight or pool scales g, never past E_rev.
          plastic: fc.constantFrom<PlasticSpec | undefined>(
            undefined,
            undefined,
            { rule: 'short-term', params: { useFast: 0.05, recoveryFastMs: 200, facilitation: 0.5, facilitationMs: 100 } },
            { rule: 'bcm', params: { rate: 5, tauThetaMs: 50, wMax: 1e6 } },
          ),
        }),
        { maxLength: 24 },
      ),
      inputs: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 8, maxLength: 8 }),
      dt: fc.constantFrom(0.05, 0.5, 2, 10),
    })
    .map(({ n, cells, synapses, inputs, dt }) => {
      const spec: NetworkSpec = {
        neurons: cells.slice(0, n).map((c, i) => graded(`n${i}`, { restMv: c.restMv, tauMs: c.tauMs, capacitance: c.capacitance, gKNs: c.gKNs }, { v: c.v })),
        synapses: synapses
          .filter((s) => s.from < n && s.to < n)
          .map((s) =>
            cond(`n${s.from}`, `n${s.to}`, s.weight, {
              sign: s.sign,
              ...(s.reversalMv !== undefined ? { reversalMv: s.reversalMv } : {}),
              releaseHalfMv: s.releaseHalfMv,
              releaseSlopeMv: s.releaseSlopeMv,
              tauMs: s.tauMs,
              ...(s.delayMs > 0 ? { delayMs: s.delayMs } : s.plastic ? { plastic: s.plastic } : {}),
            }),
          ),
      };
      return { spec, inputs: inputs.slice(0, n), dt };
    });

  it('no V goes below the lowest reversal potential it is wired to (nor its rest, start or E_K), whatever the drive', () => {
    fc.assert(
      fc.property(network, ({ spec, inputs, dt }) => {
        const net = Network.fromSpec(spec);
        const limits = spec.neurons.map((_, i) => bounds(spec, i));
        const lowest = new Float64Array(net.size).fill(Infinity);
        for (let s = 0; s < Math.ceil(300 / dt); s++) {
          // Input switches on and off: pokes.
          for (let i = 0; i < net.size; i++) net.input[i] = s % 40 < 20 ? inputs[i] : 0;
          net.step(dt);
          for (let i = 0; i < net.size; i++) lowest[i] = Math.min(lowest[i], net.v[i]);
        }
        for (let i = 0; i < net.size; i++) expect(lowest[i]).toBeGreaterThanOrEqual(limits[i].low - 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('without external input no V rises above the highest reversal potential it is wired to (nor its rest or start)', () => {
    fc.assert(
      fc.property(network, ({ spec, dt }) => {
        const net = Network.fromSpec(spec);
        const limits = spec.neurons.map((_, i) => bounds(spec, i));
        const highest = new Float64Array(net.size).fill(-Infinity);
        for (let s = 0; s < Math.ceil(300 / dt); s++) {
          net.step(dt);
          for (let i = 0; i < net.size; i++) highest[i] = Math.max(highest[i], net.v[i]);
        }
        for (let i = 0; i < net.size; i++) expect(highest[i]).toBeLessThanOrEqual(limits[i].high + 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('gap junctions are ohmic (weight = conductance, nS for graded cells)', () => {
  it('I_i = Σ g·(V_j − V_i) from the last step’s V (nS × mV = pA), the same number both ways: Σ I = 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -80, max: -20, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.double({ min: 0, max: 0.04, noNaN: true })), { maxLength: 10 }),
        (v0, pairs) => {
          const n = v0.length;
          const seen = new Set<string>();
          const junctions = pairs.filter(([a, b]) => {
            const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
            if (a >= n || b >= n || a === b || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          const net = Network.fromSpec({
            neurons: v0.map((v, i) => graded(`n${i}`, {}, { v })),
            synapses: junctions.map(([a, b, g]) => ({ kind: 'electrical' as const, from: `n${a}`, to: `n${b}`, weight: g })),
          });
          expect(net.gapStiffness(1).stiff).toEqual([]); // explicit junctions: the ohmic current is what the step adds
          for (let s = 0; s < 20; s++) {
            const before = Float64Array.from(net.v);
            net.step(1);
            const expected = new Float64Array(n);
            for (const [a, b, g] of junctions) {
              const c = g * (before[b] - before[a]);
              expected[a] += c;
              expected[b] -= c;
            }
            let total = 0;
            for (let i = 0; i < n; i++) {
              expect(net.current[i]).toBeCloseTo(expected[i], 12);
              total += net.current[i];
            }
            expect(Math.abs(total)).toBeLessThan(1e-12);
          }
        },
      ),
    );
  });
});

describe('every model with a membrane potential takes a conductance input', () => {
  const cases: Array<{ model: ModelKind; preset?: string; dt: number; drive: number }> = [
    { model: 'graded', dt: 1, drive: 5 },
    { model: 'lif', dt: 0.5, drive: 3 },
    { model: 'izhikevich', preset: 'regular-spiking', dt: 0.5, drive: 10 },
    { model: 'hodgkin-huxley', preset: 'squid', dt: 0.05, drive: 10 },
  ];
  const population = (c: (typeof cases)[number]) => {
    const model = MODELS[c.model];
    return model.createPopulation([resolveNeuronParams(model, { id: 'x', model: c.model, ...(c.preset ? { preset: c.preset } : {}) }, 'test')]);
  };
  for (const c of cases) {
    it(`${c.model}: a zero conductance changes nothing, bit for bit; a strong one at −75 mV silences it and holds V there`, () => {
      const plain = population(c);
      const pop = population(c);
      const I = new Float64Array([c.drive]);
      const G = new Float64Array(1);
      let spikes = 0;
      for (let s = 0; s < 200; s++) {
        plain.step(c.dt, I);
        pop.step(c.dt, I, G);
        expect(pop.v[0]).toBe(plain.v[0]);
        spikes += pop.spiked[0];
      }
      if (c.model !== 'graded') expect(spikes).toBeGreaterThan(0);
      // g = 1000 × the model's conductance unit at E = −75 mV: current drive + g·E, conductance g.
      const g = 1000;
      const held = new Float64Array([c.drive + g * -75]);
      const strong = new Float64Array([g]);
      let fired = 0;
      for (let s = 0; s < 400; s++) {
        pop.step(c.dt, held, strong);
        if (s > 100) fired += pop.spiked[0];
      }
      expect(fired).toBe(0);
      expect(pop.v[0]).toBeGreaterThan(-76);
      expect(pop.v[0]).toBeLessThan(-74);
    });
  }
});
