/**
 * Does the worm curve by itself? (docs/biology.md, "Steering and choice on the switched default"): the odour-choice
 * plate with its spots taken away (choice.ts's starts: heading −90°, between where the spots were), 30 s per seed;
 * prints the heading's total turn (degrees, + counter-clockwise as headingRad turns), the reversals, the mean outputs
 * of the dorsal and ventral B units (DB1–7, VB1–7; the current worm's six) and the mean left − right muscle activation along the body. A
 * worm without a bias turns either way over seeds; one that turns the same way on every seed carries a bias that
 * every steering layer (AWA, the choice worm's pairs) has to beat. `tonicPa` drives SMBD and SMBV alike (both
 * steering cells on, as the cut choice worm's two channels hold them).
 * Run: `npx tsx test/behaviour/circling.ts [circuit] [seeds] [tonicPa]` (a built-in, default worm; seeds 1–6; 0 pA).
 */
import { createSimulation } from '../../src/sim/simulation';
import { CIRCLING_MS, circlingArena, headingTurn } from './circling-plate';
import { parseSeeds } from './seeds-arg';

const circuit = process.argv[2] ?? 'worm';
const seeds = parseSeeds(process.argv[3], 'circling.ts', 2, '1,2,3,4,5,6');
const tonicPa = Number(process.argv[4] ?? 0);
if (!Number.isFinite(tonicPa) || tonicPa < 0 || tonicPa > 5) throw new Error(`circling.ts: tonicPa (argument 3) = "${process.argv[4]}": give 0..5 pA, e.g. 1`);
const MS = CIRCLING_MS;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${circuit}, SMBD/SMBV tonic ${tonicPa} pA, ${MS / 1000} s, no spots`);
const turns: number[] = [];
for (const seed of seeds) {
  const sim = createSimulation({ circuit, arena: circlingArena(seed), seed });
  if (tonicPa) for (const id of ['SMBD', 'SMBV']) sim.setNeuronParam(id, 'tonicPa', tonicPa);
  const units = (p: string) => Array.from({ length: 7 }, (_, i) => sim.neuronIds.indexOf(`${p}${i + 1}`)).filter((i) => i >= 0);
  const [db, vb] = [units('DB'), units('VB')];
  let reversals = 0;
  sim.events$.subscribe((e) => {
    if (e.type === 'reversal-start') reversals++;
  });
  const heading = headingTurn(sim.body.headingRad());
  let turn = 0;
  let n = 0;
  let dbSum = 0;
  let vbSum = 0;
  let lr = 0;
  while (sim.timeMs < MS) {
    sim.step();
    turn = heading.add(sim.body.headingRad());
    const t = sim.telemetry();
    dbSum += mean(db.map((i) => t.output[i]));
    vbSum += mean(vb.map((i) => t.output[i]));
    const half = t.muscles.length / 2;
    lr += mean(Array.from({ length: half }, (_, i) => t.muscles[i] - t.muscles[half + i]));
    n++;
  }
  const deg = (turn * 180) / Math.PI;
  turns.push(deg);
  console.log(
    `seed ${seed}: turn ${deg.toFixed(0)}°, ${reversals} reversals, DB ${(dbSum / n).toFixed(3)} VB ${(vbSum / n).toFixed(3)}, muscles L−R ${(lr / n).toFixed(3)}`,
  );
}
console.log(
  `turn: ${turns.filter((t) => t < 0).length} of ${turns.length} negative (toward the plate's left from the start's heading), mean ${mean(turns).toFixed(0)}°`,
);
