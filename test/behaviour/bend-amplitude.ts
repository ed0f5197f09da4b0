/**
 * How much a worm's body bends while it crawls on agar, beside what the gait
 * checks read from it: the bend amplitude (the `bendAmplitude` metric, κL) the
 * scenario field `minBend` holds a reading to, with speed, bending frequency and
 * wave direction, over 4–14 s of a 14 s run on the plate, through the scenario
 * runner. For choosing `minBend` (docs/biology.md, "A bend-size check").
 *
 *   npx tsx test/behaviour/bend-amplitude.ts [CIRCUIT] [SEEDS]
 *
 * CIRCUIT: a circuit file, a built-in name (worm, locomotion, ...), or
 * `connectome` (the importer's defaults; the default). SEEDS: e.g. 1,2,3 (default 1).
 */
import { readFileSync } from 'node:fs';
import { parseCircuit } from '../../src/circuits';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from '../../src/circuits/builtin';
import { runOn } from '../../src/evolve/adapters';
import { scenario } from '../../src/scenario/builder';
import { importWorm } from './connectome-measure';

const [which = 'connectome', seedArg = '1'] = process.argv.slice(2);
const seeds = seedArg.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error(`SEEDS: "${seedArg}" is not a list of whole numbers ≥ 0; e.g. 1,2,3`);
const circuit =
  which === 'connectome' ? importWorm() : BUILTIN_CIRCUIT_NAMES.includes(which) ? getBuiltinCircuit(which) : parseCircuit(readFileSync(which, 'utf8'), which);

const window = { after: '4s', for: '10s' } as const;
const crawl = (seed: number) =>
  scenario('bend amplitude on agar')
    .circuit('measured')
    .arena('plate')
    .medium('agar')
    .seed(seed)
    .duration('14s')
    .expect.metric('bendAmplitude', { atLeast: 0 }, window)
    .expect.speedBetween('0bl/s', '100bl/s', window)
    .expect.bendingFrequencyBetween('0.3Hz', '0.6Hz', window)
    .expect.waveDirection('head-to-tail', window)
    .build();

for (const seed of seeds) {
  const r = runOn(circuit, crawl(seed), seed);
  const [amp, speed, hz, dir] = r.expectations.map((e) => e.measured);
  console.log(
    `${which} seed ${seed}: bend amplitude ${Number(amp).toFixed(2)} κL, speed ${Number(speed).toFixed(4)} BL/s, ${Number(hz).toFixed(2)} Hz, wave ${dir}`,
  );
}
