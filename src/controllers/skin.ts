import type { Stimulus, TouchKind, TouchSide, TouchStimulus } from '../streams/types';
import type { TapBinding, TouchBinding } from './bindings';
import { Transducers } from './transduction';

export interface SkinOptions {
  /** Receptor adaptation time constant: touch cells respond to a poke's onset and adapt, so drive decays with this. */
  adaptMs?: number;
}

/**
 * Skin: receptive fields along the body, each bound to a sensory neuron.
 * A touch (poke, tap or wall contact) raises the drive of every receptor whose
 * field it falls in; the drive adapts away exponentially, and each step the
 * controller adds gain × drive to its neuron's input, as a current or as a
 * conductance toward a reversal potential (transduction.ts).
 * Gentle receptors (ALM/AVM/PLM-like) answer every touch; harsh receptors
 * (PVD/ASH-like) answer only harsh ones.
 */
export class SkinController {
  readonly adaptMs: number;
  /** Current receptor drive per touch binding, 0..~1. */
  readonly drive: Float64Array;
  private readonly tapDrive: Float64Array;
  private readonly touchIn: Transducers;
  private readonly tapIn: Transducers;

  constructor(
    private readonly touch: readonly TouchBinding[],
    private readonly tap: readonly TapBinding[],
    private readonly neuronIds: readonly string[],
    opts: SkinOptions = {},
  ) {
    this.adaptMs = opts.adaptMs ?? 200;
    this.drive = new Float64Array(touch.length);
    this.tapDrive = new Float64Array(tap.length);
    this.touchIn = new Transducers(touch);
    this.tapIn = new Transducers(tap);
  }

  /** True when some binding opens a conductance. */
  get conducting(): boolean {
    return this.touchIn.conducting || this.tapIn.conducting;
  }

  /** A touch on the body; returns the stimulus event (with the neurons it reached) for stimuli$. */
  touchAt(position: number, side: TouchSide, kind: TouchKind, force: number, source: TouchStimulus['source']): TouchStimulus {
    const p = Math.min(1, Math.max(0, position));
    const f = Math.min(1, Math.max(0, force));
    const reached: string[] = [];
    this.touch.forEach((b, k) => {
      if (p < b.from || p > b.to) return;
      if (b.kind === 'harsh' && kind !== 'harsh') return;
      if (side !== 'both' && b.side !== 'both' && b.side !== side) return;
      this.drive[k] = Math.max(this.drive[k], f);
      reached.push(this.neuronIds[b.neuron]);
    });
    return { type: 'touch', position: p, side, kind, force: f, source, neurons: [...new Set(reached)] };
  }

  /** A tap on the plate: every gentle-touch receptor and every tap-bound neuron feels it. */
  tapPlate(force: number): Stimulus {
    const f = Math.min(1, Math.max(0, force));
    const reached: string[] = [];
    this.touch.forEach((b, k) => {
      if (b.kind === 'harsh') return;
      this.drive[k] = Math.max(this.drive[k], f);
      reached.push(this.neuronIds[b.neuron]);
    });
    this.tap.forEach((b, k) => {
      this.tapDrive[k] = Math.max(this.tapDrive[k], f);
      reached.push(this.neuronIds[b.neuron]);
    });
    return { type: 'plate-tap', force: f, neurons: [...new Set(reached)] };
  }

  /** Add receptor input (current, and conductance where transduced so) to the network's, then adapt by dtMs. */
  apply(input: Float64Array, conductance: Float64Array, dtMs: number): void {
    const decay = Math.exp(-dtMs / this.adaptMs);
    for (let k = 0; k < this.touch.length; k++) {
      this.touchIn.add(k, this.touch[k].gain * this.drive[k], input, conductance);
      this.drive[k] *= decay;
    }
    for (let k = 0; k < this.tap.length; k++) {
      this.tapIn.add(k, this.tap[k].gain * this.tapDrive[k], input, conductance);
      this.tapDrive[k] *= decay;
    }
  }

  reset(): void {
    this.drive.fill(0);
    this.tapDrive.fill(0);
  }
}
