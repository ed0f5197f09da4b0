/**
 * What the cut choice worm (RIR ⇄ AIA cut) does on the odour-choice plate, per seed (docs/biology.md, "The cut choice
 * worm on the switched default"): the spot its nose reaches (if any) and when, the nose's closest approach to each spot's goal zone
 * (0.8 mm round it; 0 inside it), the time the nose spends within 2 mm of each zone, the nose's x every 10 s (spots at x 4 and 10), and the mean output over the run
 * of the choice cells (RIR, AIA), the comparison pairs (RIFL/RIFR, RIAL/RIAR), AIY and SMBD/SMBV.
 * Whether each run commits (choice.ts's commits: reaches a spot and never comes within 2 mm of the other's zone), over
 * the whole run (as choice-wta.test.ts counts) and up to the moment the nose reaches its spot.
 * Run: `npx tsx test/behaviour/cut-choice.ts [current|conductance] [seeds] [overrides] [whole]` (60 s each, as
 * choice-wta.test.ts; `whole` runs the uncut worm instead; give overrides
 * as '{}' to keep the shipped values).
 */
import { choiceArena, commits, NEAR_MM, SPOTS, type Spot } from './choice';
import { parseLayerOverrides } from './layer-overrides';
import { builtinOn, membraneArg } from './membrane-builtins';
import { createSimulation } from '../../src/sim/simulation';
import { parseSeeds } from './seeds-arg';

const membrane = membraneArg(process.argv[2], 'cut-choice.ts');
const seeds = parseSeeds(process.argv[3], 'cut-choice.ts', 2, '1,2,3,4,5');
const overrides = parseLayerOverrides(process.argv[4], 'cut-choice.ts', '{"choice":{"compareGain":300}}');
const mode = process.argv[5] ?? 'cut';
if (mode !== 'cut' && mode !== 'whole') throw new Error(`cut-choice.ts: argument 4 = "${mode}": give cut (RIR ⇄ AIA cut, the default) or whole`);
const LIMIT_MS = 60_000;
const cells = ['RIR', 'AIA', 'RIFL', 'RIFR', 'RIAL', 'RIAR', 'AIY', 'SMBD', 'SMBV'];

console.log(`choice-worm, ${membrane}, ${mode}${process.argv[4] ? `, ${process.argv[4]}` : ''}, ${LIMIT_MS / 1000} s`);
console.log(
  `seed | reached | commits (before reaching, whole run) | closest mm before reaching (${SPOTS.join(', ')}) | closest mm (${SPOTS.join(', ')}) | s within ${NEAR_MM} mm | nose x every 10 s | mean output ${cells.join(' ')}`,
);
let reachedN = 0;
let nearBoth = 0;
let commitBeforeN = 0;
let commitWholeN = 0;
for (const seed of seeds) {
  const circuit = builtinOn('choice-worm', membrane, overrides);
  const sim = createSimulation({ circuit, arena: choiceArena(seed), seed });
  if (mode === 'cut') {
    sim.cutSynapse('RIR', 'AIA');
    sim.cutSynapse('AIA', 'RIR');
  }
  const idx = cells.map((id) => sim.neuronIds.indexOf(id));
  const mean = cells.map(() => 0);
  const closest = SPOTS.map(() => Number.POSITIVE_INFINITY);
  // Closest approach to each zone up to the step the nose first reaches a spot (the whole run if it reaches none).
  let closestBefore: number[] | null = null;
  const nearMs = SPOTS.map(() => 0);
  const xs: string[] = [];
  let reached = '-';
  let reachedSpot: Spot | null = null;
  let steps = 0;
  let lastT = 0;
  while (sim.timeMs < LIMIT_MS) {
    sim.step();
    steps++;
    const dt = sim.timeMs - lastT;
    lastT = sim.timeMs;
    idx.forEach((i, j) => {
      if (i >= 0) mean[j] += sim.network.output[i];
    });
    SPOTS.forEach((s, j) => {
      const [hx, hy] = sim.headPosition();
      const d = sim.world.distanceToZone(`at-${s}`, hx, hy);
      closest[j] = Math.min(closest[j], d);
      if (d < NEAR_MM) nearMs[j] += dt;
      if (reached === '-' && sim.inZone(`at-${s}`)) {
        reached = `${s}@${(sim.timeMs / 1000).toFixed(1)}`;
        reachedSpot = s;
      }
    });
    if (reached !== '-' && !closestBefore) closestBefore = [...closest];
    if (Math.round(sim.timeMs) % 10_000 === 0) xs.push(sim.headPosition()[0].toFixed(1));
  }
  if (reached !== '-') reachedN++;
  if (nearMs.every((m) => m > 0)) nearBoth++;
  // As choice-wta.test.ts counts (commits: choice.ts), and the same up to the moment the nose reaches its spot.
  const asRecord = (c: number[]) => Object.fromEntries(SPOTS.map((s, j) => [s, c[j]])) as Record<Spot, number>;
  const commitsBefore = commits({ reached: reachedSpot, closestMm: asRecord(closestBefore ?? closest) });
  const commitsWhole = commits({ reached: reachedSpot, closestMm: asRecord(closest) });
  if (commitsBefore) commitBeforeN++;
  if (commitsWhole) commitWholeN++;
  const out = mean.map((m, j) => (idx[j] < 0 ? '—' : (m / steps).toFixed(2)));
  console.log(
    `${seed} | ${reached} | ${commitsBefore ? 'yes' : 'no'}, ${commitsWhole ? 'yes' : 'no'} | ${(closestBefore ?? closest).map((c) => c.toFixed(2)).join(', ')} | ${closest.map((c) => c.toFixed(2)).join(', ')} | ${nearMs.map((m) => (m / 1000).toFixed(1)).join(', ')} | ${xs.join(' ')} | ${out.join(' ')}`,
  );
}
console.log(`${reachedN}/${seeds.length} reach a spot; ${nearBoth}/${seeds.length} come within ${NEAR_MM} mm of both spots`);
console.log(
  `commit (reach a spot, never within ${NEAR_MM} mm of the other's zone): ${commitBeforeN}/${seeds.length} before reaching it, ${commitWholeN}/${seeds.length} over the whole run`,
);
