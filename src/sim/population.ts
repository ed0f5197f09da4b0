/**
 * A population: N independent worms (one circuit, one arena, a seed and
 * start each) run for the same simulated time, each recording its body's
 * path. Every worm depends only on its own options, so where it runs (this
 * thread, a worker thread, another order) cannot change its trajectory: the
 * thread pool (population-threads.ts) returns the same numbers bit for bit.
 *
 * Worms run one after another to the end rather than in lockstep: a worm's
 * state then stays in the cache for its whole run (stepped round-robin, each
 * worm got 15–19 % dearer by 20 worms). Browser-safe (no node: imports).
 */
import type { Circuit } from '../circuits/types';
import { NetworkCache, withNetworkCache } from '../neural/network-cache';
import { circuitFrom, simulationFrom } from './factory';
import { BODY_QUANTITIES, type BodyQuantity } from './monitors';
import type { Medium } from './types';

export interface PopulationWorm {
  seed: number;
  /** Nose position and heading; default: the arena's start (jittered by the seed). */
  start?: { xMm: number; yMm: number; headingRad: number };
}

export interface PopulationSpec {
  /** A built-in circuit name, circuit file text or a circuit document (what the circuit file format takes), or a loaded Circuit. */
  circuit: string | Circuit | object;
  /** A built-in arena name or an arena document; default 'plate'. */
  arena?: string | object;
  medium?: Medium;
  /** Draw each worm as an individual of its seed (body and neuron variation); default false (clones). */
  individual?: boolean;
  neuralNoisePa?: number;
  worms: readonly PopulationWorm[];
  /** Simulated time every worm runs, ms. */
  durationMs: number;
  /** Body quantities recorded (default centroidX, centroidY, headX, headY). */
  record?: readonly BodyQuantity[];
  /** Sample interval, ms (default 100; rounded to whole physics steps). */
  everyMs?: number;
}

/** One worm's recorded path. */
export interface WormTrajectory {
  seed: number;
  /** Sample times, ms. */
  times: Float64Array;
  /** One series per recorded quantity, aligned with `times`. */
  series: Record<string, Float64Array>;
}

const DEFAULT_RECORD: readonly BodyQuantity[] = ['centroidX', 'centroidY', 'headX', 'headY'];

/** Checks a population spec before any worm runs; errors name the field, the allowed range and the fix. */
export function checkPopulation(spec: PopulationSpec): void {
  const where = 'population';
  if (!(Number.isFinite(spec.durationMs) && spec.durationMs > 0)) {
    throw new RangeError(`${where}: durationMs = ${spec.durationMs} must be a finite number > 0 (simulated milliseconds per worm)`);
  }
  if (!Array.isArray(spec.worms) || spec.worms.length === 0) throw new RangeError(`${where}: worms must be a non-empty list of { seed }`);
  spec.worms.forEach((w, i) => {
    if (!Number.isFinite(w?.seed)) throw new RangeError(`${where}: worms[${i}].seed = ${w?.seed} must be a finite number`);
  });
  if (spec.everyMs !== undefined && !(Number.isFinite(spec.everyMs) && spec.everyMs > 0)) {
    throw new RangeError(`${where}: everyMs = ${spec.everyMs} must be a finite number > 0 (sample interval, ms; default 100)`);
  }
  for (const q of spec.record ?? []) {
    if (!BODY_QUANTITIES.includes(q)) throw new RangeError(`${where}: record has "${q}"; allowed: ${BODY_QUANTITIES.join(', ')}`);
  }
}

/**
 * Runs one worm of the population to the end and returns its path. With a
 * cache, a network an earlier worm of the same spec finished with is taken,
 * reset, instead of compiled (network-cache.ts): the same path bit for bit.
 */
export function runPopulationWorm(spec: PopulationSpec, worm: PopulationWorm, cache?: NetworkCache): WormTrajectory {
  return cache ? withNetworkCache(cache, () => runWorm(spec, worm)) : runWorm(spec, worm);
}

function runWorm(spec: PopulationSpec, worm: PopulationWorm): WormTrajectory {
  const sim = simulationFrom({
    circuit: spec.circuit,
    arena: spec.arena,
    seed: worm.seed,
    medium: spec.medium,
    individual: spec.individual,
    start: worm.start,
    ...(spec.neuralNoisePa !== undefined && { neuralNoisePa: spec.neuralNoisePa }),
  } as Parameters<typeof simulationFrom>[0]);
  const record = spec.record ?? DEFAULT_RECORD;
  const monitor = sim.monitor({ body: record, everyMs: spec.everyMs ?? 100, durationMs: spec.durationMs });
  sim.run(spec.durationMs);
  const series: Record<string, Float64Array> = {};
  for (const q of record) series[q] = monitor.series(q);
  return { seed: worm.seed, times: monitor.times(), series };
}

/**
 * The spec with its circuit parsed (file text or a document become a Circuit;
 * names and Circuits stay): parsed once per population, not once per worm
 * (validating the 302-neuron connectome's text costs about as much as
 * building the worm).
 */
export function withParsedCircuit(spec: PopulationSpec): PopulationSpec {
  return { ...spec, circuit: circuitFrom(spec.circuit, 'population circuit') };
}

/** Every worm of the population in this thread, in order (clones share one compiled network, reset between worms). */
export function runPopulation(spec: PopulationSpec): WormTrajectory[] {
  checkPopulation(spec);
  const parsed = withParsedCircuit(spec);
  const cache = new NetworkCache();
  return spec.worms.map((w) => runPopulationWorm(parsed, w, cache));
}
