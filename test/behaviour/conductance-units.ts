/**
 * Is the converted worm's short wave a wave? Per seed and AVB drive (× 0.9, 1, 1.1 of its tonic current), the
 * steady crawl read from the body (bending frequency and λ, as the gait checks read them) and from the B units
 * (conductance-measure.ts' unitSides), with AVB's mean release: per unit `k:dorsal%/side changes per s`, marked L where it is latched (under
 * 10 % or over 90 % of the window on one side) and C where it chatters (more than three times the body's two
 * changes a cycle).
 * `npx tsx test/behaviour/conductance-units.ts ['{GAIT overrides}'] [seeds 1,2]` (none: CONDUCTANCE_GAIT)
 */
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { convertedWorm, parseGaitPoint, unitSides } from './conductance-measure';

const point = process.argv[2] ? parseGaitPoint('conductance-units', 'argument 1 (point)', process.argv[2]) : CONDUCTANCE_GAIT;
const seeds = (process.argv[3] ?? '1,2').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s > 0))
  throw new Error(`conductance-units: seeds (argument 2) must be positive integers separated by commas, e.g. 1,2; got "${process.argv[3]}"`);
const circuit = convertedWorm(point);
console.log(JSON.stringify(point));
for (const seed of seeds) {
  for (const drive of [0.9, 1, 1.1]) {
    const u = unitSides(circuit, seed, drive);
    const cells = u.dorsal.map((share, k) => {
      const rate = u.switchesPerS[k];
      const mark = share < 0.1 || share > 0.9 ? 'L' : rate > 3 * 2 * u.hz ? 'C' : '';
      return `${k + 1}:${Math.round(100 * share)}%/${rate.toFixed(1)}${mark}`;
    });
    console.log(`s${seed} ×${drive} body ${u.hz.toFixed(2)} Hz λ ${u.lambda.toFixed(2)} AVB ${u.avbOutput.toFixed(3)} | ${cells.join(' ')}`);
  }
}
