/**
 * Synapse tables the kernels loop over: CSR by presynaptic neuron for the
 * plain synapses, and per-synapse lists with delays and depression for the
 * others. Typed arrays only; built once per network.
 */
import type { CompileContext } from './kernel-api';

export interface Csr {
  rowStart: Int32Array;
  /** Presynaptic neuron of each synapse (rows in order: the flat scatter loop reads it). */
  pre: Int32Array;
  post: Int32Array;
  /** Signed weight. */
  w: Float64Array;
  /** CSR slot of the k-th synapse of the input list. */
  slotOf: Int32Array;
}

/** CSR by presynaptic neuron of `list` (synapse indices); synapses keep their spec order within a row. */
export function buildCsr(net: CompileContext, list: readonly number[]): Csr {
  const syn = net.synapses;
  const n = net.size;
  const rowStart = new Int32Array(n + 1);
  for (const s of list) rowStart[syn.from[s] + 1]++;
  for (let g = 0; g < n; g++) rowStart[g + 1] += rowStart[g];
  const fillAt = rowStart.slice(0, n);
  const pre = net.tables.i32(list.length),
    post = net.tables.i32(list.length),
    w = net.tables.f64(list.length),
    slotOf = new Int32Array(list.length);
  list.forEach((s, k) => {
    const at = fillAt[syn.from[s]]++;
    pre[at] = syn.from[s];
    post[at] = syn.to[s];
    w[at] = net.sign(s) * syn.weight[s];
    slotOf[k] = at;
  });
  return { rowStart, pre, post, w, slotOf };
}

/** Synapses with delay or depression, one entry each. */
export interface SynapseList {
  size: number;
  pre: Int32Array;
  post: Int32Array;
  /** Weight ≥ 0 (sign apart). */
  w: Float64Array;
  sign: Float64Array;
  delayMs: Float64Array;
  /** The delay in whole steps of the current dt. */
  delay: Int32Array;
  use: Float64Array;
  recoveryMs: Float64Array;
  /** e^(−dt/recoveryMs) for the current dt. */
  recovery: Float64Array;
  /** Resource, 0..1. */
  x: Float64Array;
  /** CSR row starts by presynaptic neuron (lists built byPre only). */
  rowStart?: Int32Array;
}

/**
 * The list of `list`'s synapses, in spec order, or sorted by presynaptic
 * neuron (then spec order) with CSR row starts when `byPre`. `slotOf[k]` is
 * where list[k] went.
 */
export function buildList(net: CompileContext, list: readonly number[], byPre: boolean): { table: SynapseList; slotOf: Int32Array } {
  const syn = net.synapses;
  const n = net.size;
  const slotOf = new Int32Array(list.length);
  const position = new Map<number, number>();
  list.forEach((s, k) => position.set(s, k));
  let order: readonly number[] = list;
  let rowStart: Int32Array | undefined;
  if (byPre) {
    order = [...list].sort((p, q) => syn.from[p] - syn.from[q] || p - q);
    rowStart = new Int32Array(n + 1);
    for (const s of order) rowStart[syn.from[s] + 1]++;
    for (let g = 0; g < n; g++) rowStart[g + 1] += rowStart[g];
  }
  const m = order.length;
  const t: SynapseList = {
    size: m,
    pre: new Int32Array(m),
    post: new Int32Array(m),
    w: new Float64Array(m),
    sign: new Float64Array(m),
    delayMs: new Float64Array(m),
    delay: new Int32Array(m),
    use: new Float64Array(m),
    recoveryMs: new Float64Array(m),
    recovery: new Float64Array(m),
    x: new Float64Array(m).fill(1),
    ...(rowStart ? { rowStart } : {}),
  };
  order.forEach((s, k) => {
    t.pre[k] = syn.from[s];
    t.post[k] = syn.to[s];
    t.w[k] = syn.weight[s];
    t.sign[k] = net.sign(s);
    t.delayMs[k] = net.delayMs(s);
    if (net.hasDepression(s)) {
      t.use[k] = syn.depressionUse ? syn.depressionUse[s] : 0;
      t.recoveryMs[k] = syn.depressionRecoveryMs![s];
    }
    slotOf[position.get(s)!] = k;
  });
  return { table: t, slotOf };
}

/** Delays in whole steps and recovery factors of a list for dt; returns the longest delay. */
export function layoutList(t: SynapseList, dt: number): number {
  let maxDelay = 0;
  for (let k = 0; k < t.size; k++) {
    t.delay[k] = Math.round(t.delayMs[k] / dt);
    t.recovery[k] = t.recoveryMs[k] > 0 ? Math.exp(-dt / t.recoveryMs[k]) : 0;
    if (t.delay[k] > maxDelay) maxDelay = t.delay[k];
  }
  return maxDelay;
}

/** A kind's synapses in two tables: the plain ones in CSR, the others (delays, depression, …) in a list. */
export interface SplitTables {
  readonly csr: Csr;
  readonly list: SynapseList;
  /** How many went to each. */
  readonly plain: number;
  readonly listed: number;
  /** Silences member j (a zero weight in its table). */
  zero(j: number): void;
  /** Every member's weight from `net.synapses.weight` again, as the tables were built (signed in the CSR). */
  loadWeights(): void;
  /** Resource x of the first listed member a → b, or undefined. */
  resource(a: number, b: number): number | undefined;
}

/** Splits `members` (spec order) by `listed(s)`; the list keeps spec order, or is sorted by presynaptic neuron when `byPre`. */
export function splitTables(net: CompileContext, members: Int32Array, listed: (s: number) => boolean, byPre: boolean): SplitTables {
  // Plain loops: TypedArray.from with a map function and Array.from(…).filter were 10× slower here (CUBA, 320k synapses).
  const inList = new Uint8Array(members.length);
  const plain: number[] = [];
  const slow: number[] = [];
  for (let j = 0; j < members.length; j++) {
    const s = members[j];
    if (listed(s)) {
      inList[j] = 1;
      slow.push(s);
    } else plain.push(s);
  }
  const csr = buildCsr(net, plain);
  const { table, slotOf } = buildList(net, slow, byPre);
  // Member j's slot in its table.
  const slot = new Int32Array(members.length);
  let p = 0;
  let l = 0;
  for (let j = 0; j < members.length; j++) slot[j] = inList[j] === 1 ? slotOf[l++] : csr.slotOf[p++];
  const { from, to, weight } = net.synapses;
  return {
    csr,
    list: table,
    plain: plain.length,
    listed: slow.length,
    zero(j) {
      if (inList[j] === 1) table.w[slot[j]] = 0;
      else csr.w[slot[j]] = 0;
    },
    loadWeights() {
      for (let j = 0; j < members.length; j++) {
        const s = members[j];
        if (inList[j] === 1) table.w[slot[j]] = weight[s];
        else csr.w[slot[j]] = net.sign(s) * weight[s];
      }
    },
    resource(a, b) {
      for (let j = 0; j < members.length; j++) {
        const s = members[j];
        if (inList[j] === 1 && from[s] === a && to[s] === b) return table.x[slot[j]];
      }
      return undefined;
    },
  };
}
