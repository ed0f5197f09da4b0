/**
 * Prints the robustness tables of docs/game.md (Teach the worm, Teach the worm
 * to avoid): the game's own runner teaches `learning-worm` as a player would,
 * and the game's own paired check (learning-check.ts) judges it against its
 * untaught twin. Seeds 1–12 (the challenge runs seed 1, so 11 were never tuned
 * on).
 * - Teach the worm: three ways a player may teach — 2 drops at once with the
 *   learned weights ×0.9; 3 drops after 1.5 s, ×1.1; 5 drops after 3 s, ×0.9 —
 *   and, for each test run, how near the nose came to the butanone spot.
 * - Teach the worm to avoid: 20 s starved in the butanone.
 * Run: `npx tsx test/behaviour/teach-table.ts [current|conductance]` (a few minutes; the membrane defaults to the
 * shipped one: the other is the generator's build, membrane-builtins.ts).
 */
import { circuitFromDoc } from '../../src/circuits/circuit';
import { withLearnedWeights } from '../../src/circuits/learned';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { challengeById } from '../../scenes/challenges/catalog';
import { checkLearning, lessonCheck, TEST_SEEDS, testPlates } from '../../scenes/challenges/learning-check';
import { ChallengeRun } from '../../scenes/challenges/runner';
import { builtinOn, membraneArg } from './membrane-builtins';

const membrane = membraneArg(process.argv[2], 'teach-table.ts');

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const f2 = (x: number) => x.toFixed(2);

/** Runs the game's teaching phase on one seed and returns the learned circuit (weights scaled by `scale`) and the pairing time counted. */
function teach(id: string, seed: number, drops: number, delayMs: number, scale: number, teachMs?: number): { taught: Circuit; pairedMs: number } {
  const c = challengeById(id)!;
  const w = c.win as Extract<typeof c.win, { kind: 'taught' | 'taught-avoid' }>;
  const naive = builtinOn(c.worm ?? 'learning-worm', membrane);
  const sim = createSimulation({ circuit: naive, arena: c.arena, seed, hoursOffFood: w.kind === 'taught-avoid' ? w.hoursOffFood : 0 });
  const run = new ChallengeRun(c, sim);
  sim.run(delayMs);
  run.update();
  const trials = drops === 0 ? 1 : drops;
  for (let k = 0; k < trials; k++) {
    if (drops > 0) {
      const [x, y] = sim.headPosition();
      sim.dropFood(x, y);
      run.noteFood();
    }
    // Read as the game does, about every frame: the run counts the pairing time it sees between reads.
    for (let t = 0; t < (teachMs ?? w.trialMs); t += 500) {
      sim.run(500);
      run.update();
    }
  }
  const pairedMs = run.update().pairedMs;
  run.dispose();
  const learned = sim.plasticWeights().map((p) => ({ ...p, weight: p.weight * scale }));
  return { taught: circuitFromDoc(withLearnedWeights(naive.doc, learned), `taught-${seed}.json`), pairedMs };
}

/** The nearest the nose came (mm) to the odour spot in each of the check's test runs (plate and mirror × TEST_SEEDS). */
function nearest(circuit: Circuit, arenaName: string, odour: string): number[] {
  return testPlates(getArena(arenaName), odour as never).flatMap((plate) =>
    TEST_SEEDS.map((seed) => {
      const spot = plate.chemicals.sources.find((s) => s.odour === odour)!.at;
      const sim = createSimulation({ circuit, arena: plate, seed });
      let best = Number.POSITIVE_INFINITY;
      for (let t = 0; t < 40_000; t += 100) {
        sim.run(100);
        const [x, y] = sim.headPosition();
        best = Math.min(best, Math.hypot(x - spot[0], y - spot[1]));
      }
      return best;
    }),
  );
}

function table(id: string, rows: [string, number, number, number, number?][], approach: boolean): void {
  const c = challengeById(id)!;
  const w = c.win as Extract<typeof c.win, { kind: 'taught' | 'taught-avoid' }>;
  const naive = builtinOn(c.worm ?? 'learning-worm', membrane);
  const o = lessonCheck(w);
  console.log(`\n### ${c.title} (${membrane} membrane)\n`);
  console.log(`| teaching | wins | taught index (min–max) | twin's index | ${approach ? 'test runs within 1 mm of the spot | ' : ''}per seed: taught index |`);
  console.log(`|---|---|---|---|${approach ? '---|' : ''}---|`);
  const twin = checkLearning(naive, naive, o).naive;
  for (const [label, drops, delayMs, scale, teachMs] of rows) {
    const runs = SEEDS.map((seed) => {
      const { taught } = teach(id, seed, drops, delayMs, scale, teachMs);
      const v = checkLearning(taught, naive, o);
      return { v, near: approach ? nearest(taught, w.testArena, w.odour) : [] };
    });
    const idx = runs.map((r) => r.v.taught);
    const near = runs.flatMap((r) => r.near);
    const wins = runs.filter((r) => r.v.pass).length;
    const within = approach ? `${near.filter((d) => d <= 1).length}/${near.length} | ` : '';
    console.log(`| ${label} | ${wins}/${runs.length} | ${f2(Math.min(...idx))}–${f2(Math.max(...idx))} | ${f2(twin)} | ${within}${idx.map(f2).join(' ')} |`);
  }
}

table(
  'teach',
  [
    ['2 drops at once, learned weights ×0.9', 2, 0, 0.9],
    ['3 drops after 1.5 s, ×1.1', 3, 1500, 1.1],
    ['5 drops after 3 s, ×0.9', 5, 3000, 0.9],
  ],
  true,
);
table('teach-avoid', [['20 s starved in butanone, no food', 0, 0, 1, 20_000]], false);
