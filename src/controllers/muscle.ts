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
  private readonly neuron: Int32Array;
  private readonly gain: Float64Array;

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
    this.neuron = new Int32Array(total);
    this.gain = new Float64Array(total);
    let k = 0;
    rows.forEach((row, m) => {
      this.rowStart[m] = k;
      for (const e of row) {
        this.neuron[k] = e.neuron;
        this.gain[k++] = e.gain;
      }
    });
    this.rowStart[count] = k;
  }

  /** Muscles driven by at least one motor neuron. */
  isBound(m: number): boolean {
    return this.rowStart[m + 1] > this.rowStart[m];
  }

  /** Advance the muscles by dtMs given the motor neurons' outputs (0..1). */
  update(output: Float64Array, dtMs: number): void {
    const alpha = 1 - Math.exp(-dtMs / this.tauMs);
    const { rowStart, neuron, gain, activation, drive } = this;
    for (let m = 0; m < activation.length; m++) {
      let d = 0;
      for (let k = rowStart[m]; k < rowStart[m + 1]; k++) d += gain[k] * output[neuron[k]];
      d = d < 0 ? 0 : Math.min(d, 1);
      drive[m] = d;
      activation[m] += (d - activation[m]) * alpha;
    }
  }

  reset(): void {
    this.activation.fill(0);
    this.drive.fill(0);
  }
}
