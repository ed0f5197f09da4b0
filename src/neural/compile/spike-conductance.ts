/**
 * Conductance-based chemical synapses from spiking neurons (LIF, Izhikevich,
 * Hodgkin–Huxley): a presynaptic spike opens g·x (x: the depression resource)
 * of conductance on the postsynaptic neuron, which then closes exponentially
 * with the synapse's τ; the current is g(t)·(E_rev − V_post), as in the COBA
 * network of Brette et al. (2007). Conductances are summed per postsynaptic
 * neuron and class (reversal potential, τ): a class's conductances decay
 * together, so a step costs classes × neurons, not synapses, and a spike
 * costs its synapses. At `currents` the classes add to the conductance and
 * current Σ g·E; at `synapses` they decay, delayed spikes arrive and this
 * step's spikes open their synapses (the order of exponential.ts).
 */
import { CHEMICAL } from '../synapses';
import { checkConductanceEnds } from './graded-conductance';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { zeroingEdits } from './kernel-api';

/** Classes (reversal potential, τ) a network may have among its spike-driven conductance synapses. */
export const MAX_SPIKE_CLASSES = 16;

export const spikeConductance: SynapseKernel = {
  kind: 'cond-spike',
  claims(net, s) {
    if (net.synapses.kind[s] !== CHEMICAL || !net.isConductance(s)) return false;
    checkConductanceEnds(net, s);
    return net.isSpiking(net.synapses.from[s]);
  },
  build(net, members) {
    if (members.length === 0) return null;
    return buildSpikeConductance(net, members);
  },
};

function buildSpikeConductance(net: CompileContext, members: Int32Array): SynapseKernelInstance {
  const n = net.size;
  const syn = net.synapses;
  // Classes in order of first appearance.
  const classKey = new Map<string, number>();
  const classE: number[] = [];
  const classTau: number[] = [];
  const classOf = new Int32Array(members.length);
  for (let j = 0; j < members.length; j++) {
    const s = members[j];
    const e = net.reversalMv(s);
    const tau = net.synapseTauMs(s);
    const key = `${e}|${tau}`;
    let c = classKey.get(key);
    if (c === undefined) {
      c = classE.length;
      if (c === MAX_SPIKE_CLASSES) {
        throw new Error(
          `synapses[${s}] (${net.ids[syn.from[s]]} → ${net.ids[syn.to[s]]}): more than ${MAX_SPIKE_CLASSES} different (reversalMv, tauMs) pairs among ` +
            'the conductance synapses from spiking neurons; each pair keeps a conductance per neuron: use fewer distinct values',
        );
      }
      classKey.set(key, c);
      classE.push(e);
      classTau.push(tau);
    }
    classOf[j] = c;
  }
  const nc = classE.length;
  const E = Float64Array.from(classE);
  const decay = new Float64Array(nc);

  // Synapses by presynaptic neuron (then spec order): CSR rows over the fired list.
  const order = Array.from(members.keys()).sort((p, q) => syn.from[members[p]] - syn.from[members[q]] || p - q);
  const m = members.length;
  const rowStart = new Int32Array(n + 1);
  for (const j of order) rowStart[syn.from[members[j]] + 1]++;
  for (let g = 0; g < n; g++) rowStart[g + 1] += rowStart[g];
  const slot = new Int32Array(m); // class·n + post
  const g = new Float64Array(m);
  const delayMs = new Float64Array(m);
  const delay = new Int32Array(m);
  const use = new Float64Array(m);
  const recoveryMs = new Float64Array(m);
  const recovery = new Float64Array(m);
  const x = new Float64Array(m).fill(1);
  const entryOf = new Int32Array(m);
  order.forEach((j, k) => {
    const s = members[j];
    slot[k] = classOf[j] * n + syn.to[s];
    g[k] = syn.weight[s];
    delayMs[k] = net.delayMs(s);
    if (net.hasDepression(s)) {
      use[k] = syn.depressionUse ? syn.depressionUse[s] : 0;
      recoveryMs[k] = syn.depressionRecoveryMs![s];
    }
    entryOf[j] = k;
  });
  const depressing = use.some((u) => u > 0);

  const trace = new Float64Array(nc * n);
  const ring: { rows: Float64Array | null; len: number } = { rows: null, len: 1 };
  const { conductance: G, current: I, fired } = net.arrays;
  const clock = net.clock;

  return {
    kind: 'cond-spike',
    conductance: true,
    steps: [
      {
        name: 'cond-spike.current',
        when: 'currents',
        run() {
          for (let c = 0; c < nc; c++) {
            const e = E[c];
            const base = c * n;
            for (let i = 0; i < n; i++) {
              const a = trace[base + i];
              G[i] += a;
              I[i] += a * e;
            }
          }
        },
      },
      {
        name: 'cond-spike.propagate',
        when: 'synapses',
        run() {
          for (let c = 0; c < nc; c++) {
            const d = decay[c];
            const base = c * n;
            for (let i = 0; i < n; i++) trace[base + i] *= d;
          }
          const rows = ring.rows;
          const len = ring.len;
          const now = clock.steps % len;
          if (rows) {
            const base = now * nc * n;
            for (let q = 0; q < nc * n; q++) {
              trace[q] += rows[base + q];
              rows[base + q] = 0;
            }
          }
          if (depressing) for (let k = 0; k < m; k++) if (use[k] > 0) x[k] = 1 - (1 - x[k]) * recovery[k];
          for (let f = 0; f < clock.firedCount; f++) {
            const pre = fired[f];
            for (let k = rowStart[pre], end = rowStart[pre + 1]; k < end; k++) {
              const xk = x[k];
              const open = g[k] * xk;
              if (use[k] > 0) x[k] = xk - use[k] * xk;
              const d = delay[k];
              if (d === 0) trace[slot[k]] += open;
              else rows![((now + d) % len) * nc * n + slot[k]] += open;
            }
          }
        },
      },
    ],
    ...zeroingEdits(net, members, 'chemical', (j) => (g[entryOf[j]] = 0)),
    layout(dt) {
      for (let c = 0; c < nc; c++) decay[c] = classTau[c] > 0 ? Math.exp(-dt / classTau[c]) : 0;
      // A new dt re-rounds the delays: spikes still in flight are dropped.
      let maxDelay = 0;
      for (let k = 0; k < m; k++) {
        delay[k] = Math.round(delayMs[k] / dt);
        recovery[k] = recoveryMs[k] > 0 ? Math.exp(-dt / recoveryMs[k]) : 0;
        if (delay[k] > maxDelay) maxDelay = delay[k];
      }
      ring.len = maxDelay + 1;
      ring.rows = maxDelay > 0 ? new Float64Array(ring.len * nc * n) : null;
    },
    reset() {
      trace.fill(0);
      ring.rows?.fill(0);
      x.fill(1);
    },
    loadWeights() {
      for (let j = 0; j < m; j++) g[entryOf[j]] = syn.weight[members[j]];
    },
    resource(a, b) {
      for (let j = 0; j < m; j++) {
        const s = members[j];
        const k = entryOf[j];
        if (syn.from[s] === a && syn.to[s] === b && (use[k] > 0 || delayMs[k] > 0)) return x[k];
      }
      return undefined;
    },
  };
}
