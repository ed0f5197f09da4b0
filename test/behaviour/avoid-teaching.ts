/**
 * "Teach the worm to avoid" as the game plays it, for the study scripts (avoid-runs.ts, avoid-trace.ts,
 * avb-inputs.ts): the naive worm in the challenge's arena for `teachMs`, the challenge's runner updated
 * every 500 ms as the playground does, then the circuit with the learned weights.
 */
import { circuitFromDoc } from '../../src/circuits/circuit';
import { withLearnedWeights } from '../../src/circuits/learned';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { Challenge } from '../../scenes/challenges/catalog';
import { ChallengeRun } from '../../scenes/challenges/runner';

export function teachInChallenge(c: Challenge, naive: Circuit, seed: number, hoursOffFood: number, teachMs: number): { sim: Simulation; taught: Circuit } {
  const sim = createSimulation({ circuit: naive, arena: c.arena, seed, hoursOffFood });
  const run = new ChallengeRun(c, sim);
  for (let t = 0; t < teachMs; t += 500) {
    sim.run(500);
    run.update();
  }
  run.dispose();
  return { sim, taught: circuitFromDoc(withLearnedWeights(naive.doc, sim.plasticWeights()), `taught-${seed}.json`) };
}
