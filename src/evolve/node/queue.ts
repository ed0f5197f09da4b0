/**
 * Evaluation on many machines through a job queue: BullMQ on Redis. Each run
 * (a genome on one scenario with one seed) is a job; `neuroworm worker
 * --queue URL` processes on any number of machines take them, and
 * `neuroworm evolve --queue URL` adds a generation's jobs and waits for their
 * results. The evaluation context (circuit, genes, scenarios) is stored once
 * in Redis under its hash; jobs carry only the genome and the run.
 *
 * A worker that dies stops renewing its job's lock; after lockDuration the
 * other workers' stalled-job check puts the job back in the queue, so a lost
 * machine costs time, never a result. Runs are pure functions of the job, so
 * whichever worker runs a job returns the same numbers: a queue run ends
 * with the same best genome as a local one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Evaluator } from '../engine';
import type { EvalContext, EvalJob, RunScore } from '../fitness';
import { threadEvaluator } from './threads';

export const QUEUE_NAME = 'neuroworm-evolve';
const contextKey = (id: string) => `neuroworm:evolve:context:${id}`;
/** How long a stored context lives: long enough for any run, short enough not to fill Redis. */
const CONTEXT_TTL_S = 7 * 24 * 3600;

/** The version of the code: a worker refuses jobs of a coordinator running another (their runs could differ). */
export const CODE_VERSION: string = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface JobData {
  ctx: string;
  job: EvalJob;
  version: string;
}

/** A Redis connection from a URL, refused with a readable message when it is not one or nothing answers. */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<Redis> {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`"${url}" is not a Redis URL; write redis://HOST:PORT (rediss:// for TLS), e.g. redis://127.0.0.1:6379`);
  const conn = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs, retryStrategy: (n) => (n > 20 ? null : 200) });
  conn.on('error', () => undefined); // reported through the promises below
  try {
    await conn.connect();
    await conn.ping();
  } catch (e) {
    conn.disconnect();
    throw new Error(`cannot reach Redis at ${url} (${(e as Error).message}); is redis-server running there and reachable?`);
  }
  return conn;
}

function bullConnection(url: string) {
  return { url, maxRetriesPerRequest: null };
}

export async function queueEvaluator(url: string, queueName = QUEUE_NAME): Promise<Evaluator> {
  const conn = await connectRedis(url);
  // BullMQ makes (and closes) its own connections from options; an ioredis instance handed to it would stay open.
  const queue = new Queue<JobData, RunScore>(queueName, { connection: bullConnection(url) });
  const events = new QueueEvents(queueName, { connection: bullConnection(url) });
  await events.waitUntilReady();
  // Every waiting job listens to these (a generation is many jobs).
  events.setMaxListeners(0);
  queue.setMaxListeners(0);
  const stored = new Set<string>();
  return {
    async evaluate(ctx: EvalContext, jobs: readonly EvalJob[], opts = {}): Promise<RunScore[]> {
      if (!stored.has(ctx.id)) {
        await conn.set(contextKey(ctx.id), JSON.stringify(ctx), 'EX', CONTEXT_TTL_S);
        stored.add(ctx.id);
      }
      const batch = randomUUID();
      const added = await queue.addBulk(
        jobs.map((job, i) => ({
          name: 'run',
          data: { ctx: ctx.id, job, version: CODE_VERSION },
          opts: {
            jobId: `${batch}-${i}`,
            attempts: 3,
            backoff: { type: 'fixed', delay: 1000 },
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 24 * 3600 },
          },
        })),
      );
      let done = 0;
      const waiting = added.map((j) =>
        j.waitUntilFinished(events).then((r: RunScore | string) => {
          opts.onRun?.(++done, jobs.length);
          return (typeof r === 'string' ? JSON.parse(r) : r) as RunScore;
        }),
      );
      const aborted = new Promise<never>((_, reject) => {
        if (!opts.signal) return;
        const stop = () => reject(opts.signal!.reason ?? new Error('aborted'));
        if (opts.signal.aborted) stop();
        else opts.signal.addEventListener('abort', stop, { once: true });
      });
      try {
        return await Promise.race([Promise.all(waiting), aborted]);
      } catch (e) {
        // Take back what nobody has started (best effort), so cancelled runs do not keep the workers busy.
        await Promise.all(added.map((j) => j.remove().catch(() => undefined)));
        waiting.forEach((w) => w.catch(() => undefined));
        if (opts.signal?.aborted) throw e;
        throw new Error(`a run failed on a queue worker: ${(e as Error).message}`);
      }
    },
    async close() {
      await events.close();
      await queue.close();
      await Promise.all([events.disconnect(), queue.disconnect()]);
      conn.disconnect();
    },
  };
}

export interface QueueWorkerOptions {
  /** Runs at once on this machine (one worker thread each). */
  threads: number;
  queueName?: string;
  /** How long a job's lock lasts without renewal: how soon a lost worker's job goes back to the queue (ms). */
  lockMs?: number;
  log?: (line: string) => void;
}

export interface QueueWorker {
  /** Finish the runs in hand, then stop. */
  close(): Promise<void>;
  readonly done: number;
}

/** Take runs from the queue until closed. Runs go to worker threads, so this thread stays free to renew the jobs' locks. */
export async function startQueueWorker(url: string, opts: QueueWorkerOptions): Promise<QueueWorker> {
  const conn = await connectRedis(url);
  const pool = threadEvaluator(opts.threads);
  const contexts = new Map<string, EvalContext>();
  const lockMs = opts.lockMs ?? 15_000;
  let done = 0;
  const context = async (id: string): Promise<EvalContext> => {
    let ctx = contexts.get(id);
    if (ctx) return ctx;
    const text = await conn.get(contextKey(id));
    if (text === null) throw new UnrecoverableError(`the evaluation context ${id} is not in Redis (expired or removed); restart the coordinator`);
    ctx = JSON.parse(text) as EvalContext;
    contexts.set(id, ctx);
    return ctx;
  };
  const worker = new Worker<JobData, RunScore>(
    opts.queueName ?? QUEUE_NAME,
    async (job) => {
      if (job.data.version !== CODE_VERSION)
        throw new UnrecoverableError(`this worker runs neuroworm ${CODE_VERSION}, the coordinator ${job.data.version}; run the same version on every machine`);
      const [r] = await pool.evaluate(await context(job.data.ctx), [job.data.job]);
      done++;
      return r;
    },
    {
      connection: conn.duplicate(),
      concurrency: opts.threads,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.round(lockMs / 3)),
      maxStalledCount: 10,
    },
  );
  worker.on('failed', (job, err) => opts.log?.(`run ${job?.id ?? '?'} failed: ${err.message}`));
  worker.on('error', (err) => opts.log?.(`queue error: ${err.message}`));
  await worker.waitUntilReady();
  return {
    get done() {
      return done;
    },
    async close() {
      await worker.close();
      // close() can leave its main connection open when a stalled-job check was in flight; make sure it ends.
      await worker.disconnect();
      await pool.close();
      conn.disconnect();
    },
  };
}
