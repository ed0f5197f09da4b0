/**
 * Prints the measured column of docs/biology.md's table: every figure of
 * issue 14's targets over seeds 1–5, read from the body's pose and the
 * behaviour events only. `npx tsx test/behaviour/gait-table.ts` (a few minutes).
 */
import { createSimulation } from '../../src/sim/simulation';
import { DRIVES, driveCurve, frequencyAfterSwitch, gait } from './gait';
import { summary, tapTrain } from './habituation';
import { SEEDS, travel, worm } from './measure';
import { spontaneous } from './spontaneous';
import { fmt, gaitRows, row, tailTouchRows } from './table-rows';
import { anteriorTouch, harshOmega, tailTouchDuringReversal } from './touch-trials';

const agar = SEEDS.map((s) => gait('locomotion', s, 'agar'));
const water = SEEDS.map((s) => gait('locomotion', s, 'water'));
gaitRows(agar, water);
row(
  'agar → water: Hz 2–3 s after / water Hz',
  SEEDS.map((s, i) => frequencyAfterSwitch('locomotion', s, 'agar', 'water', 1000) / water[i].hz),
);
row(
  'water → agar: Hz 2–6 s after / agar Hz',
  SEEDS.map((s, i) => frequencyAfterSwitch('locomotion', s, 'water', 'agar', 4000) / agar[i].hz),
);
for (const circuit of ['touch-withdrawal', 'habituation', 'chemotaxis', 'thermotaxis', 'avoidance', 'worm']) {
  const gs = SEEDS.map((seed) => {
    const sim = createSimulation({ circuit, seed, medium: 'agar' });
    if (circuit === 'worm') sim.ablate('AWC');
    sim.run(4000);
    const speed = travel(sim, 12_000);
    return { speed, hz: sim.bendingFrequencyHz(12_000), lambda: sim.wavelengthBodyLengths(12_000) };
  });
  console.log(
    `| ${circuit} agar | ${fmt(gs.map((g) => g.hz))} Hz, λ ${fmt(gs.map((g) => g.lambda))}, ${fmt(
      gs.map((g) => g.speed),
      3,
    )} BL/s |`,
  );
}

const curves = SEEDS.map((s) => driveCurve('locomotion', s));
DRIVES.forEach((k, i) =>
  console.log(
    `| AVB ×${k} | ${fmt(
      curves.map((c) => c[i].speed),
      3,
    )} BL/s, ${fmt(curves.map((c) => c[i].hz))} Hz, λ ${fmt(curves.map((c) => c[i].lambda))} |`,
  ),
);

const spont = SEEDS.map((s) => spontaneous(s, 5));
for (let m = 0; m < 5; m++)
  row(
    `reversals/min, minute ${m + 1}`,
    spont.map((r) => r.perMinute[m]),
    1,
  );
row(
  'omega turns in 5 min',
  spont.map((r) => r.omegas),
  1,
);
const durs = spont.flatMap((r) => r.durationsS);
console.log(
  `| reversal durations (s), all seeds | median ${[...durs].sort((a, b) => a - b)[Math.floor(durs.length / 2)].toFixed(1)}, ${Math.min(...durs).toFixed(1)}–${Math.max(...durs).toFixed(1)}, n = ${durs.length} |`,
);

/** `touch-withdrawal` after 5 s of crawling (the harsh poke's row after 3 s). */
const crawling =
  (seed: number, ms = 5000) =>
  () => {
    const w = worm('touch-withdrawal', seed);
    w.sim.run(ms);
    return w;
  };
const anterior = SEEDS.map((seed) => anteriorTouch(crawling(seed)));
row(
  'anterior touch: latency (s)',
  anterior.map((a) => a.latency),
);
row(
  'anterior touch: reversal (s)',
  anterior.map((a) => a.duration),
);
for (const at of [0.7, 0.85, 1]) {
  row(
    `posterior touch at ${at}: speed-up ×`,
    SEEDS.map((seed) => {
      const { sim } = worm('touch-withdrawal', seed);
      sim.run(5000);
      const before = travel(sim, 4000);
      sim.poke(at, { kind: 'gentle' });
      return travel(sim, 4000) / before;
    }),
  );
}
const tail = SEEDS.map((seed) => tailTouchDuringReversal(crawling(seed)));
tailTouchRows(tail);
const harsh = SEEDS.map((seed) => harshOmega(crawling(seed, 3000)));
row('harsh head touch → omega (s after)', harsh);
const hab = SEEDS.map((s) => summary(tapTrain(s)));
row(
  'taps: first 3 responses (mm back in 3 s)',
  hab.map((h) => h.first),
);
row(
  'taps: last 3 / first 3',
  hab.map((h) => h.last / h.first),
);
row(
  'taps: after 60 s rest / first 3',
  hab.map((h) => h.rested / h.first),
);
