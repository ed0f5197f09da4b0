/** What the evolution tests share: the tiny spec, a log without wall times, and a Redis of their own. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerationReport } from '../../src/evolve/engine';
import { connectRedis } from '../../src/evolve/node/queue';

export const TINY_SPEC = new URL('../fixtures/evolve/tiny.evolve.yaml', import.meta.url).pathname;

/** The log with wall times taken out: the one number that differs between identical runs. */
export const withoutWall = (log: readonly GenerationReport[]) => log.map(({ wallMs: _w, ...g }) => g);

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

/**
 * A redis-server of the test's own on 127.0.0.1 and a free port, with no
 * persistence. Missing redis-server fails loudly (.ci/run installs it).
 */
export async function startRedis(): Promise<{ url: string; proc: ChildProcess }> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error('redis-server is not installed, so the job-queue test cannot run: install it with `apt-get install -y redis-server` (.ci/run does)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'neuroworm-redis-'));
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      (await connectRedis(url, 1000)).disconnect();
      return { url, proc };
    } catch (e) {
      if (i > 50 || proc.exitCode !== null) {
        proc.kill();
        throw new Error(`redis-server on port ${port} did not start: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
