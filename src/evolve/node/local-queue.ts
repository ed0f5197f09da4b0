/**
 * The job queue on one machine: a throwaway redis-server on a free loopback
 * port (nothing persisted) and `neuroworm worker` processes for it. What the
 * queue test and the benchmark run against. Needs Debian's redis-server
 * (`apt-get install -y redis-server`; .ci/run installs it).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRedis } from './queue';

export interface LocalRedis {
  url: string;
  proc: ChildProcess;
  stop(): void;
}

export function redisServerInstalled(): boolean {
  return !spawnSync('redis-server', ['--version']).error;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Start it and wait until it answers (throws, naming the fix, when redis-server is missing or does not start). */
export async function startLocalRedis(): Promise<LocalRedis> {
  if (!redisServerInstalled()) throw new Error('redis-server is not installed: install it with `apt-get install -y redis-server` (.ci/run does)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'neuroworm-redis-'));
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const stop = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      (await connectRedis(url, 1000)).disconnect();
      return { url, proc, stop };
    } catch (e) {
      if (i > 50 || proc.exitCode !== null) {
        stop();
        throw new Error(`redis-server on port ${port} did not start: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const BIN = new URL('../../../bin/neuroworm.js', import.meta.url).pathname;

/** A `neuroworm worker` process on `url`, resolved once it is taking runs. */
export function spawnQueueWorker(url: string, opts: { threads: number; lockMs?: number }): Promise<ChildProcess> {
  const args = [BIN, 'worker', '--queue', url, '--threads', String(opts.threads), ...(opts.lockMs !== undefined ? ['--lock-ms', String(opts.lockMs)] : [])];
  const p = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    p.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('taking evolution runs')) resolve(p);
    });
    p.on('exit', (code) => reject(new Error(`the worker exited (${code}) before taking runs:\n${err}`)));
  });
}
