/**
 * The output folder of `neuroworm evolve` (Node): the best circuit so far,
 * the generation log (CSV and JSON), the fitness curve (SVG), the final
 * report and the checkpoint, each written atomically (src/text/files.ts's
 * writeTextFileAtomic), so an interrupted run leaves whole files.
 * One failed output does not stop the others: failures are returned.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeTextFileAtomic } from '../../text/files';
import { circuitOf, circuitText } from '../adapters';
import { type EvolveProblem, type EvolveState, genomeDoc } from '../engine';
import { fitnessSvg, logCsv } from '../log';

export interface OutputPaths {
  dir: string;
  checkpoint: string;
  best: string;
  csv: string;
  json: string;
  svg: string;
  report: string;
}

export function outputPaths(dir: string): OutputPaths {
  return {
    dir,
    checkpoint: join(dir, 'checkpoint.json'),
    best: join(dir, 'best.circuit.json'),
    csv: join(dir, 'generations.csv'),
    json: join(dir, 'generations.json'),
    svg: join(dir, 'fitness.svg'),
    report: join(dir, 'report.json'),
  };
}

/** The default output folder: beside the spec, named after it (crawl.evolve.yaml → crawl.out). */
export function defaultOutDir(specPath: string): string {
  return join(
    dirname(specPath),
    `${basename(specPath)
      .replace(/\.evolve\.(ya?ml|json)$/i, '')
      .replace(/\.(ya?ml|json)$/i, '')}.out`,
  );
}

/** A problem with the output folder, found before any work. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * Make the folder ready: refuse a file in its place, refuse to start over an
 * earlier run unless forced (its files would be lost), and read the
 * checkpoint when resuming.
 */
export function prepareOutputs(paths: OutputPaths, opts: { resume: boolean; force: boolean }): EvolveState | undefined {
  if (existsSync(paths.dir) && !statSync(paths.dir).isDirectory()) throw new OutputError(`${paths.dir} is a file; --out needs a folder`);
  try {
    mkdirSync(paths.dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot make the output folder ${paths.dir}: ${(e as Error).message}`);
  }
  const has = existsSync(paths.checkpoint);
  if (opts.resume) {
    if (!has) throw new OutputError(`there is no checkpoint to resume in ${paths.dir} (expected ${paths.checkpoint}); run without --resume to start`);
    let state: EvolveState;
    try {
      state = JSON.parse(readFileSync(paths.checkpoint, 'utf8')) as EvolveState;
    } catch (e) {
      throw new OutputError(`${paths.checkpoint} is not a readable checkpoint (${(e as Error).message}); start afresh with --force`);
    }
    if (state?.format !== 'neuroworm-evolve-checkpoint' || state.version !== 1)
      throw new OutputError(`${paths.checkpoint} is not a neuroworm evolve checkpoint of version 1; start afresh with --force`);
    return state;
  }
  if (has && !opts.force)
    throw new OutputError(
      `${paths.dir} already holds a run (${paths.checkpoint}); use --resume to continue it, --force to start over (its files are replaced), or --out for another folder`,
    );
  return undefined;
}

function attempt(failures: string[], path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    failures.push(`${path}: ${(e as Error).message}`);
  }
}

/** The best circuit as a file: the base circuit's name and a description of where it came from. */
export function bestCircuitText(p: EvolveProblem, state: EvolveState, specFile: string): string | null {
  if (!state.best) return null;
  const doc = genomeDoc(p, state.best.genome);
  const base = p.context.phenotype.base;
  doc.name = `${base.name ?? 'circuit'} (evolved)`.slice(0, 200);
  doc.description =
    `Evolved by neuroworm evolve from ${basename(specFile)} ("${p.spec.name}", seed ${p.spec.seed}): generation ${state.best.generation}, fitness ${state.best.fitness}. ${base.description ?? ''}`.trim();
  return circuitText(circuitOf(doc, 'evolved circuit'));
}

/** Everything a finished generation leaves: checkpoint first, then best circuit, log and curve. Returns the outputs that failed. */
export function writeGeneration(paths: OutputPaths, p: EvolveProblem, state: EvolveState, specFile: string): string[] {
  const failures: string[] = [];
  attempt(failures, paths.checkpoint, () => writeTextFileAtomic(paths.checkpoint, `${JSON.stringify(state)}\n`));
  attempt(failures, paths.best, () => {
    const text = bestCircuitText(p, state, specFile);
    if (text !== null) writeTextFileAtomic(paths.best, text);
  });
  attempt(failures, paths.csv, () => writeTextFileAtomic(paths.csv, logCsv(state.log)));
  attempt(failures, paths.json, () =>
    writeTextFileAtomic(paths.json, `${JSON.stringify({ format: 'neuroworm-evolve-log', version: 1, spec: p.spec.name, generations: state.log }, null, 1)}\n`),
  );
  attempt(failures, paths.svg, () => writeTextFileAtomic(paths.svg, fitnessSvg(state.log, p.spec.name)));
  return failures;
}

export function writeReport(paths: OutputPaths, report: unknown): string[] {
  const failures: string[] = [];
  attempt(failures, paths.report, () => writeTextFileAtomic(paths.report, `${JSON.stringify(report, null, 2)}\n`));
  return failures;
}
