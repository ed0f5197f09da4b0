/**
 * Pair-based STDP with traces (Song, Miller & Abbott 2000), all-to-all
 * pairing: a presynaptic trace x (+1 per pre spike, decays with τ+) and a
 * postsynaptic trace y (+1 per post spike, decays with τ−), per synapse.
 *
 *   pre spike:  w −= A−·y · (wMax − wMin)     hard bounds, clipped to [wMin, wMax]
 *               w −= A−·y · (w − wMin)        soft bounds (van Rossum et al. 2000)
 *   post spike: w += A+·x · (wMax − wMin)     hard
 *               w += A+·x · (wMax − w)        soft
 *
 * So one pair at Δt = t_post − t_pre gives Δw = +A+·(wMax − wMin)·e^(−Δt/τ+)
 * for Δt ≥ 0 and −A−·(wMax − wMin)·e^(Δt/τ−) for Δt < 0 (hard bounds, away
 * from them): the window stdp.test.ts samples. Traces decay exactly (e^(−dt/τ)
 * per step), so Δt a whole number of steps gives the formula to rounding. On
 * a step where both fire, the pre spike's depression comes first, then the
 * post spike's potentiation sees the new pre trace: Δt = 0 potentiates by A+.
 */
import { freshKernel } from '../kernel';
import { plasticKernel } from './plastic';

/** One STDP step over all members (self-contained: ../kernel.ts). */
export function stdpKernel(
  m: number,
  pre: Int32Array,
  post: Int32Array,
  w: Float64Array,
  soft: Uint8Array,
  alive: Uint8Array,
  aPlus: Float64Array,
  aMinus: Float64Array,
  wMin: Float64Array,
  wMax: Float64Array,
  x: Float64Array,
  y: Float64Array,
  dPlus: Float64Array,
  dMinus: Float64Array,
  spiked: Uint8Array,
): () => void {
  return () => {
    for (let k = 0; k < m; k++) {
      x[k] *= dPlus[k];
      y[k] *= dMinus[k];
      const a = spiked[pre[k]],
        b = spiked[post[k]];
      if ((a === 0 && b === 0) || alive[k] === 0) continue;
      const lo = wMin[k],
        hi = wMax[k];
      if (a !== 0) {
        const v = w[k] - aMinus[k] * y[k] * (soft[k] === 1 ? w[k] - lo : hi - lo);
        w[k] = Math.max(lo, Math.min(hi, v));
        x[k] += 1;
      }
      if (b !== 0) {
        const v = w[k] + aPlus[k] * x[k] * (soft[k] === 1 ? hi - w[k] : hi - lo);
        w[k] = Math.max(lo, Math.min(hi, v));
        y[k] += 1;
      }
    }
  };
}

export const stdpSynapses = plasticKernel(
  'stdp',
  (net, t) => {
    const m = t.size;
    const { pre, post, w, soft, alive } = t;
    const { aPlus, aMinus, tauPlusMs, tauMinusMs, wMin, wMax } = t.col;
    const x = new Float64Array(m);
    const y = new Float64Array(m);
    const dPlus = new Float64Array(m);
    const dMinus = new Float64Array(m);
    const spiked = net.arrays.spiked;
    return {
      learnsWeights: true,
      layout(dt) {
        for (let k = 0; k < m; k++) {
          dPlus[k] = Math.exp(-dt / tauPlusMs[k]);
          dMinus[k] = Math.exp(-dt / tauMinusMs[k]);
        }
      },
      reset() {
        x.fill(0);
        y.fill(0);
      },
      learn: freshKernel(stdpKernel)(m, pre, post, w, soft, alive, aPlus, aMinus, wMin, wMax, x, y, dPlus, dMinus, spiked),
    };
  },
  (net, s, where) => {
    const { from, to } = net.synapses;
    if (!net.isSpiking(from[s]) || !net.isSpiking(to[s]))
      throw new Error(`${where}: STDP needs spiking neurons at both ends (lif, izhikevich, hodgkin-huxley); for graded neurons use "bcm" or "three-factor"`);
  },
);
