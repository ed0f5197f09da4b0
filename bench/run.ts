/**
 * `npm run bench`: every benchmark suite in one readable report, and the
 * numbers in bench/results/latest.json (not committed). What each suite
 * measures and the goals: docs/benchmarks.md.
 *
 *   npm run bench                         # all suites
 *   npm run bench -- --quick              # shorter runs (smoke test; rougher numbers; no Brian2)
 *   npm run bench -- --only cuba          # one suite (repeat or comma-separate for more)
 *   npm run bench -- --only cuba --no-brian2
 *
 * A suite is a module exporting `suite: BenchSuite` (bench/suite.ts). Add one
 * with one line in SUITES; `optional` ones are skipped when their file is not
 * there yet (benches other branches add).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLine, machine as probeMachine, machineLine } from './measure';
import type { BenchGoal, BenchSuite } from './suite';

interface SuiteEntry {
  name: string;
  load: () => Promise<BenchSuite | null>;
}

type BenchModule = Record<string, unknown> & { suite?: BenchSuite };

/**
 * A bench module that may not exist on this branch yet: loaded by path (so the
 * type-checker does not require it) and skipped when absent. It should export
 * `suite`; `adapt` wraps a module that predates that convention.
 */
function optional(name: string, file: string, adapt?: (mod: BenchModule) => BenchSuite | null): SuiteEntry {
  return {
    name,
    load: async () => {
      const url = new URL(file, import.meta.url);
      let mod: BenchModule;
      try {
        mod = (await import(url.href)) as BenchModule;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (e as Error).message.includes(fileURLToPath(url))) return null;
        throw e;
      }
      const suite = mod.suite ?? adapt?.(mod) ?? null;
      if (!suite) console.log(`(bench/${file.slice(2)} exports no \`suite: BenchSuite\` (bench/suite.ts); skipped)`);
      return suite;
    },
  };
}

/** bench/body.ts (body branch) exports benchBody(options) → rows; shown as a table. */
function adaptBody(mod: BenchModule): BenchSuite | null {
  const benchBody = mod.benchBody;
  if (typeof benchBody !== 'function') return null;
  return {
    name: 'body',
    description: 'worm body physics: simulated seconds per wall second for 1, 10 and 50 bodies',
    run({ quick, log }) {
      const rows = (benchBody as (o: object) => Array<Record<string, unknown>>)(quick ? { simulatedS: 1 } : {});
      for (const row of rows)
        log(
          `  ${Object.entries(row)
            .map(([k, v]) => `${k} ${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}`)
            .join(', ')}`,
        );
      return { data: rows, goals: [] };
    },
  };
}

const SUITES: SuiteEntry[] = [
  { name: 'ceiling', load: async () => (await import('./ceiling')).suite },
  { name: 'neural', load: async () => (await import('./neural')).suite },
  { name: 'models', load: async () => (await import('./models')).suite },
  { name: 'plasticity', load: async () => (await import('./plasticity')).suite },
  { name: 'cuba', load: async () => (await import('./cuba')).suite },
  optional('body', './body.ts', adaptBody),
  { name: 'sim', load: async () => (await import('./sim')).suite },
  { name: 'alloc', load: async () => (await import('./alloc')).suite },
  { name: 'population', load: async () => (await import('./population')).suite },
  { name: 'evolve', load: async () => (await import('./evolve')).suite },
];

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null; rest: string[] } {
  let quick = false;
  const only: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--quick') quick = true;
    else if (a === '--only') {
      const value = argv[++k];
      if (!value) throw new Error('--only needs a suite name');
      only.push(...value.split(',').filter(Boolean));
    } else if (a.startsWith('--only=')) only.push(...a.slice(7).split(',').filter(Boolean));
    else if (a === '--help' || a === '-h') {
      console.log(
        `usage: npm run bench -- [--quick] [--only NAME[,NAME]] [suite flags]\nsuites: ${SUITES.map((s) => s.name).join(', ')}\nsuite flags: --no-brian2, --brian2 (cuba); --no-crawl (evolve: throughput only)`,
      );
      process.exit(0);
    } else rest.push(a);
  }
  const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; suites: ${SUITES.map((s) => s.name).join(', ')}`);
  return { quick, only: only.length ? only : null, rest };
}

function mark(g: BenchGoal): string {
  return g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met';
}

async function main(): Promise<void> {
  const { quick, only, rest } = parseArgs(process.argv.slice(2));
  const started = new Date();
  const probed = probeMachine();
  const machine = { node: probed.node, cpus: probed.cpus, cpu: probed.cpu, loadavgBefore: probed.loadavg };
  console.log(`neuroworm bench ${started.toISOString()}${quick ? ' (quick)' : ''}`);
  console.log(machineLine(probed));
  console.log('Other processes skew absolute numbers: compare ratios measured in the same run, and rerun on a quiet machine.');

  const report: Record<string, { description: string; seconds: number; data: unknown; goals: BenchGoal[] }> = {};
  const skipped: string[] = [];
  for (const entry of SUITES) {
    if (only && !only.includes(entry.name)) continue;
    const suite = await entry.load();
    if (!suite) {
      skipped.push(entry.name);
      continue;
    }
    console.log(`\n== ${suite.name}: ${suite.description}`);
    console.log(`  (${loadLine()})`);
    const t0 = performance.now();
    const result = await suite.run({ quick, log: (line) => console.log(line), args: rest });
    report[suite.name] = { description: suite.description, seconds: (performance.now() - t0) / 1000, ...result };
  }

  const goals = Object.entries(report).flatMap(([name, r]) => r.goals.map((g) => ({ suite: name, ...g })));
  console.log('\n== goals');
  for (const g of goals) console.log(`  ${mark(g).padEnd(12)} ${g.name} — ${g.detail}`);
  if (skipped.length) console.log(`  (suites not on this branch yet: ${skipped.join(', ')})`);
  const loadavgAfter = loadavg();
  console.log(`load average after: ${loadavgAfter.map((x) => x.toFixed(2)).join(' ')}`);

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}latest.json`;
  writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), quick, machine: { ...machine, loadavgAfter }, suites: report, goals }, null, 2)}\n`);
  console.log(`results: ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
