/**
 * The evaluator that spreads runs over worker threads (piscina: a maintained
 * pool that queues tasks, replaces crashed workers and aborts on a signal).
 * One task is one run, so the threads stay busy to the end of a generation;
 * results come back in job order, so the fitness is the same as in one thread.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import type { Evaluator } from '../engine';
import type { EvalContext, EvalJob, RunScore } from '../fitness';
import type { ThreadTask } from './thread-task';

export function threadEvaluator(workers: number): Evaluator {
  const pool = new Piscina<ThreadTask, RunScore>({
    filename: new URL('./thread-boot.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  return {
    async evaluate(ctx: EvalContext, jobs: readonly EvalJob[], opts = {}): Promise<RunScore[]> {
      let done = 0;
      // Every queued task listens to the one signal.
      if (opts.signal) setMaxListeners(0, opts.signal);
      return Promise.all(
        jobs.map((job) =>
          pool.run({ ctx, job }, opts.signal ? { signal: opts.signal } : {}).then((r) => {
            opts.onRun?.(++done, jobs.length);
            return r;
          }),
        ),
      );
    },
    close: () => pool.destroy(),
  };
}
