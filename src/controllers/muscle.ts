import type { MuscleBinding } from './bindings';
import { sideIndex } from './bindings';
import { segmentsInRange } from './segments';

export interface MuscleOptions {
  segments: number;
  /** Calcium-like low-pass time constant: muscles follow motor drive with this lag, so they never twitch at neural rates. */
  tauMs?: number;
}

/**
 * Motor neurons → muscle activations. Each muscle sums gain × output of the
 * motor neurons bound to it (inhibitory GABA bindings have negative gain),
 * clamps to 0..1, and low-passes the result like a muscle's calcium.
 * Muscle index m = side * segments + segment (side 0 = left/dorsal).
 */
export class MuscleController {
  readonly segments: number;
  readonly tauMs: number;
  /** Smoothed activation per muscle, 0..1: what the body receives. */
  readonly activation: Float64Array;
  /** Unsmoothed drive per muscle this step (for views). */
  readonly drive: Float64Array;
  private readonly rowStart: Int32Array;
  /** The readout pass over the rows, its arrays captured once (readoutKernel). */
  private readonly readout: (output: Float64Array, alpha: number) => void;
  /** The low-pass factor 1 − e^(−dt/τ) for `alphaDt`: the sub-step never changes within a run, so no exp per call. */
  private alpha = 0;
  private alphaDt = Number.NaN;

  constructor(bindings: readonly MuscleBinding[], opts: MuscleOptions) {
    this.segments = opts.segments;
    this.tauMs = opts.tauMs ?? 100;
    if (!(this.tauMs > 0)) throw new RangeError(`muscle tauMs must be > 0 ms (got ${this.tauMs})`);
    const count = 2 * this.segments;
    this.activation = new Float64Array(count);
    this.drive = new Float64Array(count);
    const rows: { neuron: number; gain: number }[][] = Array.from({ length: count }, () => []);
    for (const b of bindings) {
      for (const seg of segmentsInRange(b.from, b.to, this.segments)) {
        rows[sideIndex(b.side) * this.segments + seg].push({ neuron: b.neuron, gain: b.gain });
      }
    }
    this.rowStart = new Int32Array(count + 1);
    const total = rows.reduce((n, r) => n + r.length, 0);
    const neuron = new Int32Array(total);
    const gain = new Float64Array(total);
    let k = 0;
    rows.forEach((row, m) => {
      this.rowStart[m] = k;
      for (const e of row) {
        neuron[k] = e.neuron;
        gain[k++] = e.gain;
      }
    });
    this.rowStart[count] = k;
    this.readout = readoutKernel(this.rowStart, neuron, gain, this.activation, this.drive);
  }

  /** Muscles driven by at least one motor neuron. */
  isBound(m: number): boolean {
    return this.rowStart[m + 1] > this.rowStart[m];
  }

  /**
   * Advance the muscles by dtMs given the motor neurons' outputs (0..1). Runs
   * on every neural sub-step: one pass over the rows (CSR by muscle), the
   * factor cached (the connectome worm's 40 muscles, 326 bindings: 1.2–1.6 →
   * 0.6–1.1 µs a call, same numbers).
   */
  update(output: Float64Array, dtMs: number): void {
    if (dtMs !== this.alphaDt) {
      this.alpha = 1 - Math.exp(-dtMs / this.tauMs);
      this.alphaDt = dtMs;
    }
    this.readout(output, this.alpha);
  }

  reset(): void {
    this.activation.fill(0);
    this.drive.fill(0);
  }
}

/**
 * The readout pass with its arrays captured in a closure made once per
 * controller, the engine's kernel style (DESIGN.md): the same loop as a
 * method reading them from the instance ran at about half this speed, with
 * the same bits (whole-worm figures: docs/benchmarks.md, session 9).
 */
function readoutKernel(rowStart: Int32Array, neuron: Int32Array, gain: Float64Array, activation: Float64Array, drive: Float64Array) {
  const count = activation.length;
  return (output: Float64Array, alpha: number): void => {
    let k = rowStart[0];
    for (let m = 0; m < count; m++) {
      const end = rowStart[m + 1];
      let d = 0;
      for (; k < end; k++) d += gain[k] * output[neuron[k]];
      d = d < 0 ? 0 : Math.min(d, 1);
      drive[m] = d;
      activation[m] += (d - activation[m]) * alpha;
    }
  };
}
