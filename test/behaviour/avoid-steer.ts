/**
 * Where the taught forward run steers ("Teach the worm to avoid", docs/biology.md, issue 14 session 18): the game's
 * teaching on one seed (avoid-teaching.ts), then the taught worm and its twin on the test plate and its mirror (test
 * seed 1 or the one given), every second the nose, the body's heading (deg), RIAL/RIAR's and SMBD/SMBV's outputs and
 * the odour at the nose, so a steering sign (the twin toward, the taught away) can be told from a body's own curve.
 * Run: `npx tsx test/behaviour/avoid-steer.ts [teaching seed] [overrides] [test seed] [teachMs]`.
 */
import { createSimulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { challengeById } from '../../scenes/challenges/catalog';
import { testPlates } from '../../scenes/challenges/learning-check';
import { parseLayerOverrides } from './layer-overrides';
import { teachInChallenge } from './avoid-teaching';
import { builtinOn } from './membrane-builtins';

const seed = Number(process.argv[2] ?? '1');
const overrides = parseLayerOverrides(process.argv[3], 'avoid-steer.ts', '{"learning":{"crossedMax":4,"pushPull":0}}');
const testSeed = Number(process.argv[4] ?? '1');
const teachMs = Number(process.argv[5] ?? '20000');
const c = challengeById('teach-avoid');
if (c?.win.kind !== 'taught-avoid') throw new Error('avoid-steer.ts: no "teach-avoid" challenge of kind taught-avoid');
const w = c.win;
const naive = builtinOn(c.worm ?? 'learning-worm', 'conductance', overrides);
const { taught } = teachInChallenge(c, naive, seed, w.hoursOffFood, teachMs);
for (const [name, circuit] of [
  ['taught', taught],
  ['twin', naive],
] as const)
  for (const [p, plate] of testPlates(getArena(w.testArena), w.odour).entries()) {
    const sim = createSimulation({ circuit, arena: plate, seed: testSeed });
    const ix = (id: string) => sim.neuronIds.indexOf(id);
    const cells = ['RIAL', 'RIAR', 'SMBD', 'SMBV', 'AVA', 'RIM', 'RIV'].map(ix);
    console.log(`${name}, ${p === 0 ? 'plate' : 'mirror'} (test seed ${testSeed}): t nose heading | RIAL RIAR SMBD SMBV AVA RIM RIV (output)`);
    const rows: string[] = [];
    for (let t = 1; t <= w.testMs / 1000; t++) {
      sim.run(1000);
      const tel = sim.telemetry();
      const pose = tel.pose;
      const n = pose.length / 2;
      const deg = (Math.atan2(pose[1] - pose[2 * n - 1], pose[0] - pose[2 * n - 2]) * 180) / Math.PI;
      const [x, y] = sim.headPosition();
      rows.push(`${t} ${x.toFixed(1)},${y.toFixed(1)} ${deg.toFixed(0)}° | ${cells.map((k) => tel.output[k].toFixed(2)).join(' ')}`);
    }
    console.log(`  ${rows.join('\n  ')}`);
  }
