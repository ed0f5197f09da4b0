/**
 * A scenario file run on the conductance worm with layer overrides (what `neuroworm scenario run` reads, through the
 * same runner, but with the circuit built from CONDUCTANCE_LAYERS and the overrides): per seed, pass or fail and each
 * expectation's measured value (✗ where it fails). With no overrides it reads as the shipped `worm` does (the same
 * circuit), so a verdict can be traced to a layer's values, e.g. dishabituation-tail-touch's seed 3 (docs/biology.md,
 * "The toxin ring's chain with the held backing").
 * `npx tsx test/behaviour/scenario-layers.ts FILE [seeds 1,2,3,4,5] [overrides, e.g. '{"modulation":{"dop3ReleaseGain":0}}']`
 */
import { existsSync } from 'node:fs';
import { simBackend, type SimBackend } from '../../src/scenario/backend';
import { loadScenarioFile } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runner';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';

const SCRIPT = 'scenario-layers';
const [file, seedText = '1,2,3,4,5', overText] = process.argv.slice(2);
if (file === undefined || !existsSync(file))
  throw new Error(`${SCRIPT}: scenario file (argument 1) = "${file ?? ''}" does not exist; give e.g. test/scenarios/dishabituation-tail-touch.scenario.yaml`);
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`${SCRIPT}: seeds (argument 2) = "${seedText}": give whole numbers ≥ 0 separated by commas, e.g. 1,2,3`);
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"modulation":{"dop3ReleaseGain":0}}'));
const scenario = loadScenarioFile(file);
if (scenario.circuit !== 'worm')
  throw new Error(`${SCRIPT}: ${file} runs circuit "${scenario.circuit}"; this script builds the conductance worm, so give a scenario on 'worm'`);
const backend: SimBackend = { ...simBackend, createSimulation: (opts) => simBackend.createSimulation({ ...opts, circuit }) };

console.log(`${file} on the conductance worm${overText ? ` with ${overText}` : ''}`);
for (const seed of seeds) {
  const { report } = runScenario(scenario, { backend, seed, file });
  const checks = report.expectations.map((e) => `${typeof e.measured === 'number' ? e.measured.toFixed(3) : String(e.measured)}${e.pass ? '' : ' ✗'}`);
  console.log(`  seed ${seed}: ${report.pass ? 'pass' : 'FAIL'}  ${checks.join(' | ')}`);
}
