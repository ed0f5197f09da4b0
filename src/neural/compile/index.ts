/**
 * The network compiler: neurons into populations, each synapse to the kernel
 * that claims it, each kernel built over its synapses, and their steps into
 * one schedule, ordered once (as Brian2 orders its objects before a run).
 * The Network (../network.ts) holds what this returns and runs the schedule.
 */
import { compileModulation } from '../modulation';
import { resolvePlastic } from '../plastic-rules';
import type { Transmitter, ModelKind, ModulatorSpec, NeuronModel, NeuronSpec, ReceptorSpec } from '../types';
import { CHEMICAL, type CompactSynapses, CONDUCTANCE_BASED, CONDUCTANCE_SYNAPSE, ELECTRICAL } from '../synapses';
import { gradedArena } from '../wasm/graded-arena';
import { type FusedSchedule, selectFused } from './fused';
import { selectGradedFused } from './graded-fused';
import { type Clock, type CompileContext, PLAIN_TABLES, type SynapseKernel, type SynapseKernelInstance } from './kernel-api';
import { buildPopulations, gatherStep, gradedArenaOf, inputStep, networkArrays, populationSteps } from './populations';
import { SYNAPSE_KERNELS } from './registry';
import { orderSteps, type ScheduledStep } from './schedule';

export interface CompileOptions {
  /** Decay time constant of excitatory spike-driven synaptic currents, ms (default 5, CUBA). */
  tauExcMs?: number;
  /** Decay time constant of inhibitory spike-driven synaptic currents, ms (default 10, CUBA). */
  tauInhMs?: number;
  /** Model registry to compile with (default: the built-in MODELS); tests and plug-ins pass their own. */
  models?: Partial<Record<ModelKind, NeuronModel>>;
  /** Synapse-kernel registry to compile with (default: SYNAPSE_KERNELS); tests and plug-ins pass their own. */
  synapseKernels?: readonly SynapseKernel[];
  /**
   * Use specialised paths where the network allows (default true): an
   * all-LIF network whose synapses are all spike-driven without delay or
   * depression steps in one fused pass. Same numbers either way, bit for bit;
   * false is for tests and before/after measurements.
   */
  fastPaths?: boolean;
  /**
   * The caller injects conductance as well as current (Network.inputConductance:
   * sensor transduction bounded by reversal potentials). Default false: the
   * step carries no external conductance, and networks without conductance
   * synapses keep their current-only kernels.
   */
  inputConductance?: boolean;
}

export interface CompiledNetwork {
  readonly context: CompileContext;
  /** The kernels with something to do in this network, in registry order. */
  readonly kernels: readonly SynapseKernelInstance[];
  /** The schedule, slot by slot. */
  readonly general: readonly ScheduledStep[];
  /** The fused schedule where the network allows one (fused.ts). */
  readonly fused: FusedSchedule | null;
}

/** A per-synapse value, NaN (or no column) meaning the default. */
const orDefault = (column: Float64Array | undefined, s: number, fallback: number): number => {
  const x = column ? column[s] : Number.NaN;
  return Number.isNaN(x) ? fallback : x;
};

/** Inhibitory by default: GABA. Everything else excites unless a synapse says otherwise. */
const defaultSign = (t: Transmitter | undefined): 1 | -1 => (t === 'GABA' ? -1 : 1);

function checkTau(t: number, name: string): number {
  if (!(t > 0) || !Number.isFinite(t)) throw new Error(`Network options: ${name} must be a finite number > 0 ms, got ${t}`);
  return t;
}

/** Compiles checked neurons and synapses (ids unique, indices in range); parameters are completed and checked here. */
export function compileNetwork(
  neurons: readonly NeuronSpec[],
  syn: CompactSynapses,
  options: CompileOptions = {},
  volume: { modulators?: readonly ModulatorSpec[]; receptors?: readonly ReceptorSpec[] } = {},
): CompiledNetwork {
  const n = neurons.length;
  const tauExcMs = checkTau(options.tauExcMs ?? 5, 'tauExcMs');
  const tauInhMs = checkTau(options.tauInhMs ?? 10, 'tauInhMs');
  const fast = options.fastPaths !== false;
  // An all-graded network keeps its arrays and its synapse tables in a wasm arena: the scatter and gap tables (16 bytes a
  // synapse at most), and the conductance synapses' (a release site and a plain or listed entry, 84 bytes a synapse at
  // most, and an accumulator per neuron for each of up to 8 reversal classes), each table padded to 16 bytes.
  let conductanceSynapses = 0;
  for (let s = 0; s < syn.from.length; s++) if (syn.model?.[s] === CONDUCTANCE_BASED) conductanceSynapses++;
  const tableBytes = 16 * syn.from.length + (conductanceSynapses > 0 ? 80 * conductanceSynapses + 64 * n : 0) + 512;
  const arena = fast && n > 0 && neurons.every((x) => x.model === 'graded') ? gradedArena(n, tableBytes) : null;
  const populations = buildPopulations(neurons, options.models, arena, syn.from.length);
  const arrays = networkArrays(populations, n);
  const clock: Clock = { dtMs: Number.NaN, steps: 0, timeMs: 0, firedCount: 0, outputStale: false };
  const { kinds, entries, popOf } = populations;
  const transmitters = neurons.map((x) => x.transmitter);
  const isTransmitter = (g: number) => kinds[g] === 'transmitter';
  const ids = neurons.map((x) => x.id);
  const modulation = compileModulation(volume.modulators, volume.receptors, n, (id) => ids.indexOf(id), {
    restMv: (g) => {
      const rest = populations.params[g].restMv;
      return typeof rest === 'number' ? rest : undefined;
    },
    takesConductance: (g) => kinds[g] !== 'transmitter',
  });
  const context: CompileContext = {
    size: n,
    ids,
    synapses: syn,
    populations,
    arrays,
    clock,
    tauExcMs,
    tauInhMs,
    isTransmitter,
    isSpiking: (g) => !isTransmitter(g) && entries[popOf[g]].model.spiking,
    sign: (s) => (syn.sign[s] !== 0 ? (syn.sign[s] as 1 | -1) : defaultSign(transmitters[syn.from[s]])),
    delayMs: (s) => (syn.delayMs ? syn.delayMs[s] : 0),
    hasDepression: (s) => syn.depressionRecoveryMs !== undefined && syn.depressionRecoveryMs[s] > 0,
    isConductance: (s) => syn.model !== undefined && syn.model[s] === CONDUCTANCE_BASED,
    reversalMv: (s) => orDefault(syn.reversalMv, s, context.sign(s) > 0 ? CONDUCTANCE_SYNAPSE.excitatoryReversalMv : CONDUCTANCE_SYNAPSE.chlorideReversalMv),
    releaseHalfMv: (s) => orDefault(syn.releaseHalfMv, s, CONDUCTANCE_SYNAPSE.releaseHalfMv),
    releaseSlopeMv: (s) => orDefault(syn.releaseSlopeMv, s, CONDUCTANCE_SYNAPSE.releaseSlopeMv),
    synapseTauMs: (s) => orDefault(syn.tauMs, s, context.sign(s) > 0 ? CONDUCTANCE_SYNAPSE.tauExcitatoryMs : CONDUCTANCE_SYNAPSE.tauInhibitoryMs),
    plastic: (s) => {
      const spec = syn.plastic?.[s];
      return spec === undefined ? null : resolvePlastic(spec, `synapses[${s}] (${ids[syn.from[s]]} → ${ids[syn.to[s]]})`, syn.weight[s]);
    },
    modulation,
    tables: gradedArenaOf(populations) ?? PLAIN_TABLES,
  };

  // Classification: each synapse to the first kernel that claims it.
  const registry = options.synapseKernels ?? SYNAPSE_KERNELS;
  const members: number[][] = registry.map(() => []);
  for (let s = 0; s < syn.from.length; s++) {
    let k = 0;
    while (k < registry.length && !registry[k].claims(context, s)) k++;
    if (k === registry.length) {
      if (syn.kind[s] !== CHEMICAL && syn.kind[s] !== ELECTRICAL) throw new Error(`synapses[${s}]: unknown kind code ${syn.kind[s]}`);
      throw new Error(
        `synapses[${s}] (${context.ids[syn.from[s]]} → ${context.ids[syn.to[s]]}): no synapse kernel takes it; kernels: ${registry.map((r) => r.kind).join(', ')}`,
      );
    }
    members[k].push(s);
  }
  const kernels = registry.flatMap((kernel, k) => kernel.build(context, Int32Array.from(members[k])) ?? []);
  const external = options.inputConductance ?? false;
  const conducting = external || kernels.some((k) => k.conductance === true);

  const general = orderSteps([
    inputStep(arrays, conducting, external),
    ...kernels.flatMap((k) => k.steps),
    ...populationSteps(populations, arrays, conducting),
    gatherStep(populations, arrays, clock),
  ]);
  // The fused LIF pass takes no conductance.
  const fused = fast ? (selectGradedFused(context, kernels, general, external) ?? (external ? null : selectFused(populations, kernels, arrays, clock))) : null;
  return { context, kernels, general, fused };
}
