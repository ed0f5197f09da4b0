/**
 * Prints the winner-takes-all table of docs/biology.md (Choosing between two
 * odours): 12 worms (seeds 1–12, four starts), 90 s each, on the odour-choice
 * arena — the choice worm, the same with RIR ⇄ AIA cut, the cut worm alone
 * with one spot (diacetyl for even seeds, isoamyl alcohol for odd), the cut
 * worm with the two spots swapped, and the default worm with both spots
 * smelling of food.
 * Run: `npx tsx test/behaviour/choice-table.ts [current|conductance] [seeds] [overrides]` (a few minutes; the
 * membrane defaults to the shipped one, the other is the generator's build: membrane-builtins.ts; seeds default
 * 1–12; overrides, e.g. '{"choice":{"compareGain":1500}}', change the conductance layers' values for a study).
 */
import { type ChoiceOptions, type ChoiceRun, runChoice, SPOTS } from './choice';
import { parseLayerOverrides } from './layer-overrides';
import { builtinOn, membraneArg } from './membrane-builtins';
import { parseSeeds } from './seeds-arg';

const membrane = membraneArg(process.argv[2], 'choice-table.ts');
const overrides = parseLayerOverrides(process.argv[4], 'choice-table.ts', '{"choice":{"compareGain":1500}}');
const SEEDS = parseSeeds(process.argv[3], 'choice-table.ts', 2, '1,2,3,4,5,6,7,8,9,10,11,12');
const LIMIT_MS = 90_000;

const rows: [string, string, (seed: number) => ChoiceOptions][] = [
  ['choice-worm, both spots', 'choice-worm', () => ({})],
  ['… RIR ⇄ AIA cut, both spots', 'choice-worm', () => ({ cut: true })],
  ['… cut, one spot alone', 'choice-worm', (seed) => ({ cut: true, only: SPOTS[seed % 2] })],
  ['… cut, the spots swapped (diacetyl right, isoamyl alcohol left)', 'choice-worm', () => ({ cut: true, swapped: true })],
  ['worm, both spots smell of food', 'worm', () => ({ foodOdour: true })],
];

const f1 = (x: number) => x.toFixed(1);
console.log(`${membrane} membrane${process.argv[4] ? `, ${process.argv[4]}` : ''}, seeds ${SEEDS.join(',')}\n`);
console.log('| worm, plate | reach a spot | time to reach, s | which | per seed: spot@s (nose x, y; path mm) |');
console.log('|---|---|---|---|---|');
for (const [label, circuit, opts] of rows) {
  const runs: ChoiceRun[] = SEEDS.map((seed) => runChoice(builtinOn(circuit, membrane, overrides), seed, LIMIT_MS, opts(seed)));
  const hit = runs.filter((r) => r.reached);
  const t = hit.map((r) => r.ms / 1000);
  const mean = t.length ? f1(t.reduce((a, b) => a + b, 0) / t.length) : '—';
  const range = t.length ? `${mean} (${f1(Math.min(...t))}–${f1(Math.max(...t))})` : '—';
  const which = SPOTS.map((s) => `${hit.filter((r) => r.reached === s).length} ${s}`).join(', ');
  const each = runs.map((r, i) => `${SEEDS[i]}:${r.reached ?? '-'}@${f1(r.ms / 1000)} (${f1(r.x)}, ${f1(r.y)}; ${f1(r.pathMm)})`).join(' ');
  console.log(`| ${label} | ${hit.length}/${runs.length} | ${range} | ${which} | ${each} |`);
}
