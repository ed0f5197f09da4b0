/**
 * Two-timescale short-term depression, with facilitation: release uses up a
 * fast and a slow pool of resource, each recovering toward 1 at its own pace,
 * and facilitation f adds to each release and fades:
 *
 *   efficacy = xF · xS · (1 + f)
 *   spike (spiking presynaptic): xS −= uS·xF·xS, xF −= uF·xF, f += F   after the spike is sent
 *   graded: per ms at release o: xS ← xS/(1 + dt·uS·xF·o), xF ← xF/(1 + dt·uF·o) (implicit, in 0..1); f += dt·F·o
 *   every step: x ← 1 − (1 − x)·e^(−dt/τ) per pool, f ← f·e^(−dt/τF)
 *
 * Why two pools: a single pool's habituation and recovery have one time
 * constant whatever the training. With a fast pool (seconds) and a slow one
 * (minutes), stimuli close together deplete the fast pool, which has no time
 * to refill between them — deep habituation that recovers as fast as that
 * pool refills — while stimuli far apart leave the fast pool refilled and
 * wear down the slow one: shallower habituation, slower recovery (the rate
 * sensitivity of Rankin & Broster 1992). The pools are a cascade (Staddon &
 * Higa 1996): the slow pool is used by what the fast one passes on (uS·xF),
 * so a depleted fast pool shields it. With parallel pools every stimulus wore
 * the slow pool alike at any interval, and short-interval training left as
 * lasting a loss as long-interval training.
 * The slow pool may be used only by the fast pool's level above a threshold θ
 * (uS·max(0, xF − θ)): Staddon & Higa's units pass on only what exceeds their
 * memory, so once the fast pool has sunk below θ the slow one is shielded
 * altogether, not just in proportion. Without it the shield is xF itself, and
 * where the response needs xF above ~0.7 (a threshold downstream, as the
 * worm's AVD) close stimuli still wore the slow pool more than spaced ones.
 * A `plasticity` receptor on the presynaptic neuron (teach, modulation.ts)
 * makes both pools recover (1 + teach) times as fast: a modulator that
 * refills them, as serotonin restores habituated sensory synapses in Aplysia
 * and as dishabituation does here (docs/biology.md).
 * Efficacy is not a learned weight: it runs when learning is frozen. The
 * release o is the presynaptic output for a current-based synapse and the
 * synapse's own release s for a conductance-based one (plastic.ts), whose g
 * efficacy scales: what is released is what wears the pools.
 */
import { freshKernel } from '../kernel';
import { plasticKernel } from './plastic';

/** One step of the pools and facilitation over all members (self-contained: ../kernel.ts). */
export function shortTermKernel(
  m: number,
  pre: Int32Array,
  eff: Float64Array,
  spikingPre: Uint8Array,
  useFast: Float64Array,
  useSlow: Float64Array,
  slowThreshold: Float64Array,
  facilitation: Float64Array,
  xF: Float64Array,
  xS: Float64Array,
  f: Float64Array,
  rF: Float64Array,
  rS: Float64Array,
  rFac: Float64Array,
  spiked: Uint8Array,
  output: Float64Array,
  teach: Float64Array,
  cond: Uint8Array,
  rel: Float64Array,
): (dt: number) => void {
  return (dt: number) => {
    // The last powers taken while a cell is taught (below): members share both the base (their recovery times
    // repeat) and the exponent (one modulator teaches a few cells alike), and the same base and exponent give
    // the same power, so it is taken once for a run of them: the same numbers (short-term.test.ts), and the
    // `worm`'s ** were ~6 % of its step (docs/benchmarks.md, session 18). Neither is ever −0, which !== would
    // take for +0 (the bases are Math.exp's, g is Math.max(…, 0)); a NaN never matches, so it is taken again.
    let baseF = Number.NaN,
      baseS = Number.NaN,
      expF = Number.NaN,
      expS = Number.NaN,
      powF = 1,
      powS = 1;
    for (let k = 0; k < m; k++) {
      let a = xF[k],
        b = xS[k],
        c = f[k] * rFac[k];
      const passed = a > slowThreshold[k] ? a - slowThreshold[k] : 0;
      if (spikingPre[k] === 1) {
        if (spiked[pre[k]] !== 0) {
          b -= useSlow[k] * passed * b;
          a -= useFast[k] * a;
          c += facilitation[k];
        }
      } else {
        const o = cond[k] === 1 ? rel[k] : output[pre[k]];
        b = b / (1 + dt * useSlow[k] * passed * o);
        a = a / (1 + dt * useFast[k] * o);
        c += dt * facilitation[k] * o;
      }
      const boost = 1 + teach[pre[k]];
      if (boost === 1) {
        a = 1 - (1 - a) * rF[k];
        b = 1 - (1 - b) * rS[k];
      } else {
        const g = Math.max(boost, 0);
        if (rF[k] !== baseF || g !== expF) {
          baseF = rF[k];
          expF = g;
          powF = baseF ** g;
        }
        if (rS[k] !== baseS || g !== expS) {
          baseS = rS[k];
          expS = g;
          powS = baseS ** g;
        }
        a = 1 - (1 - a) * powF;
        b = 1 - (1 - b) * powS;
      }
      xF[k] = a;
      xS[k] = b;
      f[k] = c;
      eff[k] = a * b * (1 + c);
    }
  };
}

export const shortTermSynapses = plasticKernel('short-term', (net, t) => {
  const m = t.size;
  const { pre, eff, spikingPre, cond, rel } = t;
  const { useFast, recoveryFastMs, useSlow, recoverySlowMs, slowThreshold, facilitation, facilitationMs } = t.col;
  const xF = new Float64Array(m).fill(1);
  const xS = new Float64Array(m).fill(1);
  const f = new Float64Array(m);
  const rF = new Float64Array(m);
  const rS = new Float64Array(m);
  const rFac = new Float64Array(m);
  const { spiked, output } = net.arrays;
  const teach = net.modulation?.teach ?? new Float64Array(net.size);
  return {
    learnsWeights: false,
    always: true,
    layout(dt) {
      for (let k = 0; k < m; k++) {
        rF[k] = Math.exp(-dt / recoveryFastMs[k]);
        rS[k] = Math.exp(-dt / recoverySlowMs[k]);
        rFac[k] = Math.exp(-dt / facilitationMs[k]);
      }
    },
    reset() {
      xF.fill(1);
      xS.fill(1);
      f.fill(0);
    },
    learn: freshKernel(shortTermKernel)(
      m,
      pre,
      eff,
      spikingPre,
      useFast,
      useSlow,
      slowThreshold,
      facilitation,
      xF,
      xS,
      f,
      rF,
      rS,
      rFac,
      spiked,
      output,
      teach,
      cond,
      rel,
    ),
  };
});
