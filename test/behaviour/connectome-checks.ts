/**
 * Each check of the connectome battery (examples/evolve/connectome-{crawl,rest,nose,tail,no-ava,no-avb}.scenario.yaml,
 * then the crawl with DA, VA and AS ablated, connectome-aless.scenario.yaml)
 * for one circuit and seed: passed or not, the score evolution gives it and what it measured. To see
 * which checks carry a refit's fitness (docs/biology.md, "Whole worm").
 *
 *   npx tsx test/behaviour/connectome-checks.ts [circuit.json] [seed]   (default: the importer's defaults, seed 1)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCircuit } from '../../src/circuits';
import { runOn } from '../../src/evolve/adapters';
import { expectationScore } from '../../src/evolve/fitness';
import { loadScenarioFile } from '../../src/scenario/load';
import { importWorm } from './connectome-measure';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'evolve');
const [file, seedArg] = process.argv.slice(2);
const circuit = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
const seed = Number(seedArg ?? 1);
for (const s of ['crawl', 'rest', 'nose', 'tail', 'no-ava', 'no-avb', 'aless']) {
  const report = runOn(circuit, loadScenarioFile(join(EXAMPLES, `connectome-${s}.scenario.yaml`)), seed);
  for (const e of report.expectations) console.log(`${s}: ${e.name}: ${e.pass ? 'pass' : 'fail'} ${expectationScore(e).toFixed(3)} | ${e.detail}`);
}
