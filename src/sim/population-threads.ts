/**
 * A population spread over worker threads (Node; piscina, as the evolution
 * pool in src/evolve/node/threads.ts). Each worm runs whole in one thread and
 * results come back in worm order, so the trajectories are the ones
 * runPopulation gives in one thread, bit for bit, for any number of workers.
 */
import { Piscina } from 'piscina';
import type { Circuit } from '../circuits/types';
import { checkPopulation, type PopulationSpec, type WormTrajectory } from './population';
import type { PopulationTask } from './population-task';

export interface PopulationPoolOptions {
  /** Worker threads (default: the machine's cores). */
  workers: number;
}

/** A circuit crosses to the threads as text (a loaded Circuit as its document's): each thread parses a population's circuit once (population-task.ts). */
function portable(circuit: PopulationSpec['circuit']): PopulationSpec['circuit'] {
  if (typeof circuit === 'string') return circuit;
  return JSON.stringify('network' in circuit && 'doc' in circuit ? (circuit as Circuit).doc : circuit);
}

/**
 * The worms of one task, in order: one worm a task until there are 32 per
 * worker, then slices that keep 32 tasks per worker. A task costs well under
 * a millisecond in messages against tens of milliseconds for a worm, and
 * small tasks keep every thread busy to the end: with 10 worms in slices of 2
 * (the old quarter of a worker's share), 5 tasks split 3:2 and capped 2
 * workers at 1.67x one.
 */
export function wormSlices(n: number, workers: number): number[][] {
  const slice = Math.max(1, Math.floor(n / (workers * 32)));
  const out: number[][] = [];
  for (let first = 0; first < n; first += slice) out.push(Array.from({ length: Math.min(slice, n - first) }, (_, k) => first + k));
  return out;
}

export class PopulationPool {
  readonly workers: number;
  private readonly pool: Piscina<PopulationTask, WormTrajectory[]>;

  constructor(options: PopulationPoolOptions) {
    const { workers } = options;
    if (!(Number.isInteger(workers) && workers >= 1 && workers <= 256)) {
      throw new RangeError(`PopulationPool: workers = ${workers} must be a whole number in 1..256 (worker threads; the machine's cores is the usual choice)`);
    }
    this.workers = workers;
    this.pool = new Piscina<PopulationTask, WormTrajectory[]>({
      filename: new URL('./population-boot.mjs', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
    });
  }

  /** Runs every worm; the result is in worm order. */
  async run(spec: PopulationSpec): Promise<WormTrajectory[]> {
    checkPopulation(spec);
    const shared: PopulationSpec = { ...spec, circuit: portable(spec.circuit) };
    const tasks = wormSlices(spec.worms.length, this.workers).map((indices) => this.pool.run({ spec: shared, indices }));
    return (await Promise.all(tasks)).flat();
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
