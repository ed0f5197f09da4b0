/**
 * The "Teach the worm" challenge played as a player plays it (scenes/challenges):
 * food dropped under the nose on the butanone spot until the run counts three
 * pairings (the intro's "make 3", as the e2e test plays it), at most six drops,
 * then the learned weights judged by the challenge's own paired check
 * (learning-check.ts) against an untaught twin on the test plate and its
 * mirror. The challenge runs seed 1; seed 2 is a worm it was not tuned on.
 * How many of a drop's 20 s count depends on where the nose wanders: three
 * fixed drops counted 1 pairing on the conductance worm's seed 1 and on the
 * current worm's seed 9 (docs/biology.md, "Teach-the-worm's pairing and the
 * tail-touch probe"); three pairings took 4-5 drops on seeds 1-10 of both.
 */
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { withLearnedWeights } from '../../src/circuits/learned';
import { createSimulation } from '../../src/sim/simulation';
import { challengeById } from '../../scenes/challenges/catalog';
import { checkLearning, lessonCheck } from '../../scenes/challenges/learning-check';
import { ChallengeRun } from '../../scenes/challenges/runner';

const c = challengeById('teach')!;
const w = c.win as Extract<typeof c.win, { kind: 'taught' }>;
const naive = getBuiltinCircuit(c.worm ?? 'learning-worm');
const options = lessonCheck(w);

/** The teaching phase: food under the nose, then trialMs of crawling, until `trials` pairings are counted (at most maxDrops drops). */
function teach(seed: number, trials: number, maxDrops: number) {
  const sim = createSimulation({ circuit: naive, arena: c.arena, seed });
  const run = new ChallengeRun(c, sim);
  for (let k = 0; k < maxDrops && run.update().trials < trials; k++) {
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    run.noteFood();
    // Read as the game does, every frame or so: the run counts the pairing time it sees between reads.
    for (let t = 0; t < w.trialMs; t += 500) {
      sim.run(500);
      run.update();
    }
  }
  const s = { ...run.update() };
  run.dispose();
  const weights = sim.plasticWeights();
  return { s, circuit: circuitFromDoc(withLearnedWeights(naive.doc, weights), 'taught.json'), weights: weights.map((p) => p.weight) };
}

describe('Teach the worm (butanone paired with food, then the paired test)', () => {
  it.each([1, 2])(
    'seed %i: food under the nose until three pairings are counted (six drops at most) makes a worm that wins against its untaught twin',
    (seed) => {
      const { s, circuit, weights } = teach(seed, w.trials, 2 * w.trials);
      expect(s.trials).toBeGreaterThanOrEqual(w.trials);
      expect(s.foods).toBeLessThanOrEqual(2 * w.trials);
      const v = checkLearning(circuit, naive, options);
      console.log(
        `seed ${seed}: ${s.foods} drops, pairings ${s.pairedMs} ms, weights ${weights.map((x) => x.toFixed(2))}, index taught ${v.taught} untaught ${v.naive}`,
      );
      expect(v.pass).toBe(true);
    },
  );
});
