/**
 * `neuroworm experiment run | check`: run an experiment file (groups of
 * individuals in parallel worker threads, the scenario runner's pool), print
 * each group's statistics and each compare's verdict, and write the reports.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { type Experiment, loadExperimentFile } from '../experiment/load';
import { renderExperimentSvg } from '../experiment/plot';

/** The report's kymographs sample the body every 50 ms: a swimming wave (~2 Hz) keeps ten samples a cycle. */
const KYMOGRAPH_EVERY_MS = 50;
import { formatExperiment, toCsv, toExperimentJson, toExperimentJUnit } from '../experiment/report';
import { experimentJobs, summarizeExperiment } from '../experiment/run';
import { toWcon, validateWcon } from '../experiment/wcon';
import type { SimBackend } from '../scenario/backend';
import { displayPath } from '../scenario/discover';
import { DEFAULT_BACKEND_MODULE, defaultWorkers } from '../scenario/pool';
import { preflight } from '../scenario/preflight';
import { formatMs } from '../scenario/units';
import { writeTextFileAtomic } from '../text/files';
import type { CliIo } from './io';
import { type ProgressMode, runJobsWithProgress } from './progress';
import { checkOutputs } from './outputs';
import { allowed, rangeArg } from './ranges';

export interface ExperimentCliDeps {
  /** Module whose `simBackend` runs the worms; tests point it at a test double. */
  backendModule?: string;
  progress?: ProgressMode;
  /** Wall clock, ms (tests make the throughput line deterministic). */
  now?: () => number;
}

interface RunOpts {
  worms?: number;
  workers?: number;
  seed?: number;
  json?: string;
  junit?: string;
  csv?: string;
  report?: string;
  wcon?: string;
  wconEvery: number;
}

const failed = () => new CommanderError(1, 'neuroworm.experiment.failed', '');

/** The file, or exit 2 with every problem at its line. */
function load(file: string, sub: string, io: CliIo): Experiment {
  try {
    return loadExperimentFile(file);
  } catch (e) {
    io.err(`neuroworm experiment ${sub}: ${e instanceof Error ? e.message : String(e)}\n`);
    throw new CommanderError(2, 'neuroworm.experiment.file', '');
  }
}

/** Preflight of every group (circuit, arena, start, neurons, zones) before the first worm runs. */
async function preflightGroups(file: string, exp: Experiment, backendModule: string, sub: string, io: CliIo): Promise<void> {
  const backend = ((await import(backendModule)) as { simBackend: SimBackend }).simBackend;
  const problems: string[] = [];
  for (const g of exp.groups) {
    try {
      preflight(g.scenario, { backend, seed: exp.seed, file });
    } catch (e) {
      problems.push(`group ${g.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (problems.length === 0) return;
  for (const p of problems) io.err(`neuroworm experiment ${sub}: ${p}\n`);
  throw new CommanderError(2, 'neuroworm.experiment.file', '');
}

export function experimentCommand(io: CliIo, deps: ExperimentCliDeps = {}): Command {
  const backendModule = deps.backendModule ?? DEFAULT_BACKEND_MODULE;
  const cmd = new Command('experiment')
    .description('Run experiments: a control beside its treatments, each a population of individuals, compared with statistics (docs/experiments.md).')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride();

  cmd
    .command('run')
    .description('Run an experiment file; print each group’s statistics and each compare’s verdict; exit 1 if a compare fails.')
    .argument('<file>', 'an experiment file (*.experiment.yaml)')
    .option('--worms <n>', `individuals per group (default: the file’s worms), ${allowed('experiment run --worms')}`, rangeArg('experiment run --worms'))
    .option(
      '--workers <k>',
      `parallel worker threads (default: one per CPU core; 1 = this thread), ${allowed('scenario run --workers')}`,
      rangeArg('scenario run --workers'),
    )
    .option('--seed <n>', `first seed (default: the file’s), ${allowed('experiment run --seed')}`, rangeArg('experiment run --seed'))
    .option('--json <file>', 'write the JSON report (every worm’s values, the statistics, the compares)')
    .option('--junit <file>', 'write JUnit XML (a testcase per compare)')
    .option('--csv <file>', 'write tidy CSV: one row per worm per measure (R, pandas)')
    .option('--report <dir>', 'write report.svg and report.html: the groups’ dot and box plots, the tracks of every worm, the compares')
    .option('--wcon <dir>', 'write each group’s body points as WCON 1.0 (GROUP.wcon)')
    .option('--wcon-every <ms>', `interval of the WCON body points, ${allowed('experiment run --wcon-every')}`, rangeArg('experiment run --wcon-every'), 100)
    .addHelpText(
      'after',
      `
Examples:
  $ neuroworm experiment run examples/experiments/ava-ablation.experiment.yaml
  $ neuroworm experiment run examples/experiments/ava-ablation.experiment.yaml --worms 20 --workers 2 --report out/ava --csv out/ava.csv
  $ neuroworm experiment run my.experiment.yaml --json out/r.json --junit out/r.xml --wcon out/wcon`,
    )
    .action(async (file: string, opts: RunOpts) => {
      const exp = load(file, 'run', io);
      checkOutputs(
        'neuroworm experiment run',
        [
          opts.json !== undefined ? { flag: '--json', path: opts.json, kind: 'file' } : undefined,
          opts.junit !== undefined ? { flag: '--junit', path: opts.junit, kind: 'file' } : undefined,
          opts.csv !== undefined ? { flag: '--csv', path: opts.csv, kind: 'file' } : undefined,
          opts.report !== undefined ? { flag: '--report', path: opts.report, kind: 'folder' } : undefined,
          opts.wcon !== undefined ? { flag: '--wcon', path: opts.wcon, kind: 'folder' } : undefined,
        ],
        [file],
        io,
      );
      await preflightGroups(file, exp, backendModule, 'run', io);
      const shape = {
        ...(opts.worms !== undefined && { worms: opts.worms }),
        ...(opts.seed !== undefined && { seed: opts.seed }),
        ...(opts.wcon !== undefined && { poseEveryMs: opts.wconEvery }),
        ...(opts.report !== undefined && { kymographEveryMs: KYMOGRAPH_EVERY_MS }),
      };
      const jobs = experimentJobs(file, exp, shape);
      const workers = Math.min(opts.workers ?? defaultWorkers(jobs.length), jobs.length);
      const now = deps.now ?? (() => performance.now());
      const t0 = now();
      const results = await runJobsWithProgress(jobs, {
        workers,
        backendModule,
        io,
        ...(deps.progress !== undefined && { mode: deps.progress }),
        unit: 'worms',
        describe: (r) => `${r.group} seed ${r.seed}${r.error !== undefined || r.report?.error !== undefined ? ' ERROR' : ''}`,
        lineEvery: 10,
      });
      const wallMs = now() - t0;
      const r = summarizeExperiment(displayPath(file), exp, results, shape);

      // The summary first: an output that cannot be written must not hide what the worms did.
      io.out(formatExperiment(r));
      io.out(
        `${jobs.length} worms, ${(r.simMs / 1000).toFixed(1)} worm-s in ${formatMs(Math.round(wallMs))} with ${workers} worker${workers === 1 ? '' : 's'}: ${(r.simMs / Math.max(1, wallMs)).toFixed(1)} worm-s per wall-s\n`,
      );
      const unwritten: string[] = [];
      const write = (what: string, path: string, text: () => string) => {
        try {
          writeTextFileAtomic(path, text());
        } catch (e) {
          unwritten.push(`could not write the ${what} ${path} (${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))})`);
        }
      };
      const folder = (dir: string, fill: () => void) => {
        try {
          mkdirSync(dir, { recursive: true });
        } catch (e) {
          return void unwritten.push(`could not make the folder ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
        fill();
      };
      if (opts.json !== undefined) write('JSON report', opts.json, () => `${JSON.stringify(toExperimentJson(r), null, 2)}\n`);
      if (opts.junit !== undefined) write('JUnit report', opts.junit, () => toExperimentJUnit(r, `npx neuroworm experiment run ${displayPath(file)}`));
      if (opts.csv !== undefined) write('CSV', opts.csv, () => toCsv(r));
      if (opts.report !== undefined) {
        const dir = opts.report;
        folder(dir, () => {
          const svg = renderExperimentSvg(r, results);
          write('report picture', join(dir, 'report.svg'), () => svg);
          write('report page', join(dir, 'report.html'), () => reportHtml(r.name, svg));
        });
      }
      if (opts.wcon !== undefined) {
        const dir = opts.wcon;
        folder(dir, () => {
          for (const g of exp.groups)
            write('WCON file', join(dir, `${g.name}.wcon`), () => {
              const doc = toWcon(
                exp.name,
                g.name,
                results.filter((x) => x.group === g.name),
                { name: 'neuroworm', version: packageJson.version },
              );
              const problems = validateWcon(doc);
              if (problems.length) throw new Error(`not valid WCON: ${problems.slice(0, 3).join('; ')}`);
              return `${JSON.stringify(doc)}\n`;
            });
        });
      }
      for (const u of unwritten) io.err(`neuroworm experiment run: ${u}\n`);
      if (!r.pass || unwritten.length > 0) throw failed();
    });

  cmd
    .command('check')
    .description(
      'Check an experiment file without running it: the format, every group’s scenario, the measures and compares, and everything a run checks before its first step.',
    )
    .argument('<file>', 'an experiment file')
    .addHelpText('after', '\nExamples:\n  $ neuroworm experiment check examples/experiments/ava-ablation.experiment.yaml')
    .action(async (file: string) => {
      const exp = load(file, 'check', io);
      await preflightGroups(file, exp, backendModule, 'check', io);
      io.out(
        `ok    ${displayPath(file)}  (${exp.name}: groups ${exp.groups.map((g) => g.name).join(', ')}; measures ${exp.measures.join(', ')}; ${exp.compare.length} compare${exp.compare.length === 1 ? '' : 's'}; ${exp.worms} worms per group)\n`,
      );
    });
  return cmd;
}

/** A page around the SVG, self-contained (no scripts, no links). */
function reportHtml(name: string, svg: string): string {
  const title = name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body style="margin:16px;font-family:Helvetica,Arial,sans-serif">\n${svg}</body></html>\n`;
}
