/**
 * What every plastic synapse kernel shares: its table (weights that change,
 * bounds, per-synapse rule parameters), transmission with those weights, the
 * edits, and the learned-weights handle the network reads. Each rule is its
 * own kernel (stdp.ts, bcm.ts, three-factor.ts, short-term.ts) that claims
 * the synapses naming it and adds one learning step at `plasticity`; the
 * fixed synapses' kernels are untouched, so a network without plastic
 * synapses compiles and steps exactly as before.
 *
 * Transmission is the engine's current-based one (docs/neural.md, Synapses)
 * with the weight read from this table: from a graded neuron I_post +=
 * sign·w·eff·output_pre (previous step's output); from a spiking neuron a
 * spike adds w·eff to the synapse's own exponential current (τe, τi). `eff` is
 * the short-term efficacy (1 for the other rules).
 */
import type { PlasticRule } from '../types';
import { CHEMICAL } from '../synapses';
import type { CompileContext, LearnedWeights, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { zeroingEdits } from './kernel-api';
import type { ScheduledStep } from './schedule';
import { freshKernel } from '../kernel';

/** Graded presynaptic ones: I[post] += sign·w·eff·out[pre]; spiking ones' exponential currents: I += g_e − g_i. Self-contained (../kernel.ts). */
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
): () => void {
  return () => {
    for (let k = 0; k < m; k++) if (spikingPre[k] === 0) current[post[k]] += sign[k] * w[k] * eff[k] * output[pre[k]];
    if (anySpiking) for (let g = 0; g < n; g++) current[g] += ge[g] - gi[g];
  };
}

/** The exponential currents decay; this step's spikes add w·eff. Self-contained (../kernel.ts). */
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
): () => void {
  return () => {
    const de = decay[0],
      di = decay[1];
    for (let g = 0; g < n; g++) {
      ge[g] *= de;
      gi[g] *= di;
    }
    for (let k = 0; k < m; k++) {
      if (spikingPre[k] === 0 || spiked[pre[k]] === 0 || alive[k] === 0) continue;
      if (sign[k] > 0) ge[post[k]] += w[k] * eff[k];
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
      if (net.isConductance(s)) throw new Error(`${where}: plastic synapses are current-based; remove "model": "conductance" or "plastic"`);
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
    for (const name of Object.keys(col)) col[name][j] = r.values[name];
  }
  return t;
}

function instance(net: CompileContext, rule: PlasticRule, t: PlasticTable, parts: RuleParts): SynapseKernelInstance {
  const n = net.size;
  const { pre, post, w, eff, sign, spikingPre, alive } = t;
  const { output, current, spiked } = net.arrays;
  const anySpiking = spikingPre.includes(1);
  const ge = new Float64Array(anySpiking ? n : 0);
  const gi = new Float64Array(anySpiking ? n : 0);
  const decay = new Float64Array([1, 1]);
  const m = t.size;
  const steps: ScheduledStep[] = [
    {
      name: `${rule}.current`,
      when: 'currents',
      run: freshKernel(plasticCurrentKernel)(m, n, pre, post, w, eff, sign, spikingPre, output, current, ge, gi, anySpiking),
    },
  ];
  if (anySpiking) {
    steps.push({
      name: `${rule}.propagate`,
      when: 'synapses',
      run: freshKernel(plasticPropagateKernel)(m, n, pre, post, w, eff, sign, spikingPre, alive, spiked, ge, gi, decay),
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
    ...(parts.learnsWeights ? { learned } : {}),
    ...zeroingEdits(net, t.synapses, 'chemical', (j) => {
      alive[j] = 0;
      w[j] = 0;
    }),
    layout(dt) {
      decay[0] = Math.exp(-dt / net.tauExcMs);
      decay[1] = Math.exp(-dt / net.tauInhMs);
      parts.layout?.(dt);
    },
    reset() {
      ge.fill(0);
      gi.fill(0);
      eff.fill(1);
      learned.resetWeights();
      parts.reset?.();
    },
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
