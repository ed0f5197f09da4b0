/** One slice of a population in a worker thread: the pool's task function (population-threads.ts). */
import { type PopulationSpec, runPopulationWorm, type WormTrajectory } from './population';

export interface PopulationTask {
  /** The population with its circuit as text (a Circuit object does not cross threads). */
  spec: PopulationSpec;
  /** Indices into spec.worms this task runs. */
  indices: readonly number[];
}

export default function runTask(task: PopulationTask): WormTrajectory[] {
  return task.indices.map((i) => runPopulationWorm(task.spec, task.spec.worms[i]));
}
