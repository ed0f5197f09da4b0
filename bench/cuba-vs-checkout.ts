/**
 * The fused CUBA step of this tree against another checkout's (BEFORE: a `git
 * archive` of the commit to compare, with a node_modules beside it), in ONE
 * process, the way bench/vs-checkout.ts does it for worms: each side's modules
 * load from its own tree, both build the same CUBA network (bench/cuba.ts,
 * --seed), then simulated seconds alternate A B, B A, … for --rounds rounds,
 * each timed as this process's CPU time (CubaJs.run). Separate processes swing
 * by ±15 % pair to pair at this machine's loads; rounds ~0.1 s apart in one
 * process see the same machine. Prints each side's min and median, the median
 * and range of the per-round ratios (BEFORE's time / this tree's: > 1 is faster
 * here), and whether both sides' spike counts and final V agree bit for bit.
 *
 *   git archive COMMIT | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npx tsx bench/cuba-vs-checkout.ts /tmp/before [--rounds 20] [--seed 1]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CubaJs } from './cuba';
import { alternatePair, checkoutArgs, loadLine, spread } from './measure';

const { before, opt } = checkoutArgs('usage: npx tsx bench/cuba-vs-checkout.ts BEFORE_DIR [--rounds 20] [--seed 1]');
const rounds = Number(opt('--rounds', '20'));
const seed = Number(opt('--seed', '1'));
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`--rounds must be a whole number ≥ 2, got ${opt('--rounds', '')}`);

async function cuba(root: string): Promise<CubaJs> {
  const { prepareCubaJs } = (await import(pathToFileURL(resolve(root, 'bench/cuba.ts')).href)) as typeof import('./cuba');
  return prepareCubaJs({ seed });
}

const after = await cuba(resolve(import.meta.dirname, '..'));
const prior = await cuba(resolve(before));
// Warm both (kernels compiled and optimised), and check they agree.
const hash = (c: CubaJs) =>
  createHash('sha256')
    .update(new Uint8Array(c.net.v.buffer, c.net.v.byteOffset, c.net.v.byteLength))
    .digest('hex')
    .slice(0, 16);
const warm = [after.run(), prior.run()];
const same = warm[0].spikes === warm[1].spikes && hash(after) === hash(prior);
console.log(`start: ${loadLine()}`);
const s = { after: [] as number[], prior: [] as number[], spikes: [] as number[] };
const round = (c: CubaJs, into: number[]) => {
  const t = c.run();
  into.push(t.cpuS);
  s.spikes.push(t.spikes);
};
alternatePair(
  rounds,
  () => round(after, s.after),
  () => round(prior, s.prior),
);
const median = (xs: readonly number[]): number => spread(xs).median;
const ratios = s.after.map((a, k) => s.prior[k] / a);
const f = (x: number) => x.toFixed(4);
console.log(`end: ${loadLine()}`);
console.log(`CUBA seed ${seed}, ${rounds} rounds, CPU s per simulated second`);
console.log(`  before ${before}: min ${f(Math.min(...s.prior))}, median ${f(median(s.prior))}`);
console.log(`  this tree:  min ${f(Math.min(...s.after))}, median ${f(median(s.after))}`);
console.log(
  `  before / this, per round: median ×${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ` +
    `min / min ×${(Math.min(...s.prior) / Math.min(...s.after)).toFixed(3)}`,
);
console.log(`  spikes ${warm[0].spikes} / ${warm[1].spikes}, V ${hash(after)} / ${hash(prior)}: ${same ? 'the same bit for bit' : 'DIFFERENT'}`);
if (new Set(s.spikes).size !== 1) console.log(`  spike counts differ between rounds: ${[...new Set(s.spikes)].join(', ')}`);
