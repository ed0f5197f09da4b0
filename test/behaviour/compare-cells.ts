/**
 * What the choice worm's comparison cells see and do on the odour-choice plate (docs/biology.md, "The learning and
 * choice worms on conductances"): every 2 s, each odour at the nose's two sample points (their relative difference),
 * and the V (mV) and mean output over the last 2 s of the comparison pairs, the choice cells and SMBD/SMBV.
 * Run: `npx tsx test/behaviour/compare-cells.ts [current|conductance] [seed] [cut|whole] [overrides]` (seconds).
 */
import { choiceArena, SPOTS } from './choice';
import { parseLayerOverrides } from './layer-overrides';
import { builtinOn, membraneArg } from './membrane-builtins';
import { createSimulation } from '../../src/sim/simulation';

const membrane = membraneArg(process.argv[2], 'compare-cells.ts');
const seed = Number(process.argv[3] ?? 1);
if (!Number.isInteger(seed) || seed < 1) throw new Error(`compare-cells.ts: seed (argument 2) = "${process.argv[3]}": give a positive integer, e.g. 1`);
const mode = process.argv[4] ?? 'whole';
if (mode !== 'cut' && mode !== 'whole') throw new Error(`compare-cells.ts: argument 3 = "${mode}": give cut (RIR ⇄ AIA cut) or whole`);
const overrides = parseLayerOverrides(process.argv[5], 'compare-cells.ts', '{"choice":{"compareGain":1500}}');

const sim = createSimulation({ circuit: builtinOn('choice-worm', membrane, overrides), arena: choiceArena(seed), seed });
if (mode === 'cut') {
  sim.cutSynapse('RIR', 'AIA');
  sim.cutSynapse('AIA', 'RIR');
}
const ids = ['RIR', 'AIA', 'RIFL', 'RIFR', 'RIAL', 'RIAR', 'SMBD', 'SMBV'];
const idx = ids.map((id) => sim.neuronIds.indexOf(id));
/** The odour at the nose's left and right sample points (as the simulation samples them, one body radius aside). */
const nose = (odour: string): [number, number] => {
  const [hx, hy] = sim.headPosition();
  const th = sim.body.headingRad();
  const r = Math.max(sim.body.radii[0], 0.01);
  return [
    sim.world.concentration(hx - Math.sin(th) * r, hy + Math.cos(th) * r, odour),
    sim.world.concentration(hx + Math.sin(th) * r, hy - Math.cos(th) * r, odour),
  ];
};
console.log(`choice-worm, ${membrane}, seed ${seed}, ${mode}${process.argv[5] ? `, ${process.argv[5]}` : ''}`);
console.log(`t s | ${SPOTS.map((o) => `${o} L, R (L−R)/mean`).join(' | ')} | ${ids.map((id) => `${id} mV/out`).join(' ')} | nose x, y`);
while (sim.timeMs < 40_000) {
  const mean = ids.map(() => 0);
  for (let k = 0; k < 200; k++) {
    sim.step();
    idx.forEach((i, j) => (mean[j] += sim.network.output[i] / 200));
  }
  const odours = SPOTS.map((o) => {
    const [l, r] = nose(o);
    return `${l.toFixed(3)}, ${r.toFixed(3)} ${((2 * (l - r)) / (l + r)).toFixed(4)}`;
  });
  const cells = idx.map((i, j) => `${sim.network.v[i].toFixed(1)}/${mean[j].toFixed(2)}`);
  const [x, y] = sim.headPosition();
  console.log(`${(sim.timeMs / 1000).toFixed(0)} | ${odours.join(' | ')} | ${cells.join(' ')} | ${x.toFixed(1)}, ${y.toFixed(1)}`);
}
