import type { Evaluator } from '../../src/evolve/engine';
import type { EvalContext, EvalJob, RunScore } from '../../src/evolve/fitness';

export type PoolRequest = { type: 'context'; ctx: EvalContext } | { type: 'job'; id: number; ctxId: string; job: EvalJob };
export type PoolReply = { id: number; score: RunScore } | { id: number; error: string };

/** How many evaluation workers: one core is left to the page (the live worm, the chart), at most 4. */
export function poolSize(cores = navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * The engine's Evaluator over a pool of Web Workers (evolve.worker.ts), each
 * scoring one run at a time: the page never simulates, so it stays
 * responsive. Scores come back in job order, so the fitness (and the run) is
 * the same whichever worker ran which job. An abort terminates the workers
 * (the runs they hold are dropped) and rejects with the signal's reason; the
 * next evaluation starts fresh ones.
 */
export function workerPool(size: number, spawn: () => Worker = defaultSpawn): Evaluator {
  let workers: Array<{ w: Worker; contexts: Set<string> }> = [];
  const ensure = (): void => {
    while (workers.length < size) workers.push({ w: spawn(), contexts: new Set() });
  };
  const terminate = (): void => {
    for (const { w } of workers) w.terminate();
    workers = [];
  };
  let nextId = 0;
  return {
    evaluate(ctx: EvalContext, jobs: readonly EvalJob[], opts = {}): Promise<RunScore[]> {
      ensure();
      const out: RunScore[] = new Array(jobs.length);
      let sent = 0;
      let done = 0;
      return new Promise<RunScore[]>((resolve, reject) => {
        if (jobs.length === 0) {
          resolve(out);
          return;
        }
        const pending = new Map<number, number>(); // message id → job index
        const fail = (why: unknown): void => {
          opts.signal?.removeEventListener('abort', onAbort);
          terminate();
          reject(why);
        };
        const onAbort = (): void => fail(opts.signal?.reason ?? new Error('aborted'));
        if (opts.signal?.aborted) {
          onAbort();
          return;
        }
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const feed = (slot: { w: Worker; contexts: Set<string> }): void => {
          if (sent >= jobs.length) return;
          if (!slot.contexts.has(ctx.id)) {
            slot.w.postMessage({ type: 'context', ctx } satisfies PoolRequest);
            slot.contexts.add(ctx.id);
          }
          const id = nextId++;
          pending.set(id, sent);
          slot.w.postMessage({ type: 'job', id, ctxId: ctx.id, job: jobs[sent++] } satisfies PoolRequest);
        };
        for (const slot of workers) {
          slot.w.onmessage = (e: MessageEvent<PoolReply>) => {
            const m = e.data;
            const index = pending.get(m.id);
            if (index === undefined) return;
            pending.delete(m.id);
            if ('error' in m) {
              fail(new Error(`an evaluation worker failed: ${m.error}`));
              return;
            }
            out[index] = m.score;
            done++;
            opts.onRun?.(done, jobs.length);
            if (done === jobs.length) {
              opts.signal?.removeEventListener('abort', onAbort);
              resolve(out);
            } else feed(slot);
          };
          slot.w.onerror = (e) => fail(new Error(`an evaluation worker failed: ${e.message}`));
          feed(slot);
        }
      });
    },
    close: async () => terminate(),
  };
}

function defaultSpawn(): Worker {
  return new Worker(new URL('./evolve.worker.ts', import.meta.url), { type: 'module' });
}
