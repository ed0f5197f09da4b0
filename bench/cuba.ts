/**
 * The CUBA benchmark network (Brette et al. 2007, "Simulation of networks of
 * spiking neurons", benchmark 2; Brian2's examples/CUBA.py), built through the
 * engine: 4,000 LIF neurons (3,200 excitatory, 800 inhibitory), 2 % random
 * connectivity (self-connections allowed, as in Brian2), exponential current
 * synapses τe = 5 ms, τi = 10 ms, dt = 0.1 ms, 1 s.
 *
 *   npx tsx bench/cuba.ts              # JS, then Brian2 if installed (bench/cuba_brian2.py)
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
 * Spikes are delivered at the end of the step in both. Firing rates are
 * compared, not spike trains (different random networks).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Network } from '../src/neural/network';
import { Rng } from '../src/neural/rng';
import { allocateSynapses, type CompactSynapses } from '../src/neural/synapses';
import type { NeuronSpec } from '../src/neural/types';
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

export interface CubaResult {
  name: string;
  seed: number;
  neurons: number;
  synapses: number;
  /** Wall time of the simulated second (network built beforehand; second of two identical runs), s. */
  runWallS: number;
  /** CPU time of this process during that run, s. */
  runCpuS: number;
  /** Wall time of the first run (fresh kernels still being optimised by the JIT), s. */
  firstRunWallS: number;
  /** Time to build the network (spec and compile), s. */
  buildS: number;
  spikes: number;
  rateHz: number;
}

/**
 * Builds and runs the CUBA network for `durationMs` twice (reset between: the
 * same trajectory) and times the second run, as the Brian2 script does.
 */
export function runCubaJs(options: { seed?: number; durationMs?: number; fastPaths?: boolean } = {}): CubaResult {
  const seed = options.seed ?? 1;
  const durationMs = options.durationMs ?? CUBA.durationMs;
  const t0 = performance.now();
  const { neurons, synapses } = buildCuba(seed);
  const net = Network.fromCompact(neurons, synapses, {
    tauExcMs: CUBA.tauExcMs,
    tauInhMs: CUBA.tauInhMs,
    ...(options.fastPaths !== undefined && { fastPaths: options.fastPaths }),
  });
  const buildS = (performance.now() - t0) / 1000;
  const steps = Math.round(durationMs / CUBA.dtMs);
  const run = (): number => {
    let spikes = 0;
    for (let s = 0; s < steps; s++) {
      net.step(CUBA.dtMs);
      spikes += net.firedCount;
    }
    return spikes;
  };
  const f0 = performance.now();
  const firstSpikes = run();
  const firstRunWallS = (performance.now() - f0) / 1000;
  net.reset();
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  const spikes = run();
  const runWallS = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (spikes !== firstSpikes)
    throw new Error(`CUBA seed ${seed}: the rerun after reset() fired ${spikes} spikes, the first run ${firstSpikes}: not deterministic`);
  return {
    name: options.fastPaths === false ? 'JS engine, general path' : 'JS engine',
    seed,
    neurons: net.size,
    synapses: synapses.from.length,
    runWallS,
    runCpuS: (cpu.user + cpu.system) / 1e6,
    firstRunWallS,
    buildS,
    spikes,
    rateHz: spikes / net.size / (durationMs / 1000),
  };
}

// ---------------------------------------------------------------- Brian2

export interface Brian2Result {
  target: 'runtime' | 'standalone';
  brian2?: string;
  seeds?: number[];
  runWallS?: number;
  runCpuS?: number;
  compileS?: number;
  /** Mean over seeds. */
  rateHz?: number;
  rates?: number[];
  synapses?: number;
  /** Why there is no result (Brian2 missing, script failed). */
  error?: string;
}

const SCRIPT = fileURLToPath(new URL('./cuba_brian2.py', import.meta.url));

/** A Python that can import brian2: $BRIAN2_PYTHON, python3, or Debian's /usr/bin/python3 (pyenv shims hide Debian's packages). */
export function findBrian2Python(): string | null {
  const candidates = [process.env.BRIAN2_PYTHON, 'python3', '/usr/bin/python3'].filter((x): x is string => !!x);
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import brian2'], { encoding: 'utf8', timeout: 120_000 });
    if (r.status === 0) return python;
  }
  return null;
}

/** Runs bench/cuba_brian2.py for one target; never throws (a failure comes back as `error`). */
export function runBrian2(python: string, target: 'runtime' | 'standalone', seeds: number[]): Brian2Result {
  const r = spawnSync(python, ['-W', 'ignore', SCRIPT, target, String(CUBA.durationMs / 1000), seeds.join(',')], {
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 16 << 20,
  });
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(last) as Brian2Result;
    if (r.status === 0 && parsed.runCpuS !== undefined) return parsed;
    return { target, error: parsed.error ?? `exit ${r.status}` };
  } catch {
    const why = r.error ? r.error.message : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`;
    return { target, error: why };
  }
}

// ---------------------------------------------------------------- the suite

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const secs = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(3)} s`);

export const suite: BenchSuite = {
  name: 'cuba',
  description: 'CUBA network (Brette et al. 2007): 4,000 LIF neurons, 2 % connectivity, 1 s at dt = 0.1 ms; JS engine vs Brian2',
  run({ quick, log, args }) {
    const seeds = quick ? [1] : [1, 2, 3];
    log(
      `CUBA: ${CUBA.neurons} LIF neurons (${CUBA.excitatory} exc.), p = ${CUBA.connectivity}, τe ${CUBA.tauExcMs} ms, τi ${CUBA.tauInhMs} ms, dt ${CUBA.dtMs} ms, ${CUBA.durationMs / 1000} s; seeds ${seeds.join(', ')}`,
    );
    const js = seeds.map((seed) => runCubaJs({ seed }));
    const general = runCubaJs({ seed: seeds[0], fastPaths: false });
    const jsRate = js.reduce((a, r) => a + r.rateHz, 0) / js.length;
    const jsCpu = median(js.map((r) => r.runCpuS));
    const jsWall = median(js.map((r) => r.runWallS));

    let runtime: Brian2Result | null = null;
    let standalone: Brian2Result | null = null;
    const wantBrian2 = !args.includes('--no-brian2') && (!quick || args.includes('--brian2'));
    if (!wantBrian2) {
      log(`Brian2 comparison skipped (${quick ? '--quick; add --brian2 to run it' : '--no-brian2'})`);
    } else {
      const python = findBrian2Python();
      if (!python) {
        log('Brian2 comparison skipped: brian2 is not installed (dev-only: apt-get install -y python3-brian)');
      } else {
        log(`Brian2 (${python}): runtime target (Cython), seeds ${seeds.join(', ')} ...`);
        runtime = runBrian2(python, 'runtime', seeds);
        log('Brian2: C++ standalone, one thread (code generation and g++ take a while) ...');
        standalone = runBrian2(python, 'standalone', [seeds[0]]);
        for (const b of [runtime, standalone]) if (b.error) log(`Brian2 ${b.target} failed: ${b.error}`);
      }
    }

    const rows: Array<[string, string, string, string, string]> = [
      ['', 'run wall', 'run CPU', 'build/compile', 'mean rate'],
      ['JS engine (fused LIF path)', secs(jsWall), secs(jsCpu), secs(median(js.map((r) => r.buildS))), `${jsRate.toFixed(3)} Hz`],
      ['JS engine, general path (seed 1)', secs(general.runWallS), secs(general.runCpuS), secs(general.buildS), `${general.rateHz.toFixed(3)} Hz`],
    ];
    for (const [label, b] of [
      ['Brian2 runtime (Cython)', runtime],
      ['Brian2 C++ standalone, 1 thread', standalone],
    ] as const) {
      if (b && !b.error) rows.push([label, secs(b.runWallS), secs(b.runCpuS), secs(b.compileS), `${b.rateHz!.toFixed(3)} Hz`]);
    }
    const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) log(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('   ')}`);
    log(
      `  JS per seed: ${js.map((r) => `seed ${r.seed} ${r.rateHz.toFixed(3)} Hz, ${r.runCpuS.toFixed(3)} s CPU (first run ${r.firstRunWallS.toFixed(3)} s wall)`).join('; ')}`,
    );
    log('  CPU time compares fairly on a shared machine (Brian2 standalone reports its own std::clock); wall times include waiting for the CPU.');

    const reference = runtime && !runtime.error ? runtime : standalone && !standalone.error ? standalone : null;
    const ok = (b: Brian2Result | null): b is Brian2Result & { runCpuS: number } => !!b && !b.error && b.runCpuS !== undefined;
    const goals: BenchGoal[] = [
      reference
        ? {
            name: 'CUBA mean rate within ±10 % of Brian2',
            met: Math.abs(jsRate - reference.rateHz!) <= 0.1 * reference.rateHz!,
            detail: `JS ${jsRate.toFixed(3)} Hz vs Brian2 ${reference.rateHz!.toFixed(3)} Hz (${(100 * (jsRate / reference.rateHz! - 1)).toFixed(1)} %)`,
          }
        : { name: 'CUBA mean rate within ±10 % of Brian2', met: null, detail: 'Brian2 not run' },
      ok(standalone)
        ? {
            name: 'CUBA JS ≤ Brian2 C++ standalone (CPU)',
            met: jsCpu <= standalone.runCpuS,
            detail: `${jsCpu.toFixed(3)} s vs ${standalone.runCpuS.toFixed(3)} s (×${(jsCpu / standalone.runCpuS).toFixed(2)})`,
          }
        : { name: 'CUBA JS ≤ Brian2 C++ standalone (CPU)', met: null, detail: 'Brian2 not run' },
      ok(runtime)
        ? {
            name: 'CUBA JS ≤ 1/4 of Brian2 Cython (CPU)',
            met: jsCpu <= runtime.runCpuS / 4,
            detail: `${jsCpu.toFixed(3)} s vs ${runtime.runCpuS.toFixed(3)} s (×${(jsCpu / runtime.runCpuS).toFixed(2)})`,
          }
        : { name: 'CUBA JS ≤ 1/4 of Brian2 Cython (CPU)', met: null, detail: 'Brian2 not run' },
    ];
    return { data: { js, general, brian2: { runtime, standalone } }, goals };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const result = await suite.run({ quick: args.includes('--quick'), log: (line) => console.log(line), args });
  for (const g of result.goals) console.log(`goal: ${g.name}: ${g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met'} (${g.detail})`);
}
