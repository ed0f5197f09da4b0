import { freshKernel } from '../neural/kernel';
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
  private readonly transducers: Transducers;
  /** The pass over the bindings with their tables captured (stretchKernel). */
  private readonly run: (input: Float64Array, conductance: Float64Array, curvature: Float64Array) => void;

  constructor(bindings: readonly StretchBinding[], segments: number, bodyLengthMm: number, stepMs = 10) {
    // Curvature is measured at interior segment centres j + 1 (j = 0..n−3), body fraction (j + 1)/(n − 1).
    const points = segments - 2;
    const joint = Int32Array.from(bindings, (b) => Math.min(points - 1, Math.max(0, Math.round(b.at * (segments - 1)) - 1)));
    const scale = Float64Array.from(bindings, (b) => b.gain * bodyLengthMm * (b.side === 'left' ? 1 : -1));
    this.transducers = new Transducers(bindings);
    // rateMs / step per binding (0: the bend only), and the curvature each read at the last step (NaN: none yet).
    const rate = Float64Array.from(bindings, (b) => (b.rateMs ?? 0) / stepMs);
    const last = new Float64Array(bindings.length).fill(Number.NaN);
    // Per binding the share of the gap to what it feels closed each step (1: no lag), and the lagged value (NaN: none yet).
    const follow = Float64Array.from(bindings, (b) => ((b.lagMs ?? 0) > 0 ? 1 - Math.exp(-stepMs / (b.lagMs as number)) : 1));
    const lagged = new Float64Array(bindings.length).fill(Number.NaN);
    const t = this.transducers.tables;
    this.run = freshKernel(stretchKernel)(joint, scale, rate, last, follow, lagged, t.neuron, t.conducts, t.perUp, t.perDown, t.upMv, t.downMv);
  }

  /** True when some binding opens a conductance. */
  get conducting(): boolean {
    return this.transducers.conducting;
  }

  /** Add stretch input (current, and conductance where transduced so) given the body's curvature at interior segment centres (length segments − 2). */
  apply(input: Float64Array, conductance: Float64Array, curvature: Float64Array): void {
    this.run(input, conductance, curvature);
  }
}

/**
 * The bindings' pass, Transducers.add written in (self-contained: ../neural/kernel.ts). A closure over its
 * tables, a fresh copy per controller, the tables interleaved per binding: for the conductance worm's 112
 * bindings 1,321 ns a call as a method calling Transducers.add per binding, ~1,105 as this loop over twelve
 * arrays, ~915 interleaved (bench/schedule-steps.ts, docs/benchmarks.md, session 19), the same numbers.
 */
export function stretchKernel(
  joint: Int32Array,
  scale: Float64Array,
  rate: Float64Array,
  last: Float64Array,
  follow: Float64Array,
  lagged: Float64Array,
  neuron: Int32Array,
  conducts: Uint8Array,
  perUp: Float64Array,
  perDown: Float64Array,
  upMv: Float64Array,
  downMv: Float64Array,
): (input: Float64Array, conductance: Float64Array, curvature: Float64Array) => void {
  const m = joint.length;
  // The tables interleaved per binding (one base pointer and one bounds check for the lot): the same values.
  const at = new Int32Array(2 * m);
  const f = new Float64Array(8 * m);
  const st = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    at[2 * k] = joint[k];
    at[2 * k + 1] = neuron[k];
    f[8 * k] = scale[k];
    f[8 * k + 1] = rate[k];
    f[8 * k + 2] = follow[k];
    f[8 * k + 3] = conducts[k];
    f[8 * k + 4] = perUp[k];
    f[8 * k + 5] = upMv[k];
    f[8 * k + 6] = perDown[k];
    f[8 * k + 7] = downMv[k];
    st[2 * k] = last[k];
    st[2 * k + 1] = lagged[k];
  }
  return (input, conductance, curvature) => {
    for (let k = 0; k < m; k++) {
      const x = curvature[at[2 * k]];
      const q = 8 * k;
      const r = f[q + 1];
      const fk = f[q + 2];
      let bend = x;
      if (fk !== 1) {
        const l = st[2 * k + 1];
        bend = st[2 * k + 1] = Number.isNaN(l) ? x : l + fk * (x - l);
      }
      const lk = st[2 * k];
      const felt = r === 0 || Number.isNaN(lk) ? bend : bend + r * (x - lk);
      st[2 * k] = x;
      const d = f[q] * felt;
      const i = at[2 * k + 1];
      if (f[q + 3] === 0) {
        input[i] += d;
      } else if (d > 0) {
        const g = d * f[q + 4];
        conductance[i] += g;
        input[i] += g * f[q + 5];
      } else if (d < 0) {
        const g = -d * f[q + 6];
        conductance[i] += g;
        input[i] += g * f[q + 7];
      }
    }
  };
}
