/** Fixed-capacity ring of (time, value) samples for one oscilloscope trace. */
export class TraceBuffer {
  private readonly t: Float64Array;
  private readonly v: Float64Array;
  private head = 0; // next write slot
  private n = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 2)) throw new Error(`TraceBuffer: capacity must be ≥ 2 (got ${capacity})`);
    this.t = new Float64Array(capacity);
    this.v = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Appends a sample; a time earlier than the newest (a reset simulation) starts the trace over. */
  push(timeMs: number, value: number): void {
    if (this.n > 0 && timeMs < this.timeAt(this.n - 1)) this.clear();
    this.t[this.head] = timeMs;
    this.v[this.head] = value;
    this.head = (this.head + 1) % this.capacity;
    if (this.n < this.capacity) this.n++;
  }

  /** i = 0 is the oldest kept sample. */
  timeAt(i: number): number {
    return this.t[(this.head - this.n + i + this.capacity) % this.capacity];
  }

  valueAt(i: number): number {
    return this.v[(this.head - this.n + i + this.capacity) % this.capacity];
  }

  latest(): number {
    return this.n > 0 ? this.valueAt(this.n - 1) : NaN;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
  }
}
