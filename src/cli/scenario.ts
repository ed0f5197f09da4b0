/**
 * `neuroworm scenario run | check | record`: run scenario files headless (in
 * parallel worker threads), validate them, or make one from a game recording.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readTextFile, writeTextFileAtomic } from '../text/files';
import { checkOutputs } from './outputs';
import { allowed, rangeArg } from './ranges';
import { basename, join } from 'node:path';
import { DiscoveryError, displayPath, findScenarioFiles } from '../scenario/discover';
import type { Job } from '../scenario/jobs';
import { loadScenarioFile, parseScenario } from '../scenario/load';
import { DEFAULT_BACKEND_MODULE, defaultWorkers } from '../scenario/pool';
import { checkEdits, preflight } from '../scenario/preflight';
import type { SimBackend } from '../scenario/backend';
import { recordToYaml } from '../scenario/record';
import type { JobResult } from '../scenario/report';
import { failureMessage, formatTable, jobPassed, toJsonReport, toJUnit } from '../scenario/report';
import { formatMs, parseTimeMs } from '../scenario/units';
import type { CliIo } from './io';
import { type ProgressMode, runJobsWithProgress } from './progress';
import { plural } from '../text/plural';

export interface ScenarioCliDeps {
  /** Module whose `simBackend` runs the scenarios; tests point it at a test double. */
  backendModule?: string;
  /** Progress display: a bar (terminals), plain lines, or nothing; 'auto' picks the bar when stderr is a terminal. */
  progress?: ProgressMode;
  /** Called when the runs are done, before the reports are written (tests change the disk under the command here). */
  afterRun?: () => void;
}

/** --duration: a time such as 30s (or a number of ms) in its range. */
function durationArg(v: string): number {
  const r = parseTimeMs(/^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
  if (!r.ok) throw new InvalidArgumentError(`--duration "${v}": not a time; write e.g. 30s or 30000 (ms), at most 1 h`);
  return rangeArg('scenario record --duration')(String(r.value));
}

/** The command to rerun one run exactly. */
export function reproduceCommand(r: Pick<JobResult, 'file' | 'seed'>): string {
  return `npx neuroworm scenario run ${displayPath(r.file)} --seed ${r.seed}`;
}

function failed(): CommanderError {
  return new CommanderError(1, 'neuroworm.scenario.failed', '');
}

function slug(s: string): string {
  return (
    s
      .replace(/\.scenario\.(ya?ml|json)$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}

export function scenarioCommand(io: CliIo, deps: ScenarioCliDeps = {}): Command {
  const cmd = new Command('scenario')
    .description('Run, check and record scenario files: scripted experiments on the worm with expectations (docs/scenarios.md).')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride();

  cmd
    .command('run')
    .description('Run scenario files and folders headless; exit 1 if any expectation fails.')
    .argument('<paths...>', 'scenario files, or folders searched for *.scenario.yaml|yml|json')
    .option('--seed <n>', `seed for every scenario (default: each file\u2019s own seed), ${allowed('scenario --seed')}`, rangeArg('scenario --seed'))
    .option(
      '--repeat <k>',
      `run each scenario with K seeds (seed, seed+1, …) and report pass rates, ${allowed('scenario run --repeat')}`,
      rangeArg('scenario run --repeat'),
      1,
    )
    .option(
      '--workers <w>',
      `parallel worker threads (default: one per CPU core; 1 = run in this thread), ${allowed('scenario run --workers')}`,
      rangeArg('scenario run --workers'),
    )
    .option('--json <file>', 'write a JSON report')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--plot <dir>', 'write an SVG per run: the path with pokes and events, and traces of the scenario\u2019s plot.neurons')
    .addHelpText(
      'after',
      `
Examples:
  $ neuroworm scenario run test/scenarios
  $ neuroworm scenario run test/scenarios/touch-anterior.scenario.yaml --seed 3
  $ neuroworm scenario run test/scenarios --repeat 5 --workers 2 --junit out/scenarios.xml
  $ neuroworm scenario run test/scenarios/habituation.scenario.yaml --plot out/plots --json out/report.json`,
    )
    .action(async (paths: string[], opts: { seed?: number; repeat: number; workers?: number; json?: string; junit?: string; plot?: string }) => {
      const files = discover('run', paths, io);
      checkOutputs(
        'neuroworm scenario run',
        [
          opts.json !== undefined ? { flag: '--json', path: opts.json, kind: 'file' } : undefined,
          opts.junit !== undefined ? { flag: '--junit', path: opts.junit, kind: 'file' } : undefined,
          opts.plot !== undefined ? { flag: '--plot', path: opts.plot, kind: 'folder' } : undefined,
        ],
        files,
        io,
      );
      const early: JobResult[] = [];
      const jobs: Job[] = [];
      for (const file of files) {
        try {
          const s = loadScenarioFile(file);
          const base = opts.seed ?? s.seed;
          for (let k = 0; k < opts.repeat; k++) jobs.push({ file, seed: (base + k) >>> 0, plot: opts.plot !== undefined });
        } catch (e) {
          early.push({ file, name: basename(file), seed: opts.seed ?? 0, error: e instanceof Error ? e.message : String(e) });
        }
      }
      const started = performance.now();
      const workers = opts.workers ?? defaultWorkers(jobs.length);
      const results = [
        ...early,
        ...(await runJobsWithProgress(jobs, {
          workers,
          ...(deps.backendModule !== undefined && { backendModule: deps.backendModule }),
          io,
          ...(deps.progress !== undefined && { mode: deps.progress }),
          unit: 'scenarios',
          describe: (r) => `${r.error !== undefined ? 'ERROR' : jobPassed(r) ? 'PASS' : 'FAIL'} ${r.name} [seed ${r.seed}]`,
          lineSuffix: (r) => (r.report ? ` ${formatMs(Math.round(r.report.wallMs))}` : ''),
        })),
      ];
      const elapsed = performance.now() - started;
      deps.afterRun?.();

      // The summary first: a report that cannot be written must not hide what the runs found.
      io.out(formatTable(results.map((r) => ({ ...r, file: displayPath(r.file) }))));
      io.out(`wall time ${formatMs(Math.round(elapsed))} with ${Math.min(workers, Math.max(1, jobs.length))} worker${workers === 1 ? '' : 's'}\n`);
      const bad = results.filter((r) => !jobPassed(r));
      for (const r of bad) io.out(`\n${failureMessage({ ...r, file: displayPath(r.file) }, reproduceCommand(r))}\n`);

      const unwritten: string[] = [];
      const write = (what: string, path: string, text: () => string) => {
        try {
          writeTextFileAtomic(path, text());
        } catch (e) {
          unwritten.push(`could not write the ${what} ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
      };
      if (opts.plot !== undefined) {
        const dir = opts.plot;
        try {
          mkdirSync(dir, { recursive: true });
          for (const r of results) if (r.svg) write('plot', join(dir, `${slug(basename(r.file))}-seed${r.seed}.svg`), () => r.svg ?? '');
        } catch (e) {
          unwritten.push(`could not make the plot folder ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
      }
      if (opts.json !== undefined) write('JSON report', opts.json, () => `${JSON.stringify(toJsonReport(results), null, 2)}\n`);
      if (opts.junit !== undefined) write('JUnit report', opts.junit, () => toJUnit(results, reproduceCommand));
      for (const u of unwritten) io.err(`neuroworm scenario run: ${u}\n`);
      if (bad.length > 0 || unwritten.length > 0) throw failed();
    });

  cmd
    .command('check')
    .description(
      'Check scenario files without running them: everything run checks before its first step (format, fields, labels, windows, circuit, arena, start, neurons, zones) and every set, ablate and cut of the timeline.',
    )
    .argument('<paths...>', 'scenario files or folders')
    .addHelpText('after', '\nExamples:\n  $ neuroworm scenario check test/scenarios\n  $ neuroworm scenario check my.scenario.yaml')
    .action(async (paths: string[]) => {
      let bad = 0;
      const files = discover('check', paths, io);
      const backend = ((await import(deps.backendModule ?? DEFAULT_BACKEND_MODULE)) as { simBackend: SimBackend }).simBackend;
      for (const f of files) {
        try {
          const s = loadScenarioFile(f);
          // Everything run checks before its first step, plus the edits (set, ablate, cut) the timeline makes.
          checkEdits(s, preflight(s, { backend, seed: s.seed, file: f }), f);
          io.out(
            `ok    ${displayPath(f)}  (${s.name}: ${plural(s.timeline.length, 'action')}, ${plural(s.expect.length, 'expectation')}, ${formatMs(s.durationMs)})\n`,
          );
        } catch (e) {
          bad++;
          io.out(`error ${e instanceof Error ? e.message : String(e)}\n`);
        }
      }
      if (bad > 0) throw failed();
    });

  cmd
    .command('record')
    .description('Turn a recording of player actions from the game (JSON) into a scenario file.')
    .argument('<recording>', 'JSON: [{atMs, action, ...}] or {circuit?, arena?, seed?, medium?, worm?, durationMs?, actions: [...]}')
    .option('-o, --out <file>', 'write the scenario here (default: print it)')
    .option('--force', 'overwrite --out if it exists')
    .option('--name <name>', 'scenario name (default: the recording\u2019s file name)')
    .option('--circuit <circuit>', 'circuit name or file (default: the recording\u2019s, else worm)')
    .option('--arena <arena>', 'built-in arena name (default: the recording\u2019s)')
    .option('--seed <n>', `seed (default: the recording\u2019s, else 1), ${allowed('scenario --seed')}`, rangeArg('scenario --seed'))
    .addOption(new Option('--medium <medium>', 'starting medium').choices(['agar', 'water']))
    .option('--duration <time>', 'run length, e.g. 30s (default: 5 s after the last action), at most 1 h', durationArg)
    .addHelpText(
      'after',
      `
Examples:
  $ neuroworm scenario record play.json
  $ neuroworm scenario record play.json -o test/scenarios/my-play.scenario.yaml --circuit touch-withdrawal --duration 20s`,
    )
    .action(
      (
        input: string,
        opts: { out?: string; force?: boolean; name?: string; circuit?: string; arena?: string; seed?: number; medium?: 'agar' | 'water'; duration?: number },
      ) => {
        checkOutputs('neuroworm scenario record', [opts.out !== undefined ? { flag: '--out', path: opts.out, kind: 'file' } : undefined], [input], io);
        const text = readTextFile(input, 'recording');
        const yaml = recordToYaml(
          text,
          {
            name: opts.name ?? basename(input).replace(/\.json$/i, ''),
            ...(opts.circuit !== undefined && { circuit: opts.circuit }),
            ...(opts.arena !== undefined && { arena: opts.arena }),
            ...(opts.seed !== undefined && { seed: opts.seed }),
            ...(opts.medium !== undefined && { medium: opts.medium }),
            ...(opts.duration !== undefined && { durationMs: opts.duration }),
          },
          input,
        );
        parseScenario(yaml, `${input} (as a scenario)`); // what we write must load
        if (opts.out === undefined) return void io.out(yaml);
        if (existsSync(opts.out) && !opts.force) {
          io.err(`neuroworm scenario record: ${opts.out} exists; use --force to overwrite it\n`);
          throw failed();
        }
        writeFileSync(opts.out, yaml);
        io.err(`wrote ${opts.out}\n`);
      },
    );

  return cmd;
}

/** The scenario files PATHS name; exits 2 with the reason when a path is wrong. */
function discover(sub: string, paths: string[], io: CliIo): string[] {
  try {
    return findScenarioFiles(paths);
  } catch (e) {
    if (!(e instanceof DiscoveryError)) throw e;
    io.err(`neuroworm scenario ${sub}: ${e.message}\n`);
    throw new CommanderError(2, 'neuroworm.scenario.paths', e.message);
  }
}
