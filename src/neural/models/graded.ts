/**
 * Graded (non-spiking) leaky neuron, the way most C. elegans neurons signal
 * (Wicks, Roehrig & Rankin 1996):
 *
 *     C dV/dt = −gL (V − E_L) + I_tonic + I,     gL = C / τ
 *
 * with C in pF, I in pA, V in mV, t in ms (pA / pF = mV / ms, mV / pA = GΩ).
 * Its chemical synapses release continuously with the presynaptic output
 *
 *     s(V) = 0.5 + 0.5 · u / √(1 + u²),   u = (V − V½) / slope
 *
 * an algebraic sigmoid (0..1, s(V½) = 0.5, slope 1/(2·slope) per mV at V½)
 * that costs a square root and a division instead of an exponential, computed
 * once per neuron per step.
 *
 * Update: exponential Euler with the input held over the step — exact for a
 * constant current, unconditionally stable at any dt:
 *
 *     V ← V∞ + (V − V∞) · e^(−dt/τ),   V∞ = E_L + (I_tonic + I) · τ / C
 *
 * The factors are cached per neuron and recomputed only when dt or a
 * parameter changes, so a step costs no exponential.
 *
 * Stiff gap junctions (the network engine decides which: docs/neural.md,
 * "Stiff gap junctions") are not part of the input current; after the step
 * the population relaxes each such pair exactly (`gapRelaxation`).
 */
import { freshKernel } from '../kernel';
import type { NeuronModel, ParamValues, Population } from '../types';

export const gradedModel: NeuronModel = {
  kind: 'graded',
  help: 'Non-spiking leaky neuron with graded (sigmoid) transmitter release: what most C. elegans neurons are.',
  currentUnit: 'pA',
  spiking: false,
  params: {
    capacitance: { default: 1, min: 0.01, max: 1000, unit: 'pF', help: 'Membrane capacitance: 1 pA for τ ms changes V by τ/C mV at rest.' },
    tauMs: { default: 10, min: 0.1, max: 100000, unit: 'ms', help: 'Membrane time constant C/gL: how fast V follows its input.' },
    restMv: { default: -65, min: -120, max: 60, unit: 'mV', help: 'Resting (leak reversal) potential.' },
    vHalfMv: { default: -45, min: -120, max: 60, unit: 'mV', help: 'Potential of half-maximal transmitter release.' },
    slopeMv: { default: 5, min: 0.1, max: 100, unit: 'mV', help: 'Width of the release curve: smaller is more switch-like.' },
    tonicPa: { default: 0, min: -1000, max: 1000, unit: 'pA', help: 'Constant current always injected (intrinsic drive).' },
  },
  init: {
    v: { default: -65, min: -200, max: 200, unit: 'mV', help: 'Membrane potential at the start.' },
  },
  presets: {},
  createPopulation: (neurons) => createGradedPopulation(neurons),
};

/** The release curve, shared with the population kernel and tests. */
export function gradedOutput(vMv: number, vHalfMv: number, slopeMv: number): number {
  const u = (vMv - vHalfMv) / slopeMv;
  return 0.5 + (0.5 * u) / Math.sqrt(1 + u * u);
}

const num = (v: ParamValues[string]): number => (typeof v === 'number' ? v : v[0]);

/** The graded population's extras for the network engine. */
export interface GradedPopulation extends Population {
  readonly kind: 'graded';
  /** Membrane capacitance per neuron, pF (setParam changes it in place). */
  readonly capacitance: Float64Array;
  /** Membrane time constant per neuron, ms (setParam changes it in place). */
  readonly tauMs: Float64Array;
  /**
   * A kernel that, called right after `step(dt)`, relaxes each gap junction
   * (a[k], b[k]) (local indices, conductance g[k] nS) exactly as if the pair
   * were alone for dt — the difference V_a − V_b decays by
   * e^(−dt·g·(1/C_a + 1/C_b)), the charge C_a·V_a + C_b·V_b is kept — one pair
   * after the other in list order, then refreshes the outputs of the neurons
   * it moved. The factors are fixed when it is made: make a new one when dt,
   * a capacitance or a conductance changes.
   */
  gapRelaxation(a: Int32Array, b: Int32Array, g: Float64Array, dt: number): () => void;
}

export function isGradedPopulation(p: Population): p is GradedPopulation {
  return p.kind === 'graded' && typeof (p as Partial<GradedPopulation>).gapRelaxation === 'function';
}

export function createGradedPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>): GradedPopulation {
  const n = neurons.length;
  const cap = new Float64Array(n),
    tau = new Float64Array(n),
    rest = new Float64Array(n);
  const vHalf = new Float64Array(n),
    invSlope = new Float64Array(n),
    tonic = new Float64Array(n);
  const v0 = new Float64Array(n);
  const setters: Record<string, (k: number, x: number) => void> = {
    capacitance: (k, x) => (cap[k] = x),
    tauMs: (k, x) => (tau[k] = x),
    restMv: (k, x) => (rest[k] = x),
    vHalfMv: (k, x) => (vHalf[k] = x),
    slopeMv: (k, x) => (invSlope[k] = 1 / x),
    tonicPa: (k, x) => (tonic[k] = x),
  };
  neurons.forEach(({ params, init }, k) => {
    for (const [name, set] of Object.entries(setters)) set(k, num(params[name]));
    v0[k] = num(init.v);
  });
  const v = new Float64Array(n);
  const output = new Float64Array(n);
  const spiked = new Uint8Array(n); // never set: graded neurons do not spike
  // V ← V·decay + offset + gain·I, valid for cachedDt.
  const decay = new Float64Array(n),
    offset = new Float64Array(n),
    gain = new Float64Array(n);
  let cachedDt = Number.NaN;

  const refresh = (dt: number): void => {
    for (let k = 0; k < n; k++) {
      const d = Math.exp(-dt / tau[k]);
      const r = tau[k] / cap[k]; // input resistance, GΩ = mV/pA
      decay[k] = d;
      gain[k] = (1 - d) * r;
      offset[k] = (1 - d) * (rest[k] + tonic[k] * r);
    }
    cachedDt = dt;
  };
  const computeOutput = (): void => {
    for (let k = 0; k < n; k++) {
      const u = (v[k] - vHalf[k]) * invSlope[k];
      output[k] = 0.5 + (0.5 * u) / Math.sqrt(1 + u * u);
    }
  };

  const kernel = freshKernel(gradedKernel)(n, v, output, decay, offset, gain, vHalf, invSlope);

  const pop: GradedPopulation = {
    kind: 'graded',
    size: n,
    v,
    spiked,
    output,
    variables: {},
    capacitance: cap,
    tauMs: tau,
    step(dt: number, current: Float64Array) {
      if (dt !== cachedDt) refresh(dt);
      kernel(current);
    },
    reset() {
      v.set(v0);
      computeOutput();
    },
    setParam(k, name, value) {
      const set = setters[name];
      if (!set) throw new Error(`graded: unknown parameter "${name}"`);
      set(k, num(value));
      cachedDt = Number.NaN;
      computeOutput();
    },
    gapRelaxation(a, b, g, dt) {
      const m = a.length;
      const ha = new Float64Array(m),
        hb = new Float64Array(m);
      const mark = new Uint8Array(n);
      for (let k = 0; k < m; k++) {
        const ca = cap[a[k]],
          cb = cap[b[k]];
        const f = 1 - Math.exp(-dt * g[k] * (1 / ca + 1 / cb));
        ha[k] = (f * cb) / (ca + cb);
        hb[k] = (f * ca) / (ca + cb);
        mark[a[k]] = 1;
        mark[b[k]] = 1;
      }
      const touched = Int32Array.from({ length: n }, (_, k) => k).filter((k) => mark[k] === 1);
      return freshKernel(gapRelaxKernel)(m, Int32Array.from(a), Int32Array.from(b), ha, hb, v, touched, output, vHalf, invSlope);
    },
  };
  pop.reset();
  return pop;
}

/** The graded update of every neuron for one step (self-contained: see ../kernel.ts); the factors are prepared for dt. */
export function gradedKernel(
  n: number,
  v: Float64Array,
  output: Float64Array,
  decay: Float64Array,
  offset: Float64Array,
  gain: Float64Array,
  vHalf: Float64Array,
  invSlope: Float64Array,
): (current: Float64Array) => void {
  return (current: Float64Array) => {
    for (let k = 0; k < n; k++) {
      const x = v[k] * decay[k] + offset[k] + gain[k] * current[k];
      v[k] = x;
      const u = (x - vHalf[k]) * invSlope[k];
      output[k] = 0.5 + (0.5 * u) / Math.sqrt(1 + u * u);
    }
  };
}

/**
 * Exact pairwise relaxation of stiff gap junctions (self-contained: see
 * ../kernel.ts): V_a −= ha·(V_a − V_b), V_b += hb·(V_a − V_b) per pair in
 * order, then the release curve of every moved neuron. Each pair update is a
 * convex combination, so no V leaves the range of the values before it.
 */
export function gapRelaxKernel(
  m: number,
  a: Int32Array,
  b: Int32Array,
  ha: Float64Array,
  hb: Float64Array,
  v: Float64Array,
  touched: Int32Array,
  output: Float64Array,
  vHalf: Float64Array,
  invSlope: Float64Array,
): () => void {
  const nt = touched.length;
  return () => {
    for (let k = 0; k < m; k++) {
      const i = a[k],
        j = b[k];
      const d = v[i] - v[j];
      v[i] -= ha[k] * d;
      v[j] += hb[k] * d;
    }
    for (let t = 0; t < nt; t++) {
      const k = touched[t];
      const u = (v[k] - vHalf[k]) * invSlope[k];
      output[k] = 0.5 + (0.5 * u) / Math.sqrt(1 + u * u);
    }
  };
}
