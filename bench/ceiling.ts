/**
 * What this machine allows at all: a fixed amount of trivial, allocation-free
 * work done by 1 worker and split over 2, as worker threads and as separate
 * processes. No simulation, no messages while it runs, no shared data: if
 * even this scales < 1.8× from 1 to 2, no population or evolution pool can
 * reach issue 16/17's 1.8× on this machine, whatever the pool does.
 *
 * Three loops, so the cause can be told apart: `alu` (a xorshift and a
 * multiply-add in registers: the cores themselves), `cache` (sweeps over a
 * 256 KiB array per worker, about one worm's working set: private caches)
 * and `memory` (sweeps over 32 MiB per worker: the shared cache and memory).
 * Every worker is started and warmed (JIT) first, then all start on one
 * signal; the span from the first start to the last finish is the wall time,
 * and each worker's CPU time is its own (a process) or the process's (threads).
 * The hypervisor's steal time (/proc/stat) over the span is printed beside.
 *
 *   npx tsx bench/ceiling.ts [--quick]
 *   npm run bench -- --only ceiling
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadLine, machineLine, type Spread, spread } from './measure';
import type { BenchGoal, BenchSuite } from './suite';

export const LOOPS = ['alu', 'cache', 'memory'] as const;
export type Loop = (typeof LOOPS)[number];
type Mode = 'threads' | 'processes';

/**
 * The worker's code, plain JS run as a worker (eval) or as `node -e`: it
 * warms the loop, says "ready", waits for "go", runs its share and answers
 * with its start and end on the shared clock (performance.timeOrigin + now)
 * and its CPU time.
 */
const WORKER_JS = `
const loops = {
  alu(n) { let x = 0x9e3779b9 | 0, acc = 0; for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; acc = acc * 0.5 + (x >>> 0); } return acc; },
  cache(n, a) { let acc = 0; const m = a.length; for (let i = 0, j = 0; i < n; i++) { a[j] = a[j] * 0.999 + 1; acc += a[j]; if (++j === m) j = 0; } return acc; },
  memory(n, a) { let acc = 0; const m = a.length; for (let i = 0, j = 0; i < n; i++) { a[j] = a[j] * 0.999 + 1; acc += a[j]; j += 8; if (j >= m) j = (j & 7) + 1 & 7; } return acc; },
};
function run(loop, n) {
  const a = new Float64Array(loop === 'memory' ? (32 << 20) / 8 : (256 << 10) / 8);
  loops[loop](Math.min(n, 2e6), a);
  return () => {
    const c0 = process.cpuUsage();
    const t0 = performance.timeOrigin + performance.now();
    const sink = loops[loop](n, a);
    const t1 = performance.timeOrigin + performance.now();
    const c = process.cpuUsage(c0);
    return { start: t0, end: t1, cpuS: (c.user + c.system) / 1e6, sink };
  };
}
`;

const THREAD_JS = `${WORKER_JS}
const { parentPort, workerData } = require('node:worker_threads');
const go = run(workerData.loop, workerData.n);
parentPort.once('message', () => parentPort.postMessage(go()));
parentPort.postMessage('ready');
`;

const PROCESS_JS = `${WORKER_JS}
const [loop, n] = [process.argv[1], Number(process.argv[2])];
const go = run(loop, n);
process.stdin.once('data', () => { process.stdout.write(JSON.stringify(go())); process.stdin.destroy(); });
process.stdout.write('ready\\n');
`;

interface Done {
  start: number;
  end: number;
  cpuS: number;
}

/** Iterations of each loop that take about 1 s on one core of this machine when quiet (`--quick`: a fifth). */
const WORK: Record<Loop, number> = { alu: 1.2e9, cache: 6e8, memory: 2.5e8 };

/** The hypervisor's steal time so far, s (0 where /proc/stat is not there). */
function stealS(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return Number(cpu[8] ?? 0) / 100;
  } catch {
    return 0;
  }
}

async function startThread(loop: Loop, n: number): Promise<() => Promise<Done>> {
  const w = new Worker(THREAD_JS, { eval: true, workerData: { loop, n } });
  await new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
  return () =>
    new Promise<Done>((resolve, reject) => {
      w.once('message', (d: Done) => {
        void w.terminate();
        resolve(d);
      });
      w.once('error', reject);
      w.postMessage('go');
    });
}

async function startProcess(loop: Loop, n: number): Promise<() => Promise<Done>> {
  const child = spawn(process.execPath, ['-e', PROCESS_JS, loop, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    const onData = (s: string) => {
      out += s;
      if (out.includes('ready\n')) {
        out = '';
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
  });
  return () =>
    new Promise<Done>((resolve, reject) => {
      child.stdout.on('data', (s: string) => {
        out += s;
      });
      child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Done) : reject(new Error(`bench/ceiling: worker process exited with ${code}`))));
      child.stdin.write('go\n');
    });
}

/** One timed run: the work split over `workers`, all started on one signal. */
async function once(mode: Mode, loop: Loop, workers: number, total: number): Promise<{ wallS: number; cpuS: number; stealS: number }> {
  const start = mode === 'threads' ? startThread : startProcess;
  const gos = await Promise.all(Array.from({ length: workers }, () => start(loop, Math.round(total / workers))));
  const s0 = stealS();
  const c0 = process.cpuUsage();
  const done = await Promise.all(gos.map((go) => go()));
  const c = process.cpuUsage(c0);
  const wallS = (Math.max(...done.map((d) => d.end)) - Math.min(...done.map((d) => d.start))) / 1000;
  // Threads: the process's CPU (the main thread only waits); processes: each child's own.
  const cpuS = mode === 'threads' ? (c.user + c.system) / 1e6 : done.reduce((s, d) => s + d.cpuS, 0);
  return { wallS, cpuS, stealS: stealS() - s0 };
}

export interface CeilingRow {
  mode: Mode;
  loop: Loop;
  /** 2 workers' throughput over 1 worker's, per round (1 and 2 alternated within a round). */
  scaling: Spread;
  /** CPU seconds per unit of work on 2 workers over 1 (1.00 = a second core costs nothing extra per unit). */
  cpuPerWork: Spread;
  wallS1: Spread;
  wallS2: Spread;
  /** Steal time (all CPUs, s) during the 2-worker runs. */
  steal2: Spread;
}

export async function benchCeiling(o: {
  quick: boolean;
  log: (line: string) => void;
  loops?: readonly Loop[];
}): Promise<{ rows: CeilingRow[]; loadBefore: string; loadAfter: string }> {
  const { quick, log } = o;
  const rounds = quick ? 2 : 4;
  const two = Math.max(2, Math.min(availableParallelism(), 2));
  const loadBefore = loadLine();
  log(`  ${availableParallelism()} CPUs; 1 vs ${two} workers, ${rounds} rounds alternated (1 2, 2 1, …), ~${quick ? 0.2 : 1} s of work each; ${loadBefore}`);
  const rows: CeilingRow[] = [];
  for (const mode of ['threads', 'processes'] as const) {
    for (const loop of o.loops ?? LOOPS) {
      const total = WORK[loop] * (quick ? 0.2 : 1);
      const r1: Awaited<ReturnType<typeof once>>[] = [];
      const r2: typeof r1 = [];
      for (let r = 0; r < rounds; r++) {
        if (r % 2 === 0) {
          r1.push(await once(mode, loop, 1, total));
          r2.push(await once(mode, loop, two, total));
        } else {
          r2.push(await once(mode, loop, two, total));
          r1.push(await once(mode, loop, 1, total));
        }
      }
      const row: CeilingRow = {
        mode,
        loop,
        scaling: spread(r1.map((a, k) => a.wallS / r2[k].wallS)),
        cpuPerWork: spread(r1.map((a, k) => r2[k].cpuS / a.cpuS)),
        wallS1: spread(r1.map((a) => a.wallS)),
        wallS2: spread(r2.map((a) => a.wallS)),
        steal2: spread(r2.map((a) => a.stealS)),
      };
      rows.push(row);
      log(
        `  ${mode.padEnd(9)} ${loop.padEnd(6)}: ${two} workers ${row.scaling.max.toFixed(2)}× one (median ${row.scaling.median.toFixed(2)}); wall 1: ${row.wallS1.min.toFixed(3)} s, ${two}: ${row.wallS2.min.toFixed(3)} s (best); CPU per unit of work ${row.cpuPerWork.min.toFixed(2)}× (median ${row.cpuPerWork.median.toFixed(2)}); steal ${row.steal2.median.toFixed(2)} s per ${two}-worker run`,
      );
    }
  }
  const loadAfter = loadLine();
  log(`  ${loadAfter}`);
  return { rows, loadBefore, loadAfter };
}

export function ceilingGoals(rows: readonly CeilingRow[], loadBefore: string): BenchGoal[] {
  const alu = rows.find((r) => r.mode === 'threads' && r.loop === 'alu');
  if (!alu) return [];
  const best = Math.max(...rows.map((r) => r.scaling.max));
  return [
    {
      name: 'ceiling: this machine gives ≥ 1.8× from 1 to 2 workers (a precondition of the population and evolution goals)',
      met: best >= 1.8,
      detail: `best ${best.toFixed(2)}×; ${rows.map((r) => `${r.mode} ${r.loop} ${r.scaling.max.toFixed(2)}×`).join(', ')}; started at ${loadBefore}`,
    },
  ];
}

export const suite: BenchSuite = {
  name: 'ceiling',
  description: 'what the machine allows: a trivial allocation-free loop (registers, 256 KiB, 32 MiB) on 1 vs 2 worker threads and processes',
  async run({ quick, log }) {
    const r = await benchCeiling({ quick, log });
    return { data: r, goals: ceilingGoals(r.rows, r.loadBefore) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(machineLine());
  const r = await benchCeiling({ quick: process.argv.includes('--quick'), log: (l) => console.log(l) });
  for (const g of ceilingGoals(r.rows, r.loadBefore)) console.log(`goal: ${g.name}: ${g.met ? 'met' : 'NOT met'} (${g.detail})`);
}
