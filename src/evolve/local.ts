/**
 * The evaluator that runs every job in this thread, one after the other,
 * yielding to the event loop between runs so an abort (Stop, Cancel) is seen
 * within one run. What a single Web Worker or `--workers 1` uses.
 */
import type { Evaluator } from './engine';
import { type EvalContext, type EvalJob, type RunScore, scoreRun } from './fitness';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function localEvaluator(): Evaluator {
  return {
    async evaluate(ctx: EvalContext, jobs: readonly EvalJob[], opts = {}): Promise<RunScore[]> {
      const out: RunScore[] = [];
      for (const job of jobs) {
        await tick();
        if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
        out.push(scoreRun(ctx, job));
        opts.onRun?.(out.length, jobs.length);
      }
      return out;
    },
    close: async () => undefined,
  };
}
