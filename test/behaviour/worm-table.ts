/**
 * Prints docs/biology.md's "Measured figures" for the shipped default worm (`worm`, whatever its membrane):
 * gait on agar and in water, the medium switch, AVB's drive curve, gentle and harsh touch, a tail touch
 * during a reversal, spontaneous reversals and omega turns off food. gait-table.ts prints the same rows for
 * the small teaching circuits (`locomotion`, `touch-withdrawal`, `habituation`); the rows of the other
 * proofs (habituation, slowing, learning, choice, senses) come from their own files' tables.
 * Evoked measures run on the open field with AWC cut, so no foraging reversal of the worm's own falls in a
 * window (as locomotion.test.ts and the conductance gait proofs read the full worm); the spontaneous rows keep AWC.
 * `npx tsx test/behaviour/worm-table.ts [seeds, default 1,2,3,4,5] [circuit, default worm]` (~10 min for five seeds on a quiet machine).
 */
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import { avbTonicPa, pairedPosterior, STEADY_SETTLE_MS, steadyGait } from './conductance-measure';
import { DRIVES } from './gait';
import { OPEN_FIELD } from './measure';
import { spontaneous } from './spontaneous';
import { fmt, gaitRows, row, tailTouchRows } from './table-rows';
import { anteriorTouch, harshOmega, tailTouchDuringReversal } from './touch-trials';

const [seedArg = '1,2,3,4,5', name = 'worm'] = process.argv.slice(2);
const SEEDS = seedArg.split(',').map(Number);
if (SEEDS.some((s) => !Number.isInteger(s) || s < 1))
  throw new Error(`worm-table.ts: seeds "${seedArg}" must be positive integers, comma-separated (e.g. 1,2,3)`);
const circuit = getBuiltinCircuit(name);

/** A worm on the open field with AWC cut, settled; its behaviour events collected. */
function settled(seed: number, medium: 'agar' | 'water' = 'agar'): { sim: Simulation; events: BehaviourEvent[] } {
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD });
  sim.ablate('AWC');
  const events: BehaviourEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  sim.run(STEADY_SETTLE_MS);
  return { sim, events };
}

console.log(`| ${name}, seeds ${SEEDS.join(', ')}: mean (min–max) | |`);
const agar = SEEDS.map((s) => steadyGait(circuit, s, 'agar'));
const water = SEEDS.map((s) => steadyGait(circuit, s, 'water'));
gaitRows(agar, water);
console.log(`| agar wave head → tail | ${agar.filter((g) => g.direction === 1).length} of ${SEEDS.length} |`);

/** Frequency from 2 s after a medium switch over windowMs, over the new medium's steady frequency. */
const afterSwitch = (seed: number, from: 'agar' | 'water', to: 'agar' | 'water', windowMs: number) => {
  const { sim } = settled(seed, from);
  sim.setMedium(to);
  sim.run(2000 + windowMs);
  return sim.bendingFrequencyHz(windowMs);
};
row(
  'agar → water: Hz 2–3 s after / water Hz',
  SEEDS.map((s, i) => afterSwitch(s, 'agar', 'water', 1000) / water[i].hz),
);
row(
  'water → agar: Hz 2–6 s after / agar Hz',
  SEEDS.map((s, i) => afterSwitch(s, 'water', 'agar', 4000) / agar[i].hz),
);

console.log(`| AVB tonic drive ${avbTonicPa(circuit)} pA × k | |`);
const curves = SEEDS.map((s) => DRIVES.map((k) => steadyGait(circuit, s, 'agar', k)));
DRIVES.forEach((k, i) => {
  const at = curves.map((c) => c[i]);
  console.log(
    `| AVB ×${k} | ${fmt(
      at.map((g) => g.speed),
      3,
    )} BL/s, ${fmt(at.map((g) => g.hz))} Hz, λ ${fmt(at.map((g) => g.lambda))} |`,
  );
});
console.log(
  `| speed rises at every step of the drive | ${curves.filter((c) => c.every((g, i) => i === 0 || g.speed > c[i - 1].speed)).length} of ${SEEDS.length} |`,
);

const anterior = SEEDS.map((seed) => anteriorTouch(() => settled(seed)));
row(
  'anterior touch: latency (s)',
  anterior.map((a) => a.latency),
);
row(
  'anterior touch: reversal (s), ends by itself',
  anterior.map((a) => a.duration),
);
for (const at of [0.7, 0.85, 0.9, 1]) {
  row(
    `posterior touch at ${at}: speed over 4 s / the same worm untouched`,
    SEEDS.map((seed) => pairedPosterior(circuit, seed, at)),
  );
}

const tail = SEEDS.map((seed) => tailTouchDuringReversal(() => settled(seed)));
tailTouchRows(tail);

const harsh = SEEDS.map((seed) => harshOmega(() => settled(seed)));
row('harsh head touch → omega turn (s after)', harsh);

const spont = SEEDS.map((s) => spontaneous(s, 5, [], name));
for (let m = 0; m < 5; m++)
  row(
    `spontaneous reversals/min, minute ${m + 1} (AWC intact)`,
    spont.map((r) => r.perMinute[m]),
    1,
  );
row(
  'omega turns in 5 min',
  spont.map((r) => r.omegas),
  1,
);
const durs = spont.flatMap((r) => r.durationsS).sort((a, b) => a - b);
if (durs.length > 0)
  console.log(
    `| reversal durations (s), all seeds | median ${durs[Math.floor(durs.length / 2)].toFixed(1)}, ${durs[0].toFixed(1)}–${durs[durs.length - 1].toFixed(1)}, n = ${durs.length} |`,
  );
