/**
 * One worm of this tree against the same worm of another checkout (BEFORE: a
 * `git archive` of the commit to compare, with a node_modules beside it), in
 * ONE process: each side's modules load from its own tree, both Simulations
 * (plate, seed 1) warm 800 steps, then they step in rounds of --per steps,
 * alternated A B, B A, … for --rounds rounds, each round timed as this
 * process's CPU time per step. On a loaded 2-core machine separate processes
 * swing by ±15 % pair to pair (bench/paired.ts over alternated runs); rounds a
 * few tens of ms apart in one process see the same machine, so a few-percent
 * change shows. Prints each side's min and median µs per step, the median and
 * range of the per-round ratios (BEFORE's time / this tree's: > 1 is faster
 * here), and whether the two worms' V and pose (segment centres) ended the
 * same bit for bit.
 *
 *   git archive COMMIT | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npx tsx bench/vs-checkout.ts /tmp/before [--circuit worm|worm-current|connectome] [--rounds 40] [--per 300]
 *
 * `worm` is the default worm (on conductance synapses since session 18; the old `worm-conductance` value built the
 * same worm and is gone), `worm-current` the built-in current-based worm it replaced.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternatePair, checkoutArgs, spread } from './measure';

const { before, opt } = checkoutArgs('usage: npx tsx bench/vs-checkout.ts BEFORE_DIR [--circuit worm|worm-current|connectome] [--rounds 40] [--per 300]');
const circuit = opt('--circuit', 'worm');
const rounds = Number(opt('--rounds', '40'));
const per = Number(opt('--per', '300'));
if (!['worm', 'worm-current', 'connectome'].includes(circuit))
  throw new Error(`--circuit must be worm, worm-current or connectome, got ${JSON.stringify(circuit)}`);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`--rounds must be a whole number ≥ 2, got ${opt('--rounds', '')}`);
if (!Number.isInteger(per) || per < 1) throw new Error(`--per must be a whole number ≥ 1 (steps a round), got ${opt('--per', '')}`);

interface Stepper {
  step(): void;
  network: { v: Float64Array };
  body: { positions(): Float64Array };
}

/** A worm built and stepped by the modules of the tree at `root`. */
async function worm(root: string): Promise<Stepper> {
  const at = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const { Simulation } = await at('src/sim/simulation.ts');
  const c: unknown =
    circuit === 'connectome' ? (await at('bench/sim.ts')).benchCircuit().circuit : (await at('src/circuits/builtin/index.ts')).getBuiltinCircuit(circuit);
  return new Simulation({ circuit: c, arena: 'plate', seed: 1 });
}

const after = await worm(resolve(import.meta.dirname, '..'));
const prior = await worm(resolve(before));
for (let k = 0; k < 800; k++) {
  after.step();
  prior.step();
}
const us = { after: [] as number[], prior: [] as number[] };
const round = (s: Stepper, into: number[]) => {
  const c0 = process.cpuUsage();
  for (let k = 0; k < per; k++) s.step();
  const c = process.cpuUsage(c0);
  into.push((c.user + c.system) / per);
};
alternatePair(
  rounds,
  () => round(after, us.after),
  () => round(prior, us.prior),
);
const median = (xs: readonly number[]): number => spread(xs).median;
const ratios = us.after.map((t, k) => us.prior[k] / t);
const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, k) => Object.is(x, b[k]));
const same = sameBits(after.network.v, prior.network.v);
const samePose = sameBits(after.body.positions(), prior.body.positions());
const side = (t: number[]) => `min ${Math.min(...t).toFixed(1)}, median ${median(t).toFixed(1)} µs per step`;
console.log(`${circuit}, ${rounds} rounds of ${per} steps alternated in one process (CPU time):`);
console.log(`  this tree: ${side(us.after)}`);
console.log(`  ${before}: ${side(us.prior)}`);
console.log(
  `  speed, this tree / before, per round: median ×${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); V the same bit for bit: ${same ? 'yes' : 'NO'}, pose (segment centres) the same: ${samePose ? 'yes' : 'NO'}`,
);
