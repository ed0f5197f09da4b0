/**
 * The noise draws alone (issue 16): NormalSource.addTo over a 302-neuron
 * input (the connectome worm's, once a 1 ms sub-step), CPU ns per draw; with
 * BEFORE_DIR (a `git archive` of the commit to compare, as bench/vs-checkout.ts
 * takes) that tree's addTo beside this one's in the same process, rounds
 * alternated, and the two checked to add the same bits. Prints min and median
 * of each side and the median of the per-round ratios (before / this tree:
 * > 1 is faster here).
 *
 *   npx tsx bench/noise-draw.ts [BEFORE_DIR] [--rounds 20] [--calls 20000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const before = args[0] && !args[0].startsWith('--') ? args[0] : null;
const rounds = Number(opt('--rounds', '20'));
const calls = Number(opt('--calls', '20000'));
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`--rounds must be a whole number ≥ 2, got ${opt('--rounds', '')}`);
if (!Number.isInteger(calls) || calls < 1) throw new Error(`--calls must be a whole number ≥ 1, got ${opt('--calls', '')}`);

type AddTo = (out: Float64Array, sigma: number) => void;
async function source(root: string): Promise<AddTo> {
  const at = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const { normalSource } = await at('src/sim/noise.ts');
  const { Rng } = await at('src/neural/rng.ts');
  const s = normalSource(new Rng(1));
  return (out, sigma) => s.addTo(out, sigma);
}

const sides: { name: string; addTo: AddTo; out: Float64Array; ns: number[] }[] = [
  { name: 'this tree', addTo: await source(resolve(import.meta.dirname, '..')), out: new Float64Array(302), ns: [] },
];
if (before) sides.push({ name: before, addTo: await source(resolve(before)), out: new Float64Array(302), ns: [] });
const time = (s: (typeof sides)[number]) => {
  const c0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) s.addTo(s.out, 0.5);
  const c = process.cpuUsage(c0);
  s.ns.push(((c.user + c.system) * 1000) / (calls * s.out.length));
};
for (const s of sides) time(s); // warm-up round, not kept
for (const s of sides) s.ns.length = 0;
for (let r = 0; r < rounds; r++) for (const s of r % 2 ? [...sides].reverse() : sides) time(s);
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
console.log(`addTo over 302 values, ${rounds} rounds of ${calls} calls (CPU time):`);
for (const s of sides) console.log(`  ${s.name}: min ${Math.min(...s.ns).toFixed(2)}, median ${median(s.ns).toFixed(2)} ns per draw`);
if (sides.length === 2) {
  const [a, b] = sides;
  const ratios = a.ns.map((t, k) => b.ns[k] / t);
  const same = a.out.every((x, k) => Object.is(x, b.out[k]));
  console.log(
    `  speed, this tree / before, per round: median ×${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); the same sums bit for bit: ${same ? 'yes' : 'NO'}`,
  );
}
