/**
 * The CUBA benchmark network (Brette et al. 2007, "Simulation of networks of
 * spiking neurons", benchmark 2; Brian2's examples/CUBA.py), built through the
 * engine: 4,000 LIF neurons (3,200 excitatory, 800 inhibitory), 2 % random
 * connectivity (self-connections allowed, as in Brian2), exponential current
 * synapses τe = 5 ms, τi = 10 ms, dt = 0.1 ms, 1 s.
 *
 *   npx tsx bench/cuba.ts              # JS, then Brian2 if installed
 *   npx tsx bench/cuba.ts --no-brian2  # JS only
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
  const from: number[] = [], to: number[] = [];
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
  neurons: number;
  synapses: number;
  /** Wall time of the simulated second only (network built beforehand), s. */
  runWallS: number;
  /** CPU time of this process during the run, s. */
  runCpuS: number;
  /** Time to build the network (spec and compile), s. */
  buildS: number;
  spikes: number;
  rateHz: number;
}

export function runCubaJs(options: { seed?: number; durationMs?: number } = {}): CubaResult {
  const durationMs = options.durationMs ?? CUBA.durationMs;
  const t0 = performance.now();
  const { neurons, synapses } = buildCuba(options.seed ?? 2007);
  const net = Network.fromCompact(neurons, synapses, { tauExcMs: CUBA.tauExcMs, tauInhMs: CUBA.tauInhMs });
  const buildS = (performance.now() - t0) / 1000;
  const steps = Math.round(durationMs / CUBA.dtMs);
  const n = net.size;
  let spikes = 0;
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (let s = 0; s < steps; s++) {
    net.step(CUBA.dtMs);
    spikes += net.firedCount;
  }
  const runWallS = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    name: 'JS engine',
    neurons: n,
    synapses: synapses.from.length,
    runWallS,
    runCpuS: (cpu.user + cpu.system) / 1e6,
    buildS,
    spikes,
    rateHz: spikes / n / (durationMs / 1000),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (let r = 0; r < 3; r++) console.log(JSON.stringify(runCubaJs()));
}
