import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STIFF_GAP_RATIO } from './gaps';
import { Network } from './network';
import type { NetworkSpec, NeuronSpec, SynapseSpec } from './types';

interface Cell {
  tauMs: number;
  capacitance: number;
  v: number;
  input: number;
}

// Linear cells (no K⁺ rectifier): the junctions' closed forms and bounds are stated for them.
const neuron = (c: Cell, i: number): NeuronSpec => ({
  id: `n${i}`,
  model: 'graded',
  params: { tauMs: c.tauMs, capacitance: c.capacitance, gKNs: 0 },
  init: { v: c.v },
});
const gapsOf = (gaps: readonly (readonly [number, number, number])[]): SynapseSpec[] =>
  gaps.map(([a, b, g]) => ({ kind: 'electrical', from: `n${a}`, to: `n${b}`, weight: g }));
const specOf = (cells: readonly Cell[], gaps: readonly (readonly [number, number, number])[]): NetworkSpec => ({
  neurons: cells.map(neuron),
  synapses: gapsOf(gaps),
});

/** ρ of every cell, computed independently of the engine (docs/neural.md). */
function ratios(cells: readonly Cell[], gaps: readonly (readonly [number, number, number])[], dt: number): number[] {
  const sum = cells.map(() => 0);
  for (const [a, b, g] of gaps) {
    if (a === b) continue;
    sum[a] += g;
    sum[b] += g;
  }
  return cells.map((c, i) => {
    const d = Math.exp(-dt / c.tauMs);
    return (((2 * ((1 - d) * c.tauMs)) / c.capacitance) * sum[i]) / (1 + d);
  });
}

/** The explicit scheme written out: input, then the junctions in list order, then exponential Euler per cell. */
function explicitReference(cells: readonly Cell[], gaps: readonly (readonly [number, number, number])[], dt: number, steps: number): number[] {
  const v = cells.map((c) => c.v);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    const I = cells.map((c) => c.input);
    for (const [a, b, g] of gaps) {
      const c = g * (v[b] - v[a]);
      I[a] += c;
      I[b] -= c;
    }
    cells.forEach((c, k) => {
      const d = Math.exp(-dt / c.tauMs);
      const r = c.tauMs / c.capacitance;
      v[k] = v[k] * d + (1 - d) * (-65 + 0 * r) + (1 - d) * r * I[k];
    });
    out.push(...v);
  }
  return out;
}

function runNet(net: Network, cells: readonly Cell[], dt: number, steps: number): number[] {
  cells.forEach((c, i) => (net.input[i] = c.input));
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    net.step(dt);
    out.push(...net.v);
  }
  return out;
}

const cell = (tau: fc.Arbitrary<number> = fc.double({ min: 2, max: 50, noNaN: true })) =>
  fc.record({
    tauMs: tau,
    capacitance: fc.double({ min: 0.2, max: 5, noNaN: true }),
    v: fc.double({ min: -90, max: -20, noNaN: true }),
    input: fc.double({ min: -3, max: 3, noNaN: true }),
  });
const network = (g: { min: number; max: number }, tau?: fc.Arbitrary<number>) =>
  fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({
      cells: fc.array(cell(tau), { minLength: n, maxLength: n }),
      gaps: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: g.min, max: g.max, noNaN: true })), { minLength: 1, maxLength: 14 }),
      dt: fc.constantFrom(0.1, 0.5, 1, 2),
    }),
  );

describe('gap junctions below the stiffness threshold', () => {
  it('property: take the explicit path, bit for bit (the engine before stiff junctions existed)', () => {
    fc.assert(
      fc.property(network({ min: 0, max: 2 }), ({ cells, gaps, dt }) => {
        fc.pre(ratios(cells, gaps, dt).every((r) => r <= STIFF_GAP_RATIO));
        const net = Network.fromSpec(specOf(cells, gaps));
        const s = net.gapStiffness(dt);
        expect(s.stiff).toEqual([]);
        expect(s.relaxedJunctions).toBe(0);
        expect(runNet(net, cells, dt, 40)).toEqual(explicitReference(cells, gaps, dt, 40));
      }),
      { numRuns: 150 },
    );
  });
});

describe('stiff gap junctions', () => {
  it('property: gapStiffness reports ρ as documented, and which cells are stiff', () => {
    fc.assert(
      fc.property(network({ min: 0, max: 20 }), ({ cells, gaps, dt }) => {
        const s = Network.fromSpec(specOf(cells, gaps)).gapStiffness(dt);
        const expected = ratios(cells, gaps, dt);
        s.ratio.forEach((r, i) => expect(r).toBeCloseTo(expected[i], 10));
        expect(s.stiff).toEqual(cells.flatMap((_, i) => (s.ratio[i] > STIFF_GAP_RATIO ? [`n${i}`] : [])));
      }),
      { numRuns: 80 },
    );
  });

  it('property: any conductance up to 10^4 nS stays finite and within the range of the start values and the inputs’ targets (no overshoot)', () => {
    fc.assert(
      fc.property(network({ min: 0, max: 1e4 }, fc.double({ min: 5, max: 50, noNaN: true })), ({ cells, gaps, dt }) => {
        const net = Network.fromSpec(specOf(cells, gaps));
        // V∞ of each cell alone: E_L + I·τ/C. Gap coupling only averages, so nothing may leave [lo, hi].
        const targets = cells.flatMap((c) => [c.v, -65 + (c.input * c.tauMs) / c.capacitance]);
        const lo = Math.min(...targets),
          hi = Math.max(...targets);
        const trace = runNet(net, cells, dt, 100);
        for (const v of trace) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9 * (1 + Math.abs(lo)));
          expect(v).toBeLessThanOrEqual(hi + 1e-9 * (1 + Math.abs(hi)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: conserve charge: with one τ, Σ C·(V − E_L) only leaks, as e^(−t/τ), however stiff', () => {
    fc.assert(
      fc.property(network({ min: 0, max: 100 }, fc.constant(10)), ({ cells, gaps, dt }) => {
        const quiet = cells.map((c) => ({ ...c, input: 0 }));
        const net = Network.fromSpec(specOf(quiet, gaps));
        const charge = () => quiet.reduce((s, c, i) => s + c.capacitance * (net.v[i] + 65), 0);
        const q0 = charge();
        const scale = quiet.reduce((s, c) => s + c.capacitance * Math.abs(c.v + 65), 0);
        for (let s = 1; s <= 60; s++) {
          net.step(dt);
          expect(Math.abs(charge() - q0 * Math.exp((-s * dt) / 10))).toBeLessThan(1e-9 * (1 + scale));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a stiff pair of equal cells: the difference decays exactly as e^(−t·(gL + 2g)/C), where explicit steps blow up', () => {
    const g = 5; // nS: ρ ≈ 5 at dt = 1 ms, C = 1 pF, τ = 10 ms (explicit: the difference grows ×8.6 per step)
    const cells: Cell[] = [
      { tauMs: 10, capacitance: 1, v: -20, input: 0 },
      { tauMs: 10, capacitance: 1, v: -80, input: 0 },
    ];
    const net = Network.fromSpec(specOf(cells, [[0, 1, g]]));
    expect(net.gapStiffness(1).stiff).toEqual(['n0', 'n1']);
    for (let s = 1; s <= 30; s++) {
      net.step(1);
      const exact = 60 * Math.exp(-s * (0.1 + 2 * g));
      expect(Math.abs(net.v[0] - net.v[1] - exact)).toBeLessThanOrEqual(1e-12 + 1e-9 * exact);
      expect(net.v[0] + net.v[1] + 130).toBeCloseTo(30 * Math.exp(-s / 10), 10);
    }
    const explicit = explicitReference(cells, [[0, 1, g]], 1, 30);
    expect(Math.abs(explicit[58] - explicit[59])).toBeGreaterThan(1e20);
  });

  it('outputs follow the relaxed potentials', () => {
    const cells: Cell[] = [
      { tauMs: 10, capacitance: 1, v: -20, input: 0 },
      { tauMs: 10, capacitance: 1, v: -80, input: 0 },
    ];
    const net = Network.fromSpec({ ...specOf(cells, [[0, 1, 50]]) });
    net.step(1);
    for (let i = 0; i < 2; i++) {
      const u = (net.v[i] + 45) / 5;
      expect(net.output[i]).toBe(0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
    }
  });
});

describe('stiffness bookkeeping', () => {
  const cells: Cell[] = [
    { tauMs: 10, capacitance: 1, v: -50, input: 2 },
    { tauMs: 10, capacitance: 1, v: -70, input: 0 },
    { tauMs: 10, capacitance: 1, v: -60, input: -1 },
  ];
  // n0–n1 stiff (ρ ≈ 3), n1–n2 not (ρ of n2 ≈ 0.1; n1's own ρ is 3.1, so that junction is relaxed too).
  const gaps = [
    [0, 1, 3],
    [1, 2, 0.1],
  ] as const;

  it('setParam: changing C or τ before the first step equals building with it, both ways across the threshold', () => {
    for (const [name, value] of [
      ['capacitance', 50],
      ['tauMs', 0.5],
      ['capacitance', 0.5],
    ] as const) {
      const live = Network.fromSpec(specOf(cells, gaps));
      live.step(1);
      live.setParam('n1', name, value);
      live.reset();
      const built = Network.fromSpec({
        ...specOf(cells, gaps),
        neurons: cells.map((c, i) => (i === 1 ? { ...neuron(c, i), params: { ...neuron(c, i).params, [name]: value } } : neuron(c, i))),
      });
      expect(live.gapStiffness(1).stiff).toEqual(built.gapStiffness(1).stiff);
      expect(runNet(live, cells, 1, 30)).toEqual(runNet(built, cells, 1, 30));
    }
    const soft = Network.fromSpec(specOf(cells, gaps));
    soft.setParam('n0', 'capacitance', 100);
    soft.setParam('n1', 'capacitance', 100);
    expect(soft.gapStiffness(1).stiff).toEqual([]);
  });

  it('ablate: the ablated cell’s junctions stop relaxing (its V only leaks), and its partner’s stiffness drops', () => {
    const net = Network.fromSpec(specOf(cells, gaps));
    cells.forEach((c, i) => (net.input[i] = c.input));
    for (let s = 0; s < 20; s++) net.step(1);
    expect(net.gapStiffness().stiff).toEqual(['n0', 'n1']);
    net.ablate('n1');
    expect(net.gapStiffness().stiff).toEqual([]);
    // n1 only leaks to −65; n0 sees only its input and relaxes to −65 + 2 pA·10 GΩ = −45: no pull either way.
    let v0 = net.v[0],
      v1 = net.v[1];
    for (let s = 0; s < 20; s++) {
      net.step(1);
      v0 = -45 + (v0 + 45) * Math.exp(-0.1);
      v1 = -65 + (v1 + 65) * Math.exp(-0.1);
      expect(net.v[0]).toBeCloseTo(v0, 12);
      expect(net.v[1]).toBeCloseTo(v1, 12);
    }
  });

  it('cutSynapse: a cut stiff junction carries nothing afterwards, the same as a network built without it', () => {
    const cut = Network.fromSpec(specOf(cells, gaps));
    expect(cut.cutSynapse('n1', 'n0', 'electrical')).toBe(1);
    expect(cut.gapStiffness(1).stiff).toEqual([]);
    const without = Network.fromSpec(specOf(cells, [[0, 1, 0], gaps[1]]));
    expect(runNet(cut, cells, 1, 30)).toEqual(runNet(without, cells, 1, 30));
  });

  it('a new dt re-decides: stiff at 1 ms, explicit (bit for bit) at 0.1 ms', () => {
    const net = Network.fromSpec(specOf(cells, [[0, 1, 0.8]]));
    expect(net.gapStiffness(1).stiff).toEqual(['n0', 'n1']);
    expect(net.gapStiffness(0.1).stiff).toEqual([]);
    runNet(net, cells, 1, 5);
    net.reset();
    expect(runNet(net, cells, 0.1, 30)).toEqual(explicitReference(cells, [[0, 1, 0.8]], 0.1, 30));
  });
});
