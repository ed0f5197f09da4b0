/**
 * Prints docs/biology.md's per-seed figures for a working point of the
 * converted worm (toConductanceCircuit with transduction) over seeds 1–10,
 * 6–10 unseen by the tuning: the steady agar and water gait (conductance-measure.ts:
 * open field, AWC cut, 12 s settle), and the posterior touch against a paired control. The untouched converted worm's own speed drifts by
 * tens of per cent between two 4 s windows, so the touch is read as the same
 * seed's speed over the same window touched / untouched (the proof's
 * after/before ratio is printed beside it). AVB's release (the conductance
 * synapse's logistic, its half and slope/2) before and after the touch shows
 * the room PVC → AVB has.
 * `npx tsx test/behaviour/conductance-seeds.ts ['{"headStretchGain":0.08,"headDrive":0.45}']`
 * (GAIT overrides as JSON; a few minutes per working point on a loaded machine).
 */
import { GAIT } from '../../src/circuits/builtin/locomotion';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { convertedWorm, parseGaitPoint, STEADY_SETTLE_MS, steadyGait } from './conductance-measure';
import { OPEN_FIELD } from './measure';

const SEEDS_1_10 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HEAD_RETUNE = { headStretchGain: 0.08, headDrive: 0.45 };

const overrides = process.argv[2] === undefined ? HEAD_RETUNE : parseGaitPoint('conductance-seeds', 'argument 1', process.argv[2]);
const point = { ...GAIT, ...overrides };
/** AVB's release on the converted worm: the logistic of its conductance synapses (half avbHalfMv, slope avbSlopeMv / 2). */
const avbRelease = (v: number) => 1 / (1 + Math.exp(-(v - point.avbHalfMv) / (point.avbSlopeMv / 2)));

/** Centroid speed (BL/s) over the next 4 s, as travel() reads it, and AVB's mean release over them (sampled each 100 ms). */
function window(sim: Simulation, avb: number): { speed: number; release: number } {
  const a = sim.behaviour().centroid;
  let release = 0;
  for (let i = 0; i < 40; i++) {
    sim.run(100);
    release += avbRelease(sim.network.v[avb]) / 40;
  }
  const b = sim.behaviour().centroid;
  return { speed: Math.hypot(b[0] - a[0], b[1] - a[1]) / sim.bodyLengthMm / 4, release };
}

/** Steady crawl on the open field with AWC cut (conductance-measure.ts), 4 s before and 4 s after a gentle touch at 0.9 (or none). */
function posterior(circuit: Circuit, seed: number, touch: boolean) {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  sim.ablate('AWC');
  const avb = sim.neuronIds.indexOf('AVB');
  sim.run(STEADY_SETTLE_MS - 4000);
  const before = window(sim, avb);
  if (touch) sim.poke(0.9, { kind: 'gentle' });
  return { before, after: window(sim, avb) };
}

const circuit = convertedWorm(overrides);
console.log(`working point ${JSON.stringify(overrides)}`);
console.log('| seed | agar | water | posterior touch, paired | AVB release before → after the touch |');
console.log('|---|---|---|---|---|');
for (const seed of SEEDS_1_10) {
  const a = steadyGait(circuit, seed, 'agar');
  const w = steadyGait(circuit, seed, 'water');
  const touched = posterior(circuit, seed, true);
  const alone = posterior(circuit, seed, false);
  console.log(
    `| ${seed} | ${a.hz.toFixed(2)} Hz, λ ${a.lambda.toFixed(2)}, ${a.speed.toFixed(3)} BL/s | ${w.hz.toFixed(2)} Hz, ${w.speed.toFixed(3)} BL/s, ratio ${(w.hz / a.hz).toFixed(2)} | ×${(touched.after.speed / alone.after.speed).toFixed(2)} (after/before ${(touched.after.speed / touched.before.speed).toFixed(2)}, untouched ${(alone.after.speed / alone.before.speed).toFixed(2)}) | ${touched.before.release.toFixed(2)} → ${touched.after.release.toFixed(2)} |`,
  );
}
