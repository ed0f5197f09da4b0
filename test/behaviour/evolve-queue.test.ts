/**
 * The job queue for real: a Redis of the test's own on the loopback
 * interface, two `neuroworm worker` processes, one of them killed (SIGKILL, a
 * lost machine) in the middle of a generation; the run must finish with the
 * same generations and the same best genome as a run in this thread.
 */
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { evolve } from '../../src/evolve/engine';
import { localEvaluator } from '../../src/evolve/local';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { QUEUE_NAME, queueEvaluator } from '../../src/evolve/node/queue';
import { spawnQueueWorker, startLocalRedis } from '../../src/evolve/node/local-queue';
import { TINY_SPEC, withoutWall } from './evolve-fixture';

const procs: ChildProcess[] = [];

afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

describe('evolution on a job queue', () => {
  it('finishes with the same best genome as a local run when a worker is killed mid-generation', async () => {
    const local = await evolve(loadEvolveProblem(TINY_SPEC), { evaluator: localEvaluator() });

    // No redis-server fails here, loudly: .ci/run installs it.
    const redis = await startLocalRedis();
    procs.push(redis.proc);
    const [a, b] = await Promise.all([0, 1].map(() => spawnQueueWorker(redis.url, { threads: 1, lockMs: 2000 })));
    procs.push(a, b);
    const watch = new Queue(QUEUE_NAME, { connection: { url: redis.url } });
    const evaluator = await queueEvaluator(redis.url);
    let generation = 0;
    let killedWhileActive = -1;
    try {
      const remote = await evolve(loadEvolveProblem(TINY_SPEC), {
        evaluator,
        onGeneration: () => {
          generation++;
        },
        onRun: (done) => {
          // In the second generation, once a run is back, kill worker a while both workers hold a run.
          if (generation !== 1 || done !== 1 || killedWhileActive >= 0) return;
          killedWhileActive = 0;
          void (async () => {
            for (let i = 0; i < 50 && killedWhileActive === 0; i++) {
              if ((await watch.getActiveCount()) >= 2) {
                a.kill('SIGKILL');
                killedWhileActive = 1;
                return;
              }
              await new Promise((r) => setTimeout(r, 20));
            }
            a.kill('SIGKILL');
          })();
        },
      });
      expect(killedWhileActive, 'worker a was killed while holding a run').toBe(1);
      expect(a.signalCode ?? (await new Promise((r) => a.once('exit', (_c, s) => r(s))))).toBe('SIGKILL');
      expect(withoutWall(remote.state.log)).toEqual(withoutWall(local.state.log));
      expect(remote.best!.genome).toEqual(local.best!.genome);
      expect(remote.best!.fitness).toBe(local.best!.fitness);
    } finally {
      await evaluator.close();
      await watch.close();
      b.kill('SIGTERM');
      redis.stop();
    }
  });
});
