import type { CircuitDoc } from '../../src/circuits/types';
import type { AblationVerdict, TouchCheck } from './touch-check';
import type { TouchCheckReply, TouchCheckRequest } from './touch-check.worker';

/**
 * Runs the paired touch check (touch-check.ts, a few thousand physics steps)
 * in a worker, so the game keeps running; calls back once. Returns the worker
 * (terminate it when the scene stops).
 */
export function startTouchCheck(doc: CircuitDoc, arena: string, seed: number, done: (check: TouchCheck) => void, failed: (message: string) => void): Worker {
  return post({ doc, arena, seed }, (r) => done(r.check), failed);
}

/** checkAblation (touch-check.ts) in a worker: these neurons ablated against an intact control; calls back once. */
export function startAblationCheck(
  doc: CircuitDoc,
  arena: string,
  seed: number,
  ablate: readonly string[],
  done: (verdict: AblationVerdict) => void,
  failed: (message: string) => void,
): Worker {
  return post({ doc, arena, seed, ablate }, (r) => (r.verdict ? done(r.verdict) : failed('the worker gave no verdict')), failed);
}

function post(req: TouchCheckRequest, done: (reply: Extract<TouchCheckReply, { ok: true }>) => void, failed: (message: string) => void): Worker {
  return wireWorker(new Worker(new URL('./touch-check.worker.ts', import.meta.url), { type: 'module' }), req, done, failed);
}

/** Posts one request to a check's worker and calls back once with its reply (the worker ends then). */
export function wireWorker<Req, Ok>(worker: Worker, req: Req, done: (reply: Ok) => void, failed: (message: string) => void): Worker {
  worker.onmessage = (e: MessageEvent<({ ok: true } & Ok) | { ok: false; message: string }>) => {
    worker.terminate();
    if (e.data.ok) done(e.data);
    else failed(e.data.message);
  };
  worker.onerror = (e) => {
    worker.terminate();
    failed(e.message);
  };
  worker.postMessage(req);
  return worker;
}
