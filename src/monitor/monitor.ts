/**
 * A monitor records chosen quantities into typed arrays, one sample every
 * `every` ticks, after Brian2's StateMonitor: the host (a Simulation, or
 * whoever steps a bare Network) calls tick() at the point of its step the
 * monitor was attached to. What to record is a list of channels, each a
 * scalar reader with a reduction saying what a sample that stands for several
 * ticks holds. No allocation per tick; 'all' storage doubles when full (rare,
 * and sized up front when the span is known), a ring never allocates.
 */

/**
 * What a sample holds when it stands for several ticks: the value at the
 * sample ('last', read only then), the largest or smallest value since the
 * previous sample ('max', 'min'), or the running sum since the monitor started ('total').
 */
export type Reduce = 'last' | 'max' | 'min' | 'total';

/** One recorded quantity. */
export interface Channel {
  readonly name: string;
  read(): number;
  readonly reduce: Reduce;
}

export interface MonitorOptions {
  /** Ticks per sample, ≥ 1 (default 1). */
  every?: number;
  /** Samples kept: a number keeps the latest N (a ring); 'all' (default) keeps every sample. */
  keep?: number | 'all';
  /** Samples to make room for up front when keeping all. */
  expect?: number;
  /** Run every tick before any channel is read (quantities with their own state, e.g. travel since the last tick). */
  prepare?: readonly (() => void)[];
}

export class Monitor {
  /** Channel names, in channel order. */
  readonly names: readonly string[];
  /** Ticks per sample. */
  readonly every: number;
  private readonly channels: readonly Channel[];
  private readonly prepare: readonly (() => void)[];
  private readonly lastCh: Int32Array;
  private readonly maxCh: Int32Array;
  private readonly minCh: Int32Array;
  private readonly totalCh: Int32Array;
  private readonly acc: Float64Array;
  private readonly ring: boolean;
  private cap: number;
  private t: Float64Array;
  private data: Float64Array[];
  /** Slot of the oldest kept sample (rings only move it). */
  private head = 0;
  private n = 0;
  private ticks = 0;
  private stopped = false;
  private onStop: (() => void) | null = null;

  constructor(channels: readonly Channel[], opts: MonitorOptions = {}) {
    const every = opts.every ?? 1;
    if (!(Number.isInteger(every) && every >= 1)) throw new RangeError(`Monitor: every = ${every} must be a whole number of ticks ≥ 1`);
    const keep = opts.keep ?? 'all';
    if (keep !== 'all' && !(Number.isInteger(keep) && keep >= 1))
      throw new RangeError(`Monitor: keep = ${keep} must be 'all' or a whole number of samples ≥ 1`);
    const names = channels.map((c) => c.name);
    const dup = names.find((name, i) => names.indexOf(name) !== i);
    if (dup !== undefined) throw new RangeError(`Monitor: channel "${dup}" is asked for twice; name each quantity once`);
    this.channels = channels;
    this.names = names;
    this.every = every;
    this.prepare = opts.prepare ?? [];
    const of = (r: Reduce) => Int32Array.from(channels.flatMap((c, k) => (c.reduce === r ? [k] : [])));
    this.lastCh = of('last');
    this.maxCh = of('max');
    this.minCh = of('min');
    this.totalCh = of('total');
    this.acc = new Float64Array(channels.length);
    for (const k of this.maxCh) this.acc[k] = Number.NEGATIVE_INFINITY;
    for (const k of this.minCh) this.acc[k] = Number.POSITIVE_INFINITY;
    this.ring = keep !== 'all';
    this.cap = keep === 'all' ? Math.max(4, Math.ceil(opts.expect ?? 64)) : keep;
    this.t = new Float64Array(this.cap);
    this.data = channels.map(() => new Float64Array(this.cap));
  }

  /** Samples kept. */
  get count(): number {
    return this.n;
  }

  /** One tick of the host at simulated time timeMs: reductions update; every `every` ticks a sample is stored. */
  tick(timeMs: number): void {
    if (this.stopped) return;
    for (let i = 0; i < this.prepare.length; i++) this.prepare[i]();
    const acc = this.acc;
    const ch = this.channels;
    for (let j = 0; j < this.maxCh.length; j++) {
      const k = this.maxCh[j];
      const v = ch[k].read();
      if (v > acc[k]) acc[k] = v;
    }
    for (let j = 0; j < this.minCh.length; j++) {
      const k = this.minCh[j];
      const v = ch[k].read();
      if (v < acc[k]) acc[k] = v;
    }
    for (let j = 0; j < this.totalCh.length; j++) {
      const k = this.totalCh[j];
      acc[k] += ch[k].read();
    }
    if (++this.ticks >= this.every) this.sample(timeMs);
  }

  /**
   * Stores a sample now, whatever the count of ticks since the last one. A
   * sample that covers no tick (the first one, at attach) holds each 'max' and
   * 'min' channel's current value.
   */
  sample(timeMs: number): void {
    const j = this.slot();
    this.t[j] = timeMs;
    const ch = this.channels;
    const acc = this.acc;
    for (let q = 0; q < this.lastCh.length; q++) {
      const k = this.lastCh[q];
      this.data[k][j] = ch[k].read();
    }
    for (let q = 0; q < this.maxCh.length; q++) {
      const k = this.maxCh[q];
      this.data[k][j] = this.ticks === 0 ? ch[k].read() : acc[k];
      acc[k] = Number.NEGATIVE_INFINITY;
    }
    for (let q = 0; q < this.minCh.length; q++) {
      const k = this.minCh[q];
      this.data[k][j] = this.ticks === 0 ? ch[k].read() : acc[k];
      acc[k] = Number.POSITIVE_INFINITY;
    }
    for (let q = 0; q < this.totalCh.length; q++) {
      const k = this.totalCh[q];
      this.data[k][j] = acc[k];
    }
    this.ticks = 0;
  }

  /** Stores the partial window since the last sample, if any tick has passed (the end of a run). */
  flush(timeMs: number): void {
    if (this.ticks > 0) this.sample(timeMs);
  }

  /** Forgets the samples kept (reductions go on: a running total keeps counting). */
  clear(): void {
    this.head = 0;
    this.n = 0;
  }

  /** Detaches from the host; later ticks are ignored. The samples stay readable. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop?.();
  }

  /** The host's hook for stop() (one host per monitor). */
  attachTo(detach: () => void): void {
    this.onStop = detach;
  }

  /** Index of a channel by name, or −1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }

  /** Time of sample i (0 = oldest kept), ms. */
  timeAt(i: number): number {
    return this.t[this.at(i)];
  }

  /** Value of channel k at sample i (0 = oldest kept). */
  valueAt(k: number, i: number): number {
    return this.data[k][this.at(i)];
  }

  /** The newest sample of a channel, NaN when there is none. */
  latest(name: string): number {
    const k = this.need(name);
    return this.n > 0 ? this.valueAt(k, this.n - 1) : Number.NaN;
  }

  /** Sample times, oldest first (a copy). */
  times(): Float64Array {
    return this.ordered(this.t);
  }

  /** One channel's samples, oldest first (a copy). */
  series(name: string): Float64Array {
    return this.ordered(this.data[this.need(name)]);
  }

  private need(name: string): number {
    const k = this.indexOf(name);
    if (k < 0) throw new RangeError(`Monitor: no channel "${name}"; it records ${this.names.join(', ') || 'nothing'}`);
    return k;
  }

  private at(i: number): number {
    return this.ring ? (this.head + i) % this.cap : i;
  }

  private ordered(a: Float64Array): Float64Array {
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = a[this.at(i)];
    return out;
  }

  /** Where the next sample goes: appended, grown, or over the oldest in a full ring. */
  private slot(): number {
    if (this.n < this.cap) return this.at(this.n++);
    if (this.ring) {
      const j = this.head;
      this.head = (this.head + 1) % this.cap;
      return j;
    }
    this.grow(this.cap * 2);
    return this.n++;
  }

  private grow(cap: number): void {
    const grow = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.t = grow(this.t);
    this.data = this.data.map(grow);
    this.cap = cap;
  }
}
