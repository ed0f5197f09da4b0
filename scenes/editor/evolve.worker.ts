/// <reference lib="webworker" />
import { type EvalContext, scoreRun } from '../../src/evolve/fitness';
import type { PoolRequest, PoolReply } from './evolve-pool';

// One evaluation worker of the Evolve panel's pool: keeps the contexts it was sent and scores runs (one scenario, one seed, one genome).
const contexts = new Map<string, EvalContext>();
const post = (m: PoolReply): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<PoolRequest>) => {
  const m = e.data;
  if (m.type === 'context') {
    contexts.set(m.ctx.id, m.ctx);
    return;
  }
  const ctx = contexts.get(m.ctxId);
  if (!ctx) {
    post({ id: m.id, error: `evaluation context ${m.ctxId} was never sent to this worker` });
    return;
  }
  try {
    post({ id: m.id, score: scoreRun(ctx, m.job) });
  } catch (err) {
    post({ id: m.id, error: (err as Error).message });
  }
};
