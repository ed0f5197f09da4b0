/**
 * One connectome worm (bench/sim.ts's circuit, seed 1), steady: built, warmed
 * 800 steps, then timed over --steps physics steps of 10 ms. Prints simulated
 * seconds per CPU second and per wall second, and hashes of every neuron's V
 * and of the body's pose (segment centres) at the end, so a faster kernel or
 * body step can show it gives the same trajectory.
 * For before/after comparisons in separate processes (alternate them) and
 * for CPU profiles (issue 16):
 *
 *   npx tsx bench/connectome-worm.ts [--steps 6000] [--no-wasm] [--no-noise] [--circuit connectome|worm|worm-current]
 *   node --cpu-prof --cpu-prof-dir=prof --no-turbo-inlining --import tsx bench/connectome-worm.ts --steps 20000 --named-kernels
 *   npx tsx bench/profile-summary.ts prof/*.cpuprofile
 *   npx tsx bench/connectome-worm.ts --constraint-iterations 2   # matter-js's link passes (default 4: createPhysics)
 *
 * --no-wasm: the JS kernels alone (setWasmKernels('off')); --named-kernels:
 * kernels keep their source file's name in a profile (setKernelCompilation(false);
 * one network per process, so its speed is the same); --circuit: the game's
 * `worm` (on conductances), or the current-based `worm-current` (buildWorm({ membrane: 'current' }),
 * bench/sim.ts's issue-14 row), instead of the connectome.
 */
import { createHash } from 'node:crypto';
import { getBuiltinCircuit } from '../src/circuits/builtin';
import { buildWorm } from '../src/circuits/builtin/generate';
import { circuitFromDoc } from '../src/circuits/circuit';
import { setKernelCompilation } from '../src/neural/kernel';
import { setWasmKernels } from '../src/neural/wasm/lif-arena';
import { Simulation } from '../src/sim/simulation';
import { benchCircuit } from './sim';

const args = process.argv.slice(2);
const at = args.indexOf('--steps');
const steps = at >= 0 ? Number(args[at + 1]) : 6000;
if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps must be a whole number ≥ 1, got ${args[at + 1]}`);
const ii = args.indexOf('--constraint-iterations');
const iterations = ii >= 0 ? Number(args[ii + 1]) : undefined;
if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 0)) {
  throw new Error(`--constraint-iterations must be a whole number ≥ 0 (matter-js's passes over the links; createPhysics uses 4), got ${args[ii + 1]}`);
}
if (args.includes('--no-wasm')) setWasmKernels('off');
if (args.includes('--named-kernels')) setKernelCompilation(false);
const circuits = {
  connectome: () => benchCircuit().circuit,
  worm: () => getBuiltinCircuit('worm'),
  'worm-current': () => circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)'),
};
const ci = args.indexOf('--circuit');
const which = ci >= 0 ? args[ci + 1] : 'connectome';
if (!Object.hasOwn(circuits, which ?? '')) throw new Error(`--circuit must be one of ${Object.keys(circuits).join(', ')}, got ${JSON.stringify(which)}`);
const name = which as keyof typeof circuits;

const sim = new Simulation({ circuit: circuits[name](), arena: 'plate', seed: 1, neuralNoisePa: args.includes('--no-noise') ? 0 : undefined });
if (iterations !== undefined) sim.body.engine.constraintIterations = iterations;
for (let k = 0; k < 800; k++) sim.step();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let k = 0; k < steps; k++) sim.step();
const cpu = process.cpuUsage(cpu0);
const wallS = (performance.now() - t0) / 1000;
const simS = (steps * sim.physicsStepMs) / 1000;
const v = Float64Array.from(sim.network.v);
const hashOf = (a: Float64Array) => createHash('sha256').update(new Uint8Array(a.buffer)).digest('hex').slice(0, 16);
const hash = hashOf(v);
const pose = hashOf(sim.body.positions());
console.log(
  `${name === 'connectome' ? 'connectome worm' : name}, ${steps} steps after 800${args.includes('--no-wasm') ? ', JS kernels only' : ''}${iterations !== undefined ? `, ${iterations} constraint iterations` : ''}: ` +
    `${(simS / ((cpu.user + cpu.system) / 1e6)).toFixed(1)}× real time per CPU second, ${(simS / wallS).toFixed(1)}× per wall second; V hash ${hash}, pose hash ${pose}`,
);
