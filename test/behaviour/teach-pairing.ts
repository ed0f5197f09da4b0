/**
 * The "Teach the worm" pairing step by step (issue 14, session 15): runner.test's pairing (the learning worm on the
 * teach-pairing plate, seed per argument, food dropped under the nose at 3 s) read every 0.5 s for 20 s after the drop:
 * the nose's distance from the drop point (mm; the dropped food's radius is 0.5 mm, * = on food), the dopamine level,
 * the runner's pairedMs at 5 s after the drop counted the way runner.test counts it (one update after 5 s: the whole
 * 5 s if the nose is on food at that instant, none if not), the plastic AIA → AIY site's growth by then, and the
 * seconds on food of the 20.
 * `npx tsx test/behaviour/teach-pairing.ts [seeds 1,2,3] [overrides JSON over CONDUCTANCE_LAYERS | current]`
 * (`current`: the learning worm on current-based synapses).
 */
import { buildLearningWorm } from '../../src/circuits/builtin/generate';
import type { LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { createSimulation } from '../../src/sim/simulation';
import { challengeById } from '../../scenes/challenges/catalog';
import { ChallengeRun } from '../../scenes/challenges/runner';
import { layeredLearningWorm, parseLayerOverrides } from './layer-overrides';

const SCRIPT = 'teach-pairing';
const [seedText = '1,2,3', overText] = process.argv.slice(2);
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`${SCRIPT}: seeds (argument 1) = "${seedText}": give whole numbers ≥ 0 separated by commas, e.g. 1,2,3`);

const worm =
  overText === 'current'
    ? circuitFromDoc(buildLearningWorm({ membrane: 'current' }), 'learning worm (current)')
    : layeredLearningWorm(parseLayerOverrides(overText, SCRIPT, '{"modulation":{"dop3ReleaseGain":-0.4}}') as LayerOverrides);
const challenge = challengeById('teach');
if (!challenge) throw new Error(`${SCRIPT}: the challenge 'teach' is not in the catalog`);
console.log(`${SCRIPT}, seeds ${seeds.join(',')}, ${overText ?? '{}'}: per second after the drop, nose–drop mm (* on food) / dopamine`);
for (const seed of seeds) {
  const sim = createSimulation({ circuit: worm, arena: challenge.arena, seed });
  const run = new ChallengeRun(challenge, sim);
  const site = () => sim.plasticWeights().filter((p) => p.to === 'AIY')[0].weight;
  const naive = site();
  sim.run(3000);
  run.update();
  const [x, y] = sim.headPosition();
  sim.dropFood(x, y);
  run.noteFood();
  const line: string[] = [];
  let onMs = 0;
  let at5 = '';
  for (let t = 500; t <= 20_000; t += 500) {
    sim.run(500);
    const [hx, hy] = sim.headPosition();
    const on = sim.distanceToFoodMm() === 0;
    if (on) onMs += 500;
    if (t % 1000 === 0) line.push(`${Math.hypot(hx - x, hy - y).toFixed(2)}${on ? '*' : ''}/${(sim.modulatorLevels().dopamine ?? 0).toFixed(2)}`);
    if (t === 5000) at5 = `pairedMs at 5 s ${run.update().pairedMs}, site +${(site() - naive).toExponential(2)} (naive ${naive.toPrecision(3)})`;
  }
  run.dispose();
  console.log(`seed ${seed}: ${at5}; on food ${onMs / 1000} of 20 s; ${line.join(' ')}`);
}
