/**
 * A network taken from the cache steps exactly as a newly compiled one of the
 * same spec, bit for bit: every built-in circuit's network, the imported
 * 302-neuron connectome and small networks with each kind of plasticity,
 * modulators, delays, depression and conductance synapses, each run once with
 * one input sequence and then reused for another; and the cache's own rules
 * (keys, edited networks, capacity, the lease).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit, BUILTIN_CIRCUIT_NAMES } from '../circuits/builtin';
import { importConnectome } from '../circuits/connectome';
import { publishedTable, WORM_TABLES } from '../circuits/connectome/published-tables';
import { MODELS } from './models/index';
import { Network, type NetworkOptions } from './network';
import { buildNetwork, NetworkCache, networkKey, withNetworkCache } from './network-cache';
import { Rng } from './rng';
import type { ChemicalSynapseSpec, NetworkSpec, NeuronSpec, PlasticSpec } from './types';
import { chem } from './test-helpers/synapses';

const lif = (id: string): NeuronSpec => ({ id, model: 'lif', params: {}, init: {} });
const graded = (id: string, params: Record<string, number> = {}): NeuronSpec => ({ id, model: 'graded', params, init: {} });
const plastic = (from: string, to: string, weight: number, p: PlasticSpec) => chem(from, to, weight, { plastic: p });

/** Small networks with what the built-in circuits may lack: every learning rule, modulators, delays, depression, LIF (fused and general), conductance synapses. */
const SMALL: Record<string, NetworkSpec> = {
  'lif fused': { neurons: ['a', 'b', 'c'].map(lif), synapses: [chem('a', 'b', 0.3), chem('b', 'c', 0.4), chem('c', 'a', 0.2, { sign: 'inhibitory' })] },
  'lif stdp + short-term + delay': {
    neurons: ['a', 'b', 'c'].map(lif),
    synapses: [
      plastic('a', 'b', 0.1, { rule: 'stdp', params: { aPlus: 0.01, aMinus: 0.0105, tauPlusMs: 17, tauMinusMs: 34, wMax: 0.2 } }),
      plastic('b', 'c', 0.05, { rule: 'short-term', params: { useFast: 0.3, recoveryFastMs: 200, useSlow: 0.05, recoverySlowMs: 600 } }),
      chem('c', 'a', 0.2, { delayMs: 2.6 }),
    ],
  },
  'three-factor + modulator': {
    neurons: ['pre', 'post', 'd'].map(lif),
    synapses: [plastic('pre', 'post', 0.1, { rule: 'three-factor', params: { rate: 0.01, wMax: 0.2, tauEligibilityMs: 100 } }), chem('pre', 'd', 0.3)],
    modulators: [{ name: 'dopamine', from: ['d'], release: 2, clearanceMs: 50 }],
    receptors: [{ neuron: 'post', modulator: 'dopamine', effect: 'plasticity', gain: 1 }],
  },
  // Plastic bounds left to the weight (wMax = 2w, forgetTo = w): a learning rate that runs into them within the run.
  'plastic bounds from the weight': {
    neurons: ['pre', 'post', 'd', 'x'].map(lif),
    synapses: [
      plastic('pre', 'post', 0.2, { rule: 'stdp', params: { aPlus: 0.5, aMinus: 0.1, tauPlusMs: 20, tauMinusMs: 20 } }),
      plastic('d', 'x', 0.1, { rule: 'three-factor', params: { rate: 0.05, tauEligibilityMs: 50, forgetMs: 30 } }),
      plastic('pre', 'x', 0.15, { rule: 'three-factor', params: { rate: 0.05, tauEligibilityMs: 50 } }),
      chem('pre', 'd', 0.3),
    ],
    modulators: [{ name: 'dopamine', from: ['d'], release: 2, clearanceMs: 50 }],
    receptors: [{ neuron: 'x', modulator: 'dopamine', effect: 'plasticity', gain: 1 }],
  },
  'graded bcm + depression + gap + conductance': {
    neurons: [graded('a'), graded('b'), graded('c', { gKNs: 0 })],
    synapses: [
      plastic('a', 'b', 1, { rule: 'bcm', params: { rate: 0.01, theta0: 0.05, tauThetaMs: 50, wMax: 5 } }),
      chem('b', 'c', 2, { depression: { use: 0.01, recoveryMs: 200 } }),
      chem('c', 'a', 1, { model: 'conductance' }),
      chem('a', 'c', 0.5, { model: 'conductance', delayMs: 3 }),
      chem('b', 'a', 0.4),
      { kind: 'electrical', from: 'a', to: 'c', weight: 0.5 },
    ],
  },
  'lif conductance + depression': {
    neurons: ['a', 'b', 'c'].map(lif),
    synapses: [
      chem('a', 'b', 2, { model: 'conductance' }),
      chem('b', 'c', 1.5, { model: 'conductance', depression: { use: 0.2, recoveryMs: 100 } }),
      chem('c', 'a', 0.3, { depression: { use: 0.3, recoveryMs: 80 } }),
    ],
  },
  // Plastic synapses that are conductances: the learned weight (or the short-term pool) scales g.
  'plastic conductance, graded and lif': {
    neurons: [graded('a'), graded('b'), graded('c'), lif('x'), lif('y')],
    synapses: [
      chem('a', 'b', 1, { model: 'conductance', plastic: { rule: 'bcm', params: { rate: 0.01, theta0: 0.05, tauThetaMs: 50, wMax: 5 } } }),
      chem('b', 'c', 0.8, {
        model: 'conductance',
        plastic: { rule: 'short-term', params: { useFast: 0.3, recoveryFastMs: 200, useSlow: 0.05, recoverySlowMs: 600 } },
      }),
      chem('x', 'y', 2, { model: 'conductance', plastic: { rule: 'stdp', params: { aPlus: 0.01, aMinus: 0.0105, tauPlusMs: 17, tauMinusMs: 34, wMax: 4 } } }),
      chem('c', 'a', 0.5, { model: 'conductance' }),
      chem('a', 'x', 0.3),
    ],
  },
};

function connectome(): NetworkSpec {
  return importConnectome(WORM_TABLES.map(publishedTable), { weightScale: 0.05 }).circuit.network;
}

/** Steps `net` with a seeded random drive (currents, and conductances where it takes them); every V and output of every step, flattened. */
function trace(net: Network, seed: number, steps: number): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    for (let g = 0; g < net.size; g++) {
      net.input[g] = rng.next() < 0.2 ? 30 * rng.next() : 0;
      if (net.takesConductance) net.inputConductance[g] = 0.1 * rng.next();
    }
    net.step(t % 50 < 25 ? 1 : 0.5); // a change of dt lays the kernels out again, in both runs
    for (let g = 0; g < net.size; g++) out.push(net.v[g], net.output[g], net.spiked[g]);
  }
  for (const w of net.plasticWeights()) out.push(w.weight);
  for (const m of net.modulators) out.push(net.modulatorLevel(m));
  return out;
}

const sameBits = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => Object.is(x, b[k]));

/**
 * Another individual: every scalar, non-integer parameter of every neuron
 * moved by up to ±`spread` of its value (kept in its range), as
 * sim/individual.ts draws them, from `seed`.
 */
function individual(spec: NetworkSpec, seed: number, spread = 0.05): NetworkSpec {
  const rng = new Rng(seed);
  const neurons = spec.neurons.map((n) => {
    const model = MODELS[n.model];
    const params = { ...n.params };
    for (const [name, p] of Object.entries(model.params)) {
      const base = params[name] ?? p.default;
      // A LIF's reset stays put: moved by up to 50 % it could pass the threshold, which no compile accepts (sim/individual.ts never moves it).
      if (p.integer || typeof base !== 'number' || name === 'resetMv') continue;
      params[name] = Math.min(p.max, Math.max(p.min, base * (1 + spread * (2 * rng.next() - 1))));
    }
    return { ...n, params };
  });
  return { ...spec, neurons };
}

/**
 * Another genome: every synapse weight and gap conductance times a factor in
 * 1 ± `spread` (0.5 at most: plastic weights stay inside their bounds), from
 * `seed`, as evolution's weight genes change them.
 */
function genome(spec: NetworkSpec, seed: number, spread = 0.4): NetworkSpec {
  const rng = new Rng(seed);
  return { ...spec, synapses: spec.synapses.map((s) => ({ ...s, weight: s.weight * (1 + spread * (2 * rng.next() - 1)) })) };
}

function reusedMatchesFresh(spec: NetworkSpec, options: NetworkOptions, seeds: [number, number], steps: number, next: NetworkSpec = spec): void {
  const cache = new NetworkCache();
  const first = withNetworkCache(cache, () => trace(buildNetwork(spec, options), seeds[0], steps));
  const again = withNetworkCache(cache, () => trace(buildNetwork(next, options), seeds[1], steps));
  expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  const fresh = trace(Network.fromSpec(next, options), seeds[1], steps);
  // Not a silent network: the drive moved it, and two seeds are two runs.
  expect(new Set(fresh).size).toBeGreaterThan(10);
  expect(sameBits(first, fresh)).toBe(false);
  expect(sameBits(again, fresh)).toBe(true);
}

describe('network cache: a reused network steps as a new one, bit for bit', () => {
  it.each(BUILTIN_CIRCUIT_NAMES)('built-in circuit %s', (name) => {
    const c = getBuiltinCircuit(name);
    for (const inputConductance of [false, true]) reusedMatchesFresh(c.network, { inputConductance }, [11, 12], 300);
  });

  it.each(Object.keys(SMALL))('%s', (name) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (s1, s2) => {
        fc.pre(s1 !== s2);
        reusedMatchesFresh(SMALL[name], {}, [s1, s2], 400);
      }),
      { numRuns: 5 },
    );
  });

  it('the imported 302-neuron connectome', () => {
    reusedMatchesFresh(connectome(), {}, [3, 4], 200);
  });

  it.each(BUILTIN_CIRCUIT_NAMES.filter((n) => !getBuiltinCircuit(n).network.neurons.some((x) => x.model === 'transmitter')))(
    'built-in circuit %s, another individual (parameters loaded in place)',
    (name) => {
      const net = getBuiltinCircuit(name).network;
      reusedMatchesFresh(individual(net, 1), { inputConductance: true }, [21, 22], 300, individual(net, 2));
    },
  );

  it('the connectome, another individual', () => {
    const net = connectome();
    reusedMatchesFresh(individual(net, 5), {}, [6, 7], 150, individual(net, 6));
  });

  it.each(BUILTIN_CIRCUIT_NAMES)('built-in circuit %s, another genome (weights loaded in place)', (name) => {
    const net = getBuiltinCircuit(name).network;
    for (const inputConductance of [false, true]) reusedMatchesFresh(genome(net, 1), { inputConductance }, [31, 32], 300, genome(net, 2));
  });

  it('the connectome, another genome and individual', () => {
    const net = connectome();
    reusedMatchesFresh(genome(individual(net, 8), 8), {}, [9, 10], 150, genome(individual(net, 9), 9));
  });

  // Every small network (so every kernel kind) with random seeds and spreads, not a random draw of the networks.
  const others = [
    ['other genomes (plastic initial weights and bounds too)', genome, 0.05],
    ['other individuals', individual, 0],
  ] as const;
  for (const [what, other, minSpread] of others)
    it.each(Object.keys(SMALL))(`property: %s, ${what}`, (name) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.double({ min: minSpread, max: 0.5, noNaN: true }), (seed, spread) => {
          reusedMatchesFresh(other(SMALL[name], seed, spread), {}, [seed, seed + 1], 300, other(SMALL[name], seed + 7, spread));
        }),
        { numRuns: 2 },
      );
    });
});

describe('network cache: what it hands out', () => {
  const spec = SMALL['lif fused'];

  it('keys: the same values give the same key (−0 and NaN told apart from 0 and null); registries of code give none', () => {
    const copy = structuredClone(spec);
    expect(networkKey(copy)).toBe(networkKey(spec));
    expect(networkKey(spec, { inputConductance: true })).not.toBe(networkKey(spec));
    const d = (x: number) => networkKey({ ...spec, synapses: [chem('a', 'b', 0.3, { delayMs: x })] });
    expect(d(-0)).not.toBe(d(0));
    expect(d(Number.NaN)).not.toBe(d(null as unknown as number));
    expect(networkKey(spec, { models: {} })).toBeNull();
  });

  it('keys: weights and neuron parameters are loaded in place, not keyed; signs, delays and models decide the kernels and are', () => {
    const one = (extra: Partial<ChemicalSynapseSpec>, w = 0.3) => networkKey({ ...spec, synapses: [chem('a', 'b', w, extra)] });
    expect(one({}, 0.7)).toBe(one({}));
    expect(networkKey({ ...spec, synapses: [{ kind: 'electrical', from: 'a', to: 'b', weight: 2 }] })).toBe(
      networkKey({ ...spec, synapses: [{ kind: 'electrical', from: 'a', to: 'b', weight: 0.1 }] }),
    );
    for (const extra of [{ sign: 'inhibitory' }, { delayMs: 1 }, { model: 'conductance' }] as const) expect(one(extra)).not.toBe(one({}));
  });

  it('a network of another spec, an edited network, or one outside a lease is compiled anew', () => {
    const cache = new NetworkCache();
    const a = withNetworkCache(cache, () => buildNetwork(spec));
    expect(withNetworkCache(cache, () => buildNetwork({ ...spec, synapses: [chem('a', 'b', 0.5)] }))).not.toBe(a);
    expect(networkKey(individual(spec, 3))).toBe(networkKey(spec));
    expect(withNetworkCache(cache, () => buildNetwork(spec))).toBe(a);
    // Edited while leased: not given back.
    withNetworkCache(cache, () => buildNetwork(spec).ablate('a'));
    expect(withNetworkCache(cache, () => buildNetwork(spec))).not.toBe(a);
    expect(() => a.resetForReuse()).toThrow(/was edited/);
    // No lease: nothing taken, nothing kept.
    const before = cache.size;
    expect(buildNetwork(spec)).not.toBe(buildNetwork(spec));
    expect(cache.size).toBe(before);
  });

  it('two networks of one spec leased at once are two networks; the cache keeps at most its capacity, least recently used out first', () => {
    const cache = new NetworkCache(2);
    const [x, y] = withNetworkCache(cache, () => [buildNetwork(spec), buildNetwork(spec)]);
    expect(x).not.toBe(y);
    expect(cache.size).toBe(2);
    const other = { ...spec, synapses: [] };
    withNetworkCache(cache, () => buildNetwork(other));
    expect(cache.size).toBe(2);
    expect(withNetworkCache(cache, () => buildNetwork(other))).toBeDefined();
    expect(cache.stats.hits).toBe(1);
    expect(() => new NetworkCache(0)).toThrow(/capacity = 0 must be a whole number ≥ 1/);
  });

  it('an async run is refused, and the networks it took stay out of the cache', () => {
    const cache = new NetworkCache();
    expect(() => withNetworkCache(cache, async () => buildNetwork(spec))).toThrow(/must finish its simulations before it returns/);
    expect(cache.size).toBe(0);
    // A run that throws gives its networks back (they are reset when taken again).
    expect(() =>
      withNetworkCache(cache, () => {
        buildNetwork(spec).step(1);
        throw new Error('unstable');
      }),
    ).toThrow('unstable');
    expect(cache.size).toBe(1);
  });
});
