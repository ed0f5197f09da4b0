/**
 * Does the converted worm's body follow its head? For working points of the converted worm (each
 * argument a JSON of overrides of the shipped GAIT, as conductance-search.ts takes them; none:
 * CONDUCTANCE_GAIT), per seed and medium: the head
 * oscillator's rate (RMDD crossing its release midpoint, flips per second / 2), the mid-body's bending
 * frequency and λ, and the net speed, read as conductance-measure.ts reads the steady gait (open field,
 * AWC cut, 12 s settle, 12 s window), with the mean and spread of the head's half-cycles. Where the two rates differ the body skips head flips (or runs
 * on its own); where they agree the crawl's frequency is the head's.
 * `SEEDS=1,2 AVB=1 [B=-1] [NOISE=0] npx tsx test/behaviour/conductance-head.ts ['{…}' …]` (AVB: AVB's tonic current × this;
 * B: a tonic current into every B-type unit, pA, as conductance-curves.ts' inhibition curve sets it;
 * NOISE: the neural noise in pA, default the simulation's 0.02. Without an individual drawn, the seed is only the
 * noise's stream, so NOISE=0 shows whether the head's irregularity is the noise's or its own.)
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { createSimulation } from '../../src/sim/simulation';
import { avbTonicPa, bTypeUnits, convertedWorm, type GaitPoint, headHalfPeriods, meanSd, parseGaitPoint, STEADY_SETTLE_MS } from './conductance-measure';
import { OPEN_FIELD } from './measure';

const WINDOW_MS = 12_000;

function headAndBody(point: GaitPoint, seed: number, medium: 'agar' | 'water'): string {
  const circuit = convertedWorm(point);
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD, neuralNoisePa: NOISE_PA });
  sim.ablate('AWC');
  if (AVB_SCALE !== 1) sim.setNeuronParam('AVB', 'tonicPa', avbTonicPa(circuit) * AVB_SCALE);
  if (B_TONIC_PA !== 0) for (const id of bTypeUnits(circuit)) sim.setNeuronParam(id, 'tonicPa', B_TONIC_PA);
  sim.run(STEADY_SETTLE_MS);
  const a = sim.behaviour().centroid;
  const { flips, half } = headHalfPeriods(sim, WINDOW_MS);
  const b = sim.behaviour().centroid;
  const speed = Math.hypot(b[0] - a[0], b[1] - a[1]) / sim.bodyLengthMm / (WINDOW_MS / 1000);
  const head = flips / 2 / (WINDOW_MS / 1000);
  const { mean, sd } = meanSd(half);
  return `${medium} head ${head.toFixed(2)} Hz (half-cycle ${mean.toFixed(0)} ± ${sd.toFixed(0)} ms), body ${sim.bendingFrequencyHz(WINDOW_MS).toFixed(2)} Hz, λ ${sim.wavelengthBodyLengths(WINDOW_MS).toFixed(2)}, ${speed.toFixed(3)} BL/s net`;
}

/** AVB's tonic current × AVB (env, default 1), as the speed–drive curve scales it. */
const AVB_SCALE = Number(process.env.AVB ?? '1');
const NOISE_PA = Number(process.env.NOISE ?? '0.02');
const B_TONIC_PA = Number(process.env.B ?? '0');
if (!Number.isFinite(B_TONIC_PA))
  throw new Error(`conductance-head: B must be a tonic current into every B unit in pA (e.g. -1; default 0), got "${process.env.B}"`);
if (!(NOISE_PA >= 0)) throw new Error(`conductance-head: NOISE must be a neural noise ≥ 0 pA (default 0.02), got "${process.env.NOISE}"`);
if (!(AVB_SCALE > 0)) throw new Error(`conductance-head: AVB must be a positive multiple of AVB's tonic current, got "${process.env.AVB}"`);
const points = process.argv.length > 2 ? process.argv.slice(2).map((t, k) => parseGaitPoint('conductance-head', `argument ${k + 1}`, t)) : [CONDUCTANCE_GAIT];
const seeds = (process.env.SEEDS ?? '1').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s > 0))
  throw new Error(`conductance-head: SEEDS must be positive integers separated by commas, got "${process.env.SEEDS}"`);
for (const point of points) {
  for (const seed of seeds) console.log(`${JSON.stringify(point)} s${seed}: ${headAndBody(point, seed, 'agar')}; ${headAndBody(point, seed, 'water')}`);
}
