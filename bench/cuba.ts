/**
 * The CUBA benchmark network (Brette et al. 2007, "Simulation of networks of
 * spiking neurons", benchmark 2; Brian2's examples/CUBA.py), built through the
 * engine: 4,000 LIF neurons (3,200 excitatory, 800 inhibitory), 2 % random
 * connectivity (self-connections allowed, as in Brian2), exponential current
 * synapses τe = 5 ms, τi = 10 ms, dt = 0.1 ms, 1 s.
 *
 *   npx tsx bench/cuba.ts              # JS (wasm pass, JS kernel, general path) and Brian2 (standalone as
 *                                      # generated and without its per-step clock, Cython) in rounds, every
 *                                      # case once a round; the verdicts from the paired rounds' ratios
 *   npx tsx bench/cuba.ts --no-brian2  # JS only
 *   npm run bench -- --only cuba       # the same inside the full report
 *
 * Units. Brian2's CUBA writes the synaptic variables in volts:
 *   τm dv/dt = (ge + gi) − (v − E_L),  spike: ge += we (mV) / gi += wi (mV, < 0)
 * The engine's LIF takes a current I in nA through a resistance R in MΩ:
 *   τm dV/dt = −(V − E_rest) + R·I,    I = g_e − g_i (nA), spike: g += w (nA)
 * so the two agree when R·w = the mV jump: with R = 1 MΩ (the lif
 * "cuba-benchmark" preset) a weight of w nA is a jump of w mV. The conversion
 * is explicit below (weightNa = jumpMv / resistanceMohm). Inhibition: the
 * engine's weights are ≥ 0 and its sign comes from the presynaptic transmitter
 * (GABA), so wi = −9 mV becomes weight 9 on GABA neurons' synapses.
 *
 * Numerics differ slightly from Brian2's `method='exact'`: Brian2 integrates
 * v with ge, gi decaying inside the step; the engine holds the synaptic
 * current over the step (exact for V given I, like every engine current).
 * Spikes are delivered at the end of the step in both. Both sides run the
 * same networks (writeCubaNetwork → cuba_brian2.py); firing rates are
 * compared, not spike trains (the numerics differ as above).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Network } from '../src/neural/network';
import { Rng } from '../src/neural/rng';
import { setWasmKernels } from '../src/neural/wasm/lif-arena';
import { allocateSynapses, type CompactSynapses } from '../src/neural/synapses';
import type { NeuronSpec } from '../src/neural/types';
import { type Brian2Result, buildStandalone, findBrian2Python, type RuntimeServer, runStandalone, startRuntimeServer } from './cuba-brian2';
import { loadLine, machine, machineLine, spread, type Timing, timed } from './measure';
import type { BenchGoal, BenchSuite } from './suite';

/** Brette et al. 2007 / Brian2 CUBA constants. */
export const CUBA = {
  neurons: 4000,
  excitatory: 3200,
  connectivity: 0.02,
  tauMs: 20,
  restMv: -49,
  thresholdMv: -50,
  resetMv: -60,
  refractoryMs: 5,
  tauExcMs: 5,
  tauInhMs: 10,
  /** Brian2: we = (60·0.27/10) mV. */
  jumpExcMv: (60 * 0.27) / 10,
  /** Brian2: wi = (−20·4.5/10) mV. */
  jumpInhMv: (-20 * 4.5) / 10,
  dtMs: 0.1,
  durationMs: 1000,
  /** The lif "cuba-benchmark" preset's input resistance, MΩ. */
  resistanceMohm: 1,
} as const;

export interface CubaNetwork {
  neurons: NeuronSpec[];
  synapses: CompactSynapses;
}

/** Builds the CUBA network (neurons with random initial V in [reset, threshold], 2 % random synapses). */
export function buildCuba(seed = 2007, size: number = CUBA.neurons): CubaNetwork {
  const rng = new Rng(seed);
  const nExc = Math.round((size * CUBA.excitatory) / CUBA.neurons);
  const neurons: NeuronSpec[] = Array.from({ length: size }, (_, i) => ({
    id: `n${i}`,
    model: 'lif',
    preset: 'cuba-benchmark',
    params: {},
    init: { v: CUBA.resetMv + rng.next() * (CUBA.thresholdMv - CUBA.resetMv) },
    transmitter: i < nExc ? 'glutamate' : 'GABA',
  }));
  // Engine weights are currents (nA) through R (MΩ): R·w must equal Brian2's jump in mV.
  const weightExc = CUBA.jumpExcMv / CUBA.resistanceMohm;
  const weightInh = -CUBA.jumpInhMv / CUBA.resistanceMohm;
  // Each ordered pair (self-pairs included, as in Brian2) with probability p; geometric skips draw once per synapse.
  const p = CUBA.connectivity;
  const logQ = Math.log(1 - p);
  const from: number[] = [],
    to: number[] = [];
  const pairs = size * size;
  for (let k = -1; ; ) {
    k += 1 + Math.floor(Math.log(1 - rng.next()) / logQ);
    if (k >= pairs) break;
    from.push(Math.floor(k / size));
    to.push(k % size);
  }
  const synapses = allocateSynapses(from.length);
  for (let s = 0; s < from.length; s++) {
    synapses.from[s] = from[s];
    synapses.to[s] = to[s];
    synapses.weight[s] = from[s] < nExc ? weightExc : weightInh;
  }
  return { neurons, synapses };
}

/** Writes the network as bench/cuba_brian2.py reads it: the same V0 and synapses on both sides. */
export function writeCubaNetwork(net: CubaNetwork, file: string): void {
  const nExc = net.neurons.filter((x) => x.transmitter !== 'GABA').length;
  const v0 = net.neurons.map((x) => x.init?.v as number);
  writeFileSync(
    file,
    JSON.stringify({ neurons: net.neurons.length, excitatory: nExc, v0, from: Array.from(net.synapses.from), to: Array.from(net.synapses.to) }),
  );
}

/** A compiled CUBA network, ready to be timed: each `run()` resets it and simulates `durationMs`. */
export interface CubaJs {
  network: CubaNetwork;
  net: Network;
  /** Time to build the network (spec and compile), s. */
  buildS: number;
  /** Resets, runs the simulated time, times it (this process's CPU and wall), counts the spikes. */
  run(): Timing & { spikes: number };
}

/** `wasm: false` builds the network with the fused step's JS kernel instead of its WebAssembly SIMD pass (the engine's default where available). */
export function prepareCubaJs(options: { seed?: number; durationMs?: number; fastPaths?: boolean; wasm?: boolean } = {}): CubaJs {
  const seed = options.seed ?? 1;
  const durationMs = options.durationMs ?? CUBA.durationMs;
  const t0 = performance.now();
  const network = buildCuba(seed);
  setWasmKernels(options.wasm === false ? 'off' : 'auto');
  let net: Network;
  try {
    net = Network.fromCompact(network.neurons, network.synapses, {
      tauExcMs: CUBA.tauExcMs,
      tauInhMs: CUBA.tauInhMs,
      ...(options.fastPaths !== undefined && { fastPaths: options.fastPaths }),
    });
  } finally {
    setWasmKernels('auto');
  }
  const buildS = (performance.now() - t0) / 1000;
  const steps = Math.round(durationMs / CUBA.dtMs);
  return {
    network,
    net,
    buildS,
    run() {
      net.reset();
      let spikes = 0;
      const t = timed(() => {
        for (let s = 0; s < steps; s++) {
          net.step(CUBA.dtMs);
          spikes += net.firedCount;
        }
      });
      return { ...t, spikes };
    },
  };
}

// ---------------------------------------------------------------- the suite

const secs = (x: number) => `${x.toFixed(3)} s`;
const cpuCell = (xs: readonly number[]) => {
  const s = spread(xs);
  return `${secs(s.min)} (median ${secs(s.median)}, ${s.n} runs)`;
};

/** One timed round of a case: CPU seconds of the simulated second. */
type Case = () => Promise<number> | number;

/**
 * Rounds of every case, the order alternated round by round (A B C, C B A, …),
 * so a load that comes and goes during the runs hits every case of a round:
 * each case's CPU times in round order. One untimed round goes first: the
 * engine's first round after Brian2's set-up ran 1.5–1.8× slower than the
 * rest in 3 of 3 runs (every JS case alike), a start-up cost, not speed.
 */
async function rounds<K extends string>(cases: Record<K, Case>, n: number, log: (line: string) => void): Promise<Record<K, number[]>> {
  const names = Object.keys(cases) as K[];
  const out = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const warm = [] as string[];
  for (const k of names) warm.push(`${k} ${(await cases[k]()).toFixed(3)}`);
  log(`  warm-up round, not counted: ${warm.join(', ')}`);
  for (let r = 0; r < n; r++) {
    for (const k of r % 2 === 0 ? names : [...names].reverse()) out[k].push(await cases[k]());
    log(`  round ${r + 1}/${n}: ${names.map((k) => `${k} ${out[k][r].toFixed(3)}`).join(', ')} (${loadLine()})`);
  }
  return out;
}

/**
 * The verdict on a goal "JS ≤ goal × reference", from rounds that ran both
 * side by side: the median of the per-round ratios (a slow or a lucky round
 * cannot move it; the load of a round hits both sides of it), with the ratio
 * of the two minima and how many rounds met it beside.
 */
export function pairedVerdict(js: readonly number[], ref: readonly number[], goal: number): { met: boolean; median: number; detail: string } {
  const s = spread(js.map((x, r) => x / ref[r]));
  const best = spread(js).min / spread(ref).min;
  const within = js.filter((x, r) => x / ref[r] <= goal).length;
  return {
    met: s.median <= goal,
    median: s.median,
    detail:
      `×${s.median.toFixed(2)} median of ${s.n} rounds side by side (rounds ${s.min.toFixed(2)}–${s.max.toFixed(2)}, ${within} of ${s.n} within ×${goal}); ` +
      `best vs best ${secs(spread(js).min)} vs ${secs(spread(ref).min)} = ×${best.toFixed(2)}`,
  };
}

export const suite: BenchSuite = {
  name: 'cuba',
  description: 'CUBA network (Brette et al. 2007): 4,000 LIF neurons, 2 % connectivity, 1 s at dt = 0.1 ms; JS engine vs Brian2 on the same network',
  async run({ quick, log, args }) {
    const seeds = quick ? [1] : [1, 2, 3];
    const repeats = quick ? 3 : 11;
    log(
      `CUBA: ${CUBA.neurons} LIF neurons (${CUBA.excitatory} exc.), p = ${CUBA.connectivity}, τe ${CUBA.tauExcMs} ms, τi ${CUBA.tauInhMs} ms, dt ${CUBA.dtMs} ms, ${CUBA.durationMs / 1000} s; networks of seeds ${seeds.join(', ')} (the same ones go to Brian2)`,
    );
    log('  timing, both sides alike: CPU time of the process over the simulated second only (no building, no code generation, no compilation)');
    const dir = mkdtempSync(join(tmpdir(), 'neuroworm-cuba-'));
    const fused = seeds.map((seed) => prepareCubaJs({ seed }));
    const files = fused.map((c, k) => {
      const file = join(dir, `cuba-seed-${seeds[k]}.json`);
      writeCubaNetwork(c.network, file);
      return file;
    });
    // Each network's first run is its warm-up (V8 optimises the fresh kernels); its spikes give the rate.
    const fusedSpikes = fused.map((c) => c.run().spikes);
    const jsRates = fusedSpikes.map((x) => x / CUBA.neurons / (CUBA.durationMs / 1000));
    const general = prepareCubaJs({ seed: seeds[0], fastPaths: false });
    const generalSpikes = general.run().spikes;
    // The fused step with its JS kernel beside the default (its wasm SIMD pass where this engine has WebAssembly SIMD): the same spikes, checked here too.
    const fusedJs = prepareCubaJs({ seed: seeds[0], wasm: false });
    const wasmUsed = fused[0].net.input.buffer === fused[0].net.v.buffer;
    const jsKernelSpikes = fusedJs.run().spikes;
    const sameSpikes = jsKernelSpikes === fusedSpikes[0];
    const jsRate = jsRates.reduce((a, b) => a + b, 0) / jsRates.length;

    const cases: Record<string, Case> = {
      fused: () => fused[0].run().cpuS,
      fusedJs: () => fusedJs.run().cpuS,
      general: () => general.run().cpuS,
    };
    let runtime: Brian2Result | null = null;
    let standalone: Brian2Result | null = null;
    let server: RuntimeServer | null = null;
    const wantBrian2 = !args.includes('--no-brian2') && (!quick || args.includes('--brian2'));
    const python = wantBrian2 ? findBrian2Python() : null;
    if (!wantBrian2) log(`Brian2 comparison skipped (${quick ? '--quick; add --brian2 to run it' : '--no-brian2'})`);
    else if (!python) log('Brian2 comparison skipped: brian2 is not installed (dev-only: apt-get install -y python3-brian)');
    else {
      log(
        `Brian2 (${python}): C++ standalone, one thread, built as generated and with its per-step clock call removed (code generation and g++ take a while) ...`,
      );
      standalone = buildStandalone(python, files[0], CUBA.durationMs / 1000);
      if (standalone.error) log(`Brian2 standalone failed: ${standalone.error}`);
      else {
        const at = standalone.directory as string;
        runStandalone(at, 'main'); // warm-up: the binary and its files into the page cache
        runStandalone(at, 'main_clocked');
        cases.standalone = () => runStandalone(at, 'main');
        cases.clocked = () => runStandalone(at, 'main_clocked');
      }
      log(`Brian2: runtime target (Cython) on seed ${seeds[0]}'s network, warmed by one run; the other networks once for their rates ...`);
      try {
        server = await startRuntimeServer(python, files, CUBA.durationMs / 1000);
        runtime = server.info;
        const s = server;
        cases.cython = async () => (await s.run()).cpuS;
      } catch (e) {
        runtime = { target: 'runtime', error: (e as Error).message };
        log(`Brian2 runtime failed: ${runtime.error}`);
      }
    }
    log(`  ${repeats} rounds, every case once a round, the order alternated (CPU s of the simulated second):`);
    let times: Record<string, number[]>;
    try {
      times = await rounds(cases, repeats, log);
    } finally {
      server?.close();
    }
    if (runtime && !runtime.error) runtime.runCpuS = times.cython;
    if (standalone && !standalone.error) {
      standalone.runCpuS = times.standalone;
      standalone.clockedCpuS = times.clocked;
    }
    const jsCpu = spread(times.fused);

    const rows: Array<[string, string, string]> = [
      ['', 'CPU time of the simulated second: min (median)', 'mean rate'],
      [
        `JS engine, fused LIF path${wasmUsed ? ', WebAssembly SIMD pass' : ' (no WebAssembly SIMD here: JS kernel)'} (rate: mean of the networks)`,
        cpuCell(times.fused),
        `${jsRate.toFixed(3)} Hz`,
      ],
      [
        `JS engine, fused LIF path, JS kernel (seed ${seeds[0]}: ${sameSpikes ? 'the same spike count' : 'DIFFERENT spike count'})`,
        cpuCell(times.fusedJs),
        `${((jsKernelSpikes / CUBA.neurons) * (1000 / CUBA.durationMs)).toFixed(3)} Hz`,
      ],
      [
        `JS engine, general path (rate: seed ${seeds[0]})`,
        cpuCell(times.general),
        `${((generalSpikes / CUBA.neurons) * (1000 / CUBA.durationMs)).toFixed(3)} Hz`,
      ],
    ];
    const ok = (b: Brian2Result | null): b is Brian2Result & { runCpuS: number[]; rateHz: number } => !!b && !b.error && b.runCpuS !== undefined;
    if (ok(runtime)) rows.push(['Brian2 runtime (Cython) (rate: mean of the networks)', cpuCell(runtime.runCpuS), `${runtime.rateHz.toFixed(3)} Hz`]);
    if (ok(standalone)) {
      rows.push([
        `Brian2 C++ standalone, 1 thread${standalone.patched ? ', per-step clock removed' : ' (clock patch did NOT apply)'}`,
        cpuCell(standalone.runCpuS),
        `${standalone.rateHz.toFixed(3)} Hz`,
      ]);
      if (standalone.clockedCpuS) rows.push(['Brian2 C++ standalone as generated (std::clock() every step)', cpuCell(standalone.clockedCpuS), '']);
    }
    const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) log(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('   ')}`);
    log(
      `  JS per network: ${seeds.map((seed, k) => `seed ${seed} ${jsRates[k].toFixed(3)} Hz`).join('; ')}${ok(runtime) ? `; Brian2 on the same networks: ${runtime.rates!.map((r) => `${r.toFixed(3)} Hz`).join(', ')}` : ''}`,
    );
    const perStep = (x: number) => `${((1e9 * x) / (CUBA.neurons * (CUBA.durationMs / CUBA.dtMs))).toFixed(2)} ns`;
    log(`  the fused path steps at ${perStep(jsCpu.min)} per neuron-step (best run), ${perStep(spread(times.fusedJs).min)} with its JS kernel`);

    const reference = ok(runtime) ? runtime : ok(standalone) ? standalone : null;
    const versus = (name: string, b: Brian2Result | null, goal: number): BenchGoal => {
      if (!ok(b)) return { name, met: null, detail: 'Brian2 not run' };
      const v = pairedVerdict(times.fused, b.runCpuS, goal);
      const asGenerated = b.clockedCpuS ? `; ×${pairedVerdict(times.fused, b.clockedCpuS, goal).median.toFixed(2)} of the binary as generated` : '';
      return { name, met: v.met, detail: v.detail + asGenerated };
    };
    const goals: BenchGoal[] = [
      reference
        ? {
            name: 'CUBA mean rate within ±10 % of Brian2 (same networks)',
            met: Math.abs(jsRate - reference.rateHz) <= 0.1 * reference.rateHz,
            detail: `JS ${jsRate.toFixed(3)} Hz vs Brian2 ${reference.rateHz.toFixed(3)} Hz (${(100 * (jsRate / reference.rateHz - 1)).toFixed(1)} %)`,
          }
        : { name: 'CUBA mean rate within ±10 % of Brian2 (same networks)', met: null, detail: 'Brian2 not run' },
      versus('CUBA JS ≤ 0.8× Brian2 C++ standalone, 1 thread (CPU, median of paired rounds)', standalone, 0.8),
      versus('CUBA JS ≤ 0.25× Brian2 Cython (CPU, median of paired rounds)', runtime, 0.25),
    ];
    log(`  ${loadLine()} at the end`);
    rmSync(dir, { recursive: true, force: true });
    return {
      data: { machine: machine(), jsRates, wasmUsed, sameSpikes, rounds: times, brian2: { runtime, standalone } },
      goals,
    };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(machineLine());
  const args = process.argv.slice(2);
  const result = await suite.run({ quick: args.includes('--quick'), log: (line) => console.log(line), args });
  for (const g of result.goals) console.log(`goal: ${g.name}: ${g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met'} (${g.detail})`);
  console.log(loadLine());
}
