/**
 * The evolution loop: ask the optimiser for a generation, evaluate it through
 * whatever Evaluator the caller gives (this thread, worker threads, a job
 * queue, Web Workers), tell the optimiser, report, checkpoint, repeat until
 * the budget or the target is reached. Headless and browser-safe.
 *
 * Control, for a UI in a Web Worker or the CLI: pass an AbortSignal and abort
 * it with reason 'stop' to end now keeping the best genome found in the
 * generations already finished (status 'stopped'), or with any other reason
 * to cancel (status 'cancelled', no best: the caller's circuit is never
 * touched by the engine, so cancelling leaves it exactly as it was).
 */
import { Cmaes, type CmaesState } from './cmaes';
import { type CircuitDoc, circuitOf } from './adapters';
import { combine, type EvalContext, type EvalJob, type GenomeFitness, genomeJobs, type RunScore } from './fitness';
import { type Genome, valuesOnly } from './genome';
import { Neat, type NeatInit, type NeatState } from './neat';
import { phenotype } from './phenotype';
import { hashText, rngFor } from './seeds';
import type { EvolveSpec } from './spec';

/** Runs evaluation jobs somewhere; results come back in job order. */
export interface Evaluator {
  /** Rejects (with the signal's reason) when the signal aborts. */
  evaluate(ctx: EvalContext, jobs: readonly EvalJob[], opts?: { signal?: AbortSignal; onRun?: (done: number, total: number) => void }): Promise<RunScore[]>;
  close(): Promise<void>;
}

/** What the loader (or a UI) hands the engine: the spec and the evaluation context built from it. */
export interface EvolveProblem {
  spec: EvolveSpec;
  context: EvalContext;
  /** Weight of each scenario of context.scenarios. */
  weights: number[];
}

export interface GenerationReport {
  /** 1-based number of the generation just evaluated. */
  generation: number;
  /** Genomes evaluated so far. */
  evaluations: number;
  best: number;
  median: number;
  mean: number;
  worst: number;
  /** Best fitness of the whole run so far. */
  bestEver: number;
  /** Runs of this generation's best genome that passed every expectation, of its runs. */
  bestPassed: number;
  runs: number;
  /** Runs of this generation that became unstable. */
  unstable: number;
  /** Worm-seconds simulated in this generation. */
  simSeconds: number;
  /** Wall time of the generation's evaluation, ms (the one number that differs between identical runs). */
  wallMs: number;
  /** CMA-ES step size, or NEAT's species count. */
  sigma?: number;
  species?: number;
}

export type SearchState = { kind: 'cmaes'; cmaes: CmaesState } | { kind: 'neat'; neat: NeatState };

export interface BestGenome {
  genome: Genome;
  fitness: number;
  generation: number;
  detail: GenomeFitness;
}

export interface EvolveState {
  format: 'neuroworm-evolve-checkpoint';
  version: 1;
  /** Hash of the problem this state belongs to (a checkpoint of another spec is refused). */
  problem: string;
  search: SearchState;
  best: BestGenome | null;
  log: GenerationReport[];
}

export type EvolveStatus = 'budget' | 'target' | 'converged' | 'stopped' | 'cancelled';

export interface EvolveResult {
  status: EvolveStatus;
  /** Why the run ended, in words. */
  reason: string;
  /** Null when cancelled. */
  best: (BestGenome & { doc: CircuitDoc }) | null;
  state: EvolveState;
}

export interface EvolveOptions {
  evaluator: Evaluator;
  /** Continue from a checkpoint (evolveState of the same problem). */
  resume?: EvolveState;
  /** Abort with reason 'stop' to keep the best so far, with anything else to cancel. */
  signal?: AbortSignal;
  /** After every generation, with the state to checkpoint. Awaited before the next generation starts. */
  onGeneration?(report: GenerationReport, state: EvolveState): void | Promise<void>;
  /** Runs done of the generation being evaluated (progress bars). */
  onRun?(done: number, total: number): void;
  /** Wall clock, ms (tests make it deterministic). */
  now?: () => number;
}

/** Identifies a problem: the spec's search-relevant fields and the evaluation context. */
export function problemHash(p: EvolveProblem): string {
  const { spec } = p;
  return hashText(JSON.stringify([spec.seed, spec.start, spec.optimiser, spec.fitness.seeds, p.weights, p.context.id]));
}

interface Search {
  ask(): Genome[];
  tell(genomes: readonly Genome[], fitness: readonly number[]): void;
  state(): SearchState;
  extra(): { sigma?: number; species?: number };
  stopReason(): string | null;
}

function neatInit(p: EvolveProblem): NeatInit {
  const { spec } = p;
  const ph = p.context.phenotype;
  if (spec.optimiser.kind !== 'neat' || !ph.topology) throw new Error('NEAT needs the neat optimiser and a topology section');
  return {
    settings: spec.optimiser,
    topology: ph.topology,
    baseIds: ph.base.neurons.map((n) => n.id),
    genes: ph.genes.length,
    start: spec.start === 'circuit' ? ph.genes.map((g) => g.current) : null,
    seed: spec.seed,
  };
}

function makeSearch(p: EvolveProblem, saved?: SearchState): Search {
  const { spec } = p;
  const genes = p.context.phenotype.genes;
  if (spec.optimiser.kind === 'cmaes') {
    let es: Cmaes;
    if (saved) {
      if (saved.kind !== 'cmaes') throw new Error('the checkpoint is of a NEAT run, the spec asks for CMA-ES');
      es = Cmaes.restore(saved.cmaes);
    } else {
      const r = rngFor(spec.seed, 0, 2);
      const mean = spec.start === 'circuit' ? genes.map((g) => g.current) : genes.map(() => r.next());
      es = Cmaes.create({
        mean,
        sigma: spec.optimiser.sigma,
        seed: spec.seed,
        ...(spec.optimiser.population !== undefined && { lambda: spec.optimiser.population }),
      });
    }
    return {
      ask: () => es.ask().map(valuesOnly),
      tell: (gs, f) =>
        es.tell(
          gs.map((g) => g.x),
          f.map((v) => -v),
        ),
      state: () => ({ kind: 'cmaes', cmaes: es.state() }),
      extra: () => ({ sigma: es.sigma }),
      stopReason: () => es.stopReason(),
    };
  }
  const init = neatInit(p);
  let neat: Neat;
  if (saved) {
    if (saved.kind !== 'neat') throw new Error('the checkpoint is of a CMA-ES run, the spec asks for NEAT');
    neat = Neat.restore(init, saved.neat);
  } else neat = Neat.create(init);
  return {
    ask: () => neat.ask(),
    tell: (_gs, f) => neat.tell(f),
    state: () => ({ kind: 'neat', neat: neat.state() }),
    extra: () => ({ species: neat.speciesCount }),
    stopReason: () => null,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Evaluate genomes on the selection seeds: their fitness, in order. */
export async function evaluateGenomes(
  p: EvolveProblem,
  genomes: readonly Genome[],
  evaluator: Evaluator,
  seeds: readonly number[] = p.spec.fitness.seeds,
  opts: { signal?: AbortSignal; onRun?: (done: number, total: number) => void } = {},
): Promise<GenomeFitness[]> {
  const per = p.context.scenarios.length * seeds.length;
  const jobs = genomes.flatMap((g) => genomeJobs(g, p.context.scenarios.length, seeds));
  const runs = await evaluator.evaluate(p.context, jobs, opts);
  return genomes.map((g, i) => combine(runs.slice(i * per, (i + 1) * per), p.weights, seeds.length, g.links.length, p.spec.fitness.perLink));
}

/** The circuit document of a genome. */
export function genomeDoc(p: EvolveProblem, g: Genome): CircuitDoc {
  return phenotype(p.context.phenotype, g);
}

function isStop(signal: AbortSignal | undefined): boolean {
  return signal?.reason === 'stop';
}

/** Run the evolution to its end, a stop or a cancel. */
export async function evolve(p: EvolveProblem, opts: EvolveOptions): Promise<EvolveResult> {
  const now = opts.now ?? (() => performance.now());
  const hash = problemHash(p);
  if (opts.resume && opts.resume.problem !== hash)
    throw new Error(
      'the checkpoint belongs to another evolution (its spec, circuit, scenarios or seeds differ); start afresh without --resume, or restore that spec',
    );
  const search = makeSearch(p, opts.resume?.search);
  let best: BestGenome | null = opts.resume?.best ?? null;
  const log: GenerationReport[] = [...(opts.resume?.log ?? [])];
  const state = (): EvolveState => ({ format: 'neuroworm-evolve-checkpoint', version: 1, problem: hash, search: search.state(), best, log: [...log] });
  const finish = (status: EvolveStatus, reason: string): EvolveResult => ({
    status,
    reason,
    best: status === 'cancelled' || !best ? null : { ...best, doc: circuitOf(genomeDoc(p, best.genome)).doc },
    state: state(),
  });
  const { budget } = p.spec;
  for (;;) {
    if (best && budget.target !== undefined && best.fitness >= budget.target)
      return finish('target', `the best fitness ${best.fitness} reached the target ${budget.target}`);
    if (log.length >= budget.generations) return finish('budget', `${budget.generations} generations run`);
    const why = search.stopReason();
    if (why) return finish('converged', why);
    if (opts.signal?.aborted) return isStop(opts.signal) ? finish('stopped', 'stopped') : finish('cancelled', 'cancelled');

    const genomes = search.ask();
    const t0 = now();
    let results: GenomeFitness[];
    try {
      results = await evaluateGenomes(p, genomes, opts.evaluator, p.spec.fitness.seeds, {
        ...(opts.signal && { signal: opts.signal }),
        ...(opts.onRun && { onRun: opts.onRun }),
      });
    } catch (e) {
      if (opts.signal?.aborted) return isStop(opts.signal) ? finish('stopped', 'stopped') : finish('cancelled', 'cancelled');
      throw e;
    }
    const wallMs = now() - t0;
    const fitness = results.map((r) => r.fitness);
    search.tell(genomes, fitness);
    let top = 0;
    for (let i = 1; i < fitness.length; i++) if (fitness[i] > fitness[top]) top = i;
    const generation = log.length + 1;
    if (!best || fitness[top] > best.fitness) best = { genome: genomes[top], fitness: fitness[top], generation, detail: results[top] };
    const report: GenerationReport = {
      generation,
      evaluations: (log.at(-1)?.evaluations ?? 0) + genomes.length,
      best: fitness[top],
      median: median(fitness),
      mean: fitness.reduce((a, b) => a + b, 0) / fitness.length,
      worst: Math.min(...fitness),
      bestEver: best.fitness,
      bestPassed: results[top].passed,
      runs: results[top].runs,
      unstable: results.reduce((a, r) => a + r.unstable, 0),
      simSeconds: results.reduce((a, r) => a + r.simMs, 0) / 1000,
      wallMs,
      ...search.extra(),
    };
    log.push(report);
    await opts.onGeneration?.(report, state());
  }
}

export interface HeldOutRun {
  scenario: string;
  seed: number;
  pass: boolean;
  score: number;
  error?: string;
}

/** The best genome on the held-out seeds: every run, for the report (never used for selection). */
export async function heldOutCheck(
  p: EvolveProblem,
  genome: Genome,
  evaluator: Evaluator,
  seeds: readonly number[] = p.spec.fitness.heldOut,
): Promise<HeldOutRun[]> {
  if (seeds.length === 0) return [];
  const jobs = genomeJobs(genome, p.context.scenarios.length, seeds);
  const runs = await evaluator.evaluate(p.context, jobs);
  return jobs.map((j, i) => ({
    scenario: p.context.scenarios[j.scenario].name,
    seed: j.seed,
    pass: runs[i].pass,
    score: runs[i].score,
    ...(runs[i].error !== undefined && { error: runs[i].error }),
  }));
}
