/**
 * Compiled networks kept for the next worm of the same circuit.
 *
 * Why: every network gets its own kernel literals (kernel.ts), which V8
 * specialises to that network's arrays — 3–6× faster than shared code — but
 * compiles afresh for every network: a population worker that builds a new
 * worm for every 5 s of simulated time spent a fifth of its time compiling,
 * partly on V8's background threads, so one worker kept ~1.25 cores busy and
 * two workers on two cores could not scale past ~1.6×. A worm that needs the
 * very network another worm of this thread has finished with takes that one,
 * reset to its initial state: same closures, same arrays, so the optimised
 * code stays and nothing is compiled.
 *
 * What may be taken: a network whose spec and options are the same, value for
 * value, apart from the neurons' parameters and the synapses' weights (the
 * key below), and that nobody edited (ablations, cuts, links, parameters,
 * baths, learning switches stay out: Network.reusable). Another individual's
 * parameters go into its arrays by setParam's path (Network.loadParams; models
 * that cannot change one in place compile anew); another genome's weights and
 * gap conductances into the kernels' weight arrays (Network.loadWeights:
 * kernels read weights from typed arrays, never from literals in their code,
 * so evolution's genomes, which mostly differ in weights and parameters, share
 * one network per thread). Signs, delays and initial values stay in the key:
 * they decide which kernel or table a synapse goes to. A reset network must
 * then step exactly as a fresh one: network-cache.test.ts holds that bit for
 * bit over every built-in circuit, the connectome and small networks, for
 * clones, individuals and genomes.
 *
 * How: `withNetworkCache(cache, run)` lends the cache to everything `run`
 * builds through `buildNetwork` (the Simulation does); when `run` returns,
 * the networks it took go back to the cache. So `run` must not keep a
 * Simulation or a network beyond its end (a population worm returns its
 * recorded samples; an evaluation its score). Outside such a scope
 * `buildNetwork` compiles a new network, as before.
 */
import { Network, type NetworkOptions } from './network';
import { compactFromSpec } from './synapses';
import type { NetworkSpec } from './types';

export interface NetworkCacheStats {
  /** Networks taken from the cache. */
  hits: number;
  /** Networks compiled because none was free. */
  misses: number;
}

export class NetworkCache {
  readonly stats: NetworkCacheStats = { hits: 0, misses: 0 };
  /** Free networks by key, least recently given back first (Map keeps insertion order). */
  private readonly free = new Map<string, Network[]>();
  private count = 0;

  /** @param capacity free networks kept in all (the least recently used go first); each holds its arrays and compiled kernels. */
  constructor(readonly capacity = 8) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`NetworkCache: capacity = ${capacity} must be a whole number ≥ 1`);
  }

  /** Free networks held now. */
  get size(): number {
    return this.count;
  }

  take(key: string): Network | undefined {
    const list = this.free.get(key);
    const net = list?.pop();
    if (!net) return undefined;
    this.count--;
    if (list!.length === 0) this.free.delete(key);
    return net;
  }

  give(key: string, net: Network): void {
    if (!net.reusable) return;
    const list = this.free.get(key) ?? [];
    this.free.delete(key); // re-inserted last: most recently used
    list.push(net);
    this.free.set(key, list);
    this.count++;
    while (this.count > this.capacity) {
      const [oldest, nets] = this.free.entries().next().value as [string, Network[]];
      nets.shift();
      this.count--;
      if (nets.length === 0) this.free.delete(oldest);
    }
  }
}

interface Lease {
  readonly cache: NetworkCache;
  readonly taken: { key: string; net: Network }[];
}

let lease: Lease | null = null;

/** Runs `run` with `cache` lending and taking back the networks it builds (see the module comment: `run` keeps none of them). */
export function withNetworkCache<T>(cache: NetworkCache, run: () => T): T {
  const outer = lease;
  const mine: Lease = { cache, taken: [] };
  const giveBack = () => {
    for (const { key, net } of mine.taken) cache.give(key, net);
  };
  lease = mine;
  let result: T;
  try {
    result = run();
  } catch (e) {
    lease = outer;
    giveBack(); // a run that failed (an unstable worm) is over: its networks are free
    throw e;
  }
  lease = outer;
  // An async run would still be using its networks when this returns: none goes back.
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new Error('withNetworkCache: run must finish its simulations before it returns (it returned a promise); step them synchronously inside it');
  }
  giveBack();
  return result;
}

/** A network for `spec`: a free one of the same key from the lent cache (reset), or a newly compiled one. */
export function buildNetwork(spec: NetworkSpec, options: NetworkOptions = {}): Network {
  const key = lease ? networkKey(spec, options) : null;
  if (!lease || key === null) return Network.fromSpec(spec, options);
  const free = lease.cache.take(key);
  // Another individual or genome of the same structure: its parameters and weights go into the same arrays (exact).
  const reused = free?.loadParams(spec.neurons) ? free : undefined;
  if (reused) lease.cache.stats.hits++;
  else lease.cache.stats.misses++;
  const net = reused ?? Network.fromSpec(spec, options);
  if (reused) {
    // The same checks a compile makes (weights ≥ 0, inside plastic bounds), then the weights in spec order.
    net.loadWeights(compactFromSpec(spec.synapses, (id) => net.indexOf(id)).weight);
    net.resetForReuse();
  }
  lease.taken.push({ key, net });
  return net;
}

/**
 * Everything a compiled network depends on, as text: the spec value for value
 * (−0, NaN and ±Infinity spelt out, which JSON would merge with 0 and null) and
 * the options; null when the options carry registries of their own (tests,
 * plug-ins: objects with code, not values).
 */
export function networkKey(spec: NetworkSpec, options: NetworkOptions = {}): string | null {
  if (options.models !== undefined || options.synapseKernels !== undefined) return null;
  // Neuron parameters and synapse weights are not part of it: a network takes another individual's or genome's (loadParams, loadWeights).
  // Not remembered per spec object: specs are plain, mutable objects (the 302-neuron connectome's key takes ~2 ms).
  const neurons = spec.neurons.map(({ params: _, ...rest }) => rest);
  const synapses = spec.synapses.map(({ weight: _, ...rest }) => rest);
  return JSON.stringify([options, neurons, synapses, spec.modulators ?? null, spec.receptors ?? null], exact);
}

function exact(_: string, v: unknown): unknown {
  return typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? `#${Object.is(v, -0) ? '-0' : String(v)}` : v;
}
