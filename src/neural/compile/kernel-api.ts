/**
 * The synapse-kernel interface: what a kind of synapse gives the network
 * compiler, and what the compiler gives it. A kind is one module exporting a
 * `SynapseKernel` and one line in `registry.ts`; the compiler hands it the
 * synapses it claims, and it answers with the steps it adds to the schedule
 * and the edits it supports. docs/neural.md, "Adding a synapse kernel".
 */
import type { Modulation } from '../modulation';
import type { ResolvedPlastic } from '../plastic-rules';
import type { CompactSynapses } from '../synapses';
import type { SynapseKind } from '../types';
import type { NetworkArrays, Populations } from './populations';
import type { ScheduledStep } from './schedule';

/** The network's clock and per-step counters, shared by the network and its kernels. */
export interface Clock {
  /** The dt the kernels are laid out for (NaN before the first step). */
  dtMs: number;
  /** Steps completed; during a step, the number of steps before it. */
  steps: number;
  timeMs: number;
  /** How many neurons fired in the step (fired[0 .. firedCount)), set at `thresholds`. */
  firedCount: number;
  /** A fused step ran since `output` was last read: output must be refreshed before it is read. */
  outputStale: boolean;
}

/** What a kernel sees of the network it is compiled into: arrays and tables fixed at compile time (their contents change), and the clock. */
export interface CompileContext {
  readonly size: number;
  readonly ids: readonly string[];
  /** All synapses of the spec, compact (members index into these). */
  readonly synapses: CompactSynapses;
  readonly populations: Populations;
  readonly arrays: NetworkArrays;
  readonly clock: Clock;
  /** Decay time constants of spike-driven exponential currents, ms. */
  readonly tauExcMs: number;
  readonly tauInhMs: number;
  isTransmitter(g: number): boolean;
  /** A spiking model other than the seed's transmitter neuron. */
  isSpiking(g: number): boolean;
  /** A chemical synapse's sign: its own, else its presynaptic neuron's transmitter (GABA inhibits). */
  sign(s: number): 1 | -1;
  delayMs(s: number): number;
  hasDepression(s: number): boolean;
  /** A conductance-based chemical synapse (I = g·s·(E − V_post)). */
  isConductance(s: number): boolean;
  /** A conductance synapse's reversal potential, mV: its own, else by sign (CONDUCTANCE_SYNAPSE). */
  reversalMv(s: number): number;
  /** A conductance synapse's release curve (graded presynaptic): half-release potential and slope factor, mV. */
  releaseHalfMv(s: number): number;
  releaseSlopeMv(s: number): number;
  /** A conductance synapse's time constant, ms (default by sign). */
  synapseTauMs(s: number): number;
  /** A plastic synapse's complete rule, or null for a fixed one. */
  plastic(s: number): ResolvedPlastic | null;
  /** The network's modulators and receptors (volume transmission), or null. */
  readonly modulation: Modulation | null;
  /**
   * Where the continuous scatter and the gap junctions keep their tables: the
   * graded network's wasm arena (../wasm/graded-arena.ts), so its fused step
   * reads them, or plain arrays.
   */
  readonly tables: TableMemory;
}

/** Allocates synapse tables (zero-filled). */
export interface TableMemory {
  i32(length: number): Int32Array;
  f64(length: number): Float64Array;
}

export const PLAIN_TABLES: TableMemory = { i32: (length) => new Int32Array(length), f64: (length) => new Float64Array(length) };

/** A kind of synapse: which synapses it takes, and how it runs them. */
export interface SynapseKernel {
  /** Its name; its steps are named `kind.part`. */
  readonly kind: string;
  /**
   * Whether synapse s is this kind's. The first kernel of the registry that
   * claims a synapse gets it. May throw a clear error for a synapse it should
   * take but cannot run.
   */
  claims(net: CompileContext, s: number): boolean;
  /** Its part of a network: `members` are its synapses (indices, spec order). Null when it has nothing to do there. */
  build(net: CompileContext, members: Int32Array): SynapseKernelInstance | null;
}

/** One kernel compiled into one network. */
export interface SynapseKernelInstance {
  readonly kind: string;
  /** Its steps; each names its slot (schedule.ts). */
  readonly steps: readonly ScheduledStep[];
  /** A new dt, before the first step at it: per-dt factors, delays in steps, rings. */
  layout?(dtMs: number): void;
  /** Back to the initial state (called after the populations are reset and gathered). */
  reset?(): void;
  /** Neuron g is ablated (already marked in `arrays.alive`): its synapses here carry nothing from now on. */
  ablate(g: number): void;
  /**
   * Removes the synapses a → b (electrical ones: either direction) that are
   * not cut yet, of `kind` only when given; returns how many.
   */
  cut(a: number, b: number, kind?: SynapseKind): number;
  /** A neuron parameter changed (setParam). */
  paramsChanged?(): void;
  /**
   * The weights in `net.synapses.weight` changed (Network.loadWeights, another
   * genome of the same structure): hold them, and whatever the kernel derives
   * from them, as a newly compiled instance would. The network is unedited and
   * is reset after this. Required, so a kernel that holds weights cannot be
   * handed another genome's network without taking its weights.
   */
  loadWeights(): void;
  /** Resource x (0..1) of the first delayed or depressing synapse a → b here (a short-term plastic one: its efficacy); undefined if none. */
  resource?(a: number, b: number): number | undefined;
  /** Plastic synapses: their weights as they are now (they learn during the run). */
  readonly learned?: LearnedWeights;
  /**
   * Adds to `arrays.conductance` at `currents` (conductance-based synapses):
   * the compiler then clears it at `start` and hands it to the populations,
   * which integrate current − conductance·V.
   */
  readonly conductance?: boolean;
}

/** A plastic kernel's weights, read and edited by the network (Network.plasticWeights, setLearning). */
export interface LearnedWeights {
  /** The rule these synapses follow. */
  readonly rule: string;
  /** Spec index of each member. */
  readonly synapses: Int32Array;
  /** The weight of each member now (≥ 0; sign apart); cut or ablated ones read 0. */
  readonly weights: Float64Array;
  /** Learning on (true) or frozen: a frozen synapse transmits with its weight and learns nothing. */
  learning: boolean;
  /** Back to the weights the network was compiled with (cut and ablated ones stay 0). */
  resetWeights(): void;
}

/**
 * Ablation and cuts for a kernel whose synapses (all of one kind) stop by a
 * zero weight: `zero(j)` silences member j; `changed` hears that some were.
 * A synapse is cut once; a cut of electrical ones matches either direction.
 */
export function zeroingEdits(
  net: CompileContext,
  members: Int32Array,
  synapse: SynapseKind,
  zero: (j: number) => void,
  changed: () => void = () => {},
): Pick<SynapseKernelInstance, 'ablate' | 'cut'> {
  const { from, to } = net.synapses;
  const either = synapse === 'electrical';
  const isCut = new Uint8Array(members.length);
  return {
    ablate(g) {
      let any = false;
      for (let j = 0; j < members.length; j++) {
        const s = members[j];
        if (from[s] === g || to[s] === g) {
          zero(j);
          any = true;
        }
      }
      if (any) changed();
    },
    cut(a, b, kind) {
      if (kind !== undefined && kind !== synapse) return 0;
      let cut = 0;
      for (let j = 0; j < members.length; j++) {
        const s = members[j];
        const match = (from[s] === a && to[s] === b) || (either && from[s] === b && to[s] === a);
        if (!match || isCut[j] === 1) continue;
        isCut[j] = 1;
        zero(j);
        cut++;
      }
      if (cut > 0) changed();
      return cut;
    },
  };
}
