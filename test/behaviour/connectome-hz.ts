/**
 * The connectome crawl's frequency and wave direction read both ways (issue 18, session 17): the crawl
 * scenario (examples/evolve/connectome-crawl.scenario.yaml) as it was, from zero crossings of the curvature
 * at body 0.3, and with `reading: spectrum` (the peak of the curvature's summed power along body 0.2–0.8),
 * with the speed and bend beside them. To see which seeds a ripple on a small neck swing misread.
 *
 *   npx tsx test/behaviour/connectome-hz.ts [circuit.json|default] [--seeds 1,2,3,4,5] [--reading spectrum] [CHANGE …]
 *
 * --reading spectrum (or crossings): that reading alone.
 */
import { join } from 'node:path';
import { runOn } from '../../src/evolve/adapters';
import { loadScenarioFile } from '../../src/scenario/load';
import { formatMeasured } from '../../src/scenario/report';
import type { Scenario } from '../../src/scenario/types';
import { circuitFromArgs } from './connectome-changes';

const args = process.argv.slice(2);
const seedsAt = args.indexOf('--seeds');
const seeds = (seedsAt >= 0 ? args.splice(seedsAt, 2)[1] : '1,2,3,4,5').split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error('--seeds: whole numbers ≥ 0, comma-separated; e.g. --seeds 1,2,3');
const readingAt = args.indexOf('--reading');
const only = readingAt >= 0 ? args.splice(readingAt, 2)[1] : undefined;
if (only !== undefined && only !== 'spectrum' && only !== 'crossings') throw new Error(`--reading: "${only}" must be spectrum or crossings`);
const positional = args.filter((a) => !a.includes('='));
const file = positional[0] === 'default' ? undefined : positional[0];
const circuit = circuitFromArgs(
  file,
  args.filter((a) => a.includes('=')),
);
const crossings = loadScenarioFile(join(import.meta.dirname, '..', '..', 'examples', 'evolve', 'connectome-crawl.scenario.yaml'));
const strip = (s: Scenario): Scenario => ({
  ...s,
  expect: s.expect.map((e) => (e.kind === 'bendingFrequency' || e.kind === 'waveDirection' ? (({ reading: _, ...rest }) => rest)(e) : e)),
});
const withReading = (s: Scenario): Scenario => ({
  ...s,
  expect: s.expect.map((e) => (e.kind === 'bendingFrequency' || e.kind === 'waveDirection' ? { ...e, reading: 'spectrum' as const } : e)),
});
for (const seed of seeds) {
  for (const [label, sc] of [
    ['crossings', strip(crossings)],
    ['spectrum', withReading(crossings)],
  ] as const) {
    if (only !== undefined && label !== only) continue;
    const r = runOn(circuit, sc, seed);
    const cells = r.expectations.map((e) => `${e.kind} ${e.pass ? 'pass' : 'FAIL'} ${formatMeasured(e)}`);
    console.log(`seed ${seed} ${label}: ${r.expectations.every((e) => e.pass) ? 'PASSES' : 'fails'} | ${cells.join(' | ')}`);
  }
}
