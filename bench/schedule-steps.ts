/**
 * What each step of a worm's network schedule costs on its own: the worm
 * (plate, seed 1) warms 800 physics steps, then every scheduled step's kernel
 * (`Network.schedule`: input, synapse kernels, the population update, …) and
 * the stretch receptors' `apply` are called --calls times in a row, in rounds
 * alternated in order, and timed (this process's CPU time, so waiting for a
 * core does not count); printed as min and median ns per call and µs
 * per 10 ms physics step (the network runs 10 sub-steps of 1 ms in one).
 * Called in a row, a kernel sees warm caches and the same state, so these are
 * lower bounds that say which step to work on, not a split of the whole step
 * (bench/profile-summary.ts is that).
 *
 *   npx tsx bench/schedule-steps.ts [--circuit worm|worm-current|connectome] [--calls 20000] [--rounds 5]
 */
import type { ScheduledStep } from '../src/neural/compile/schedule';
import { getBuiltinCircuit } from '../src/circuits/builtin';
import { buildWorm } from '../src/circuits/builtin/generate';
import { circuitFromDoc } from '../src/circuits/circuit';
import { Simulation } from '../src/sim/simulation';
import { benchCircuit } from './sim';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const circuits = {
  connectome: () => benchCircuit().circuit,
  worm: () => getBuiltinCircuit('worm'),
  'worm-current': () => circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)'),
};
const which = opt('--circuit', 'worm');
if (!Object.hasOwn(circuits, which)) throw new Error(`--circuit must be one of ${Object.keys(circuits).join(', ')}, got ${JSON.stringify(which)}`);
const calls = Number(opt('--calls', '20000'));
const rounds = Number(opt('--rounds', '5'));
if (!Number.isInteger(calls) || calls < 1) throw new Error(`--calls must be a whole number ≥ 1, got ${opt('--calls', '')}`);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number ≥ 1, got ${opt('--rounds', '')}`);

const sim = new Simulation({ circuit: circuits[which as keyof typeof circuits](), arena: 'plate', seed: 1 });
for (let k = 0; k < 800; k++) sim.step();
const dt = sim.neuralStepMs;
const subSteps = sim.physicsStepMs / dt;
// The schedule's closures are the network's own (private: a bench reads them, nothing else does).
const steps = (sim.network as unknown as { active: readonly ScheduledStep[] }).active;
// The stretch receptors read the body once a physics step (Simulation.think), with the sums it holds.
const s = sim as unknown as {
  stretch: { apply(i: Float64Array, g: Float64Array, c: Float64Array): void };
  heldInput: Float64Array;
  heldConductance: Float64Array;
  curvature: Float64Array;
};
const cases: { name: string; perStep: number; run: () => void }[] = [
  ...steps.map((x) => ({ name: x.name, perStep: subSteps, run: () => x.run(dt) })),
  { name: 'stretch receptors (apply)', perStep: 1, run: () => s.stretch.apply(s.heldInput, s.heldConductance, s.curvature) },
];
const ns: number[][] = cases.map(() => []);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? cases.map((_, k) => k) : cases.map((_, k) => cases.length - 1 - k);
  for (const k of order) {
    const c0 = process.cpuUsage();
    for (let c = 0; c < calls; c++) cases[k].run();
    const cpu = process.cpuUsage(c0);
    ns[k].push(((cpu.user + cpu.system) * 1e3) / calls);
  }
}
const median = (xs: readonly number[]): number => {
  const q = [...xs].sort((a, b) => a - b);
  const h = q.length >> 1;
  return q.length % 2 ? q[h] : (q[h - 1] + q[h]) / 2;
};
console.log(
  `${which} (${sim.network.size} neurons), ${calls} calls × ${rounds} rounds each, after 800 steps; CPU ns per call min / median, µs per 10 ms step (min):`,
);
cases.forEach((c, k) => {
  const lo = Math.min(...ns[k]);
  console.log(
    `  ${c.name.padEnd(28)} ${lo.toFixed(0).padStart(6)} / ${median(ns[k]).toFixed(0).padStart(6)} ns   ${((lo * c.perStep) / 1000).toFixed(2).padStart(6)} µs`,
  );
});
