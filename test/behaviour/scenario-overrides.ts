/**
 * Runs scenario files on the conductance worm with layer overrides (issue 14, session 15): what
 * `npx neuroworm scenario run FILE --seed N` reports, per seed, for a worm the CLI cannot name (CONDUCTANCE_LAYERS
 * with `overrides` on top). Prints each expectation's measured value per seed (! = failed).
 * `npx tsx test/behaviour/scenario-overrides.ts NAMES SEEDS [overrides]`, NAMES the files under test/scenarios without
 * `.scenario.yaml` (comma-separated), e.g. `… slowing-fed,slowing-starved 1,2,3,4,5 '{"modulation":{"dop3ReleaseGain":-0.4}}'`.
 */
import { existsSync } from 'node:fs';
import { simBackend, type SimBackend } from '../../src/scenario/backend';
import { loadScenarioFile } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runner';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';

const SCRIPT = 'scenario-overrides';
const [names = '', seedText = '1,2,3,4,5', overText] = process.argv.slice(2);
const files = names.split(',').map((n) => `test/scenarios/${n}.scenario.yaml`);
for (const f of files)
  if (!existsSync(f)) throw new Error(`${SCRIPT}: names (argument 1): ${f} does not exist; give names under test/scenarios, e.g. slowing-fed,slowing-starved`);
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`${SCRIPT}: seeds (argument 2) = "${seedText}": give whole numbers ≥ 0 separated by commas, e.g. 1,2,3`);
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"modulation":{"dop3ReleaseGain":-0.4}}'));
const backend: SimBackend = { ...simBackend, createSimulation: (opts) => simBackend.createSimulation({ ...opts, circuit }) };
const shown = (m: unknown) => (typeof m === 'number' ? m.toFixed(3) : String(m));
for (const file of files) {
  const scenario = loadScenarioFile(file);
  const cells = seeds.map((seed) => {
    const { report } = runScenario(scenario, { backend, seed, file });
    return { pass: report.pass, text: `s${seed}: ${report.expectations.map((e) => (e.pass ? '' : '!') + shown(e.measured)).join(' / ')}` };
  });
  console.log(`${file} ${overText ?? '{}'}: ${cells.filter((c) => c.pass).length} of ${seeds.length} pass; ${cells.map((c) => c.text).join('; ')}`);
}
