/**
 * Rate Hebbian learning with a sliding threshold (BCM: Bienenstock, Cooper &
 * Munro 1982), for graded neurons and any other model through its output
 * (0..1: release for graded, a smoothed rate for spiking models):
 *
 *   dw/dt = rate · x · y · (y − θ)          x = output_pre, y = output_post
 *   τθ dθ/dt = y² − θ                       θ per synapse, from theta0
 *
 * Activity above θ strengthens, below it weakens, and θ rises with sustained
 * activity, which keeps the weights from running away (the rule's
 * normalisation). Euler in w (the rate is small), exact in θ; w clipped to
 * [wMin, wMax].
 */
import { freshKernel } from '../kernel';
import { plasticKernel } from './plastic';

/** One BCM step over all members (self-contained: ../kernel.ts). */
export function bcmKernel(
  m: number,
  pre: Int32Array,
  post: Int32Array,
  w: Float64Array,
  alive: Uint8Array,
  rate: Float64Array,
  wMin: Float64Array,
  wMax: Float64Array,
  theta: Float64Array,
  follow: Float64Array,
  out: Float64Array,
): (dt: number) => void {
  return (dt: number) => {
    for (let k = 0; k < m; k++) {
      const y = out[post[k]];
      const th = theta[k];
      theta[k] = th + (y * y - th) * follow[k];
      if (alive[k] === 0) continue;
      const v = w[k] + dt * rate[k] * out[pre[k]] * y * (y - th);
      w[k] = Math.max(wMin[k], Math.min(wMax[k], v));
    }
  };
}

export const bcmSynapses = plasticKernel('bcm', (net, t) => {
  const m = t.size;
  const { pre, post, w, alive } = t;
  const { rate, tauThetaMs, theta0, wMin, wMax } = t.col;
  const theta = Float64Array.from(theta0);
  const follow = new Float64Array(m);
  const out = net.arrays.output;
  return {
    learnsWeights: true,
    layout(dt) {
      for (let k = 0; k < m; k++) follow[k] = 1 - Math.exp(-dt / tauThetaMs[k]);
    },
    reset() {
      theta.set(theta0);
    },
    learn: freshKernel(bcmKernel)(m, pre, post, w, alive, rate, wMin, wMax, theta, follow, out),
  };
});
