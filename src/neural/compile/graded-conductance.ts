/**
 * Conductance-based chemical synapses from graded (non-spiking) neurons,
 * with graded release (Wicks, Roehrig & Rankin 1996; Kunert, Shlizerman &
 * Kutz 2014):
 *
 *     s∞ = 1 / (1 + e^(−(V_pre − V½)/k)),   τ ds/dt = s∞ − s,
 *     I_post = g·x·s·(E_rev − V_post)
 *
 * (x: the short-term-depression resource, 1 without depression). s is kept
 * per release site, one per presynaptic neuron and release curve (V½, k, τ):
 * a neuron's synapses usually share one, so the logistic is evaluated once
 * per neuron, not per synapse. Each step (at `currents`, from the previous
 * step's V): s ← s∞ + (s − s∞)·e^(−dt/τ) (exact for V held over the step;
 * τ = 0 is instant release), then the synapses add g·x·s to the postsynaptic
 * conductance and g·x·s·E_rev to its current; the population integrates
 * current − conductance·V implicitly (docs/neural.md), so V never passes a
 * reversal potential the synapses pull it toward.
 *
 * Plain synapses (no delay, no depression) scatter g·s into one accumulator
 * per reversal potential (the first MAX_CLASSES distinct values): one
 * multiply-add per synapse, as for current-based ones; the per-neuron sums
 * then become conductance Σ and current Σ·E. The others (delayed: s from d
 * steps back; depressing; rarer reversal potentials) go through a list.
 * In a graded arena (../wasm/graded-arena.ts) the tables live in its memory
 * and the release and the undelayed list run there, bit for bit the same.
 */
import { fastLogistic, LOGISTIC_TABLE } from '../fast-math';
import { freshKernel } from '../kernel';
import { CHEMICAL } from '../synapses';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { zeroingEdits } from './kernel-api';
import { gradedArenaOf } from './populations';
import type { ScheduledStep } from './schedule';

/** Distinct reversal potentials that get their own accumulator; synapses with others go through the list. */
export const MAX_CLASSES = 8;

/** Refuses conductance synapses the engine cannot run, naming the synapse and the fix. */
export function checkConductanceEnds(net: CompileContext, s: number): void {
  const { from, to } = net.synapses;
  const where = `synapses[${s}] (${net.ids[from[s]]} → ${net.ids[to[s]]})`;
  if (net.isTransmitter(from[s]) || net.isTransmitter(to[s])) {
    throw new Error(
      `${where}: a conductance-based synapse needs neurons with a membrane potential in mV at both ends; the seed's transmitter neurons take ` +
        'current-based synapses only: remove "model" (current-based is the default)',
    );
  }
}

export const gradedConductance: SynapseKernel = {
  kind: 'cond-graded',
  claims(net, s) {
    if (net.synapses.kind[s] !== CHEMICAL || !net.isConductance(s)) return false;
    checkConductanceEnds(net, s);
    return !net.isSpiking(net.synapses.from[s]);
  },
  build(net, members) {
    if (members.length === 0) return null;
    return buildGradedConductance(net, members);
  },
};

/** The release sites: one per (presynaptic neuron, V½, k, τ). */
interface Sites {
  count: number;
  pre: Int32Array;
  half: Float64Array;
  invSlope: Float64Array;
  tauMs: Float64Array;
  /** e^(−dt/τ) for the current dt (0 for τ = 0). */
  keep: Float64Array;
  /** Activation s, 0..1. */
  s: Float64Array;
}

/** A copy of `values` in the network's table memory (the graded arena where there is one). */
function tableCopy<T extends Int32Array | Float64Array>(make: (length: number) => T, values: ArrayLike<number>): T {
  const a = make(values.length);
  a.set(values);
  return a;
}

function buildSites(net: CompileContext, members: Int32Array): { sites: Sites; siteOf: Int32Array } {
  const key = new Map<string, number>();
  const siteOf = new Int32Array(members.length);
  const pre: number[] = [];
  const half: number[] = [];
  const slope: number[] = [];
  const tau: number[] = [];
  for (let j = 0; j < members.length; j++) {
    const s = members[j];
    const p = net.synapses.from[s];
    const h = net.releaseHalfMv(s);
    const k = net.releaseSlopeMv(s);
    const t = net.synapseTauMs(s);
    const id = `${p}|${h}|${k}|${t}`;
    let at = key.get(id);
    if (at === undefined) {
      at = pre.length;
      key.set(id, at);
      pre.push(p);
      half.push(h);
      slope.push(k);
      tau.push(t);
    }
    siteOf[j] = at;
  }
  const count = pre.length;
  const { i32, f64 } = net.tables;
  return {
    sites: {
      count,
      pre: tableCopy(i32, pre),
      half: tableCopy(f64, half),
      invSlope: tableCopy(
        f64,
        slope.map((k) => 1 / k),
      ),
      tauMs: Float64Array.from(tau),
      keep: f64(count),
      s: f64(count),
    },
    siteOf,
  };
}

/** Synapses that go through the list: each with its own reversal potential, delay and resource. */
interface ListedSynapses {
  size: number;
  site: Int32Array;
  post: Int32Array;
  g: Float64Array;
  e: Float64Array;
  delayMs: Float64Array;
  delay: Int32Array;
  use: Float64Array;
  recoveryMs: Float64Array;
  recovery: Float64Array;
  x: Float64Array;
  /** Member index of each entry (for resource look-ups). */
  member: Int32Array;
}

function buildGradedConductance(net: CompileContext, members: Int32Array): SynapseKernelInstance {
  const n = net.size;
  const syn = net.synapses;
  const { sites, siteOf } = buildSites(net, members);

  // Reversal classes, most synapses first (ties: the lower potential first, so the order is fixed).
  const counts = new Map<number, number>();
  const plainMember = (j: number) => net.delayMs(members[j]) === 0 && !net.hasDepression(members[j]);
  for (let j = 0; j < members.length; j++) {
    if (!plainMember(j)) continue;
    const e = net.reversalMv(members[j]);
    counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const { i32, f64 } = net.tables;
  const classE = tableCopy(
    f64,
    [...counts.entries()]
      .sort((p, q) => q[1] - p[1] || p[0] - q[0])
      .slice(0, MAX_CLASSES)
      .map(([e]) => e),
  );
  const classOf = new Map<number, number>();
  classE.forEach((e, c) => classOf.set(e, c));

  // Tables: plain synapses (site, accumulator slot class·n + post, g) in spec order; the rest in a list.
  const plain: number[] = [];
  const listed: number[] = [];
  for (let j = 0; j < members.length; j++) {
    if (plainMember(j) && classOf.has(net.reversalMv(members[j]))) plain.push(j);
    else listed.push(j);
  }
  const m = plain.length;
  const pSite = i32(m);
  const pSlot = i32(m);
  const pG = f64(m);
  plain.forEach((j, k) => {
    const s = members[j];
    pSite[k] = siteOf[j];
    pSlot[k] = classOf.get(net.reversalMv(s))! * n + syn.to[s];
    pG[k] = syn.weight[s];
  });
  const L = listed.length;
  const list: ListedSynapses = {
    size: L,
    site: i32(L),
    post: i32(L),
    g: f64(L),
    e: f64(L),
    delayMs: new Float64Array(L),
    delay: new Int32Array(L),
    use: f64(L),
    recoveryMs: new Float64Array(L),
    recovery: f64(L),
    x: f64(L).fill(1),
    member: Int32Array.from(listed),
  };
  listed.forEach((j, k) => {
    const s = members[j];
    list.site[k] = siteOf[j];
    list.post[k] = syn.to[s];
    list.g[k] = syn.weight[s];
    list.e[k] = net.reversalMv(s);
    list.delayMs[k] = net.delayMs(s);
    if (net.hasDepression(s)) {
      list.use[k] = syn.depressionUse ? syn.depressionUse[s] : 0;
      list.recoveryMs[k] = syn.depressionRecoveryMs![s];
    }
  });
  // Where member j lives: plain slot k (≥ 0) or list entry −1 − k.
  const slotOfMember = new Int32Array(members.length);
  plain.forEach((j, k) => (slotOfMember[j] = k));
  listed.forEach((j, k) => (slotOfMember[j] = -1 - k));

  const acc = f64(classE.length * n);
  const { v, conductance, current } = net.arrays;
  const history: { rows: Float64Array | null; len: number } = { rows: null, len: 1 };
  const release = {
    sites: sites.count,
    sitePre: sites.pre,
    siteHalf: sites.half,
    siteInvSlope: sites.invSlope,
    keep: sites.keep,
    s: sites.s,
    m,
    site: pSite,
    slot: pSlot,
    g: pG,
    acc,
    classes: classE.length,
    classE,
  };
  // In the graded arena (every table there, and the network's V, conductance and current its own) the release is one wasm call.
  const arena = gradedArenaOf(net.populations);
  const inArena =
    arena !== null &&
    [sites.pre, sites.half, sites.invSlope, sites.keep, sites.s, pSite, pSlot, pG, acc, classE, v, conductance, current].every((a) => arena.holds(a));
  const plainStep = inArena
    ? arena.release(release)
    : freshKernel(gradedReleaseKernel)(
        sites.count,
        sites.pre,
        sites.half,
        sites.invSlope,
        sites.keep,
        sites.s,
        v,
        LOGISTIC_TABLE,
        m,
        pSite,
        pSlot,
        pG,
        acc,
        classE.length,
        classE,
        n,
        conductance,
        current,
      );
  // Without delays the list runs in the arena too (its activation read straight from s).
  const listInArena =
    inArena && list.delayMs.every((d) => d === 0) && [list.site, list.post, list.g, list.e, list.use, list.recovery, list.x].every((a) => arena.holds(a));
  const listStep = L === 0 ? null : listInArena ? arena.listed({ ...list, s: sites.s }) : listedStep(net, list, sites, history);
  const steps: ScheduledStep[] = [
    {
      name: 'cond-graded.current',
      when: 'currents',
      run: listStep
        ? (dt) => {
            plainStep();
            listStep(dt);
          }
        : plainStep,
    },
  ];
  if (list.delayMs.some((d) => d > 0)) {
    steps.push({
      name: 'cond-graded.history',
      when: 'end',
      run() {
        // This step's activation, read back d steps later (the clock counts this step after the schedule).
        if (history.rows) history.rows.set(sites.s, (net.clock.steps % history.len) * sites.count);
      },
    });
  }
  const settle = () => {
    // At rest: each site at its steady state for the present V (the kernel's logistic, so a resting network stays put).
    for (let j = 0; j < sites.count; j++) sites.s[j] = fastLogistic((v[sites.pre[j]] - sites.half[j]) * sites.invSlope[j]);
    const h = history.rows;
    if (h) for (let r = 0; r < history.len; r++) h.set(sites.s, r * sites.count);
  };
  return {
    kind: 'cond-graded',
    steps,
    conductance: true,
    ...zeroingEdits(net, members, 'chemical', (j) => {
      const k = slotOfMember[j];
      if (k >= 0) pG[k] = 0;
      else list.g[-1 - k] = 0;
    }),
    layout(dt) {
      for (let j = 0; j < sites.count; j++) sites.keep[j] = sites.tauMs[j] > 0 ? Math.exp(-dt / sites.tauMs[j]) : 0;
      let maxDelay = 0;
      for (let k = 0; k < L; k++) {
        list.delay[k] = Math.round(list.delayMs[k] / dt);
        list.recovery[k] = list.recoveryMs[k] > 0 ? Math.exp(-dt / list.recoveryMs[k]) : 0;
        if (list.delay[k] > maxDelay) maxDelay = list.delay[k];
      }
      // A new dt re-rounds the delays; the history restarts from the present activation.
      history.len = maxDelay + 1;
      history.rows = maxDelay > 0 ? new Float64Array(history.len * sites.count) : null;
      if (history.rows) for (let r = 0; r < history.len; r++) history.rows.set(sites.s, r * sites.count);
    },
    reset() {
      list.x.fill(1);
      settle();
    },
    loadWeights() {
      for (let j = 0; j < members.length; j++) {
        const k = slotOfMember[j];
        if (k >= 0) pG[k] = syn.weight[members[j]];
        else list.g[-1 - k] = syn.weight[members[j]];
      }
    },
    resource(a, b) {
      for (let k = 0; k < L; k++) {
        const s = members[list.member[k]];
        if (syn.from[s] === a && syn.to[s] === b) return list.x[k];
      }
      return undefined;
    },
  };
}

/**
 * Release sites, then the plain synapses through the per-reversal
 * accumulators (self-contained: see ../kernel.ts). s∞ is the logistic by
 * the table's arithmetic (fast-math.ts fastLogistic); `keep` holds e^(−dt/τ).
 */
export function gradedReleaseKernel(
  nSites: number,
  sitePre: Int32Array,
  siteHalf: Float64Array,
  siteInvSlope: Float64Array,
  keep: Float64Array,
  s: Float64Array,
  v: Float64Array,
  table: Float64Array,
  m: number,
  pSite: Int32Array,
  pSlot: Int32Array,
  pG: Float64Array,
  acc: Float64Array,
  nClasses: number,
  classE: Float64Array,
  n: number,
  G: Float64Array,
  I: Float64Array,
): () => void {
  return () => {
    for (let j = 0; j < nSites; j++) {
      let t = ((v[sitePre[j]] - siteHalf[j]) * siteInvSlope[j] + 32) * 64;
      t = t > 0 ? Math.min(t, 4096) : 0;
      const i = t | 0;
      const lo = table[i];
      const inf = lo + (t - i) * (table[i + 1] - lo);
      s[j] = inf + (s[j] - inf) * keep[j];
    }
    for (let k = 0; k < m; k++) acc[pSlot[k]] += pG[k] * s[pSite[k]];
    for (let c = 0; c < nClasses; c++) {
      const e = classE[c];
      const base = c * n;
      for (let i = 0; i < n; i++) {
        const a = acc[base + i];
        G[i] += a;
        I[i] += a * e;
        acc[base + i] = 0;
      }
    }
  };
}

/** The listed synapses: delayed (s from d steps back), depressing (x used by release), or with a rarer reversal potential. */
function listedStep(net: CompileContext, t: ListedSynapses, sites: Sites, history: { rows: Float64Array | null; len: number }): (dt: number) => void {
  const { site, post, g, e, delay, use, recovery, x, size } = t;
  const G = net.arrays.conductance;
  const I = net.arrays.current;
  const s = sites.s;
  const ns = sites.count;
  const clock = net.clock;
  return (dt) => {
    const hist = history.rows;
    const len = history.len;
    const now = clock.steps;
    for (let k = 0; k < size; k++) {
      const d = delay[k];
      const sk = d > 0 && hist ? hist[((((now - d) % len) + len) % len) * ns + site[k]] : s[site[k]];
      const xk = x[k];
      const open = g[k] * xk * sk;
      G[post[k]] += open;
      I[post[k]] += open * e[k];
      if (use[k] > 0) {
        // Consumption use·s·x per ms (implicit, stays in 0..1), then exact recovery toward 1.
        const used = xk / (1 + dt * use[k] * sk);
        x[k] = 1 - (1 - used) * recovery[k];
      }
    }
  };
}
