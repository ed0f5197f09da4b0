/**
 * Spike-driven chemical synapses with exponential currents (CUBA): a spike
 * adds w·x to the postsynaptic g_e (or g_i); every step I += g_e − g_i, and
 * g_e, g_i decay with τe, τi. Takes every chemical synapse from a spiking
 * neuron (not the seed's transmitter) onto a neuron that is not a transmitter
 * neuron. Plain ones deliver through CSR rows of the neurons that fired;
 * delayed ones go through a ring of pending currents; depressing ones use up
 * a resource x per spike (docs/neural.md, Synapses).
 */
import { freshKernel } from '../kernel';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { zeroingEdits } from './kernel-api';
import { lifEventArrays } from './populations';
import type { ScheduledStep } from './schedule';
import { type Csr, layoutList, type SynapseList, splitTables } from './tables';
import { CHEMICAL } from '../synapses';

/** Exponential synaptic currents into the step's current: I += g_e − g_i (self-contained: see ../kernel.ts). */
export function eventCurrentKernel(n: number, ge: Float64Array, gi: Float64Array, I: Float64Array): () => void {
  return () => {
    for (let g = 0; g < n; g++) I[g] += ge[g] - gi[g];
  };
}

/**
 * Spikes of this step into the exponential synapses (no delay, no
 * depression): for each fired neuron in `fired[0..count)`, its CSR row adds
 * w to g_e (w ≥ 0) or −w to g_i (w < 0, inhibitory). Self-contained.
 */
export function deliverKernel(
  rowStart: Int32Array,
  post: Int32Array,
  w: Float64Array,
  ge: Float64Array,
  gi: Float64Array,
  fired: Int32Array,
): (count: number) => void {
  return (count: number) => {
    for (let j = 0; j < count; j++) {
      const g = fired[j];
      for (let k = rowStart[g], end = rowStart[g + 1]; k < end; k++) {
        const wk = w[k];
        if (wk >= 0) ge[post[k]] += wk;
        else gi[post[k]] -= wk;
      }
    }
  };
}

/** The exponential synapses of one network, as the fused LIF path needs them (fused.ts). */
export interface ExponentialInstance extends SynapseKernelInstance {
  readonly kind: 'exponential';
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  /** e^(−dt/τe), e^(−dt/τi) for the current dt. */
  readonly decay: Float64Array;
  /** Only plain synapses (no delay, no depression). */
  readonly plainOnly: boolean;
  /** Delivers the spikes fired[0 .. count) through the plain synapses (null: none). */
  readonly deliver: ((count: number) => void) | null;
}

export function isExponentialInstance(k: SynapseKernelInstance): k is ExponentialInstance {
  return k.kind === 'exponential';
}

/** Pending currents of delayed spikes: `len` rows of n, row (step % len) arriving at that step. */
interface Ring {
  e: Float64Array | null;
  i: Float64Array | null;
  len: number;
}

export const exponentialSynapses: SynapseKernel = {
  kind: 'exponential',
  claims: (net, s) =>
    net.synapses.kind[s] === CHEMICAL && !net.isConductance(s) && net.isSpiking(net.synapses.from[s]) && !net.isTransmitter(net.synapses.to[s]),
  build(net, members) {
    if (members.length === 0) return null;
    const n = net.size;
    const tables = splitTables(net, members, (s) => net.delayMs(s) > 0 || net.hasDepression(s), true);
    const { csr, list: table } = tables;
    // In a LIF population's wasm arena when it offers one (its fused step then runs in WebAssembly).
    const offered = lifEventArrays(net.populations);
    const ge = offered?.ge ?? new Float64Array(n);
    const gi = offered?.gi ?? new Float64Array(n);
    const decay = new Float64Array([1, 1]);
    const ring: Ring = { e: null, i: null, len: 1 };
    const inArena = tables.plain > 0 ? arenaDelivery(csr, offered, ge, gi, net.arrays.fired) : null;
    const deliver = inArena ? inArena.deliver : tables.plain > 0 ? freshKernel(deliverKernel)(csr.rowStart, csr.post, csr.w, ge, gi, net.arrays.fired) : null;
    // The arena's row weights follow every weight edit.
    const uniform = inArena ? inArena.uniform : () => {};
    const steps: ScheduledStep[] = [
      { name: 'exponential.current', when: 'currents', run: freshKernel(eventCurrentKernel)(n, ge, gi, net.arrays.current) },
      { name: 'exponential.propagate', when: 'synapses', run: propagateStep(net, table, ge, gi, decay, ring, deliver) },
    ];
    const instance: ExponentialInstance = {
      kind: 'exponential',
      steps,
      ge,
      gi,
      decay,
      plainOnly: tables.listed === 0,
      deliver,
      ...zeroingEdits(net, members, 'chemical', tables.zero, uniform),
      layout(dt) {
        decay[0] = Math.exp(-dt / net.tauExcMs);
        decay[1] = Math.exp(-dt / net.tauInhMs);
        // A new dt re-rounds the delays: spikes still in flight are dropped.
        const maxDelay = layoutList(table, dt);
        ring.len = maxDelay + 1;
        ring.e = maxDelay > 0 ? new Float64Array(ring.len * n) : null;
        ring.i = maxDelay > 0 ? new Float64Array(ring.len * n) : null;
      },
      reset() {
        ge.fill(0);
        gi.fill(0);
        ring.e?.fill(0);
        ring.i?.fill(0);
        table.x.fill(1);
      },
      resource: tables.resource,
      loadWeights() {
        tables.loadWeights();
        uniform();
      },
    };
    return instance;
  },
};

/**
 * Delivery in WebAssembly where the LIF arena holds g_e, g_i and the fired
 * list and has room for the tables (lif-fused.wat's `deliver`: the same
 * additions in the same order as deliverKernel, whose random
 * read-modify-write V8 compiles poorly; docs/benchmarks.md, "Issue 16,
 * session 8"): the CSR's row starts, targets and weights move into the arena,
 * where the weight edits (zero, loadWeights) then write, and each row's
 * common weight, if it has one, is kept beside them (`uniform` after every
 * edit) so delivery can skip the weight column. Null where the JS kernel
 * delivers.
 */
function arenaDelivery(
  csr: Csr,
  offered: ReturnType<typeof lifEventArrays>,
  ge: Float64Array,
  gi: Float64Array,
  fired: Int32Array,
): { deliver: (count: number) => void; uniform: () => void } | null {
  if (!offered || offered.ge !== ge || offered.gi !== gi || offered.fired !== fired) return null;
  const tables = offered.synapseTables(csr.post.length);
  if (!tables) return null;
  tables.rowStart.set(csr.rowStart);
  tables.post.set(csr.post);
  tables.w.set(csr.w);
  csr.rowStart = tables.rowStart;
  csr.post = tables.post;
  csr.w = tables.w;
  const uniform = () => uniformRowWeights(tables.rowStart, tables.w, tables.rowWeight);
  uniform();
  return { deliver: tables.deliver, uniform };
}

/** rowWeight[g] = the weight every synapse of CSR row g has (+0 and −0 differ), NaN where they differ or the row is empty. */
function uniformRowWeights(rowStart: Int32Array, w: Float64Array, rowWeight: Float64Array): void {
  for (let g = 0; g < rowWeight.length; g++) {
    const start = rowStart[g],
      end = rowStart[g + 1];
    let u = start < end ? w[start] : Number.NaN;
    for (let k = start + 1; k < end && !Number.isNaN(u); k++) if (!Object.is(w[k], u)) u = Number.NaN;
    rowWeight[g] = u;
  }
}

/** After the populations stepped: decay the currents, add the delayed spikes due now, deliver this step's spikes. */
function propagateStep(
  net: CompileContext,
  es: SynapseList,
  ge: Float64Array,
  gi: Float64Array,
  decay: Float64Array,
  ring: Ring,
  deliver: ((count: number) => void) | null,
): () => void {
  const fired = net.arrays.fired,
    n = net.size,
    clock = net.clock;
  const esRow = es.rowStart!;
  return () => {
    const de = decay[0],
      di = decay[1];
    for (let g = 0; g < n; g++) {
      ge[g] *= de;
      gi[g] *= di;
    }
    const ringE = ring.e,
      ringI = ring.i,
      len = ring.len;
    const slot = clock.steps % len;
    if (ringE && ringI) {
      const base = slot * n;
      for (let g = 0; g < n; g++) {
        ge[g] += ringE[base + g];
        gi[g] += ringI[base + g];
        ringE[base + g] = 0;
        ringI[base + g] = 0;
      }
    }
    for (let k = 0; k < es.size; k++) if (es.use[k] > 0) es.x[k] = 1 - (1 - es.x[k]) * es.recovery[k];
    const count = clock.firedCount;
    if (deliver) deliver(count);
    if (es.size === 0) return;
    for (let j = 0; j < count; j++) {
      const g = fired[j];
      for (let k = esRow[g], end = esRow[g + 1]; k < end; k++) {
        const xk = es.x[k];
        const eff = es.w[k] * xk;
        if (es.use[k] > 0) es.x[k] = xk - es.use[k] * xk;
        const d = es.delay[k];
        const t = es.post[k];
        if (d === 0) {
          if (es.sign[k] > 0) ge[t] += eff;
          else gi[t] += eff;
        } else {
          const at = ((slot + d) % len) * n + t;
          if (es.sign[k] > 0) ringE![at] += eff;
          else ringI![at] += eff;
        }
      }
    }
  };
}
