/**
 * `neuroworm evolve SPEC.yaml`: evolve a circuit's free values (CMA-ES) or
 * its wiring (NEAT) toward what the spec's scenarios expect, in this thread,
 * on worker threads or through a job queue, with a checkpoint every
 * generation. docs/evolution.md.
 */
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CircuitError } from '../circuits/errors';
import { type Evaluator, type EvolveResult, evolve, type GenerationReport, heldOutCheck, type HeldOutRun } from '../evolve/engine';
import { localEvaluator } from '../evolve/local';
import { loadEvolveProblem } from '../evolve/node/load';
import { defaultOutDir, OutputError, outputPaths, prepareOutputs, writeGeneration, writeReport } from '../evolve/node/outputs';
import { threadEvaluator } from '../evolve/node/threads';
import { EvolveSpecError } from '../evolve/spec-parse';
import { ScenarioError } from '../scenario/errors';
import { formatMs } from '../scenario/units';
import type { CliIo } from './io';

export interface EvolveCliDeps {
  /** Progress display: a bar (terminals), plain lines, or nothing; 'auto' picks the bar when stderr is a terminal. */
  progress?: 'auto' | 'bar' | 'lines' | 'none';
  /** Handle Ctrl-C (the real command does; tests do not). */
  signals?: boolean;
}

interface EvolveOpts {
  out?: string;
  workers?: number;
  queue?: string;
  resume?: boolean;
  force?: boolean;
  generations?: number;
}

function intArg(what: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || n < min || n > max) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

const exit = (code: number, id: string) => new CommanderError(code, `neuroworm.evolve.${id}`, '');
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : String(x));

export function evolveCommand(io: CliIo, deps: EvolveCliDeps = {}): Command {
  return new Command('evolve')
    .description('Evolve a circuit toward what scenarios expect: CMA-ES on its free values or NEAT on its wiring (docs/evolution.md).')
    .argument('<spec>', 'evolution spec, e.g. examples/evolve/crawl.evolve.yaml')
    .option('--out <dir>', 'output folder (default: beside the spec, SPEC-NAME.out)')
    .option('--workers <n>', 'worker threads evaluating runs (default: one per CPU core; 1 = this thread)', intArg('--workers', 1, 256))
    .option('--queue <url>', 'evaluate on `neuroworm worker` processes through a Redis job queue, e.g. redis://127.0.0.1:6379')
    .option('--resume', 'continue the run whose checkpoint is in the output folder')
    .option('--force', 'start over in an output folder that holds an earlier run (its files are replaced)')
    .option(
      '--generations <n>',
      'generations to run in all (overrides the spec’s budget; raise it to extend a resumed run)',
      intArg('--generations', 1, 1_000_000),
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ neuroworm evolve examples/evolve/crawl.evolve.yaml --workers 2
  $ neuroworm evolve examples/evolve/crawl.evolve.yaml --resume --generations 200
  $ neuroworm evolve examples/evolve/touch.evolve.yaml --queue redis://10.0.0.5:6379 --out runs/touch

Ctrl-C stops after saving: the best circuit so far stays in the output folder.`,
    )
    .action(async (specPath: string, opts: EvolveOpts) => {
      if (opts.queue !== undefined && opts.workers !== undefined) {
        io.err('neuroworm evolve: give --workers or --queue, not both (queue workers choose their own threads)\n');
        throw exit(2, 'args');
      }
      let problem: ReturnType<typeof loadEvolveProblem>;
      try {
        problem = loadEvolveProblem(specPath);
      } catch (e) {
        if (e instanceof EvolveSpecError || e instanceof CircuitError || e instanceof ScenarioError) {
          io.err(`${e.message}\n`);
          throw exit(2, 'spec');
        }
        throw e;
      }
      if (opts.generations !== undefined) problem.spec.budget.generations = opts.generations;
      const paths = outputPaths(opts.out ?? defaultOutDir(specPath));
      let resume: ReturnType<typeof prepareOutputs>;
      try {
        resume = prepareOutputs(paths, { resume: Boolean(opts.resume), force: Boolean(opts.force) });
      } catch (e) {
        if (e instanceof OutputError) {
          io.err(`neuroworm evolve: ${e.message}\n`);
          throw exit(2, 'out');
        }
        throw e;
      }

      const workers = opts.workers ?? availableParallelism();
      const where = opts.queue !== undefined ? `queue ${opts.queue}` : workers > 1 ? `${workers} worker threads` : 'this thread';
      let evaluator: Evaluator;
      try {
        // The queue's client libraries load only when a queue is asked for.
        evaluator =
          opts.queue !== undefined
            ? await (await import('../evolve/node/queue')).queueEvaluator(opts.queue)
            : workers > 1
              ? threadEvaluator(workers)
              : localEvaluator();
      } catch (e) {
        io.err(`neuroworm evolve: ${(e as Error).message}\n`);
        throw exit(2, 'queue');
      }
      const { spec } = problem;
      io.err(
        `evolve "${spec.name}": ${problem.context.phenotype.genes.length} free values${problem.context.phenotype.topology ? ' and wiring' : ''}, ${spec.optimiser.kind === 'cmaes' ? 'CMA-ES' : 'NEAT'}, ${spec.fitness.scenarios.length} scenario${spec.fitness.scenarios.length === 1 ? '' : 's'} × ${spec.fitness.seeds.length} seed${spec.fitness.seeds.length === 1 ? '' : 's'}, up to ${spec.budget.generations} generations on ${where}${resume ? `, resuming after generation ${resume.log.length}` : ''}\n`,
      );

      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(130);
        io.err('\nstopping: the best circuit so far is kept (Ctrl-C again to quit at once)\n');
        controller.abort('stop');
      };
      if (deps.signals) process.on('SIGINT', onSigint);

      const progress = makeProgress(io, deps.progress ?? 'auto', spec.budget.generations);
      const failures = new Set<string>();
      const started = performance.now();
      let result: EvolveResult;
      let heldOut: HeldOutRun[] = [];
      try {
        result = await evolve(problem, {
          evaluator,
          ...(resume && { resume }),
          signal: controller.signal,
          onRun: (done, total) => progress.run(done, total),
          onGeneration: (g, state) => {
            progress.generation(g);
            for (const f of writeGeneration(paths, problem, state, specPath)) failures.add(f);
          },
        });
        if (result.best && result.status !== 'stopped' && spec.fitness.heldOut.length > 0) {
          progress.note('checking the best circuit on the held-out seeds');
          heldOut = await heldOutCheck(problem, result.best.genome, evaluator);
        }
      } finally {
        progress.stop();
        if (deps.signals) process.off('SIGINT', onSigint);
        await evaluator.close();
      }
      const wallS = (performance.now() - started) / 1000;
      const log = result.state.log;
      const simS = log.slice(resume?.log.length ?? 0).reduce((a, g) => a + g.simSeconds, 0);
      for (const f of writeGeneration(paths, problem, result.state, specPath)) failures.add(f);
      const report = {
        format: 'neuroworm-evolve-report',
        version: 1,
        spec: spec.name,
        status: result.status,
        reason: result.reason,
        generations: log.length,
        evaluations: log.at(-1)?.evaluations ?? 0,
        best: result.best && {
          fitness: result.best.fitness,
          generation: result.best.generation,
          passed: result.best.detail.passed,
          runs: result.best.detail.runs,
        },
        heldOut,
        throughput: {
          where,
          workers: opts.queue !== undefined ? null : workers,
          simulatedSeconds: simS,
          wallSeconds: wallS,
          wormSecondsPerWallSecond: simS / wallS,
        },
      };
      for (const f of writeReport(paths, report)) failures.add(f);

      io.out(`evolve "${spec.name}": ${result.reason} (${result.status})\n`);
      io.out(
        `${log.length} generations, ${report.evaluations} genomes, ${Math.round(simS)} worm-seconds in ${formatMs(Math.round(wallS * 1000))} on ${where}: ${(simS / wallS).toFixed(1)} worm-s per second\n`,
      );
      if (result.best)
        io.out(
          `best fitness ${f4(result.best.fitness)} (generation ${result.best.generation}): ${result.best.detail.passed}/${result.best.detail.runs} selection runs passed\n`,
        );
      if (heldOut.length > 0) {
        const byScenario = new Map<string, HeldOutRun[]>();
        for (const r of heldOut) byScenario.set(r.scenario, [...(byScenario.get(r.scenario) ?? []), r]);
        io.out(`held-out seeds ${[...new Set(heldOut.map((r) => r.seed))].join(', ')}:\n`);
        for (const [name, runs] of byScenario)
          io.out(
            `  ${runs.filter((r) => r.pass).length}/${runs.length} pass  ${name}${
              runs.some((r) => !r.pass)
                ? ` (failed: seed ${runs
                    .filter((r) => !r.pass)
                    .map((r) => r.seed)
                    .join(', ')})`
                : ''
            }\n`,
          );
      }
      io.out(`outputs in ${paths.dir}: best.circuit.json, generations.csv, generations.json, fitness.svg, report.json, checkpoint.json\n`);
      if (failures.size > 0) {
        io.err(
          `neuroworm evolve: ${failures.size} output${failures.size === 1 ? '' : 's'} could not be written:\n${[...failures].map((f) => `  ${f}`).join('\n')}\n`,
        );
        throw exit(1, 'outputs');
      }
    });
}

interface Progress {
  run(done: number, total: number): void;
  generation(g: GenerationReport): void;
  note(text: string): void;
  stop(): void;
}

function makeProgress(io: CliIo, mode: NonNullable<EvolveCliDeps['progress']>, generations: number): Progress {
  const useBar = mode === 'bar' || (mode === 'auto' && Boolean(process.stderr.isTTY));
  const lines = mode === 'lines' || (mode === 'auto' && !useBar);
  const line = (g: GenerationReport) =>
    `generation ${g.generation}/${generations}  best ${f4(g.best)}  median ${f4(g.median)}  best so far ${f4(g.bestEver)}  ${g.sigma !== undefined ? `σ ${g.sigma.toFixed(3)}` : `${g.species} species`}  ${g.unstable ? `${g.unstable} unstable  ` : ''}${formatMs(Math.round(g.wallMs))}`;
  if (!useBar)
    return {
      run: () => undefined,
      generation: (g) => lines && io.err(`${line(g)}\n`),
      note: (t) => lines && io.err(`${t}\n`),
      stop: () => undefined,
    };
  const bar = new cliProgress.SingleBar(
    {
      format: 'generation {gen}/{gens} {bar} {value}/{total} runs | best so far {best} | last: best {last} median {median}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let payload = { gen: 1, gens: generations, best: '—', last: '—', median: '—' };
  return {
    run(done, total) {
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    generation(g) {
      payload = { gen: g.generation + 1, gens: generations, best: f4(g.bestEver), last: f4(g.best), median: f4(g.median) };
      if (started) bar.update(0, payload);
    },
    note(text) {
      if (started) bar.stop();
      started = false;
      io.err(`${text}\n`);
    },
    stop: () => started && bar.stop(),
  };
}
