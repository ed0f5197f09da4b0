/**
 * Each check of the connectome battery (examples/evolve/connectome-{crawl,crawl-body,rest,nose,tail,no-ava,no-avb}.scenario.yaml,
 * then the crawl with DA, VA and AS ablated, connectome-aless.scenario.yaml)
 * for one circuit and seed: passed or not, the score evolution gives it and what it measured. To see
 * which checks carry a refit's fitness (docs/biology.md, "Whole worm").
 *
 *   npx tsx test/behaviour/connectome-checks.ts [circuit.json] [seed] [--only crawl,nose,…] [CHANGE …]
 *
 * Default: the importer's defaults, seed 1, every scenario. CHANGE as in connectome-changes.ts (e.g.
 * param:tonicPa:AVB=20), so a hand change is read on the scenarios a fit scores.
 */
import { join } from 'node:path';
import { runOn } from '../../src/evolve/adapters';
import { expectationScore } from '../../src/evolve/fitness';
import { loadScenarioFile } from '../../src/scenario/load';
import { formatMeasured } from '../../src/scenario/report';
import { circuitFromArgs } from './connectome-changes';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'evolve');
const SCENARIOS = ['crawl', 'crawl-body', 'rest', 'nose', 'tail', 'no-ava', 'no-avb', 'aless'];
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const onlyArg = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const only = onlyArg === undefined ? SCENARIOS : onlyArg.split(',').filter(Boolean);
const unknown = only.filter((s) => !SCENARIOS.includes(s));
if (only.length === 0 || unknown.length)
  throw new Error(`--only: "${onlyArg}" must list some of ${SCENARIOS.join(', ')} (comma-separated); e.g. --only crawl,no-avb`);
const positional = args.filter((a) => !a.includes('='));
const changes = args.filter((a) => a.includes('='));
const [file, seedArg] = positional;
const circuit = circuitFromArgs(file, changes);
const seed = Number(seedArg ?? 1);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed: "${seedArg}" must be a whole number ≥ 0; e.g. 6`);
for (const s of only) {
  const report = runOn(circuit, loadScenarioFile(join(EXAMPLES, `connectome-${s}.scenario.yaml`)), seed);
  for (const e of report.expectations)
    console.log(`${s}: ${e.name}: ${e.pass ? 'pass' : 'fail'} ${expectationScore(e).toFixed(3)}, measured ${formatMeasured(e)} | ${e.detail}`);
}
