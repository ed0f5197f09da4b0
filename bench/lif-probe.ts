/**
 * A probe of the WebAssembly lever for the fused LIF step (issue 16), not an
 * engine path: the per-neuron update of the fused CUBA loop (I = input +
 * (g_e − g_i), the decays, the exact V step, the threshold) on 4,000 neurons
 * for 10,000 steps, as a JS kernel built like the engine's (a fresh closure
 * over typed arrays) and as hand-written WebAssembly (bench/lif-probe.wat:
 * scalar, and f64x2 SIMD with a scalar pass over a pair only when a lane
 * nears threshold). No refractory period, no spike delivery: the loop alone.
 * `check` runs all three and requires them to agree bit for bit (V of every
 * neuron, the spike count); a variant's name times it alone (a JS kernel
 * timed in a process that also ran wasm read 2–4× slower: run the variants
 * in separate processes and alternate them).
 *
 *   wat2wasm bench/lif-probe.wat -o bench/lif-probe.wasm   # Debian's wabt; the .wasm is committed
 *   npx tsx bench/lif-probe.ts check
 *   for k in js wasm simd js wasm simd; do npx tsx bench/lif-probe.ts $k; done
 */
import { readFileSync } from 'node:fs';
import { machineLine, spread, timed } from './measure';

const N = 4000;
const STEPS = 10_000;
const NAMES = ['v', 'ge', 'gi', 'input', 'current', 'rest', 'R', 'decay', 'gate'] as const;
type Arrays = Record<(typeof NAMES)[number], Float64Array>;
type Step = (decE: number, decI: number, low: number, reset: number) => number;

function init(a: Arrays): void {
  let x = 12345;
  const r = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 4294967296;
  };
  for (let i = 0; i < N; i++) {
    a.v[i] = -60 + 10 * r();
    a.input[i] = 0.2 + 0.5 * r();
    a.ge[i] = r();
    a.gi[i] = r();
    a.rest[i] = -49;
    a.R[i] = 1;
    a.decay[i] = Math.exp(-0.1 / 20);
    a.gate[i] = -50;
  }
}

function jsKernel(a: Arrays, fired: Int32Array): Step {
  const source = `return (decE, decI, low, reset) => {
    let count = 0;
    for (let i = 0; i < n; i++) {
      let I = input[i];
      I += ge[i] - gi[i];
      current[i] = I;
      ge[i] *= decE;
      gi[i] *= decI;
      const vInf = rest[i] + R[i] * I;
      let vi = vInf + (v[i] - vInf) * decay[i];
      if (vi >= low && vi >= gate[i]) { vi = reset; fired[count++] = i; }
      v[i] = vi;
    }
    return count;
  };`;
  return new Function('n', ...NAMES, 'fired', source)(N, ...NAMES.map((k) => a[k]), fired) as Step;
}

function wasmKernel(simd: boolean): { a: Arrays; step: Step } {
  const module = new WebAssembly.Module(readFileSync(new URL('./lif-probe.wasm', import.meta.url)));
  const exports = new WebAssembly.Instance(module).exports as {
    mem: WebAssembly.Memory;
    step: (n: number, ...x: number[]) => number;
    stepSimd: (n: number, ...x: number[]) => number;
  };
  const a = Object.fromEntries(NAMES.map((k, i) => [k, new Float64Array(exports.mem.buffer, i * N * 8, N)])) as Arrays;
  const f = simd ? exports.stepSimd : exports.step;
  return { a, step: (decE, decI, low, reset) => f(N, decE, decI, low, reset) };
}

function make(kind: string): { a: Arrays; step: Step } {
  if (kind === 'js') {
    const a = Object.fromEntries(NAMES.map((k) => [k, new Float64Array(N)])) as Arrays;
    return { a, step: jsKernel(a, new Int32Array(N)) };
  }
  if (kind === 'wasm' || kind === 'simd') return wasmKernel(kind === 'simd');
  throw new Error(`bench/lif-probe.ts: variant "${kind}" unknown; use js, wasm or simd`);
}

function run(k: { a: Arrays; step: Step }): number {
  init(k.a);
  const decE = Math.exp(-0.1 / 5);
  const decI = Math.exp(-0.1 / 10);
  let spikes = 0;
  for (let t = 0; t < STEPS; t++) spikes += k.step(decE, decI, -50, -60);
  return spikes;
}

const kind = process.argv[2] ?? 'check';
if (kind === 'check') {
  const variants = ['js', 'wasm', 'simd'].map((name) => ({ name, k: make(name) }));
  const spikes = variants.map((x) => run(x.k));
  const ref = variants[0].k.a.v;
  for (const [i, x] of variants.entries()) {
    if (spikes[i] !== spikes[0] || !x.k.a.v.every((e, j) => Object.is(e, ref[j])))
      throw new Error(`lif-probe: ${x.name} differs from js (spikes ${spikes[i]} vs ${spikes[0]})`);
  }
  console.log(`js, wasm and simd agree bit for bit: V of all ${N} neurons after ${STEPS} steps, ${spikes[0]} spikes`);
} else {
  const k = make(kind);
  run(k);
  const cpu = spread(Array.from({ length: 5 }, () => timed(() => run(k)).cpuS));
  console.log(
    `${machineLine()}\n${kind}: ${((1e9 * cpu.min) / (N * STEPS)).toFixed(2)} ns per neuron-step (best of 5; median ${((1e9 * cpu.median) / (N * STEPS)).toFixed(2)})`,
  );
}
