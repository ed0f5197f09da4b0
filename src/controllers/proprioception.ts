import type { StretchBinding } from './bindings';
import { Transducers } from './transduction';

/**
 * Stretch receptors: each bound neuron feels the body's curvature at one point.
 * Input = gain × κ·L × (+1 for a left binding, −1 for right), where κ is the
 * signed joint curvature (positive = bent to the left, 1/mm) and L the body
 * length, so a left receptor is driven when the body there bends left.
 * Linear and signed: a graded neuron may be depolarised or hyperpolarised,
 * which is what lets each B-type unit copy the bend just ahead of it and so
 * pass the bending wave head to tail. That drive reaches the neuron as a
 * current or, where the binding asks, as a conductance toward a reversal
 * potential (transduction.ts), which bounds V however far the body bends.
 *
 * A binding with `rateMs` also answers how fast the bend changes:
 * gain × (κL + rateMs × d(κL)/dt), the rate read as the change since the last
 * physics step (none on the first). Many mechanoreceptors answer the rate of
 * stretch as well as its size; here it advances the receptor's phase by more
 * the faster the body bends, so a unit copies the bend ahead sooner in water
 * (fast, light bending) than on agar (slow, drag-limited) and the water wave
 * grows longer (docs/biology.md).
 *
 * A binding with `lagMs` follows what it feels through a first-order lag of
 * that time constant (a transduction that takes time to open and close), so
 * its drive comes a fixed phase later at a given frequency: a delay per unit
 * that does not depend on how hard the neuron is driven (docs/biology.md,
 * "A receptor that lags the bend").
 */
export class ProprioceptionController {
  private readonly joint: Int32Array;
  private readonly scale: Float64Array;
  private readonly transducers: Transducers;
  /** rateMs / step per binding (0: the bend only), and the curvature each read at the last step (NaN: none yet). */
  private readonly rate: Float64Array;
  private readonly last: Float64Array;
  /** Per binding the share of the gap to what it feels closed each step (1: no lag), and the lagged value (NaN: none yet). */
  private readonly follow: Float64Array;
  private readonly lagged: Float64Array;

  constructor(bindings: readonly StretchBinding[], segments: number, bodyLengthMm: number, stepMs = 10) {
    // Curvature is measured at interior segment centres j + 1 (j = 0..n−3), body fraction (j + 1)/(n − 1).
    const points = segments - 2;
    this.joint = Int32Array.from(bindings, (b) => Math.min(points - 1, Math.max(0, Math.round(b.at * (segments - 1)) - 1)));
    this.scale = Float64Array.from(bindings, (b) => b.gain * bodyLengthMm * (b.side === 'left' ? 1 : -1));
    this.transducers = new Transducers(bindings);
    this.rate = Float64Array.from(bindings, (b) => (b.rateMs ?? 0) / stepMs);
    this.last = new Float64Array(bindings.length).fill(Number.NaN);
    this.follow = Float64Array.from(bindings, (b) => ((b.lagMs ?? 0) > 0 ? 1 - Math.exp(-stepMs / (b.lagMs as number)) : 1));
    this.lagged = new Float64Array(bindings.length).fill(Number.NaN);
  }

  /** True when some binding opens a conductance. */
  get conducting(): boolean {
    return this.transducers.conducting;
  }

  /** Add stretch input (current, and conductance where transduced so) given the body's curvature at interior segment centres (length segments − 2). */
  apply(input: Float64Array, conductance: Float64Array, curvature: Float64Array): void {
    const { joint, scale, transducers, rate, last, follow, lagged } = this;
    for (let k = 0; k < joint.length; k++) {
      const x = curvature[joint[k]];
      const r = rate[k];
      // Without a rate or a lag the input is exactly the bend's, as before the fields existed.
      // With a lag the bend part is lagged (the first read starts it at the bend) and the rate part is not.
      let bend = x;
      if (follow[k] !== 1) bend = lagged[k] = Number.isNaN(lagged[k]) ? x : lagged[k] + follow[k] * (x - lagged[k]);
      const felt = r === 0 || Number.isNaN(last[k]) ? bend : bend + r * (x - last[k]);
      last[k] = x;
      transducers.add(k, scale[k] * felt, input, conductance);
    }
  }
}
