/**
 * What every plastic synapse kernel shares: its table (weights that change,
 * bounds, per-synapse rule parameters), transmission with those weights, the
 * edits, and the learned-weights handle the network reads. Each rule is its
 * own kernel (stdp.ts, bcm.ts, three-factor.ts, short-term.ts) that claims
 * the synapses naming it and adds one learning step at `plasticity`; the
 * fixed synapses' kernels are untouched, so a network without plastic
 * synapses compiles and steps exactly as before.
 *
 * Transmission is the fixed synapses' (docs/neural.md, Synapses) with the
 * weight read from this table, scaled by `eff`, the short-term efficacy (1
 * for the other rules). Current-based: from a graded neuron I_post +=
 * sign·w·eff·output_pre (previous step's output); from a spiking neuron a
 * spike adds w·eff to the exponential current (τe, τi). Conductance-based:
 * w·eff is the synapse's g. From a graded neuron the release s relaxes to
 * s∞(V_pre) with the synapse's own curve and τ (graded-conductance.ts) and
 * the synapse opens w·eff·s; from a spiking neuron a spike opens w·eff, which
 * closes with the synapse's τ (spike-conductance.ts). Either way the opening
 * goes to the postsynaptic conductance and opening·E_rev to its current, so
 * V never passes E_rev however large the learned weight. One pass serves
 * both models (a branch per synapse): plastic synapses are few.
 */
import type { PlasticRule } from '../types';
import { LOGISTIC_TABLE, fastLogistic } from '../fast-math';
import { CHEMICAL } from '../synapses';
import type { CompileContext, LearnedWeights, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { zeroingEdits } from './kernel-api';
import type { ScheduledStep } from './schedule';
import { freshKernel } from '../kernel';

/**
 * Transmission at `currents` (self-contained: ../kernel.ts). Current-based
 * from graded: I[post] += sign·w·eff·out[pre]; conductance-based from graded:
 * rel ← s∞ + (rel − s∞)·keep, G[post] += w·eff·rel, I[post] += that·E;
 * conductance-based from spiking: G, I from the synapse's own trace gk; the
 * spiking current-based ones' exponential currents: I += g_e − g_i.
 */
export function plasticCurrentKernel(
  m: number,
  n: number,
  pre: Int32Array,
  post: Int32Array,
  w: Float64Array,
  eff: Float64Array,
  sign: Float64Array,
  spikingPre: Uint8Array,
  output: Float64Array,
  current: Float64Array,
  ge: Float64Array,
  gi: Float64Array,
  anySpiking: boolean,
  cond: Uint8Array,
  erev: Float64Array,
  half: Float64Array,
  invSlope: Float64Array,
  keep: Float64Array,
  rel: Float64Array,
  gk: Float64Array,
  v: Float64Array,
  table: Float64Array,
  G: Float64Array,
): () => void {
  return () => {
    for (let k = 0; k < m; k++) {
      if (cond[k] === 0) {
        if (spikingPre[k] === 0) current[post[k]] += sign[k] * w[k] * eff[k] * output[pre[k]];
        continue;
      }
      let open = gk[k];
      if (spikingPre[k] === 0) {
        // The logistic by the table's arithmetic (fast-math.ts), as graded-conductance.ts computes it.
        let t = ((v[pre[k]] - half[k]) * invSlope[k] + 32) * 64;
        t = t > 0 ? Math.min(t, 4096) : 0;
        const i = t | 0;
        const lo = table[i];
        const inf = lo + (t - i) * (table[i + 1] - lo);
        const s = inf + (rel[k] - inf) * keep[k];
        rel[k] = s;
        open = w[k] * eff[k] * s;
      }
      G[post[k]] += open;
      current[post[k]] += open * erev[k];
    }
    if (anySpiking) for (let g = 0; g < n; g++) current[g] += ge[g] - gi[g];
  };
}

/** The spike-driven traces decay (exponential currents by τe, τi; conductances by their own τ); this step's spikes add w·eff. Self-contained (../kernel.ts). */
export function plasticPropagateKernel(
  m: number,
  n: number,
  pre: Int32Array,
  post: Int32Array,
  w: Float64Array,
  eff: Float64Array,
  sign: Float64Array,
  spikingPre: Uint8Array,
  alive: Uint8Array,
  spiked: Uint8Array,
  ge: Float64Array,
  gi: Float64Array,
  decay: Float64Array,
  cond: Uint8Array,
  gk: Float64Array,
  keep: Float64Array,
): () => void {
  return () => {
    const de = decay[0],
      di = decay[1];
    for (let g = 0; g < n; g++) {
      ge[g] *= de;
      gi[g] *= di;
    }
    for (let k = 0; k < m; k++) {
      if (spikingPre[k] === 0) continue;
      if (cond[k] === 1) gk[k] *= keep[k];
      if (spiked[pre[k]] === 0 || alive[k] === 0) continue;
      if (cond[k] === 1) gk[k] += w[k] * eff[k];
      else if (sign[k] > 0) ge[post[k]] += w[k] * eff[k];
      else gi[post[k]] += w[k] * eff[k];
    }
  };
}

export interface PlasticTable {
  readonly size: number;
  readonly pre: Int32Array;
  readonly post: Int32Array;
  /** Weight now, ≥ 0 (sign apart), and as compiled. */
  readonly w: Float64Array;
  readonly w0: Float64Array;
  readonly sign: Float64Array;
  /** 1: the presynaptic neuron spikes (exponential transmission); 0: graded (continuous). */
  readonly spikingPre: Uint8Array;
  readonly spikingPost: Uint8Array;
  /** Short-term efficacy, 1 unless the rule changes it. */
  readonly eff: Float64Array;
  /** 0 once cut or ablated: it transmits and learns nothing. */
  readonly alive: Uint8Array;
  readonly soft: Uint8Array;
  /** 1: conductance-based (w·eff is g, reversing at `erev`); 0: current-based. */
  readonly cond: Uint8Array;
  readonly erev: Float64Array;
  /** Conductance-based from graded neurons: release curve (V½, 1/k), τ and its per-step factor e^(−dt/τ). */
  readonly half: Float64Array;
  readonly invSlope: Float64Array;
  readonly tauMs: Float64Array;
  readonly keep: Float64Array;
  /** Conductance-based from graded neurons: the release s (0..1) of this step, what short-term pools are used by. */
  readonly rel: Float64Array;
  /** The rule's parameters, one column each (resolved: plastic-rules.ts). */
  readonly col: Readonly<Record<string, Float64Array>>;
  /** Spec index of each member. */
  readonly synapses: Int32Array;
}

/** What a rule adds: its learning step and its own state's layout and reset. */
export interface RuleParts {
  /** Runs at `plasticity` after the step (while learning is on, unless `always`); a freshKernel closure (../kernel.ts). */
  learn: (dt: number) => void;
  /** The step runs even when learning is frozen (short-term efficacy is not learned weight). */
  always?: boolean;
  layout?(dt: number): void;
  reset?(): void;
  /** Whether w changes (a learned weight the network exposes); short-term: no. */
  learnsWeights: boolean;
}

/** A rule's kernel: claims the chemical synapses whose plastic rule is `rule`; `check` refuses what the rule cannot run. */
export function plasticKernel(
  rule: PlasticRule,
  parts: (net: CompileContext, t: PlasticTable) => RuleParts,
  check: (net: CompileContext, s: number, where: string) => void = () => {},
): SynapseKernel {
  return {
    kind: rule,
    claims(net, s) {
      if (net.synapses.kind[s] !== CHEMICAL || !net.synapses.plastic?.[s]) return false;
      const r = net.plastic(s);
      if (r === null || r.rule !== rule) return false;
      const { from, to } = net.synapses;
      const where = `synapses[${s}] (${net.ids[from[s]]} → ${net.ids[to[s]]}), plastic rule ${rule}`;
      if (net.delayMs(s) > 0) throw new Error(`${where}: plastic synapses take no delay; remove "delayMs" or "plastic"`);
      if (net.hasDepression(s)) throw new Error(`${where}: remove "depression" (the short-term rule holds two-timescale depression) or "plastic"`);
      if (net.isTransmitter(from[s]) || net.isTransmitter(to[s]))
        throw new Error(`${where}: the seed's transmitter neurons have no plastic synapses; use another model or remove "plastic"`);
      check(net, s, where);
      return true;
    },
    build(net, members) {
      if (members.length === 0) return null;
      const t = buildTable(net, members);
      return instance(net, rule, t, parts(net, t));
    },
  };
}

function buildTable(net: CompileContext, members: Int32Array): PlasticTable {
  const m = members.length;
  const { from, to, weight } = net.synapses;
  const first = net.plastic(members[0])!;
  const col: Record<string, Float64Array> = {};
  for (const name of Object.keys(first.values)) col[name] = new Float64Array(m);
  const t: PlasticTable = {
    size: m,
    pre: new Int32Array(m),
    post: new Int32Array(m),
    w: new Float64Array(m),
    w0: new Float64Array(m),
    sign: new Float64Array(m),
    spikingPre: new Uint8Array(m),
    spikingPost: new Uint8Array(m),
    eff: new Float64Array(m).fill(1),
    alive: new Uint8Array(m).fill(1),
    soft: new Uint8Array(m),
    cond: new Uint8Array(m),
    erev: new Float64Array(m),
    half: new Float64Array(m),
    invSlope: new Float64Array(m),
    tauMs: new Float64Array(m),
    keep: new Float64Array(m),
    rel: new Float64Array(m),
    col,
    synapses: Int32Array.from(members),
  };
  for (let j = 0; j < m; j++) {
    const s = members[j];
    const r = net.plastic(s)!;
    t.pre[j] = from[s];
    t.post[j] = to[s];
    t.w[j] = t.w0[j] = weight[s];
    t.sign[j] = net.sign(s);
    t.spikingPre[j] = net.isSpiking(from[s]) ? 1 : 0;
    t.spikingPost[j] = net.isSpiking(to[s]) ? 1 : 0;
    t.soft[j] = r.soft ? 1 : 0;
    if (net.isConductance(s)) {
      t.cond[j] = 1;
      t.erev[j] = net.reversalMv(s);
      t.tauMs[j] = net.synapseTauMs(s);
      if (t.spikingPre[j] === 0) {
        t.half[j] = net.releaseHalfMv(s);
        t.invSlope[j] = 1 / net.releaseSlopeMv(s);
      }
    }
    for (const name of Object.keys(col)) col[name][j] = r.values[name];
  }
  return t;
}

function instance(net: CompileContext, rule: PlasticRule, t: PlasticTable, parts: RuleParts): SynapseKernelInstance {
  const n = net.size;
  const m = t.size;
  const { pre, post, w, eff, sign, spikingPre, alive, cond, erev, half, invSlope, tauMs, keep, rel } = t;
  const { output, current, spiked, v, conductance } = net.arrays;
  const anySpiking = spikingPre.includes(1);
  const conducting = cond.includes(1);
  // Exponential currents per neuron for the current-based spiking ones; a conductance trace per synapse for the others.
  const expSpiking = spikingPre.some((x, k) => x === 1 && cond[k] === 0);
  const ge = new Float64Array(expSpiking ? n : 0);
  const gi = new Float64Array(expSpiking ? n : 0);
  const gk = new Float64Array(m);
  const decay = new Float64Array([1, 1]);
  const steps: ScheduledStep[] = [
    {
      name: `${rule}.current`,
      when: 'currents',
      run: freshKernel(plasticCurrentKernel)(
        m,
        n,
        pre,
        post,
        w,
        eff,
        sign,
        spikingPre,
        output,
        current,
        ge,
        gi,
        expSpiking,
        cond,
        erev,
        half,
        invSlope,
        keep,
        rel,
        gk,
        v,
        LOGISTIC_TABLE,
        conductance,
      ),
    },
  ];
  if (anySpiking) {
    steps.push({
      name: `${rule}.propagate`,
      when: 'synapses',
      run: freshKernel(plasticPropagateKernel)(m, ge.length, pre, post, w, eff, sign, spikingPre, alive, spiked, ge, gi, decay, cond, gk, keep),
    });
  }
  const learned: LearnedWeights = {
    rule,
    synapses: t.synapses,
    weights: w,
    learning: true,
    resetWeights() {
      for (let k = 0; k < m; k++) if (alive[k] === 1) w[k] = t.w0[k];
    },
  };
  const learn = parts.learn;
  steps.push({
    name: `${rule}.learn`,
    when: 'plasticity',
    run: parts.always ? learn : (dt) => learned.learning && learn(dt),
  });
  return {
    kind: rule,
    steps,
    ...(conducting ? { conductance: true } : {}),
    ...(parts.learnsWeights ? { learned } : {}),
    ...zeroingEdits(net, t.synapses, 'chemical', (j) => {
      alive[j] = 0;
      w[j] = 0;
    }),
    layout(dt) {
      decay[0] = Math.exp(-dt / net.tauExcMs);
      decay[1] = Math.exp(-dt / net.tauInhMs);
      for (let k = 0; k < m; k++) keep[k] = cond[k] === 1 && tauMs[k] > 0 ? Math.exp(-dt / tauMs[k]) : 0;
      parts.layout?.(dt);
    },
    reset() {
      ge.fill(0);
      gi.fill(0);
      gk.fill(0);
      // Graded release at its steady state for the present V (the kernel's logistic, so a resting network stays put).
      for (let k = 0; k < m; k++) rel[k] = cond[k] === 1 && spikingPre[k] === 0 ? fastLogistic((v[pre[k]] - half[k]) * invSlope[k]) : 0;
      eff.fill(1);
      learned.resetWeights();
      parts.reset?.();
    },
    // Short-term synapses: their efficacy (xF·xS·(1 + f); the pools' product without facilitation) for
    // Network.synapseResource, so a habituation study can read the pools; other rules have none.
    ...(rule === 'short-term' && {
      resource(a: number, b: number) {
        for (let k = 0; k < m; k++) if (pre[k] === a && post[k] === b) return eff[k];
        return undefined;
      },
    }),
    loadWeights() {
      // The rule's parameters too: an omitted wMax (twice the weight) and forgetTo (the weight) follow the weight.
      const weight = net.synapses.weight;
      for (let j = 0; j < m; j++) {
        const s = t.synapses[j];
        t.w0[j] = w[j] = weight[s];
        const { values } = net.plastic(s)!;
        for (const name of Object.keys(t.col)) t.col[name][j] = values[name];
      }
    },
  };
}
