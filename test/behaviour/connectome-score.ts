/**
 * The score an evolution spec's battery gives a circuit, on the spec's fitness
 * seeds and held-out seeds. To compare a refit's best with today's default on
 * the same battery (docs/biology.md, "Whole worm").
 *
 *   npx tsx test/behaviour/connectome-score.ts SPEC.evolve.yaml [circuit.json]
 *
 * Without a circuit: the spec's start with the genes at their current values
 * (the start of a `start: circuit` run). With one: that circuit exactly as it
 * is, each run scored as evolution scores a run (mean shaped expectation score,
 * src/evolve/fitness.ts), and the runs combined with the spec's scenario
 * weights. (Session 8 passed the circuit through the spec's genes, which clamp
 * each class to one value inside the spec's ranges: another refit's circuit was
 * scored changed, e.g. a negative B tonic current set to 0.)
 *
 * The circuit may be `default` (the importer's defaults) or `model-at:COMMIT`: the importer's output with that commit's class model
 * (worm-model.json), e.g. `model-at:8100102`, session 8's default.
 *
 * SEEDS=1,2,3,4,5 scores on those seeds instead of the spec's fitness and held-out seeds (a report's
 * held-out seeds): the fitness over them and each run's scenario score.
 *
 * Last, the AVA–AVB correlation at rest on each of those seeds (60 s, no touch; Kato et al. 2015:
 * the real pair is anti-correlated): a reported figure, not part of the score, since no scenario
 * metric reads a correlation between two neurons.
 */
import { readFileSync } from 'node:fs';
import { type Circuit, parseCircuit } from '../../src/circuits';
import { circuitOf, runOn } from '../../src/evolve/adapters';
import { evaluateGenomes, heldOutCheck } from '../../src/evolve/engine';
import { expectationScore } from '../../src/evolve/fitness';
import { valuesOnly } from '../../src/evolve/genome';
import { localEvaluator } from '../../src/evolve/local';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { phenotype } from '../../src/evolve/phenotype';
import { avaAvbCorrelation, importWorm, importWormAt } from './connectome-measure';

const [specPath, circuitPath] = process.argv.slice(2);
const problem = loadEvolveProblem(specPath);
const seeds = process.env.SEEDS?.split(',').map(Number);
if (seeds?.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`SEEDS: "${process.env.SEEDS}" is not a list of whole numbers ≥ 0; e.g. SEEDS=1,2,3,4,5`);

type Run = { seed: number; scenario: string; score: number; pass: boolean };

function circuitAt(path: string): Circuit {
  return path === 'default'
    ? importWorm()
    : path.startsWith('model-at:')
      ? importWormAt(path.slice('model-at:'.length))
      : parseCircuit(readFileSync(path, 'utf8'), path);
}

function asItIs(path: string, runSeeds: readonly number[]): { runs: Run[]; fitness: number } {
  const circuit = circuitAt(path);
  const { scenarios, unstable } = problem.context;
  const weights = problem.spec.fitness.scenarios.map((s) => s.weight);
  const runs: Run[] = [];
  let fitness = 0;
  scenarios.forEach((scenario, i) => {
    let sum = 0;
    for (const seed of runSeeds) {
      const r = runOn(circuit, scenario, seed);
      const scores = r.expectations.map(expectationScore);
      const score = r.error !== undefined ? unstable : scores.length === 0 ? 1 : scores.reduce((a, b) => a + b, 0) / scores.length;
      runs.push({ seed, scenario: r.scenario, score, pass: r.pass });
      sum += score;
    }
    fitness += (weights[i] * sum) / runSeeds.length;
  });
  return { runs, fitness: fitness / weights.reduce((a, b) => a + b, 0) };
}

const { fitness: f } = problem.spec;
let runs: Run[];
if (circuitPath) {
  const own = asItIs(circuitPath, seeds ?? f.seeds);
  if (!seeds) {
    console.log(`fitness ${own.fitness.toFixed(4)} (seeds ${f.seeds.join(', ')}), passed ${own.runs.filter((r) => r.pass).length} of ${own.runs.length}`);
    runs = f.heldOut.length > 0 ? asItIs(circuitPath, f.heldOut).runs : [];
  } else runs = own.runs;
} else {
  const genome = valuesOnly(problem.context.phenotype.genes.map((g) => g.current));
  const evaluator = localEvaluator();
  if (!seeds) {
    const [fit] = await evaluateGenomes(problem, [genome], evaluator);
    console.log(`fitness ${fit.fitness.toFixed(4)} (seeds ${f.seeds.join(', ')}), passed ${fit.passed} of ${fit.runs}`);
  }
  runs = await heldOutCheck(problem, genome, evaluator, seeds);
}
for (const r of runs) console.log(`${seeds ? '' : 'held out '}seed ${r.seed}: ${r.scenario}: score ${r.score.toFixed(3)}${r.pass ? ' pass' : ''}`);
if (seeds) {
  const mean = runs.reduce((a, r) => a + r.score, 0) / runs.length;
  console.log(`mean score ${mean.toFixed(4)} over seeds ${seeds.join(', ')}, passed ${runs.filter((r) => r.pass).length} of ${runs.length}`);
}
const scored = circuitPath
  ? circuitAt(circuitPath)
  : circuitOf(phenotype(problem.context.phenotype, valuesOnly(problem.context.phenotype.genes.map((g) => g.current))));
const corrSeeds = seeds ?? (f.heldOut.length > 0 ? f.heldOut : f.seeds);
const corr = corrSeeds.map((s) => avaAvbCorrelation(scored, s, true));
console.log(
  `AVA–AVB correlation at rest (60 s, no touch), seeds ${corrSeeds.join(', ')}: ${corr.map((r) => r.toFixed(2)).join(' ')}; mean ${(corr.reduce((a, b) => a + b, 0) / corr.length).toFixed(2)}`,
);
