/**
 * The job queue for real: a Redis of the test's own on the loopback
 * interface, two `neuroworm worker` processes, one of them killed (SIGKILL, a
 * lost machine) in the middle of a generation; the run must finish with the
 * same generations and the same best genome as a run in this thread.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { evolve } from '../../src/evolve/engine';
import { localEvaluator } from '../../src/evolve/local';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { QUEUE_NAME, queueEvaluator } from '../../src/evolve/node/queue';
import { startRedis, TINY_SPEC, withoutWall } from './evolve-fixture';

const BIN = new URL('../../bin/neuroworm.js', import.meta.url).pathname;
const procs: ChildProcess[] = [];

afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

/** A worker process, resolved once it is taking runs. */
function startWorker(url: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1', '--lock-ms', '2000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  procs.push(p);
  return new Promise((resolve, reject) => {
    let err = '';
    p.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('taking evolution runs')) resolve(p);
    });
    p.on('exit', (code) => reject(new Error(`the worker exited (${code}) before taking runs:\n${err}`)));
  });
}

describe('evolution on a job queue', () => {
  it('finishes with the same best genome as a local run when a worker is killed mid-generation', async () => {
    const local = await evolve(loadEvolveProblem(TINY_SPEC), { evaluator: localEvaluator() });

    const redis = await startRedis();
    procs.push(redis.proc);
    const [a, b] = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
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
      redis.proc.kill('SIGTERM');
    }
  });
});
