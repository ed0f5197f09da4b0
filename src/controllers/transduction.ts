/**
 * Sensory transduction: how a receptor's drive x (the old linear current,
 * gain × stimulus, in the neuron's current unit) reaches its neuron.
 *
 * 'current': x is injected as it is, whatever V (the seed's and teaching
 * circuits; every circuit that does not opt in). V has no bound: a large
 * stretch takes a graded neuron far below any real potential.
 *
 * 'conductance': the receptor opens channels instead. A depolarising drive
 * (x > 0) opens a conductance g = x / |E_exc − V_ref| toward the excitatory
 * reversal E_exc (cation channels: MEC-4/DEG-ENaC touch, TRP-4 stretch,
 * ~0 mV); a hyperpolarising one (x < 0) a conductance g = |x| / |E_inh − V_ref|
 * toward the inhibitory reversal E_inh (~−75 mV). The neuron receives
 * g·(E − V): at V_ref (the neuron's rest) exactly the old current, less as V
 * nears E, none at E, so no stimulus, however large, takes V past E. The
 * network integrates g with the membrane (exponential Euler with the
 * conductance held over the step), which stays between V and its steady
 * state at any dt: the bound holds step by step, not only at equilibrium.
 */
import { CONDUCTANCE_SYNAPSE } from '../neural/synapses';

export type TransductionMode = 'current' | 'conductance';

/** Default reversal potentials of conductance transduction, mV (the conductance synapses'). */
export const TRANSDUCTION_REVERSAL = {
  excitatoryMv: CONDUCTANCE_SYNAPSE.excitatoryReversalMv,
  inhibitoryMv: CONDUCTANCE_SYNAPSE.chlorideReversalMv,
} as const;

/** Below this distance (mV) from the reversal at rest, the matching conductance is taken at this distance (it would be huge). */
export const MIN_TRANSDUCTION_DRIVE_MV = 2;

/** A binding's transduction, resolved for the engine. */
export interface Transduction {
  mode: TransductionMode;
  excitatoryMv: number;
  inhibitoryMv: number;
  /** The potential (mV) at which the conductance passes the linear current: the neuron's rest. */
  matchMv: number;
}

/** The linear current, as every circuit that does not opt in has it. */
export const CURRENT_TRANSDUCTION: Transduction = { mode: 'current', excitatoryMv: Number.NaN, inhibitoryMv: Number.NaN, matchMv: Number.NaN };

/** Per binding: the drive-to-conductance factors (0 for current transduction) and the reversal potentials. */
export class Transducers {
  private readonly neuron: Int32Array;
  private readonly conducts: Uint8Array;
  private readonly upMv: Float64Array;
  private readonly downMv: Float64Array;
  private readonly perUp: Float64Array;
  private readonly perDown: Float64Array;

  constructor(bindings: readonly { neuron: number; transduction?: Transduction }[]) {
    const n = bindings.length;
    const modes = bindings.map((b) => b.transduction ?? CURRENT_TRANSDUCTION);
    this.neuron = Int32Array.from(bindings, (b) => b.neuron);
    this.conducts = Uint8Array.from(modes, (t) => (t.mode === 'conductance' ? 1 : 0));
    this.upMv = Float64Array.from(modes, (t) => t.excitatoryMv);
    this.downMv = Float64Array.from(modes, (t) => t.inhibitoryMv);
    this.perUp = new Float64Array(n);
    this.perDown = new Float64Array(n);
    modes.forEach((t, k) => {
      if (t.mode !== 'conductance') return;
      this.perUp[k] = 1 / Math.max(MIN_TRANSDUCTION_DRIVE_MV, Math.abs(t.excitatoryMv - t.matchMv));
      this.perDown[k] = 1 / Math.max(MIN_TRANSDUCTION_DRIVE_MV, Math.abs(t.inhibitoryMv - t.matchMv));
    });
  }

  /** The per-binding tables, for a kernel that writes `add` in (proprioception.ts, stretchKernel). */
  get tables() {
    const { neuron, conducts, perUp, perDown, upMv, downMv } = this;
    return { neuron, conducts, perUp, perDown, upMv, downMv };
  }

  /** True when some binding opens a conductance (the network must then be compiled to take one). */
  get conducting(): boolean {
    return this.conducts.includes(1);
  }

  /** Binding k's drive x into its neuron: the current x, or a conductance and its Σ g·E. */
  add(k: number, x: number, current: Float64Array, conductance: Float64Array): void {
    const i = this.neuron[k];
    if (this.conducts[k] === 0) {
      current[i] += x;
    } else if (x > 0) {
      const g = x * this.perUp[k];
      conductance[i] += g;
      current[i] += g * this.upMv[k];
    } else if (x < 0) {
      const g = -x * this.perDown[k];
      conductance[i] += g;
      current[i] += g * this.downMv[k];
    }
  }
}
