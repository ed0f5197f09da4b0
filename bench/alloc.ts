/**
 * Bytes allocated per 10 ms step, steady state: the body alone (physics and
 * mechanics, no neurons), the game's `worm` and the connectome worm (whole
 * Simulations). Garbage is what a population worker pays for on V8's helper
 * threads (young-generation collections), so it bounds two-core scaling
 * (docs/benchmarks.md, issue 17).
 *
 * Measured from the heap's growth over chunks of steps with no collection in
 * them (a PerformanceObserver counts collections), median of the chunks: no
 * flags, no profiler. Everything the `neuroworm` command loads is imported
 * first, because V8 shares field representations between object literals of
 * the same shape across the whole process: one `{ x: schema, y: schema }`
 * anywhere made every store into matter-js's `{ x, y }` vectors allocate.
 *
 *   npx tsx bench/alloc.ts [--quick] [--json] [--only worm]   # alone (--json: one line, for a test)
 *   npm run bench -- --only alloc
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createPhysics, stepBodies, WormBody, writeTravellingWave } from '../src/body/index';
import { Simulation } from '../src/sim/simulation';
import { benchCircuit } from './sim';
import type { BenchGoal, BenchSuite } from './suite';

export interface AllocRow {
  what: 'body' | 'worm' | 'connectome';
  /** Median bytes allocated per 10 ms step over the collection-free chunks. */
  bytesPerStep: number;
  /** Chunks measured (of those run: the others saw a collection). */
  chunks: number;
}

/** A `worm` step may allocate this much (it allocated ~63 KB before matter's vectors kept double fields). */
export const WORM_BYTES_GOAL = 4_000;

let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});

/** Median bytes per call of `step` over chunks of `chunk` calls that saw no collection. */
function bytesPerStep(step: () => void, chunk = 50, chunks = 60): { bytes: number; chunks: number } {
  const per: number[] = [];
  for (let c = 0; c < chunks; c++) {
    const seen = collections;
    const h0 = process.memoryUsage().heapUsed;
    for (let s = 0; s < chunk; s++) step();
    const h1 = process.memoryUsage().heapUsed;
    if (collections === seen && h1 >= h0) per.push((h1 - h0) / chunk);
  }
  if (per.length === 0) throw new Error('bench/alloc: every chunk saw a collection; nothing measured');
  per.sort((a, b) => a - b);
  return { bytes: per[Math.floor(per.length / 2)], chunks: per.length };
}

function bodyStepper(): () => void {
  const engine = createPhysics();
  const body = new WormBody(engine, { segments: 20 });
  const act = new Float64Array(40);
  const wave = { frequencyHz: 0.4, wavelength: 0.65, direction: 'head-to-tail' as const };
  let s = 0;
  return () => {
    body.setActivations(writeTravellingWave(act, 20, s++ * 10, wave));
    stepBodies(engine, [body], 10);
  };
}

export async function benchAlloc(o: { quick?: boolean; only?: readonly AllocRow['what'][] } = {}): Promise<AllocRow[]> {
  // The whole command's module graph, so the measurement sees the process a worker or the CLI runs in.
  await import('../src/cli/main');
  observer.observe({ entryTypes: ['gc'] });
  const warm = o.quick ? 600 : 1500;
  const cases: [AllocRow['what'], () => () => void][] = [
    ['body', bodyStepper],
    ['worm', () => sim('worm')],
    ['connectome', () => sim(benchCircuit().circuit)],
  ];
  const rows: AllocRow[] = [];
  for (const [what, make] of cases) {
    if (o.only && !o.only.includes(what)) continue;
    const step = make();
    for (let k = 0; k < warm; k++) step();
    const m = bytesPerStep(step, 50, o.quick ? 20 : 60);
    rows.push({ what, bytesPerStep: m.bytes, chunks: m.chunks });
  }
  observer.disconnect();
  return rows;
}

function sim(circuit: ConstructorParameters<typeof Simulation>[0]['circuit']): () => void {
  const s = new Simulation({ circuit, arena: 'plate', seed: 1 });
  return () => s.step();
}

function goals(rows: readonly AllocRow[]): BenchGoal[] {
  const worm = rows.find((r) => r.what === 'worm');
  return [
    {
      name: `alloc: one \`worm\` step allocates ≤ ${WORM_BYTES_GOAL / 1000} KB`,
      met: worm ? worm.bytesPerStep <= WORM_BYTES_GOAL : null,
      detail: worm ? `${(worm.bytesPerStep / 1000).toFixed(1)} KB per 10 ms step` : 'not run',
    },
  ];
}

const line = (r: AllocRow): string =>
  `  ${r.what.padEnd(10)} ${(r.bytesPerStep / 1000).toFixed(2).padStart(7)} KB per 10 ms step (median of ${r.chunks} chunks)`;

export const suite: BenchSuite = {
  name: 'alloc',
  description: 'bytes allocated per 10 ms step (body alone, the `worm`, the connectome worm), steady state',
  async run({ quick, log }) {
    const rows = await benchAlloc({ quick });
    for (const r of rows) log(line(r));
    return { data: rows, goals: goals(rows) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const k = process.argv.indexOf('--only');
  const only = k > 0 ? (process.argv[k + 1] ?? '').split(',') : undefined;
  const known = ['body', 'worm', 'connectome'];
  const bad = only?.filter((w) => !known.includes(w)) ?? [];
  if (bad.length) throw new Error(`bench/alloc: --only ${bad.join(',')}: unknown case; use ${known.join(', ')} (comma-separated)`);
  const rows = await benchAlloc({ quick: process.argv.includes('--quick'), ...(only && { only: only as AllocRow['what'][] }) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else for (const r of rows) console.log(line(r));
}
