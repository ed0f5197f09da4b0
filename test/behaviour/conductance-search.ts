/**
 * How robust a working point of the converted worm is: its steady gait and
 * posterior touch checks (conductance-measure.ts, against issue 14's targets)
 * at the point itself and at random neighbours, every gain scaled by
 * e^(±spread/2) at once (seeded: the same command prints the same lines).
 * One line per point: failed checks of 7 per seed, seeds in the short-wave
 * mode (agar λ < 0.45 at AVB ×0.9, 1 or 1.1), seeds whose speed does not rise
 * over AVB ×0.9 → 1 → 1.1, then the point, then per seed agar Hz/λ/BL/s,
 * water Hz/BL/s, ratio, paired posterior touch, speed at ×0.9 < ×1.1.
 * CENTER_JSON overrides the shipped GAIT (default, or '': CONDUCTANCE_GAIT, the converted worm's working point).
 * `npx tsx test/behaviour/conductance-search.ts [CENTER_JSON] [points 30] [spread 0.2] [seeds 1,2,3,4,5] [rng seed 1]`
 * (about a minute a point on five seeds on a loaded machine).
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { seededUniform } from '../../src/neural/rng';
import { convertedWorm, gaitChecks, pairedPosterior, parseGaitPoint, steadyGait } from './conductance-measure';

type Point = Record<string, number>;

/** GAIT fields that count neurons or pick a wiring, not gains: a neighbour keeps them (units and tailOwnD are whole numbers; tailPairDirect, a share, is 1 in CONDUCTANCE_GAIT). */
const COUNTS = new Set(['units', 'tailOwnD', 'tailPairDirect']);

function positive(text: string, name: string): number {
  const x = Number(text);
  if (!(x > 0)) throw new Error(`conductance-search: ${name} must be a positive number, got "${text}"`);
  return x;
}

/**
 * Failed checks over the seeds (agar Hz, λ, BL/s; water Hz, ratio, BL/s; paired posterior ≥ 1.25),
 * short-wave seeds (agar λ < 0.45), seeds whose agar speed does not rise at AVB ×0.9 → 1 → 1.1, and one summary per seed.
 */
function check(point: Point, seeds: number[]): { fails: number; shortWave: number; notMonotonic: number; rows: string[] } {
  const circuit = convertedWorm(point);
  let fails = 0;
  let shortWave = 0;
  let notMonotonic = 0;
  const rows: string[] = [];
  for (const seed of seeds) {
    const a = steadyGait(circuit, seed, 'agar');
    const w = steadyGait(circuit, seed, 'water');
    const [lo, hi] = [steadyGait(circuit, seed, 'agar', 0.9), steadyGait(circuit, seed, 'agar', 1.1)];
    const touch = pairedPosterior(circuit, seed);
    const ratio = w.hz / a.hz;
    const ok = [...gaitChecks(a, w), touch >= 1.25];
    fails += ok.filter((x) => !x).length;
    if ([a, lo, hi].some((g) => g.lambda < 0.45)) shortWave++;
    if (!(lo.speed < a.speed && a.speed < hi.speed)) notMonotonic++;
    rows.push(
      `s${seed}:${a.hz.toFixed(2)}/${a.lambda.toFixed(2)}/${a.speed.toFixed(3)} w${w.hz.toFixed(2)}/${w.speed.toFixed(3)} r${ratio.toFixed(1)} p${touch.toFixed(2)} d${lo.speed.toFixed(3)}<${hi.speed.toFixed(3)}`,
    );
  }
  return { fails, shortWave, notMonotonic, rows };
}

const center = parseGaitPoint('conductance-search', 'argument 1 (CENTER_JSON)', process.argv[2] || JSON.stringify(CONDUCTANCE_GAIT)) as Point;
// Neighbours scale every gain by e^(±spread/2): only positive gains have neighbours.
for (const [k, v] of Object.entries(center))
  if (!(v > 0) && !(COUNTS.has(k) && v === 0))
    throw new Error(`conductance-search: "${k}" must be a positive number (or 0 for ${[...COUNTS].join(', ')}), got ${JSON.stringify(v)}`);
const points = Math.round(positive(process.argv[3] ?? '30', 'points'));
const spread = positive(process.argv[4] ?? '0.2', 'spread');
const seeds = (process.argv[5] ?? '1,2,3,4,5').split(',').map((s) => Math.round(positive(s, 'each seed')));
const rnd = seededUniform(Math.round(positive(process.argv[6] ?? '1', 'rng seed')));
for (let i = 0; i < points; i++) {
  const point: Point = {};
  for (const [k, v] of Object.entries(center)) point[k] = i === 0 || COUNTS.has(k) ? v : Number((v * Math.exp((rnd() - 0.5) * spread)).toPrecision(3));
  const { fails, shortWave, notMonotonic, rows } = check(point, seeds);
  console.log(`${fails} short-wave ${shortWave} not-monotonic ${notMonotonic} ${JSON.stringify(point)} ${rows.join(' ')}`);
}
