/**
 * The score an evolution spec's battery gives a circuit as it is (the genes at
 * their current values: the start of a `start: circuit` run), on the spec's
 * fitness seeds and held-out seeds. To compare a refit's best with today's
 * default on the same battery (docs/biology.md, "Whole worm").
 *
 *   npx tsx test/behaviour/connectome-score.ts SPEC.evolve.yaml [circuit.json]
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
const genome = valuesOnly(problem.context.phenotype.genes.map((g) => g.current));
const evaluator = localEvaluator();
const [fit] = await evaluateGenomes(problem, [genome], evaluator);
console.log(`fitness ${fit.fitness.toFixed(4)} (seeds ${problem.spec.fitness.seeds.join(', ')}), passed ${fit.passed} of ${fit.runs}`);
for (const r of await heldOutCheck(problem, genome, evaluator))
  console.log(`held out seed ${r.seed}: ${r.scenario}: score ${r.score.toFixed(3)}${r.pass ? ' pass' : ''}`);
