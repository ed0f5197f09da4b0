/**
 * Populations on every core: N independent worms (the game's `worm`
 * circuit, a seed each) run whole for the same simulated time, in worker
 * threads (src/sim/population-threads.ts) with 1 and with 2 workers, rounds
 * alternated. Throughput = worm-seconds simulated per wall-second, and per
 * CPU-second of the process (every thread's CPU counts): when other work
 * holds a core, the wall ratio shows what was left of it while CPU per
 * worm-second shows whether the pool itself costs anything. A worm's first
 * ~250 steps (its kernels compile) are part of every run, as in a real
 * population. Goal (issue 16): 2 workers ≥ 1.8× one on 100 worms.
 *
 *   npx tsx bench/population.ts [--quick]
 *   npm run bench -- --only population
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { PopulationSpec } from '../src/sim/population';
import { PopulationPool } from '../src/sim/population-threads';
import { alternateAsync, loadLine, machineLine, type Spread, spread } from './measure';
import type { BenchGoal, BenchSuite } from './suite';

export interface PopulationRow {
  worms: number;
  workers: number;
  /** Worm-seconds simulated per wall-second: min, median, max over the rounds. */
  wormSPerWallS: Spread;
  wormSPerCpuS: Spread;
  /** CPU-seconds per wall-second while it ran: the cores the pool kept busy (V8's compiler and GC threads work beside each worker). */
  coresBusy: Spread;
  /**
   * CPU of every other thread (V8's compile and GC helpers, the main thread)
   * per CPU-second of the worker threads themselves (the `workers` busiest),
   * from Linux's per-thread accounting: what one worker adds beside itself,
   * whatever the load; null where /proc is missing.
   */
  helperShare: Spread | null;
}

export async function benchPopulation(o: {
  quick: boolean;
  log: (line: string) => void;
  circuit?: string;
}): Promise<{ rows: PopulationRow[]; loadBefore: string; loadAfter: string }> {
  const { quick, log } = o;
  const circuit = o.circuit ?? 'worm';
  const counts = quick ? [1, 10] : [1, 10, 100];
  const durationMs = quick ? 2000 : 5000;
  const rounds = quick ? 2 : 3;
  const workerCounts = [1, Math.max(2, Math.min(availableParallelism(), 2))];
  const loadBefore = loadLine();
  log(`  circuit ${circuit}, ${durationMs / 1000} s per worm, ${rounds} rounds alternated; ${loadBefore}`);
  const pools = workerCounts.map((workers) => new PopulationPool({ workers }));
  const rows: PopulationRow[] = [];
  try {
    // Start the threads and let each JIT the simulation before anything is timed.
    const warm: PopulationSpec = { circuit, worms: Array.from({ length: 4 }, (_, k) => ({ seed: 1000 + k })), durationMs: 3000 };
    for (const p of pools) await p.run(warm);
    for (const n of counts) {
      const spec: PopulationSpec = { circuit, worms: Array.from({ length: n }, (_, k) => ({ seed: k + 1 })), durationMs, everyMs: 100 };
      const cases = Object.fromEntries(pools.map((p) => [`${p.workers}`, () => p.run(spec)]));
      const times = await alternateAsync(cases, rounds);
      const wormS = (n * durationMs) / 1000;
      for (const p of pools) {
        const t = times[`${p.workers}`];
        const row: PopulationRow = {
          worms: n,
          workers: p.workers,
          wormSPerWallS: spread(t.map((x) => wormS / x.wallS)),
          wormSPerCpuS: spread(t.map((x) => wormS / x.cpuS)),
          coresBusy: spread(t.map((x) => x.cpuS / x.wallS)),
          helperShare: t.every((x) => x.threadsCpuS.length >= p.workers) ? spread(t.map((x) => helperShare(x.threadsCpuS, p.workers))) : null,
        };
        rows.push(row);
        log(
          `  ${String(n).padStart(3)} worms, ${p.workers} worker${p.workers > 1 ? 's' : ' '}: ${row.wormSPerWallS.max.toFixed(1)} worm-s per wall-s (median ${row.wormSPerWallS.median.toFixed(1)}), ${row.wormSPerCpuS.max.toFixed(1)} per CPU-s (median ${row.wormSPerCpuS.median.toFixed(1)}); ${row.coresBusy.median.toFixed(2)} cores busy (median)${row.helperShare ? `; other threads ${row.helperShare.median.toFixed(3)} CPU-s per worker CPU-s` : ''}`,
        );
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  const loadAfter = loadLine();
  log(`  ${loadAfter}`);
  return { rows, loadBefore, loadAfter };
}

/** CPU of the threads beyond the `workers` busiest, per CPU-second of those. */
function helperShare(threadsCpuS: readonly number[], workers: number): number {
  const own = threadsCpuS.slice(0, workers).reduce((a, b) => a + b, 0);
  const rest = threadsCpuS.slice(workers).reduce((a, b) => a + b, 0);
  return rest / own;
}

function goals(rows: readonly PopulationRow[], loadBefore: string): BenchGoal[] {
  const most = Math.max(...rows.map((r) => r.worms));
  const one = rows.find((r) => r.worms === most && r.workers === 1);
  const two = rows.find((r) => r.worms === most && r.workers > 1);
  if (!one || !two) return [{ name: 'population: 2 workers ≥ 1.8× one', met: null, detail: 'not run' }];
  const wall = two.wormSPerWallS.max / one.wormSPerWallS.max;
  const cpu = two.wormSPerCpuS.max / one.wormSPerCpuS.max;
  // One worker already keeps more than one core busy (V8 compiles each worm's fresh kernels and collects garbage on threads of its own): two cores can then give at most 2 / that.
  const busy = one.coresBusy.median;
  const helpers = one.helperShare
    ? `; beside each worker thread its other threads used ${one.helperShare.median.toFixed(3)} CPU-s per CPU-s (per-thread accounting: load-independent), which alone bounds ${two.workers} cores at ${(two.workers / (1 + one.helperShare.median)).toFixed(2)}×`
    : '';
  return [
    {
      name: `population: ${two.workers} workers ≥ 1.8× one (${most} worms, best rounds)`,
      met: wall >= 1.8,
      detail: `${wall.toFixed(2)}× wall (${one.wormSPerWallS.max.toFixed(1)} → ${two.wormSPerWallS.max.toFixed(1)} worm-s per wall-s); CPU per worm-second ${cpu.toFixed(2)}× (1.00 = the pool costs nothing); one worker kept ${busy.toFixed(2)} cores busy${busy > 1 ? `, so ${two.workers} cores allow at most ${(two.workers / busy).toFixed(2)}×` : ' (less than one: other work held the cores, the wall figures mean little)'}${helpers} (bench/ceiling: what the machine gives a trivial loop); started at ${loadBefore}`,
    },
  ];
}

export const suite: BenchSuite = {
  name: 'population',
  description: 'N independent worms (the game circuit `worm`) on 1 and 2 worker threads: worm-seconds per wall-second and per CPU-second for 1, 10, 100 worms',
  async run({ quick, log }) {
    const r = await benchPopulation({ quick, log });
    return { data: r, goals: goals(r.rows, r.loadBefore) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(machineLine());
  const quick = process.argv.includes('--quick');
  const r = await benchPopulation({ quick, log: (l) => console.log(l) });
  for (const g of goals(r.rows, r.loadBefore)) console.log(`goal: ${g.name}: ${g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met'} (${g.detail})`);
}
