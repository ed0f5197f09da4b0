/**
 * Does the converted worm's body follow its head? For working points of the converted worm (each
 * argument a JSON of overrides of the shipped GAIT, as conductance-search.ts takes them; none:
 * CONDUCTANCE_GAIT), per seed and medium: the head
 * oscillator's rate (RMDD crossing its release midpoint, flips per second / 2), the mid-body's bending
 * frequency and λ, and the net speed, read as conductance-measure.ts reads the steady gait (open field,
 * AWC cut, 12 s settle, 12 s window). Where the two rates differ the body skips head flips (or runs
 * on its own); where they agree the crawl's frequency is the head's.
 * `SEEDS=1,2 AVB=1 npx tsx test/behaviour/conductance-head.ts ['{…}' …]` (AVB: AVB's tonic current × this)
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/locomotion';
import { createSimulation } from '../../src/sim/simulation';
import { avbTonicPa, convertedWorm, type GaitPoint, parseGaitPoint, STEADY_SETTLE_MS } from './conductance-measure';
import { OPEN_FIELD } from './measure';

const WINDOW_MS = 12_000;
/** RMDD's release midpoint (locomotion.ts builds the head oscillator with vHalf −45 mV). */
const RMD_HALF_MV = -45;

function headAndBody(point: GaitPoint, seed: number, medium: 'agar' | 'water'): string {
  const circuit = convertedWorm(point);
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD });
  sim.ablate('AWC');
  if (AVB_SCALE !== 1) sim.setNeuronParam('AVB', 'tonicPa', avbTonicPa(circuit) * AVB_SCALE);
  sim.run(STEADY_SETTLE_MS);
  const rmdd = sim.neuronIds.indexOf('RMDD');
  let up = sim.network.v[rmdd] > RMD_HALF_MV;
  let flips = 0;
  const a = sim.behaviour().centroid;
  const end = sim.timeMs + WINDOW_MS;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const now = sim.network.v[rmdd] > RMD_HALF_MV;
    if (now !== up) flips++;
    up = now;
  }
  const b = sim.behaviour().centroid;
  const speed = Math.hypot(b[0] - a[0], b[1] - a[1]) / sim.bodyLengthMm / (WINDOW_MS / 1000);
  const head = flips / 2 / (WINDOW_MS / 1000);
  return `${medium} head ${head.toFixed(2)} Hz, body ${sim.bendingFrequencyHz(WINDOW_MS).toFixed(2)} Hz, λ ${sim.wavelengthBodyLengths(WINDOW_MS).toFixed(2)}, ${speed.toFixed(3)} BL/s net`;
}

/** AVB's tonic current × AVB (env, default 1), as the speed–drive curve scales it. */
const AVB_SCALE = Number(process.env.AVB ?? '1');
if (!(AVB_SCALE > 0)) throw new Error(`conductance-head: AVB must be a positive multiple of AVB's tonic current, got "${process.env.AVB}"`);
const points = process.argv.length > 2 ? process.argv.slice(2).map((t, k) => parseGaitPoint('conductance-head', `argument ${k + 1}`, t)) : [CONDUCTANCE_GAIT];
const seeds = (process.env.SEEDS ?? '1').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s > 0))
  throw new Error(`conductance-head: SEEDS must be positive integers separated by commas, got "${process.env.SEEDS}"`);
for (const point of points) {
  for (const seed of seeds) console.log(`${JSON.stringify(point)} s${seed}: ${headAndBody(point, seed, 'agar')}; ${headAndBody(point, seed, 'water')}`);
}
