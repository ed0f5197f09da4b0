/**
 * A first, fast pass of a random search for the converted worm's working point: each point draws
 * every gain in RANGES_JSON log-uniformly (seeded: the same command prints the same lines), over
 * BASE_JSON (GAIT overrides, default CONDUCTANCE_GAIT), and is read on agar and in water only
 * (conductance-measure.ts' steady gait). One line per point: failed checks of the six gait checks
 * per seed (agar 0.3–0.6 Hz, λ 0.55–0.8 BL, 0.1–0.3 BL/s; water ≥ 1.6 Hz, ratio ≥ 3.5, ≥ 0.2 BL/s),
 * the point, then per seed agar Hz/λ/BL/s, water Hz/λ/BL/s and the ratio. Points worth keeping go on
 * to conductance-search.ts (touch, AVB's drive, neighbours).
 * `[DRIVE=1] npx tsx test/behaviour/conductance-scan.ts BASE_JSON RANGES_JSON [points 20] [rng seed 1] [seeds 1]`
 * DRIVE=1 also reads the agar crawl at AVB's tonic drive ×0.9 and ×1.1 and counts a seed whose speed does not
 * rise over ×0.9 → 1 → 1.1 as one more failed check (printed as d<slow>/<fast>).
 * RANGES_JSON: {"gain":[low,high],…}, e.g. '{"stretchRateMs":[200,450],"headStretchGain":[0.06,0.11]}'.
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { seededUniform } from '../../src/neural/rng';
import { convertedWorm, gaitChecks, parseGaitJson, parseGaitPoint, steadyGait } from './conductance-measure';

type Point = Record<string, number>;

function parseRanges(text: string): Record<string, [number, number]> {
  const ranges = parseGaitJson('conductance-scan', 'argument 2 (RANGES_JSON)', text);
  for (const [k, r] of Object.entries(ranges)) {
    if (!(Array.isArray(r) && r.length === 2 && r[0] > 0 && r[1] >= r[0]))
      throw new Error(`conductance-scan: "${k}" must be [low, high] with 0 < low ≤ high, got ${JSON.stringify(r)}; e.g. "${k}":[0.1,0.2]`);
  }
  return ranges as Record<string, [number, number]>;
}

function whole(text: string, name: string): number {
  const x = Number(text);
  if (!(Number.isInteger(x) && x > 0)) throw new Error(`conductance-scan: ${name} must be a positive integer, got "${text}"`);
  return x;
}

const DRIVE = process.env.DRIVE === '1';
if (process.env.DRIVE !== undefined && !['0', '1'].includes(process.env.DRIVE))
  throw new Error(`conductance-scan: DRIVE must be 1 (also read AVB ×0.9 and ×1.1) or 0, got "${process.env.DRIVE}"`);
const base = parseGaitPoint('conductance-scan', 'argument 1 (BASE_JSON)', process.argv[2] ?? JSON.stringify(CONDUCTANCE_GAIT)) as Point;
if (process.argv[3] === undefined) throw new Error('conductance-scan: argument 2 (RANGES_JSON) is required, e.g. \'{"headStretchGain":[0.06,0.11]}\'');
const ranges = parseRanges(process.argv[3]);
const points = whole(process.argv[4] ?? '20', 'points');
const rnd = seededUniform(whole(process.argv[5] ?? '1', 'rng seed'));
const seeds = (process.argv[6] ?? '1').split(',').map((s) => whole(s, 'each seed'));
for (let i = 0; i < points; i++) {
  const drawn: Point = {};
  for (const [k, [lo, hi]] of Object.entries(ranges)) drawn[k] = Number((lo * Math.exp(rnd() * Math.log(hi / lo))).toPrecision(3));
  const circuit = convertedWorm({ ...base, ...drawn });
  let fails = 0;
  const rows: string[] = [];
  for (const seed of seeds) {
    const a = steadyGait(circuit, seed, 'agar');
    const w = steadyGait(circuit, seed, 'water');
    fails += gaitChecks(a, w).filter((x) => !x).length;
    let drive = '';
    if (DRIVE) {
      const [lo, hi] = [0.9, 1.1].map((k) => steadyGait(circuit, seed, 'agar', k));
      if (!(lo.speed < a.speed && a.speed < hi.speed)) fails++;
      drive = ` d${lo.speed.toFixed(3)}/${hi.speed.toFixed(3)}`;
    }
    rows.push(
      `s${seed} ${a.hz.toFixed(2)}/${a.lambda.toFixed(2)}/${a.speed.toFixed(3)} w${w.hz.toFixed(2)}/${w.lambda.toFixed(2)}/${w.speed.toFixed(3)} r${(w.hz / a.hz).toFixed(2)}${drive}`,
    );
  }
  console.log(`${fails} ${JSON.stringify(drawn)} ${rows.join(' ')}`);
}
