/** One slice of a population in a worker thread: the pool's task function (population-threads.ts). */
import { NetworkCache } from '../neural/network-cache';
import { type PopulationSpec, runPopulationWorm, withParsedCircuit, type WormTrajectory } from './population';

export interface PopulationTask {
  /** The population with its circuit as text (a Circuit object does not cross threads). */
  spec: PopulationSpec;
  /** Indices into spec.worms this task runs. */
  indices: readonly number[];
}

/** The last population's circuit text and its parse: a population's slices reuse it instead of parsing per slice. */
let last: { text: unknown; spec: PopulationSpec } | null = null;

/** This thread's compiled networks, kept across tasks: a worker compiles a circuit's kernels once, not once per worm (network-cache.ts). */
const networks = new NetworkCache();

export default function runTask(task: PopulationTask): WormTrajectory[] {
  const text = task.spec.circuit;
  if (last?.text !== text) last = { text, spec: withParsedCircuit(task.spec) };
  const spec = { ...task.spec, circuit: last.spec.circuit };
  return task.indices.map((i) => runPopulationWorm(spec, task.spec.worms[i], networks));
}
