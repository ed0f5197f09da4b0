/**
 * The evaluator that spreads runs over worker threads (piscina: a maintained
 * pool that queues tasks, replaces crashed workers and aborts on a signal).
 * One task is one run, so the threads stay busy to the end of a generation;
 * results come back in job order, so the fitness is the same as in one thread.
 * A task carries the context's id only; a thread that does not hold that
 * context answers so, and the task goes again with it (thread-task.ts): the
 * main thread no longer copies a connectome's 250 KB context for every run.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import type { Evaluator } from '../engine';
import type { EvalContext, EvalJob, RunScore } from '../fitness';
import type { NeedContext, ThreadTask } from './thread-task';

export function threadEvaluator(workers: number): Evaluator {
  const pool = new Piscina<ThreadTask, RunScore | NeedContext>({
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
      const run = { ...(opts.signal && { signal: opts.signal }) };
      return Promise.all(
        jobs.map(async (job) => {
          let r = await pool.run({ ctxId: ctx.id, job }, run);
          if ('needContext' in r) r = await pool.run({ ctxId: ctx.id, ctx, job }, run);
          if ('needContext' in r) throw new Error(`worker thread: evaluation context ${ctx.id} was sent and not taken`);
          opts.onRun?.(++done, jobs.length);
          return r;
        }),
      );
    },
    close: () => pool.destroy(),
  };
}
