/** Worker thread: runs jobs the pool sends, one at a time, on the backend module it was given. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Job } from './jobs';
import { runJob } from './jobs';
import type { SimBackend } from './backend';

export type ToWorker = { id: number; job: Job };
export type FromWorker = { id: number; type: 'progress'; simMs: number; durationMs: number } | { id: number; type: 'done'; result: ReturnType<typeof runJob> };

const port = parentPort!;
const { backendModule } = workerData as { backendModule: string };
const backend = ((await import(backendModule)) as { simBackend: SimBackend }).simBackend;

port.on('message', ({ id, job }: ToWorker) => {
  const result = runJob(job, backend, (simMs, durationMs) => port.postMessage({ id, type: 'progress', simMs, durationMs } satisfies FromWorker));
  port.postMessage({ id, type: 'done', result } satisfies FromWorker);
});
port.postMessage('ready');
