import type { CircuitDoc } from '../../src/circuits/types';
import type { TouchCheck } from './touch-check';
import type { TouchCheckReply, TouchCheckRequest } from './touch-check.worker';

/**
 * Runs the paired touch check (touch-check.ts, a few thousand physics steps)
 * in a worker, so the game keeps running; calls back once. Returns the worker
 * (terminate it when the scene stops).
 */
export function startTouchCheck(doc: CircuitDoc, arena: string, seed: number, done: (check: TouchCheck) => void, failed: (message: string) => void): Worker {
  const worker = new Worker(new URL('./touch-check.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<TouchCheckReply>) => {
    worker.terminate();
    if (e.data.ok) done(e.data.check);
    else failed(e.data.message);
  };
  worker.onerror = (e) => {
    worker.terminate();
    failed(e.message);
  };
  const req: TouchCheckRequest = { doc, arena, seed };
  worker.postMessage(req);
  return worker;
}
