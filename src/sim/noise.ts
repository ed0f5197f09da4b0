/**
 * Standard normal deviates from the simulation's seeded generator, fast
 * enough for a noise current into every neuron on every neural sub-step:
 * Marsaglia & Tsang's ziggurat (2000), 128 layers. About 98.8 % of draws
 * cost one 32-bit integer, a table lookup and a multiply; the rest take the
 * exact wedge or tail path. (Box–Muller costs a log, a sqrt and a cosine per
 * pair: ~40 ns a deviate here, which for 302 neurons × 10 sub-steps was more
 * than the network step itself.)
 *
 * |hz| is taken branch-free ((hz ^ hz>>31) − hz>>31): the sign of a fresh
 * random word is a coin flip the CPU cannot predict, and a mispredicted
 * branch on half the draws cost more than the rest of a draw (the draws are
 * identical either way, pinned in noise.test.ts).
 *
 * Each draw splits one 32-bit word into a layer (low 7 bits) and a signed
 * 25-bit abscissa (the rest), so the layer and the value never share bits
 * (the flaw of the original, which reused bits of one word for both).
 */
import type { Rng } from '../neural/rng';

const LAYERS = 128;
/** Right edge of the base layer and the common area of every layer (for 128 layers). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;
/** Scale of the signed 25-bit abscissa: values in [−2^24, 2^24). */
const M = 2 ** 24;

// k[i]: the integer threshold below which layer i's draw is inside the rectangle; w[i]: integer → x; f[i] = exp(−x_i²/2).
const K = new Int32Array(LAYERS);
const W = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  K[0] = Math.floor((dn / q) * M);
  K[1] = 0;
  W[0] = q / M;
  W[LAYERS - 1] = dn / M;
  F[0] = 1;
  F[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    K[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    F[i] = Math.exp(-0.5 * dn * dn);
    W[i] = dn / M;
  }
}

/**
 * A source of standard normal deviates. It takes four words from `rng` once as
 * the seed of its own sfc32 stream (the same generator as Rng, kept in the
 * closure as small integers: no method call and no boxed number per draw), so
 * it is as reproducible as `rng` itself: same seed, same sequence.
 */
export function normalSource(rng: Rng): NormalSource {
  // State in a typed array: 32-bit integers kept in closure variables would be
  // boxed on every store (they exceed V8's 31-bit small integers).
  const s = Int32Array.of(rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32());
  /** Next 32-bit word as a signed integer (sfc32). */
  const word = (): number => {
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  };
  /** Uniform in (0, 1]: never 0, so its log is finite. */
  const uniform = (): number => ((word() >>> 0) + 1) / 4294967296;
  const slow = (hz: number, iz: number): number => {
    for (;;) {
      const x = hz * W[iz];
      if (iz === 0) {
        // The tail beyond R (Marsaglia 1964).
        let t: number;
        let y: number;
        do {
          t = -Math.log(uniform()) / R;
          y = -Math.log(uniform());
        } while (y + y < t * t);
        return hz > 0 ? R + t : -R - t;
      }
      // The wedge between the rectangle and the curve.
      if (F[iz] + uniform() * (F[iz - 1] - F[iz]) < Math.exp(-0.5 * x * x)) return x;
      const u = word();
      iz = u & (LAYERS - 1);
      hz = u >> 7;
      if ((hz ^ (hz >> 31)) - (hz >> 31) < K[iz]) return hz * W[iz];
    }
  };
  const next = (): number => {
    const u = word();
    const iz = u & (LAYERS - 1);
    const hz = u >> 7;
    if ((hz ^ (hz >> 31)) - (hz >> 31) < K[iz]) return hz * W[iz];
    return slow(hz, iz);
  };
  return {
    next,
    addTo(out: Float64Array, sigma: number): void {
      // next() inlined with the generator state in locals (about twice as fast),
      // and the tables too (module constants are reloaded from the module's
      // context on every use). The inner loop holds the fast path alone and
      // leaves it for a wedge or tail draw (~1.2 % of draws), which runs
      // through slow() with the state written back, then re-enters: with
      // slow()'s call inside the loop V8 kept the loop's state around the call,
      // and a draw cost ~6.5 ns against ~4 ns now (bench/noise-draw.ts).
      const k0 = K;
      const w0 = W;
      const n = out.length;
      let k = 0;
      for (;;) {
        let a = s[0];
        let b = s[1];
        let c = s[2];
        let d = s[3];
        let iz = 0;
        let hz = 0;
        for (; k < n; k++) {
          const t = (a + b + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          iz = t & (LAYERS - 1);
          hz = t >> 7;
          if ((hz ^ (hz >> 31)) - (hz >> 31) < k0[iz]) out[k] += sigma * (hz * w0[iz]);
          else break;
        }
        s[0] = a;
        s[1] = b;
        s[2] = c;
        s[3] = d;
        if (k >= n) return;
        out[k] += sigma * slow(hz, iz);
        k++;
      }
    },
  };
}

export interface NormalSource {
  /** One standard normal deviate. */
  next(): number;
  /** out[k] += sigma × a fresh deviate, for every k (the same draws as calling next() in order). */
  addTo(out: Float64Array, sigma: number): void;
}
