/**
 * "Teach the worm to avoid" step by step (docs/biology.md, "Steering and choice on the switched default"): the game's
 * teaching phase (20 s starved in the butanone, the challenge's plate, as teach-table.ts), the aversive site AIA → RIM
 * it learned, the game's paired check (learning-check.ts: taught against its untaught twin), and the taught worm's
 * first test run (the test plate, seed 1): every 4 s the nose, the reversals so far and the V of AIA, RIM, AIB, RIV, AVA, AVB.
 * Run: `npx tsx test/behaviour/avoid-trace.ts [current|conductance] [seeds] [overrides]` (seeds 1 by default; overrides
 * as choice-table.ts's, e.g. '{"learning":{"aversiveMaxMv":30}}'; the trace is printed for the first seed).
 */
import { createSimulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { challengeById } from '../../scenes/challenges/catalog';
import { checkLearning, lessonCheck, testPlates } from '../../scenes/challenges/learning-check';
import { parseLayerOverrides } from './layer-overrides';
import { teachInChallenge } from './avoid-teaching';
import { builtinOn, membraneArg } from './membrane-builtins';
import { parseSeeds } from './seeds-arg';

const membrane = membraneArg(process.argv[2], 'avoid-trace.ts');
const seeds = parseSeeds(process.argv[3], 'avoid-trace.ts', 2, '1');
const overrides = parseLayerOverrides(process.argv[4], 'avoid-trace.ts', '{"learning":{"aversiveMaxMv":30}}');
const c = challengeById('teach-avoid');
if (c?.win.kind !== 'taught-avoid') throw new Error('avoid-trace.ts: the catalog has no "teach-avoid" challenge of kind taught-avoid');
const w = c.win;
const naive = builtinOn(c.worm ?? 'learning-worm', membrane, overrides);
const aversive = (ws: { from: string; to: string; weight: number }[]) => ws.find((p) => p.from === 'AIA' && p.to === 'RIM')?.weight ?? Number.NaN;
console.log(`${membrane} membrane${process.argv[4] ? `, ${process.argv[4]}` : ''}`);

for (const [k, seed] of seeds.entries()) {
  const { sim, taught } = teachInChallenge(c, naive, seed, w.hoursOffFood, 20_000);
  const learned = sim.plasticWeights();
  const v = checkLearning(taught, naive, lessonCheck(w));
  console.log(
    `seed ${seed}: AIA → RIM ${aversive(learned).toPrecision(3)}; taught index ${v.taught.toFixed(2)}, twin ${v.naive.toFixed(2)}: ${v.pass ? 'won' : 'lost'}`,
  );
  if (k > 0) continue;
  const plate = testPlates(getArena(w.testArena), w.odour)[0];
  const spot = plate.chemicals.sources.find((s) => s.odour === w.odour)?.at;
  const test = createSimulation({ circuit: taught, arena: plate, seed: 1 });
  const ix = (id: string) => test.neuronIds.indexOf(id);
  let reversals = 0;
  test.events$.subscribe((e) => {
    if (e.type === 'reversal-start') reversals++;
  });
  console.log(`  taught worm's test run (start ${plate.start.at.join(', ')}, butanone at ${spot?.join(', ')}):`);
  for (let t = 0; t < w.testMs; t += 4000) {
    test.run(4000);
    const o = test.telemetry();
    const [x, y] = test.headPosition();
    const vs = ['AIA', 'RIM', 'AIB', 'RIV', 'AVA', 'AVB'].map((id) => `${id} ${o.v[ix(id)].toFixed(0)}`).join(' ');
    console.log(`  ${(test.timeMs / 1000).toFixed(0)} s: nose ${x.toFixed(1)}, ${y.toFixed(1)}; ${reversals} reversals; ${vs} mV`);
  }
}
