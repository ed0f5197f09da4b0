/**
 * Repeated gentle head touches on an intact worm: a touch every GAP ms of worm time (10 touches), on seeds 1–5, on
 * the `rewire` challenge's plate; per seed how many touches a reversal answered (counted by the challenge's own
 * ChallengeRun, its 1.5 s rule), and the omega turns over the five worms. Compares the default worm with `worm-current` (docs/biology.md, "Status
 * after session 18").
 * Run: `npx tsx test/behaviour/touch-train.ts [circuits, default worm,worm-current] [GAPs ms, default 4500,6000]`.
 */
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { createSimulation } from '../../src/sim/simulation';
import { challengeById } from '../../scenes/challenges/catalog';
import { ChallengeRun } from '../../scenes/challenges/runner';

const names = (process.argv[2] ?? 'worm,worm-current').split(',');
const gaps = (process.argv[3] ?? '4500,6000').split(',').map(Number);
for (const g of gaps)
  if (!Number.isInteger(g) || g < 500 || g > 60_000) throw new Error(`touch-train.ts: GAP "${g}" (argument 2): give 500..60000 ms, e.g. 4500,6000`);
const c = challengeById('rewire');
if (!c) throw new Error('touch-train.ts: the catalog has no "rewire" challenge');
for (const name of names) {
  const circuit = getBuiltinCircuit(name);
  for (const gap of gaps) {
    const answered: number[] = [];
    let turns = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = createSimulation({ circuit, arena: c.arena, seed });
      const run = new ChallengeRun(c, sim);
      sim.events$.subscribe((e) => {
        if (e.type === 'omega-turn') turns++;
      });
      for (let i = 0; i < 10; i++) {
        sim.run(gap);
        sim.poke(0.05, { kind: 'gentle' });
      }
      sim.run(2000);
      answered.push(run.update().answered);
      run.dispose();
    }
    console.log(`${name}, a touch every ${gap / 1000} s: answered of 10 on seeds 1–5 ${answered.join(' ')}; omega turns ${turns} in 50 touches`);
  }
}
