/**
 * "Teach the worm"'s teaching as associative-teach.test.ts plays it, drop by drop (issue 14, session 16): the learning
 * worm on the teach-pairing plate, food dropped under the nose, 20 s of crawling read every 0.5 s as the game reads the
 * run (ChallengeRun.update), per drop the seconds the nose was on food; then the run's pairedMs, whole pairings and drops.
 * Also how often the turn relay's calls moved the body: AVA's output above 0.5 and back under 0.2 is one call, and a
 * call that reversed > 0.1 mm by 1 s after it ended is one that went through (the nose off the drop is brought back only
 * by a reversal). Modes: `fixed`, three drops 20 s apart (the test before session 16); `until`, drops until three
 * pairings are counted, six at most (the intro's "make 3", as the e2e test and now associative-teach.test.ts play it).
 * The run is read every `readMs` (default 500, as the test; the game reads every frame, ~16 ms): the credit is the same.
 * `npx tsx test/behaviour/teach-drops.ts fixed|until [seeds 1,2,3,4,5] [overrides JSON over CONDUCTANCE_LAYERS | current] [readMs 500]`
 */
import { buildLearningWorm } from '../../src/circuits/builtin/generate';
import type { LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { createSimulation } from '../../src/sim/simulation';
import { challengeById } from '../../scenes/challenges/catalog';
import { ChallengeRun } from '../../scenes/challenges/runner';
import { layeredLearningWorm, parseLayerOverrides } from './layer-overrides';
import { parseSeeds } from './seeds-arg';

const SCRIPT = 'teach-drops.ts';
const [mode, seedText, overText, readText = '500'] = process.argv.slice(2);
const readMs = Number(readText);
if (!(readMs >= 100 && 500 % readMs === 0) && readMs !== 20) throw new Error(`${SCRIPT}: readMs (argument 4) = "${readText}": give 20, 100, 250 or 500`);
if (mode !== 'fixed' && mode !== 'until') throw new Error(`${SCRIPT}: mode (argument 1) = "${mode}": give fixed or until`);
const seeds = parseSeeds(seedText, SCRIPT, 2, '1,2,3,4,5');

const worm =
  overText === 'current'
    ? circuitFromDoc(buildLearningWorm({ membrane: 'current' }), 'learning worm (current)')
    : layeredLearningWorm(parseLayerOverrides(overText, SCRIPT, '{"modulation":{"dop3ReleaseGain":-0.4}}') as LayerOverrides);
const challenge = challengeById('teach');
if (challenge?.win.kind !== 'taught') throw new Error(`${SCRIPT}: the challenge 'teach' (a taught rule) is not in the catalog`);
const w = challenge.win;
const ava = worm.doc.neurons.findIndex((n) => n.id === 'AVA');
const maxDrops = mode === 'fixed' ? w.trials : 2 * w.trials;

console.log(`${SCRIPT} ${mode}, seeds ${seeds.join(',')}, ${overText ?? '{}'}: s on food per drop; pairings; relay calls that reversed`);
let calls = 0;
let through = 0;
for (const seed of seeds) {
  const sim = createSimulation({ circuit: worm, arena: challenge.arena, seed });
  const run = new ChallengeRun(challenge, sim);
  const on: number[] = [];
  let call: { back0: number; endMs: number | null } | null = null;
  for (let k = 0; k < maxDrops && (mode === 'fixed' || run.update().trials < w.trials); k++) {
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    run.noteFood();
    let onMs = 0;
    for (let t = 0; t < w.trialMs; t += readMs) {
      for (let s = 0; s < readMs; s += Math.min(100, readMs)) {
        sim.run(Math.min(100, readMs));
        const out = sim.telemetry().output[ava];
        const back = sim.behaviour().backwardMm;
        if (!call && out > 0.5) call = { back0: back, endMs: null };
        else if (call && call.endMs === null && out < 0.2) call.endMs = sim.timeMs;
        else if (call && call.endMs !== null && sim.timeMs - call.endMs >= 1000) {
          calls++;
          if (back - call.back0 > 0.1) through++;
          call = null;
        }
      }
      run.update();
      if (sim.distanceToFoodMm() === 0) onMs += readMs;
    }
    on.push(onMs / 1000);
  }
  const s = run.update();
  console.log(`seed ${seed}: ${on.join(' + ')} s on food; pairedMs ${s.pairedMs}, ${s.trials} pairings, ${s.foods} drops`);
  run.dispose();
}
console.log(`relay calls (AVA > 0.5) that reversed > 0.1 mm: ${through} of ${calls}`);
