/**
 * Brian2's side of the CUBA comparison (bench/cuba.ts), one run at a time so
 * that its runs interleave with the engine's round by round: a load that
 * comes and goes on a shared machine then hits both sides of each round.
 *
 * - C++ standalone: bench/cuba_brian2.py builds the two binaries once (as
 *   generated, and with its per-step std::clock() removed); each timed run
 *   here starts one and reads the CPU time the binary measured itself around
 *   Network::run (results/last_run_info.txt).
 * - Runtime (Cython): one Python process (cuba_brian2.py serve) keeps the
 *   network after its warm-up run and answers each `run` with one timed run's
 *   process CPU time.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./cuba_brian2.py', import.meta.url));

export interface Brian2Result {
  target: 'runtime' | 'standalone';
  brian2?: string;
  /** CPU time of each timed run, s (standalone: with the per-step clock call removed). */
  runCpuS?: number[];
  /** Standalone: the binary as Brian2 generates it (a std::clock() call every step). */
  clockedCpuS?: number[];
  /** Standalone: whether the per-step clock call was found and removed. */
  patched?: boolean;
  /** Standalone: where the two binaries (`main`, `main_clocked`) were built. */
  directory?: string;
  runWallS?: number[];
  compileS?: number | null;
  /** Mean over the networks. */
  rateHz?: number;
  rates?: number[];
  synapses?: number;
  /** Why there is no result (Brian2 missing, script failed). */
  error?: string;
}

/** A Python that can import brian2: $BRIAN2_PYTHON, python3, or Debian's /usr/bin/python3 (pyenv shims hide Debian's packages). */
export function findBrian2Python(): string | null {
  const candidates = [process.env.BRIAN2_PYTHON, 'python3', '/usr/bin/python3'].filter((x): x is string => !!x);
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import brian2'], { encoding: 'utf8', timeout: 120_000 });
    if (r.status === 0) return python;
  }
  return null;
}

const parseLast = (stdout: string): Brian2Result | null => {
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Brian2Result;
  } catch {
    return null;
  }
};

/** Builds the standalone binaries for `file` (code generation and g++: a minute or so); never throws (a failure comes back as `error`). */
export function buildStandalone(python: string, file: string, durationS: number): Brian2Result {
  const r = spawnSync(python, ['-W', 'ignore', SCRIPT, 'standalone', String(durationS), '0', file], {
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 16 << 20,
  });
  const parsed = parseLast(r.stdout ?? '');
  if (r.status === 0 && parsed?.directory) return parsed;
  const why = parsed?.error ?? (r.error ? r.error.message : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`);
  return { target: 'standalone', error: why };
}

/** One run of a standalone binary (`main` or `main_clocked`): the CPU seconds it measured around Network::run. */
export function runStandalone(directory: string, binary: 'main' | 'main_clocked'): number {
  const r = spawnSync(`./${binary}`, [], { cwd: directory, stdio: 'ignore', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`Brian2 standalone ${join(directory, binary)}: exit ${r.status}${r.error ? ` (${r.error.message})` : ''}`);
  return Number(
    readFileSync(join(directory, 'results', 'last_run_info.txt'), 'utf8')
      .trim()
      .split(/\s+/)[0],
  );
}

/** The runtime (Cython) target kept warm in one Python process: `run()` is one timed run. */
export interface RuntimeServer {
  /** The setup's result: Brian2's version, the rate of every network, the synapse count (no timed runs). */
  readonly info: Brian2Result;
  run(): Promise<{ cpuS: number; wallS: number }>;
  close(): void;
}

/** Starts `cuba_brian2.py serve` on the network files; rejects with the script's own error when it cannot. */
export async function startRuntimeServer(python: string, files: readonly string[], durationS: number): Promise<RuntimeServer> {
  const child: ChildProcessWithoutNullStreams = spawn(python, ['-W', 'ignore', SCRIPT, 'serve', String(durationS), '0', files.join(',')]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`Brian2 runtime server ended: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
    const parsed = JSON.parse(line.value) as Record<string, unknown>;
    if (typeof parsed.error === 'string') throw new Error(`Brian2 runtime server: ${parsed.error}`);
    return parsed;
  };
  try {
    const info = (await next()) as unknown as Brian2Result;
    return {
      info,
      async run() {
        child.stdin.write('run\n');
        const r = await next();
        return { cpuS: Number(r.cpuS), wallS: Number(r.wallS) };
      },
      close() {
        child.stdin.end('quit\n');
      },
    };
  } catch (e) {
    child.kill();
    throw e;
  }
}
