/**
 * Graded (non-spiking) neuron, the way most C. elegans neurons signal
 * (Wicks, Roehrig & Rankin 1996), with a voltage-gated K⁺ outward rectifier
 * that keeps V physiological (Goodman et al. 1998: C. elegans neurons'
 * outward currents limit depolarisation; Nicoletti et al. 2019 model them):
 *
 *     C dV/dt = −gL (V − E_L) − gK·n∞(V)·(V − E_K) + g_P·m∞(V)·h·(E_P − V) + I_tonic + I + Σ g_s (E_s − V)
 *     n∞(V) = 1 / (1 + e^(−(V − V½K)/kK)),   gL = C / τ
 *
 * g_P·m∞·h is an optional persistent inward (plateau) current, off by
 * default (g_P = 0): with g_P large enough the I–V folds back and the neuron
 * is bistable, staying up or down until its input flips it, as Boyle, Berri &
 * Cohen (2012) model the B-type motor neurons (and as C. elegans motor
 * neurons' EGL-19/CCA-1 Ca²⁺ currents make plateaus: Liu et al. 2014,
 * Gao et al. 2018). Its inactivation h relaxes toward 1 − m∞(V) with τh
 * (plateauInactMs; 0 = never), so a plateau held for ~τh lets go and a
 * released one recovers over ~τh.
 *
 * with C in pF, I in pA, V in mV, t in ms, conductances in nS (pA / pF =
 * mV / ms, mV / pA = GΩ). The last sum is the conductance-based synapses
 * (docs/neural.md): they arrive as a conductance G = Σ g_s and a current
 * Σ g_s·E_s. gK = 0 is the old linear neuron, whose V has no bound (+335 mV
 * at 40 pA for the default cell); circuit files of format version 1 ask for
 * it explicitly.
 *
 * Its chemical synapses of the current-based kind release with the output
 *
 *     A · s(V),   s(V) = 0.5 + 0.5 · u / √(1 + u²),   u = (V − V½) / slope
 *
 * an algebraic sigmoid (0..1, s(V½) = 0.5, slope 1/(2·slope) per mV at V½)
 * that costs a square root and a division instead of an exponential, computed
 * once per neuron per step. A (releaseMax, default 1) is the release at full
 * depolarisation: everything that reads the output (synapses, muscles,
 * modulator release) gets A times as much, so a cell with few contacts can
 * carry as much drive as one with many. A = 1 multiplies by one, which changes
 * no bit.
 *
 * Update: exponential Euler with the input and the conductances held over the
 * step (n∞ from the V at its start) — stable at any dt:
 *
 *     V ← V∞ + (V − V∞) · e^(−dt·(gL + a)/C),   a = gK·n∞ + G,
 *     V∞ = (gL·E_L + gK·n∞·E_K + I_tonic + I) / (gL + a)
 *
 * With a = 0 (the linear neuron, no conductance input) this is the exact
 * step V ← V∞ + (V − V∞)·e^(−dt/τ) with cached factors (no `exp` per step),
 * the kernel every current-based circuit has always run. Otherwise the leak's
 * factor stays the exact cached e^(−dt/τ) and e^(−dt·a/C) is the rational
 * `decayFactor` (fast-math.ts), n∞ the tabled logistic: V stays between its
 * start and V∞, which lies among E_L, E_K and the synapses' reversal
 * potentials (plus the injected current's share).
 *
 * Stiff gap junctions (the network engine decides which: docs/neural.md,
 * "Stiff gap junctions") are not part of the input current; after the step
 * the population relaxes each such pair exactly (`gapRelaxation`).
 */
import { LOGISTIC_TABLE } from '../fast-math';
import { freshKernel } from '../kernel';
import type { GradedArena } from '../wasm/graded-arena';
import type { NeuronModel, ParamValues, Population } from '../types';

export const gradedModel: NeuronModel = {
  kind: 'graded',
  help: 'Non-spiking neuron with graded (sigmoid) transmitter release and a K⁺ outward rectifier: what most C. elegans neurons are.',
  currentUnit: 'pA',
  conductanceUnit: 'nS',
  spiking: false,
  params: {
    capacitance: { default: 1, min: 0.01, max: 1000, unit: 'pF', help: 'Membrane capacitance: 1 pA for τ ms changes V by τ/C mV at rest.' },
    tauMs: { default: 10, min: 0.1, max: 100000, unit: 'ms', help: 'Membrane time constant C/gL: how fast V follows its input.' },
    restMv: { default: -65, min: -120, max: 60, unit: 'mV', help: 'Resting (leak reversal) potential.' },
    vHalfMv: { default: -45, min: -120, max: 60, unit: 'mV', help: 'Potential of half-maximal transmitter release.' },
    slopeMv: { default: 5, min: 0.1, max: 100, unit: 'mV', help: 'Width of the release curve: smaller is more switch-like.' },
    tonicPa: { default: 0, min: -1000, max: 1000, unit: 'pA', help: 'Constant current always injected (intrinsic drive).' },
    releaseMax: {
      default: 1,
      min: 0,
      max: 20,
      unit: '',
      help: 'Release at full depolarisation (the output ceiling): scales what every synapse, muscle and modulator gets from this neuron. 1 = output 0..1.',
    },
    gKNs: {
      default: 0.5,
      min: 0,
      max: 1000,
      unit: 'nS',
      help: 'K⁺ outward rectifier, fully open: keeps V below ~+30 mV. 0 = the old linear neuron, whose V has no bound.',
    },
    kHalfMv: { default: -15, min: -80, max: 60, unit: 'mV', help: 'Potential at which the K⁺ rectifier is half open.' },
    kSlopeMv: { default: 8, min: 1, max: 50, unit: 'mV', help: 'Steepness of the K⁺ rectifier: it opens e-fold per this many mV.' },
    eKMv: { default: -80, min: -120, max: -40, unit: 'mV', help: 'K⁺ reversal potential: where the rectifier current changes sign.' },
    plateauNs: {
      default: 0,
      min: 0,
      max: 100,
      unit: 'nS',
      help: 'Persistent inward (plateau) current, fully open: a strong one makes the neuron bistable, holding up or down until its input flips it. 0 = none.',
    },
    plateauHalfMv: { default: -45, min: -100, max: 20, unit: 'mV', help: 'Potential at which the plateau current is half activated.' },
    plateauSlopeMv: { default: 4, min: 0.5, max: 30, unit: 'mV', help: 'Steepness of the plateau current: it activates e-fold per this many mV.' },
    plateauEMv: { default: 50, min: -20, max: 150, unit: 'mV', help: 'Reversal potential of the plateau current (Ca²⁺-like, inward).' },
    plateauInactMs: {
      default: 0,
      min: 0,
      max: 100000,
      unit: 'ms',
      help: "Time constant of the plateau current's inactivation while it is on (and its recovery while off): how long a plateau can hold. 0 = it never inactivates.",
    },
  },
  init: {
    v: { default: -65, min: -200, max: 200, unit: 'mV', help: 'Membrane potential at the start.' },
  },
  presets: {},
  createPopulation: (neurons) => createGradedPopulation(neurons),
};

/** The release curve (times the release ceiling, default 1), shared with the population kernel and tests. */
export function gradedOutput(vMv: number, vHalfMv: number, slopeMv: number, releaseMax = 1): number {
  const u = (vMv - vHalfMv) / slopeMv;
  return releaseMax * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
}

/**
 * The steady-state I–V relation: the current (pA) that holds a neuron with
 * these parameters at vMv, as a voltage clamp measures it (the exact
 * logistic; no synapses). Linear for gKNs = 0; with the rectifier its slope
 * grows from gL to gL + gK above kHalfMv, which bounds V under current clamp.
 */
export function gradedSteadyCurrent(
  p: {
    capacitance: number;
    tauMs: number;
    restMv: number;
    tonicPa: number;
    gKNs: number;
    kHalfMv: number;
    kSlopeMv: number;
    eKMv: number;
    plateauNs?: number;
    plateauHalfMv?: number;
    plateauSlopeMv?: number;
    plateauEMv?: number;
    plateauInactMs?: number;
  },
  vMv: number,
): number {
  const gL = p.capacitance / p.tauMs;
  const nInf = 1 / (1 + Math.exp(-(vMv - p.kHalfMv) / p.kSlopeMv));
  const base = gL * (vMv - p.restMv) + p.gKNs * nInf * (vMv - p.eKMv) - p.tonicPa;
  const gP = p.plateauNs ?? 0;
  if (gP === 0) return base;
  const m = 1 / (1 + Math.exp(-(vMv - (p.plateauHalfMv ?? -45)) / (p.plateauSlopeMv ?? 4)));
  // In steady state an inactivating plateau's gate sits at h∞ = 1 − m∞; a non-inactivating one stays at 1.
  const h = (p.plateauInactMs ?? 0) > 0 ? 1 - m : 1;
  return base - gP * m * h * ((p.plateauEMv ?? 50) - vMv);
}

/**
 * The steady-state V (mV) under a held current (pA): the root of
 * gradedSteadyCurrent by bisection (the bracket widens from −300 .. 300 mV as
 * far as a linear neuron needs). The I–V rises monotonically for the model's
 * usual parameters; where it does not (a strong plateau current, or a very
 * steep, strong rectifier below E_K) this finds one of the roots.
 */
export function gradedSteadyV(p: Parameters<typeof gradedSteadyCurrent>[0], currentPa: number): number {
  let lo = -300;
  let hi = 300;
  while (gradedSteadyCurrent(p, lo) > currentPa && lo > -1e12) lo *= 2;
  while (gradedSteadyCurrent(p, hi) < currentPa && hi < 1e12) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-9 * (1 + Math.abs(lo)); k++) {
    const mid = 0.5 * (lo + hi);
    if (gradedSteadyCurrent(p, mid) < currentPa) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
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
  /** The wasm arena its arrays live in (../wasm/graded-arena.ts), or null. */
  readonly arena: GradedArena | null;
  /** Some neuron has a plateau current (the arena's update then runs gradedPlateauKernel's arithmetic). */
  readonly plateau: boolean;
  /** Some neuron has the K⁺ rectifier (gK ≠ 0); without one the arena's update skips its look-up (gK·n∞ is gK's ±0). */
  readonly rectifier: boolean;
  /**
   * Gets the factors ready for a step of dt; true when the arena's neuron
   * update is this population's kernel now (the rectifier or a plateau on
   * somewhere): what the fused network step (compile/graded-fused.ts) runs.
   */
  prepare(dt: number): boolean;
}

export function isGradedPopulation(p: Population): p is GradedPopulation {
  return p.kind === 'graded' && typeof (p as Partial<GradedPopulation>).gapRelaxation === 'function';
}

/** A graded population; with `arena` (for its n neurons) the arrays the wasm step reads live there. */
export function createGradedPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>, arena: GradedArena | null = null): GradedPopulation {
  const n = neurons.length;
  const own = arena?.n === n ? arena.array : null;
  const cap = new Float64Array(n),
    tau = new Float64Array(n),
    rest = new Float64Array(n);
  const vHalf = own?.vHalf ?? new Float64Array(n),
    invSlope = own?.invSlope ?? new Float64Array(n),
    tonic = new Float64Array(n),
    amp = own?.amp ?? new Float64Array(n);
  const gK = own?.gK ?? new Float64Array(n),
    kHalf = own?.kHalf ?? new Float64Array(n),
    invKSlope = own?.invKSlope ?? new Float64Array(n),
    eK = own?.eK ?? new Float64Array(n);
  const gP = own?.gP ?? new Float64Array(n),
    pHalf = own?.pHalf ?? new Float64Array(n),
    invPSlope = own?.invPSlope ?? new Float64Array(n),
    eP = own?.eP ?? new Float64Array(n),
    inactMs = new Float64Array(n);
  const v0 = new Float64Array(n);
  const setters: Record<string, (k: number, x: number) => void> = {
    capacitance: (k, x) => (cap[k] = x),
    tauMs: (k, x) => (tau[k] = x),
    restMv: (k, x) => (rest[k] = x),
    vHalfMv: (k, x) => (vHalf[k] = x),
    slopeMv: (k, x) => (invSlope[k] = 1 / x),
    tonicPa: (k, x) => (tonic[k] = x),
    releaseMax: (k, x) => (amp[k] = x),
    gKNs: (k, x) => (gK[k] = x),
    kHalfMv: (k, x) => (kHalf[k] = x),
    kSlopeMv: (k, x) => (invKSlope[k] = 1 / x),
    eKMv: (k, x) => (eK[k] = x),
    plateauNs: (k, x) => (gP[k] = x),
    plateauHalfMv: (k, x) => (pHalf[k] = x),
    plateauSlopeMv: (k, x) => (invPSlope[k] = 1 / x),
    plateauEMv: (k, x) => (eP[k] = x),
    plateauInactMs: (k, x) => (inactMs[k] = x),
  };
  neurons.forEach(({ params, init }, k) => {
    for (const [name, set] of Object.entries(setters)) set(k, num(params[name]));
    v0[k] = num(init.v);
  });
  const v = own?.v ?? new Float64Array(n);
  /** The plateau current's inactivation gate (1 = available), and its per-step decay e^(−dt/τh) (1 = never inactivates). */
  const h = own?.h ?? new Float64Array(n);
  const hDecay = own?.hDecay ?? new Float64Array(n);
  const output = own?.output ?? new Float64Array(n);
  const spiked = new Uint8Array(n); // never set: graded neurons do not spike
  // Linear kernel: V ← V·decay + offset + gain·I, valid for cachedDt.
  const decay = own?.decay ?? new Float64Array(n),
    offset = own?.offset ?? new Float64Array(n),
    gain = own?.gain ?? new Float64Array(n);
  // Conductance kernel: leak conductance C/τ, the leak's and tonic drive's current gL·E_L + I_tonic, dt/C.
  const gLeak = own?.gLeak ?? new Float64Array(n),
    drive = own?.drive ?? new Float64Array(n),
    dtOverC = own?.dtOverC ?? new Float64Array(n);
  let cachedDt = Number.NaN;
  /** No neuron has the rectifier or a plateau: without conductance input the exact linear kernel runs. */
  let linear = gK.every((g) => g === 0) && gP.every((g) => g === 0);
  /** Some neuron has a plateau current: the kernel that carries it runs (the others never pay for it). */
  let plateau = gP.some((g) => g > 0);
  /** Some neuron has the rectifier. */
  let rectifier = gK.some((g) => g !== 0);
  /** The arena's wasm update is this population's kernel now: it lives in an arena, with the rectifier or a plateau on somewhere. */
  const inArena = (): boolean => own !== null && !linear;

  const refresh = (dt: number): void => {
    for (let k = 0; k < n; k++) {
      const d = Math.exp(-dt / tau[k]);
      const r = tau[k] / cap[k]; // input resistance, GΩ = mV/pA
      decay[k] = d;
      gain[k] = (1 - d) * r;
      offset[k] = (1 - d) * (rest[k] + tonic[k] * r);
      gLeak[k] = cap[k] / tau[k];
      drive[k] = gLeak[k] * rest[k] + tonic[k];
      dtOverC[k] = dt / cap[k];
      hDecay[k] = inactMs[k] > 0 ? Math.exp(-dt / inactMs[k]) : 1;
    }
    cachedDt = dt;
  };
  const computeOutput = (): void => {
    for (let k = 0; k < n; k++) {
      const u = (v[k] - vHalf[k]) * invSlope[k];
      output[k] = amp[k] * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
    }
  };

  const kernel = freshKernel(gradedKernel)(n, v, output, decay, offset, gain, vHalf, invSlope, amp);
  // The rectifier kernel, made on first use: with the network's conductance array, or (alone, the lab) with zeros.
  const noConductance = new Float64Array(n);
  let rectified: ((current: Float64Array) => void) | null = null;
  let rectifiedFor: Float64Array | null = null;
  let rectifiedPlateau = false;
  const conductanceKernel = (g: Float64Array) => {
    if (rectifiedFor !== g || !rectified || rectifiedPlateau !== plateau) {
      const args = [n, v, output, decay, gLeak, drive, dtOverC, gK, kHalf, invKSlope, eK, g, LOGISTIC_TABLE, vHalf, invSlope, amp] as const;
      rectified = plateau ? freshKernel(gradedPlateauKernel)(...args, gP, pHalf, invPSlope, eP, hDecay, h) : freshKernel(gradedConductanceKernel)(...args);
      rectifiedFor = g;
      rectifiedPlateau = plateau;
    }
    return rectified;
  };

  const pop: GradedPopulation = {
    kind: 'graded',
    size: n,
    v,
    spiked,
    output,
    variables: {},
    capacitance: cap,
    tauMs: tau,
    arena: own ? arena : null,
    get plateau() {
      return plateau;
    },
    get rectifier() {
      return rectifier;
    },
    prepare(dt) {
      if (dt !== cachedDt) refresh(dt);
      return inArena();
    },
    step(dt: number, current: Float64Array, conductance?: Float64Array) {
      if (dt !== cachedDt) refresh(dt);
      // The arena's update is the conductance kernel's arithmetic: a linear population takes it too where conductance comes in.
      if (own !== null && (!linear || conductance) && current === own.current && (!conductance || arena!.holds(conductance)))
        arena!.neurons(conductance ?? own.zero, plateau, rectifier);
      else if (conductance) conductanceKernel(conductance)(current);
      // The linear kernel's arithmetic two neurons a time (the shipped `worm`'s cells): the same numbers.
      else if (linear && own !== null && current === own.current) arena!.linear();
      else if (linear) kernel(current);
      else conductanceKernel(noConductance)(current);
    },
    reset() {
      v.set(v0);
      h.fill(1);
      computeOutput();
    },
    setParam(k, name, value) {
      const set = setters[name];
      if (!set) throw new Error(`graded: unknown parameter "${name}"`);
      set(k, num(value));
      linear = gK.every((g) => g === 0) && gP.every((g) => g === 0);
      plateau = gP.some((g) => g > 0);
      rectifier = gK.some((g) => g !== 0);
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
      return freshKernel(gapRelaxKernel)(m, Int32Array.from(a), Int32Array.from(b), ha, hb, v, touched, output, vHalf, invSlope, amp);
    },
  };
  pop.reset();
  return pop;
}

/** The linear graded update of every neuron for one step (self-contained: see ../kernel.ts); the factors are prepared for dt. */
export function gradedKernel(
  n: number,
  v: Float64Array,
  output: Float64Array,
  decay: Float64Array,
  offset: Float64Array,
  gain: Float64Array,
  vHalf: Float64Array,
  invSlope: Float64Array,
  amp: Float64Array,
): (current: Float64Array) => void {
  return (current: Float64Array) => {
    for (let k = 0; k < n; k++) {
      const x = v[k] * decay[k] + offset[k] + gain[k] * current[k];
      v[k] = x;
      const u = (x - vHalf[k]) * invSlope[k];
      output[k] = amp[k] * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
    }
  };
}

/**
 * The graded update with the K⁺ rectifier and conductance input G (nS) for
 * one step (self-contained: see ../kernel.ts). n∞ is the logistic through
 * `table` (fast-math.ts, same arithmetic as fastLogistic); the extra
 * conductance's factor is decayFactor's rational, times the leak's exact
 * cached e^(−dt/τ). `current` holds the input, the current-based synapses,
 * the gap junctions and the conductance synapses' Σ g·E.
 */
export function gradedConductanceKernel(
  n: number,
  v: Float64Array,
  output: Float64Array,
  decay: Float64Array,
  gLeak: Float64Array,
  drive: Float64Array,
  dtOverC: Float64Array,
  gK: Float64Array,
  kHalf: Float64Array,
  invKSlope: Float64Array,
  eK: Float64Array,
  g: Float64Array,
  table: Float64Array,
  vHalf: Float64Array,
  invSlope: Float64Array,
  amp: Float64Array,
): (current: Float64Array) => void {
  return (current: Float64Array) => {
    for (let k = 0; k < n; k++) {
      const x = v[k];
      let t = ((x - kHalf[k]) * invKSlope[k] + 32) * 64;
      t = t > 0 ? Math.min(t, 4096) : 0;
      const i = t | 0;
      const lo = table[i];
      const gk = gK[k] * (lo + (t - i) * (table[i + 1] - lo));
      const a = gk + g[k];
      const vInf = (drive[k] + gk * eK[k] + current[k]) / (gLeak[k] + a);
      const y = a * dtOverC[k];
      const f = decay[k] / (1 + y * (1 + y * (0.5 + y * (0.16666666666666666 + y * 0.041666666666666664))));
      const nv = vInf + (x - vInf) * f;
      v[k] = nv;
      const u = (nv - vHalf[k]) * invSlope[k];
      output[k] = amp[k] * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
    }
  };
}

/**
 * The conductance update with a persistent inward (plateau) current as well
 * (self-contained: see ../kernel.ts): g_P·m∞(V)·h·(E_P − V), m∞ the logistic
 * through `table` (instantaneous, as a persistent current's activation is
 * fast beside τ), h an inactivation gate that relaxes toward 1 − m∞ with
 * e^(−dt/τh) per step (hDecay 1: it never inactivates). It enters as one more
 * conductance beside the rectifier's, so V stays between its start and V∞ and
 * V∞ among the reversal potentials. A neuron with g_P = 0 adds zeros and steps
 * bit for bit as in gradedConductanceKernel.
 */
export function gradedPlateauKernel(
  n: number,
  v: Float64Array,
  output: Float64Array,
  decay: Float64Array,
  gLeak: Float64Array,
  drive: Float64Array,
  dtOverC: Float64Array,
  gK: Float64Array,
  kHalf: Float64Array,
  invKSlope: Float64Array,
  eK: Float64Array,
  g: Float64Array,
  table: Float64Array,
  vHalf: Float64Array,
  invSlope: Float64Array,
  amp: Float64Array,
  gP: Float64Array,
  pHalf: Float64Array,
  invPSlope: Float64Array,
  eP: Float64Array,
  hDecay: Float64Array,
  h: Float64Array,
): (current: Float64Array) => void {
  return (current: Float64Array) => {
    for (let k = 0; k < n; k++) {
      const x = v[k];
      let t = ((x - kHalf[k]) * invKSlope[k] + 32) * 64;
      t = t > 0 ? Math.min(t, 4096) : 0;
      const i = t | 0;
      const lo = table[i];
      const gk = gK[k] * (lo + (t - i) * (table[i + 1] - lo));
      let tp = ((x - pHalf[k]) * invPSlope[k] + 32) * 64;
      tp = tp > 0 ? Math.min(tp, 4096) : 0;
      const ip = tp | 0;
      const lp = table[ip];
      const m = lp + (tp - ip) * (table[ip + 1] - lp);
      const gp = gP[k] * m * h[k];
      const a = gk + gp + g[k];
      const vInf = (drive[k] + gk * eK[k] + gp * eP[k] + current[k]) / (gLeak[k] + a);
      const y = a * dtOverC[k];
      const f = decay[k] / (1 + y * (1 + y * (0.5 + y * (0.16666666666666666 + y * 0.041666666666666664))));
      const nv = vInf + (x - vInf) * f;
      v[k] = nv;
      const hInf = 1 - m;
      h[k] = hInf + (h[k] - hInf) * hDecay[k];
      const u = (nv - vHalf[k]) * invSlope[k];
      output[k] = amp[k] * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
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
  amp: Float64Array,
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
      output[k] = amp[k] * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u));
    }
  };
}
