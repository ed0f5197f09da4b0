/**
 * Three-factor learning (reward-modulated STDP, Izhikevich 2007): activity
 * pairs do not change the weight, they tag the synapse with an eligibility
 * trace e, and a modulator turns the tag into a change:
 *
 *   de/dt = −e/τe + pairs        spiking ends: STDP pair events (+A+·x at a
 *                                post spike, −A−·y at a pre spike, traces as
 *                                in stdp.ts); graded: A+·x·y per ms
 *   dw/dt = rate · (wMax − wMin) · e · M      hard bounds, clipped
 *   dw/dt = rate · e · M · (wMax − w or w − wMin)   soft bounds
 *   dw/dt −= (w − forgetTo) / τforget           forgetting (forgetMs > 0):
 *                                the change fades back to the naive weight
 *
 * M is the third factor at the postsynaptic neuron: Σ gain·C over its
 * `plasticity` receptors (modulation.ts). Reward after pre → post (e > 0,
 * M > 0) potentiates; punishment (a receptor of negative gain) depresses;
 * no modulator (M = 0) changes nothing.
 */
import { freshKernel } from '../kernel';
import { plasticKernel } from './plastic';

/** One three-factor step over all members (self-contained: ../kernel.ts). */
export function threeFactorKernel(
  m: number,
  pre: Int32Array,
  post: Int32Array,
  w: Float64Array,
  restW: Float64Array,
  keep: Float64Array,
  soft: Uint8Array,
  alive: Uint8Array,
  pairs: Uint8Array,
  aPlus: Float64Array,
  aMinus: Float64Array,
  rate: Float64Array,
  wMin: Float64Array,
  wMax: Float64Array,
  x: Float64Array,
  y: Float64Array,
  e: Float64Array,
  dPlus: Float64Array,
  dMinus: Float64Array,
  dE: Float64Array,
  spiked: Uint8Array,
  output: Float64Array,
  teach: Float64Array,
): (dt: number) => void {
  return (dt: number) => {
    for (let k = 0; k < m; k++) {
      let ek = e[k] * dE[k];
      if (pairs[k] === 1) {
        x[k] *= dPlus[k];
        y[k] *= dMinus[k];
        if (spiked[pre[k]] !== 0) {
          ek -= aMinus[k] * y[k];
          x[k] += 1;
        }
        if (spiked[post[k]] !== 0) {
          ek += aPlus[k] * x[k];
          y[k] += 1;
        }
      } else ek += dt * aPlus[k] * output[pre[k]] * output[post[k]];
      e[k] = ek;
      // Forgetting before learning, so a synapse without a modulator still fades (keep = 1: never forgets, w untouched).
      if (keep[k] !== 1) w[k] = restW[k] + (w[k] - restW[k]) * keep[k];
      const M = teach[post[k]];
      if (M === 0 || alive[k] === 0) continue;
      const lo = wMin[k],
        hi = wMax[k];
      const drive = dt * rate[k] * ek * M;
      const room = soft[k] === 1 ? (drive > 0 ? hi - w[k] : w[k] - lo) : hi - lo;
      const v = w[k] + drive * room;
      w[k] = Math.max(lo, Math.min(hi, v));
    }
  };
}

export const threeFactorSynapses = plasticKernel('three-factor', (net, t) => {
  const m = t.size;
  const { pre, post, w, soft, alive, spikingPre, spikingPost } = t;
  const { aPlus, aMinus, tauPlusMs, tauMinusMs, tauEligibilityMs, rate, wMin, wMax, forgetMs, forgetTo } = t.col;
  const keep = new Float64Array(m);
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const e = new Float64Array(m);
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  const dE = new Float64Array(m);
  const { spiked, output } = net.arrays;
  const pairs = new Uint8Array(m);
  for (let k = 0; k < m; k++) pairs[k] = spikingPre[k] & spikingPost[k];
  const teach = net.modulation?.teach ?? new Float64Array(net.size);
  return {
    learnsWeights: true,
    layout(dt) {
      for (let k = 0; k < m; k++) {
        dPlus[k] = Math.exp(-dt / tauPlusMs[k]);
        dMinus[k] = Math.exp(-dt / tauMinusMs[k]);
        dE[k] = Math.exp(-dt / tauEligibilityMs[k]);
        keep[k] = forgetMs[k] > 0 ? Math.exp(-dt / forgetMs[k]) : 1;
      }
    },
    reset() {
      x.fill(0);
      y.fill(0);
      e.fill(0);
    },
    learn: freshKernel(threeFactorKernel)(
      m,
      pre,
      post,
      w,
      forgetTo,
      keep,
      soft,
      alive,
      pairs,
      aPlus,
      aMinus,
      rate,
      wMin,
      wMax,
      x,
      y,
      e,
      dPlus,
      dMinus,
      dE,
      spiked,
      output,
      teach,
    ),
  };
});
