/**
 * The graded neuron update alone (graded-step.wat's `neurons`: the rectifier,
 * the plateau, the relaxation and the output) on a worm's own arena, this
 * tree's wasm bytes against BEFORE's (a `git archive` of the commit to
 * compare, as bench/vs-checkout.ts takes) in one process: the worm (plate,
 * seed 1) warms 300 steps, then each side gets a copy of its arena's memory
 * and runs the update --calls times a round, rounds alternated; CPU ns per
 * call (one 1 ms sub-step of the whole population), min and median of each
 * side, the median of the per-round ratios (> 1 is faster here), and whether
 * the two memories ended the same bit for bit.
 *
 *   npx tsx bench/graded-update.ts BEFORE_DIR [--circuit connectome|worm] [--rounds 30] [--calls 10000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getBuiltinCircuit } from '../src/circuits/builtin';
import { gradedArenaOf } from '../src/neural/compile/populations';
import { BYTES } from '../src/neural/wasm/graded-step-bytes';
import { Simulation } from '../src/sim/simulation';
import { alternatePair, checkoutArgs, spread } from './measure';
import { benchCircuit } from './sim';

const { before, opt } = checkoutArgs('usage: npx tsx bench/graded-update.ts BEFORE_DIR [--circuit connectome|worm] [--rounds 30] [--calls 10000]');
const circuit = opt('--circuit', 'connectome');
const rounds = Number(opt('--rounds', '30'));
const calls = Number(opt('--calls', '10000'));
if (!['connectome', 'worm'].includes(circuit))
  throw new Error(`--circuit must be connectome or worm (the default worm, on conductance synapses), got ${JSON.stringify(circuit)}`);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`--rounds must be a whole number ≥ 2, got ${opt('--rounds', '')}`);
if (!Number.isInteger(calls) || calls < 1) throw new Error(`--calls must be a whole number ≥ 1, got ${opt('--calls', '')}`);

const sim = new Simulation({
  circuit: circuit === 'connectome' ? benchCircuit().circuit : getBuiltinCircuit('worm'),
  arena: 'plate',
  seed: 1,
});
for (let k = 0; k < 300; k++) sim.step();
// The network's populations are private: read here for the arena only.
const pops = (sim.network as unknown as { pops: Parameters<typeof gradedArenaOf>[0] }).pops;
const arena = gradedArenaOf(pops);
const pop = pops.graded?.pop;
if (!arena || !pop) throw new Error(`${circuit}: no graded arena here (WebAssembly SIMD missing, or setWasmKernels off)`);
const { n } = arena;
const buffer = arena.array.v.buffer as ArrayBuffer;
// The arena's layout (graded-arena.ts): 28 neuron arrays of stride bytes, then the logistic table.
const stride = Math.ceil((n * 8) / 16) * 16;
const g = sim.network.takesConductance ? arena.array.conductance.byteOffset : arena.array.zero.byteOffset;
const plateau = pop.plateau ? 1 : 0;
const rectifier = pop.rectifier ? 1 : 0;

function side(base64: string) {
  const memory = new WebAssembly.Memory({ initial: buffer.byteLength / 65536 });
  new Uint8Array(memory.buffer).set(new Uint8Array(buffer));
  const module = new WebAssembly.Module(Buffer.from(base64, 'base64'));
  const { neurons } = new WebAssembly.Instance(module, { graded: { mem: memory } }).exports as { neurons: (...a: number[]) => void };
  return { memory, run: () => neurons(n, stride, 28 * stride, g, plateau, rectifier), ns: [] as number[] };
}
const after = side(BYTES);
const prior = side((await import(pathToFileURL(resolve(before, 'src/neural/wasm/graded-step-bytes.ts')).href)).BYTES as string);
const round = (s: typeof after) => {
  const c0 = process.cpuUsage();
  for (let k = 0; k < calls; k++) s.run();
  const c = process.cpuUsage(c0);
  s.ns.push(((c.user + c.system) * 1000) / calls);
};
alternatePair(
  rounds,
  () => round(after),
  () => round(prior),
);
const a = new Uint8Array(after.memory.buffer);
const b = new Uint8Array(prior.memory.buffer);
const same = a.length === b.length && a.every((x, k) => x === b[k]);
const line = (ns: number[]) => `min ${spread(ns).min.toFixed(0)}, median ${spread(ns).median.toFixed(0)} ns a call`;
console.log(`${circuit}'s graded update (${n} cells, plateau ${plateau}, rectifier ${rectifier}), ${rounds} rounds of ${calls} calls alternated (CPU time):`);
console.log(`  this tree: ${line(after.ns)}`);
console.log(`  ${before}: ${line(prior.ns)}`);
const ratios = after.ns.map((t, k) => prior.ns[k] / t);
console.log(
  `  speed, this tree / before, per round: median ×${spread(ratios).median.toFixed(3)} (${spread(ratios).min.toFixed(3)}–${spread(ratios).max.toFixed(3)}); memories the same bit for bit: ${same ? 'yes' : 'NO'}`,
);
