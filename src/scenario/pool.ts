/**
 * Runs jobs in parallel worker threads (or in this thread when one worker is
 * asked for). Results come back in job order whatever order they finish in.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job } from './jobs';
import { runJob } from './jobs';
import type { JobResult } from './report';
import type { SimBackend } from './backend';
import type { FromWorker, ToWorker } from './worker';

/** URL of the module whose `simBackend` export runs the scenarios (the real simulation). */
export const DEFAULT_BACKEND_MODULE = new URL('./backend.ts', import.meta.url).href;

export interface PoolOptions {
  workers: number;
  /** Module exporting `simBackend`; tests point it at a test double. */
  backendModule?: string;
  onStart?(index: number, job: Job): void;
  onDone?(index: number, result: JobResult): void;
  onProgress?(index: number, simMs: number, durationMs: number): void;
}

export function defaultWorkers(jobs: number): number {
  return Math.max(1, Math.min(jobs, availableParallelism()));
}

export async function runJobs(jobs: readonly Job[], opts: PoolOptions): Promise<JobResult[]> {
  const backendModule = opts.backendModule ?? DEFAULT_BACKEND_MODULE;
  const workers = Math.max(1, Math.min(opts.workers, jobs.length));
  if (workers <= 1) {
    const backend = ((await import(backendModule)) as { simBackend: SimBackend }).simBackend;
    return jobs.map((job, i) => {
      opts.onStart?.(i, job);
      const r = runJob(job, backend, (t, d) => opts.onProgress?.(i, t, d));
      opts.onDone?.(i, r);
      return r;
    });
  }
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const threads: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
          workerData: { entry: new URL('./worker.ts', import.meta.url).href, backendModule },
        });
        threads.push(w);
        await new Promise<void>((resolve, reject) => {
          let current = -1;
          const give = () => {
            if (next >= jobs.length) return resolve();
            current = next++;
            opts.onStart?.(current, jobs[current]);
            w.postMessage({ id: current, job: jobs[current] } satisfies ToWorker);
          };
          w.on('message', (m: FromWorker | 'ready') => {
            if (m === 'ready') return give();
            if (m.type === 'progress') return opts.onProgress?.(m.id, m.simMs, m.durationMs);
            results[m.id] = m.result;
            opts.onDone?.(m.id, m.result);
            give();
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (next < jobs.length || (current >= 0 && results[current] === undefined)) reject(new Error(`scenario worker stopped (exit code ${code})`));
          });
        });
      }),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return results;
}
