/**
 * Scenario files run on the conductance worm with layer overrides (what `neuroworm scenario run FILE --seed N` reports,
 * through the same runner, for a worm the CLI cannot name: CONDUCTANCE_LAYERS with the overrides on top): per file how
 * many seeds pass, and per seed each expectation's measured value (✗ where it fails). With no overrides it reads as the
 * conductance worm built in does, so a verdict can be traced to a layer's values, e.g. slowing-fed's seed 3
 * or slowing-fed against DOP-3's release gain (docs/biology.md, "The toxin ring's chain with the held backing", "Dopamine
 * on release passes the lawn and the slowing").
 * `npx tsx test/behaviour/scenario-layers.ts FILES [seeds 1,2,3,4,5] [overrides, e.g. '{"modulation":{"dop3ReleaseGain":-0.4}}']`,
 * FILES comma-separated, each a path or a name under test/scenarios without `.scenario.yaml` (slowing-fed,slowing-starved).
 */
import { existsSync } from 'node:fs';
import { simBackend, type SimBackend } from '../../src/scenario/backend';
import { loadScenarioFile } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runner';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { parseSeeds } from './seeds-arg';

const SCRIPT = 'scenario-layers.ts';
const [names = '', seedText, overText] = process.argv.slice(2);
const files = names.split(',').map((n) => (n.endsWith('.yaml') ? n : `test/scenarios/${n}.scenario.yaml`));
for (const f of files)
  if (!existsSync(f))
    throw new Error(`${SCRIPT}: files (argument 1): ${f} does not exist; give paths or names under test/scenarios, e.g. slowing-fed,slowing-starved`);
const seeds = parseSeeds(seedText, SCRIPT, 2, '1,2,3,4,5');
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"modulation":{"dop3ReleaseGain":-0.4}}'));
const backend: SimBackend = { ...simBackend, createSimulation: (opts) => simBackend.createSimulation({ ...opts, circuit }) };
const shown = (m: unknown) => (typeof m === 'number' ? m.toFixed(3) : String(m));

for (const file of files) {
  const scenario = loadScenarioFile(file);
  if (scenario.circuit !== 'worm')
    throw new Error(`${SCRIPT}: ${file} runs circuit "${scenario.circuit}"; this script builds the conductance worm, so give a scenario on 'worm'`);
  const runs = seeds.map((seed) => ({ seed, report: runScenario(scenario, { backend, seed, file }).report }));
  console.log(`${file} on the conductance worm ${overText ?? '{}'}: ${runs.filter((r) => r.report.pass).length} of ${seeds.length} pass`);
  for (const { seed, report } of runs)
    console.log(`  seed ${seed}: ${report.pass ? 'pass' : 'FAIL'}  ${report.expectations.map((e) => `${shown(e.measured)}${e.pass ? '' : ' ✗'}`).join(' | ')}`);
}
