import { describe, expect, it } from 'vitest';
import type { EvalContext, EvalJob, RunScore } from '../../src/evolve/fitness';
import { type PoolReply, type PoolRequest, poolSize, workerPool } from './evolve-pool';

/** A stand-in for evolve.worker.ts: answers each job after a delay that depends on the job, so replies come back out of order. */
class FakeWorker {
  onmessage: ((e: MessageEvent<PoolReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  contexts = new Set<string>();
  terminated = false;
  jobs = 0;
  constructor(private readonly fail = false) {}
  postMessage(m: PoolRequest): void {
    if (m.type === 'context') {
      this.contexts.add(m.ctx.id);
      return;
    }
    this.jobs++;
    const known = this.contexts.has(m.ctxId);
    setTimeout(
      () => {
        if (this.terminated) return;
        const reply: PoolReply =
          !known || this.fail
            ? { id: m.id, error: known ? 'boom' : 'no context' }
            : { id: m.id, score: { score: m.job.seed * 10 + m.job.scenario, pass: true, unstable: false, simMs: 1 } as unknown as RunScore };
        this.onmessage?.({ data: reply } as MessageEvent<PoolReply>);
      },
      (7 - m.job.seed) % 4,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

const ctx = { id: 'ctx1' } as EvalContext;
const jobs: EvalJob[] = Array.from({ length: 9 }, (_, i) => ({ genome: { x: [i], links: [] }, scenario: i % 2, seed: i }) as unknown as EvalJob);

describe('the Evolve panel worker pool', () => {
  it('returns scores in job order whichever worker answers first, sending each worker the context once', async () => {
    const made: FakeWorker[] = [];
    const pool = workerPool(3, () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    const progress: number[] = [];
    const out = await pool.evaluate(ctx, jobs, { onRun: (d) => progress.push(d) });
    expect(out.map((r) => (r as unknown as { score: number }).score)).toEqual(jobs.map((j) => j.seed * 10 + j.scenario));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(made).toHaveLength(3);
    expect(made.every((w) => w.jobs > 0 && w.contexts.size === 1)).toBe(true);
    // A second generation reuses the workers.
    await pool.evaluate(ctx, jobs.slice(0, 2));
    expect(made).toHaveLength(3);
    await pool.close();
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('an abort rejects with its reason and terminates the workers; a worker error rejects naming it', async () => {
    const made: FakeWorker[] = [];
    const pool = workerPool(2, () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    const control = new AbortController();
    const p = pool.evaluate(ctx, jobs, { signal: control.signal });
    control.abort('stop');
    await expect(p).rejects.toBe('stop');
    expect(made.every((w) => w.terminated)).toBe(true);

    const failing = workerPool(1, () => new FakeWorker(true) as unknown as Worker);
    await expect(failing.evaluate(ctx, jobs)).rejects.toThrow(/an evaluation worker failed: boom/);
  });

  it('leaves one core to the page, at most 4 workers', () => {
    expect([1, 2, 3, 8, 16].map((c) => poolSize(c))).toEqual([1, 1, 2, 4, 4]);
  });
});
