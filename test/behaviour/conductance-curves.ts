/**
 * The two curves the slowing proofs lean on, for a working point of the converted worm (GAIT overrides
 * as JSON; none: CONDUCTANCE_GAIT), per seed on agar (conductance-measure.ts' steady gait: open field,
 * AWC cut, 12 s settle, 12 s window): speed, frequency and λ against AVB's tonic drive (× 0.9 … 1.1), and
 * against a tonic current into every B-type unit (DB/VB; 0 … −5 pA, the way dopamine's DOP-3 inhibits
 * them). One line per seed and curve: `k:BL/s/Hz/λ` for each step, then whether speed rises with the
 * drive at every step (and at ×0.9 < ×1 < ×1.1, the gait rule's clause), or falls at every step of the inhibition.
 * `npx tsx test/behaviour/conductance-curves.ts ['{point}'] [seeds 1,2,3] [drive|inhibition|both]`
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { convertedWorm, parseGaitPoint, steadyGait } from './conductance-measure';
import type { Gait } from './gait';

const DRIVE = [0.9, 0.95, 1, 1.05, 1.1];
const INHIBITION_PA = [0, -0.25, -0.5, -1, -1.5, -2, -3, -5];

const point = process.argv[2] ? parseGaitPoint('conductance-curves', 'argument 1 (point)', process.argv[2]) : CONDUCTANCE_GAIT;
const seeds = (process.argv[3] ?? '1,2,3').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s > 0))
  throw new Error(`conductance-curves: seeds (argument 2) must be positive integers separated by commas, e.g. 1,2,3; got "${process.argv[3]}"`);
const which = process.argv[4] ?? 'both';
if (!['drive', 'inhibition', 'both'].includes(which)) throw new Error(`conductance-curves: argument 3 must be drive, inhibition or both; got "${which}"`);

const cell = (k: number, g: Gait) => `${k}:${g.speed.toFixed(3)}/${g.hz.toFixed(2)}/${g.lambda.toFixed(2)}`;
const circuit = convertedWorm(point);
console.log(JSON.stringify(point));
for (const seed of seeds) {
  if (which !== 'inhibition') {
    const g = DRIVE.map((k) => steadyGait(circuit, seed, 'agar', k));
    const every = g.every((x, i) => i === 0 || x.speed > g[i - 1].speed);
    const rule = g[0].speed < g[2].speed && g[2].speed < g[4].speed;
    console.log(`s${seed} drive ×  ${g.map((x, i) => cell(DRIVE[i], x)).join(' ')}  rises at every step ${every}, ×0.9<×1<×1.1 ${rule}`);
  }
  if (which !== 'drive') {
    const g = INHIBITION_PA.map((pa) => steadyGait(circuit, seed, 'agar', 1, pa));
    const every = g.every((x, i) => i === 0 || x.speed < g[i - 1].speed);
    console.log(`s${seed} B-units pA ${g.map((x, i) => cell(INHIBITION_PA[i], x)).join(' ')}  falls at every step ${every}`);
  }
}
