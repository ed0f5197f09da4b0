import type { FieldBinding } from './bindings';
import { Transducers } from './transduction';

export interface FieldSensorOptions {
  /** Time over which the sensor's memory of the field averages; on/off cells answer the difference from it. */
  memoryMs?: number;
}

/**
 * Chemosensors, thermosensors and toxin sensors at the head: two sample
 * points (left and right of the nose). A `level` cell reports the value, an
 * `on` cell the rise above its recent average (ASEL-like), an `off` cell the
 * fall below it (ASER-like), a `difference` cell its side minus the other side
 * (one signed drive: as a conductance it opens excitatory or inhibitory channels
 * by the sign, where two opposed `level` bindings would both open and shunt
 * each other at any common level). A binding's set point is subtracted from a level
 * (a thermoreceptor set to the cultivation temperature). The sensor never reads neurons; it only writes
 * input: a current, or a conductance toward a reversal potential
 * (transduction.ts).
 */
export class FieldSensor {
  readonly memoryMs: number;
  /** Latest samples [left, right] and their slow averages. */
  readonly value = new Float64Array(2);
  readonly average = new Float64Array(2);
  private primed = false;
  private readonly transducers: Transducers;

  constructor(
    private readonly bindings: readonly FieldBinding[],
    opts: FieldSensorOptions = {},
  ) {
    this.memoryMs = opts.memoryMs ?? 1000;
    this.transducers = new Transducers(bindings);
  }

  /** True when some binding opens a conductance. */
  get conducting(): boolean {
    return this.transducers.conducting;
  }

  get bound(): boolean {
    return this.bindings.length > 0;
  }

  /** Take this step's samples on the left and right of the head. */
  sample(left: number, right: number, dtMs: number): void {
    this.value[0] = left;
    this.value[1] = right;
    if (!this.primed) {
      // Start adapted to where the worm is placed, so nothing fires at t = 0.
      this.average[0] = left;
      this.average[1] = right;
      this.primed = true;
      return;
    }
    const a = 1 - Math.exp(-dtMs / this.memoryMs);
    this.average[0] += (left - this.average[0]) * a;
    this.average[1] += (right - this.average[1]) * a;
  }

  apply(input: Float64Array, conductance: Float64Array): void {
    const { bindings } = this;
    for (let k = 0; k < bindings.length; k++) {
      const b = bindings[k];
      const s = b.side === 'left' ? 0 : 1;
      const d = this.value[s] - this.average[s];
      const r =
        b.response === 'level'
          ? this.value[s] - (b.setPoint ?? 0)
          : b.response === 'on'
            ? Math.max(0, d)
            : b.response === 'off'
              ? Math.max(0, -d)
              : this.value[s] - this.value[1 - s];
      this.transducers.add(k, b.gain * r, input, conductance);
    }
  }

  reset(): void {
    this.primed = false;
    this.value.fill(0);
    this.average.fill(0);
  }
}
