/**
 * "Teach the worm to avoid", run by run (docs/biology.md, "Teaching to avoid on the switched default"): the game's
 * teaching phase on one seed (as avoid-trace.ts), then each of the game's test runs (the test plate and its mirror ×
 * TEST_SEEDS, 40 s) for the taught worm and its untaught twin: how far the nose ends toward the odour (mm along x; the
 * game counts ±1 beyond CHOICE_MM), every reversal's start (s) and the body's heading then (deg, tail → head), how long
 * each ended one lasted (s, from the reversal-end event), the
 * steering cells' side bias while backing or crawling (mean SMBD − SMBV output over 2–20 s: positive on the plate whose
 * odour lies on SMBD's side) and the nose every 5 s. What it separates: a reversal that never ends (one start, no
 * second) from a backing that ignores the odour's side (the same path on the plate and its mirror).
 * Run: `npx tsx test/behaviour/avoid-runs.ts [current|conductance] [teaching seed] [overrides] [teachMs] [test seeds]`
 * (seed 1 by default, the game's; overrides as avoid-trace.ts's, conductance only, e.g. '{"learning":{"aversiveTauMs":3000}}'
 * or '{}'; teachMs the teaching's length, default the challenge's 20 s; the e2e test teaches 25 s; test seeds the test
 * runs' seeds, default the game's TEST_SEEDS 1,2: others test the taught worm on runs the game never plays).
 */
import { createSimulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { challengeById } from '../../scenes/challenges/catalog';
import { CHOICE_MM, TEST_SEEDS, testPlates } from '../../scenes/challenges/learning-check';
import { parseLayerOverrides } from './layer-overrides';
import { teachInChallenge } from './avoid-teaching';
import { builtinOn, membraneArg } from './membrane-builtins';
import { parseSeeds } from './seeds-arg';

const membrane = membraneArg(process.argv[2], 'avoid-runs.ts');
const seed = Number(process.argv[3] ?? '1');
if (!Number.isInteger(seed) || seed < 1) throw new Error(`avoid-runs.ts: teaching seed (argument 2) = "${process.argv[3]}": give a positive integer, e.g. 1`);
const overrides = parseLayerOverrides(process.argv[4], 'avoid-runs.ts', '{"learning":{"aversiveReleaseHalfMv":-35}}');
const c = challengeById('teach-avoid');
if (c?.win.kind !== 'taught-avoid') throw new Error('avoid-runs.ts: the catalog has no "teach-avoid" challenge of kind taught-avoid');
const w = c.win;
const naive = builtinOn(c.worm ?? 'learning-worm', membrane, overrides);
const teachMs = Number(process.argv[5] ?? w.trialMs);
if (!Number.isInteger(teachMs) || teachMs < 500 || teachMs > 120_000)
  throw new Error(`avoid-runs.ts: teachMs (argument 4) = "${process.argv[5]}": give 500..120000 ms, e.g. 25000 (the e2e test's teaching)`);

const testSeeds = process.argv[6] === undefined ? TEST_SEEDS : parseSeeds(process.argv[6], 'avoid-runs.ts', 5, '3,4');

const { sim: teach, taught } = teachInChallenge(c, naive, seed, w.hoursOffFood, teachMs);
console.log(
  `${membrane} membrane${process.argv[4] ? `, ${process.argv[4]}` : ''}; taught on seed ${seed} for ${teachMs / 1000} s; test seeds ${testSeeds.join(',')}`,
);
// Every plastic site's learned weight against its naive one (the crossed steering sites, if any, among them).
const before = naive.doc.synapses ?? [];
console.log(
  `  learned: ${teach
    .plasticWeights()
    .map((l) => `${l.from} → ${l.to} ${(before[l.synapse]?.weight ?? Number.NaN).toPrecision(3)} → ${l.weight.toPrecision(3)}`)
    .join('; ')}`,
);

for (const [name, circuit] of [
  ['taught', taught],
  ['twin', naive],
] as const) {
  const choices: number[] = [];
  for (const [p, plate] of testPlates(getArena(w.testArena), w.odour).entries()) {
    const spot = plate.chemicals.sources.find((s) => s.odour === w.odour)?.at ?? [Number.NaN, Number.NaN];
    const side = Math.sign(spot[0] - plate.start.at[0]);
    for (const s of testSeeds) {
      const sim = createSimulation({ circuit, arena: plate, seed: s });
      const ix = (id: string) => sim.neuronIds.indexOf(id);
      const [smbd, smbv] = [ix('SMBD'), ix('SMBV')];
      const starts: string[] = [];
      const lengths: string[] = [];
      let since = Number.NaN;
      sim.events$.subscribe((e) => {
        if (e.type === 'reversal-end') lengths.push((((e.timeMs ?? sim.timeMs) - since) / 1000).toFixed(1));
        if (e.type !== 'reversal-start') return;
        since = e.timeMs ?? sim.timeMs;
        const pose = sim.telemetry().pose;
        const n = pose.length / 2;
        const deg = (Math.atan2(pose[1] - pose[2 * n - 1], pose[0] - pose[2 * n - 2]) * 180) / Math.PI;
        starts.push(`${(sim.timeMs / 1000).toFixed(1)} s (${deg.toFixed(0)}°)`);
      });
      const path: string[] = [];
      let bias = 0;
      let n = 0;
      for (let t = 100; t <= w.testMs; t += 100) {
        sim.run(100);
        if (t > 2000 && t <= 20_000) {
          const o = sim.telemetry().output;
          bias += o[smbd] - o[smbv];
          n++;
        }
        if (t % 5000 === 0)
          path.push(
            sim
              .headPosition()
              .map((x) => x.toFixed(1))
              .join(','),
          );
      }
      const toward = (sim.headPosition()[0] - plate.start.at[0]) * side;
      choices.push(toward > CHOICE_MM ? 1 : toward < -CHOICE_MM ? -1 : 0);
      console.log(
        `  ${name}, ${p === 0 ? 'plate' : 'mirror'}, seed ${s}: toward ${toward.toFixed(1)} mm; reversals ${starts.join(', ') || 'none'}${lengths.length ? ` lasting ${lengths.join(', ')} s` : ''}${Number.isNaN(since) || lengths.length === starts.length ? '' : ' (the last still on at the end)'}; SMBD − SMBV ${(bias / n).toFixed(2)}; nose ${path.join(' ')}`,
      );
    }
  }
  const a = choices.filter((x) => x > 0).length;
  const b = choices.filter((x) => x < 0).length;
  console.log(`  ${name}: index ${a + b > 0 ? ((a - b) / (a + b)).toFixed(2) : '0.00'} (${a} toward, ${b} away, ${choices.length - a - b} undecided)`);
}
