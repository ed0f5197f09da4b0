/**
 * The score an evolution spec's battery gives a circuit as it is (the genes at
 * their current values: the start of a `start: circuit` run), on the spec's
 * fitness seeds and held-out seeds. To compare a refit's best with today's
 * default on the same battery (docs/biology.md, "Whole worm").
 *
 *   npx tsx test/behaviour/connectome-score.ts SPEC.evolve.yaml [circuit.json]
 *
 * SEEDS=1,2,3,4,5 scores on those seeds instead of the spec's fitness and held-out seeds (a report's
 * held-out seeds): the fitness over them and each run's scenario score.
 */
import { readFileSync } from 'node:fs';
import { parseCircuit } from '../../src/circuits';
import { evaluateGenomes, heldOutCheck } from '../../src/evolve/engine';
import { valuesOnly } from '../../src/evolve/genome';
import { localEvaluator } from '../../src/evolve/local';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { buildProblem } from '../../src/evolve/problem';

const [specPath, circuitPath] = process.argv.slice(2);
const loaded = loadEvolveProblem(specPath);
const problem = circuitPath ? buildProblem(loaded.spec, parseCircuit(readFileSync(circuitPath, 'utf8'), circuitPath), loaded.context.scenarios) : loaded;
const seeds = process.env.SEEDS?.split(',').map(Number);
if (seeds?.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`SEEDS: "${process.env.SEEDS}" is not a list of whole numbers ≥ 0; e.g. SEEDS=1,2,3,4,5`);
const genome = valuesOnly(problem.context.phenotype.genes.map((g) => g.current));
const evaluator = localEvaluator();
if (!seeds) {
  const [fit] = await evaluateGenomes(problem, [genome], evaluator);
  console.log(`fitness ${fit.fitness.toFixed(4)} (seeds ${problem.spec.fitness.seeds.join(', ')}), passed ${fit.passed} of ${fit.runs}`);
}
const runs = await heldOutCheck(problem, genome, evaluator, seeds);
for (const r of runs) console.log(`${seeds ? '' : 'held out '}seed ${r.seed}: ${r.scenario}: score ${r.score.toFixed(3)}${r.pass ? ' pass' : ''}`);
if (seeds) {
  const mean = runs.reduce((a, r) => a + r.score, 0) / runs.length;
  console.log(`mean score ${mean.toFixed(4)} over seeds ${seeds.join(', ')}, passed ${runs.filter((r) => r.pass).length} of ${runs.length}`);
}
