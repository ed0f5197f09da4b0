/**
 * Does the head's steering bend a backward crawl? (docs/biology.md, "Teaching to avoid on the switched default"): the
 * worm on the open field, AVA held from 5 s (holdAva, as heldBackward), and from 5 s one steering cell driven (SMBD or
 * SMBV, `tonicPa`; or neither); prints per seed the heading's turn over the 8 s of backing (degrees, + counter-clockwise
 * as headingRad turns) and the path's displacement. Where SMBD and SMBV turn the backing apart, the head steers it
 * (what lets the shipped taught worm back away from butanone on either side); where they turn it alike, a backing's
 * direction is the gait's own.
 * Run: `npx tsx test/behaviour/backing-steer.ts [circuit] [seeds] [tonicPa]` (a built-in, default worm; seeds 1–3; 1 pA).
 */
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { createSimulation } from '../../src/sim/simulation';
import { holdAva } from './conductance-measure';
import { OPEN_FIELD } from './measure';
import { parseSeeds } from './seeds-arg';

const circuit = getBuiltinCircuit(process.argv[2] ?? 'worm');
const seeds = parseSeeds(process.argv[3], 'backing-steer.ts', 2, '1,2,3');
const tonicPa = Number(process.argv[4] ?? 1);
if (!Number.isFinite(tonicPa) || tonicPa <= 0 || tonicPa > 5)
  throw new Error(`backing-steer.ts: tonicPa (argument 3) = "${process.argv[4]}": give 0..5 pA (not 0), e.g. 1`);

const turnDeg = (from: number, to: number) => {
  let d = to - from;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  return (d * 180) / Math.PI;
};

console.log(`${circuit.fileName}, AVA held from 5 s, the steering cell driven ${tonicPa} pA, 8 s of backing`);
for (const seed of seeds) {
  const row: string[] = [];
  for (const cell of ['none', 'SMBD', 'SMBV']) {
    const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
    sim.run(5000);
    holdAva(sim);
    if (cell !== 'none') sim.setNeuronParam(cell, 'tonicPa', tonicPa);
    const b0 = sim.behaviour();
    let turn = 0;
    let last = b0.headingRad;
    for (let t = 0; t < 8000; t += 100) {
      sim.run(100);
      const h = sim.behaviour().headingRad;
      turn += turnDeg(last, h);
      last = h;
    }
    const c = sim.behaviour().centroid;
    row.push(`${cell} ${turn.toFixed(0)}° (${Math.hypot(c[0] - b0.centroid[0], c[1] - b0.centroid[1]).toFixed(2)} mm)`);
  }
  console.log(`seed ${seed}: ${row.join('; ')}`);
}
