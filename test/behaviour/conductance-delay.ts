/**
 * Where the converted worm's per-unit delay comes from. The crawl's wave speed is (distance a unit
 * reads ahead) / (time from the bend it reads to its own bend), so for each B-unit this prints, at the
 * steady crawl's bending frequency (conductance-measure.ts: open field, AWC cut, 12 s settle, 12 s window),
 * the phase (ms after the head's bend, and degrees) of: the bend at its sensing joint, what its receptor
 * feels there (the bend, lagged by its lagMs, plus the rate term), DBk's V, and its own segment's mean bend. The differences
 * split each unit's delay into the receptor's lead (rate term), the neuron's lag and the body's lag.
 * `SEEDS=1 MEDIUM=agar AVB=1 npx tsx test/behaviour/conductance-delay.ts ['{GAIT overrides}' …]` (none: CONDUCTANCE_GAIT;
 * AVB: AVB's tonic current × this, as the speed–drive curve scales it)
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { createSimulation } from '../../src/sim/simulation';
import { curvature } from '../../src/sim/kinematics';
import { avbTonicPa, convertedWorm, type GaitPoint, parseGaitPoint, STEADY_SETTLE_MS } from './conductance-measure';
import { OPEN_FIELD } from './measure';

const WINDOW_MS = 12_000;

/** Phase (rad, in −π..π) of a sampled signal at f Hz, by a one-bin DFT: larger = later. */
function phase(x: number[], tMs: number[], f: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    const a = (2 * Math.PI * f * tMs[i]) / 1000;
    re += x[i] * Math.cos(a);
    im += x[i] * Math.sin(a);
  }
  return Math.atan2(im, re);
}

/** b's lag after a, rad in (−π, π]. */
const lag = (a: number, b: number) => {
  let d = b - a;
  while (d <= -Math.PI) d += 2 * Math.PI;
  while (d > Math.PI) d -= 2 * Math.PI;
  return d;
};

function delays(point: GaitPoint, seed: number, medium: 'agar' | 'water'): string[] {
  const G = { ...GAIT, ...point };
  const circuit = convertedWorm(point);
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD });
  sim.ablate('AWC');
  if (AVB_SCALE !== 1) sim.setNeuronParam('AVB', 'tonicPa', avbTonicPa(circuit) * AVB_SCALE);
  sim.run(STEADY_SETTLE_MS);
  const n = sim.segments;
  const pose = new Float64Array(2 * n);
  const kappa = new Float64Array(n - 2);
  const jointOf = (at: number) => Math.min(n - 3, Math.max(0, Math.round(at * (n - 1)) - 1));
  const span = (1 - G.headEnd) / G.units;
  const units = Array.from({ length: G.units }, (_, i) => {
    const db = `DB${i + 1}`;
    // Its left receptors (one point, or three with GAIT.senseWidth); its own-bend feedback is on its right side.
    const sensors = circuit.sensors.flatMap((s) => (s.neuron === db && s.sensor === 'stretch' && s.side === 'left' ? [s] : []));
    if (sensors.length === 0) throw new Error(`conductance-delay: ${db} has no left stretch receptor`);
    const from = G.headEnd + i * span;
    const own: number[] = [];
    for (let j = 0; j < n - 2; j++) if ((j + 1) / (n - 1) >= from && (j + 1) / (n - 1) <= from + span) own.push(j);
    const lagMs = sensors[0].lagMs ?? 0;
    const follow = lagMs > 0 ? 1 - Math.exp(-sim.physicsStepMs / lagMs) : 1;
    return { v: sim.neuronIds.indexOf(db), sense: sensors.map((s) => jointOf(s.at)), rate: (sensors[0].rateMs ?? 0) / sim.physicsStepMs, follow, own };
  });
  const neck = jointOf(G.headSenseAt);
  const t: number[] = [];
  const rec = {
    neck: [] as number[],
    sensed: units.map(() => [] as number[]),
    felt: units.map(() => [] as number[]),
    v: units.map(() => [] as number[]),
    bend: units.map(() => [] as number[]),
  };
  const last = units.map(() => Number.NaN);
  const lagged = units.map(() => Number.NaN);
  const end = sim.timeMs + WINDOW_MS;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    sim.body.positions(pose);
    curvature(pose, kappa);
    t.push(sim.timeMs);
    rec.neck.push(kappa[neck]);
    units.forEach((u, k) => {
      const x = u.sense.reduce((sum, j) => sum + kappa[j], 0) / u.sense.length;
      rec.sensed[k].push(x);
      // As the receptor (proprioception.ts): the bend through its lag, plus the rate term unlagged.
      lagged[k] = Number.isNaN(lagged[k]) ? x : lagged[k] + u.follow * (x - lagged[k]);
      rec.felt[k].push(Number.isNaN(last[k]) ? lagged[k] : lagged[k] + u.rate * (x - last[k]));
      last[k] = x;
      rec.v[k].push(sim.network.v[u.v]);
      rec.bend[k].push(u.own.reduce((s, j) => s + kappa[j], 0) / u.own.length);
    });
  }
  const f = sim.bendingFrequencyHz(WINDOW_MS);
  const ms = (rad: number) => Math.round((rad / (2 * Math.PI) / f) * 1000);
  const head = phase(rec.neck, t, f);
  const lines = [
    `s${seed} ${medium} AVB ×${AVB_SCALE} ${f.toFixed(2)} Hz, λ ${sim.wavelengthBodyLengths(WINDOW_MS).toFixed(2)}: per unit, ms after the neck's bend: sensed bend / felt / DB V / own bend; then felt→V, V→own bend, own bend→next unit's felt, and reach (BL)`,
  ];
  units.forEach((u, k) => {
    const [s, fe, v, b] = [rec.sensed[k], rec.felt[k], rec.v[k], rec.bend[k]].map((x) => phase(x, t, f));
    const next = k + 1 < units.length ? ms(lag(b, phase(rec.felt[k + 1], t, f))) : NaN;
    const reach = G.headEnd + (k + 0.5) * span - u.sense.reduce((sum, j) => sum + (j + 1) / (n - 1), 0) / u.sense.length;
    lines.push(
      `  DB${k + 1}: ${ms(lag(head, s))} / ${ms(lag(head, fe))} / ${ms(lag(head, v))} / ${ms(lag(head, b))}; felt→V ${ms(lag(fe, v))}, V→bend ${ms(lag(v, b))}, bend→next felt ${next}; reach ${reach.toFixed(3)}`,
    );
  });
  return lines;
}

const AVB_SCALE = Number(process.env.AVB ?? '1');
if (!(AVB_SCALE > 0)) throw new Error(`conductance-delay: AVB must be a positive multiple of AVB's tonic current, got "${process.env.AVB}"`);
const medium = (process.env.MEDIUM ?? 'agar') as 'agar' | 'water';
if (medium !== 'agar' && medium !== 'water') throw new Error(`conductance-delay: MEDIUM must be agar or water, got "${process.env.MEDIUM}"`);
const seeds = (process.env.SEEDS ?? '1').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s > 0))
  throw new Error(`conductance-delay: SEEDS must be positive integers separated by commas, got "${process.env.SEEDS}"`);
const points = process.argv.length > 2 ? process.argv.slice(2).map((a, k) => parseGaitPoint('conductance-delay', `argument ${k + 1}`, a)) : [CONDUCTANCE_GAIT];
for (const point of points) {
  console.log(JSON.stringify(point));
  for (const seed of seeds) for (const line of delays(point, seed, medium)) console.log(line);
}
