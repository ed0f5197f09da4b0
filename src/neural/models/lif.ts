import { freshKernel } from '../kernel';
import { type LifArena, lifArena } from '../wasm/lif-arena';
import type { NeuronModel, ParamValues, Population, PopulationOptions } from '../types';
import { column } from './param-values';
import { rateTraceDecay } from './rate-trace';

/**
 * Leaky integrate-and-fire neuron.
 *
 *   τ dV/dt = −(V − E_rest) + R·I        (I in nA, R in MΩ, so R·I is in mV)
 *   V ≥ θ at the end of a step → spike, V = V_reset, held there for t_ref ms
 *   (absolute refractory period: input is ignored).
 *
 * Between spikes the ODE is linear with constant input over a step, so it is
 * integrated exactly: V ← V∞ + (V − V∞)·e^(−dt/τ), V∞ = E_rest + R·I. Any dt is
 * stable and V is exact at every grid point; only spike times are quantised to
 * the grid (a spike is seen at the first step end where V ≥ θ). A step that
 * ends a refractory period integrates only the part of the step after it.
 */
export const lifModel: NeuronModel = {
  kind: 'lif',
  help: 'Leaky integrate-and-fire: charges towards rest + R·I, fires at threshold, resets, pauses.',
  currentUnit: 'nA',
  conductanceUnit: 'µS',
  spiking: true,
  params: {
    tauMs: { default: 20, min: 0.1, max: 1000, unit: 'ms', help: 'Membrane time constant: how fast V follows its input.' },
    resistance: { default: 10, min: 0.001, max: 10000, unit: 'MΩ', help: 'Input resistance: 1 nA moves V by this many mV at steady state.' },
    restMv: { default: -70, min: -100, max: 0, unit: 'mV', help: 'Resting potential: where V settles without input.' },
    thresholdMv: { default: -50, min: -100, max: 50, unit: 'mV', help: 'Firing threshold: V at or above it fires a spike.' },
    resetMv: { default: -65, min: -100, max: 0, unit: 'mV', help: 'V right after a spike (must be below the threshold).' },
    refractoryMs: { default: 2, min: 0, max: 100, unit: 'ms', help: 'Absolute refractory period: V held at reset, input ignored.' },
  },
  init: {
    v: { default: -70, min: -100, max: 50, unit: 'mV', help: 'Membrane potential at the start.' },
  },
  presets: {
    // Gerstner & Kistler style cortical cell: rheobase (θ − E_rest)/R = 2 nA.
    default: {},
    // Brette et al. 2007 CUBA benchmark cell (rest −49, θ −50 reached by input; reset −60, τ 20 ms, t_ref 5 ms).
    'cuba-benchmark': { tauMs: 20, restMv: -49, thresholdMv: -50, resetMv: -60, refractoryMs: 5, resistance: 1 },
  },
  createPopulation: createLifPopulation,
};

/**
 * A LIF population that can also run fused with the network's exponential
 * event synapses (see `eventStep`): the engine's fast path for networks of
 * LIF neurons connected only by spike-driven synapses (CUBA-like).
 */
export interface LifPopulation extends Population {
  readonly kind: 'lif';
  /**
   * A step that does, per neuron and in one pass, what the engine does for
   * such a network in several: I = input + (g_e − g_i) (stored in `current`),
   * g_e ×= decE, g_i ×= decI, the LIF update, and the spike list (`fired`,
   * ascending; returns its length). Same operations in the same order as the
   * general path, so the same numbers bit for bit — except that `output` is
   * left stale: nothing inside such a network reads it, so it is computed
   * only when asked for (`refreshOutput`), from the same trace, to the same bits.
   */
  eventStep(
    input: Float64Array,
    ge: Float64Array,
    gi: Float64Array,
    current: Float64Array,
    fired: Int32Array,
  ): (dt: number, decE: number, decI: number) => number;
  /** Brings `output` up to date after eventStep calls (`step` keeps it current itself). */
  refreshOutput(): void;
  /**
   * The arrays eventStep runs on in WebAssembly when the network hands them
   * in (the compiler does for a network of this population alone: see
   * networkArrays and the exponential kernel); null when it runs in JS.
   */
  readonly eventArrays: Pick<LifArena, 'input' | 'ge' | 'gi' | 'current' | 'fired' | 'synapseTables'> | null;
}

export function isLifPopulation(p: Population): p is LifPopulation {
  return p.kind === 'lif' && typeof (p as Partial<LifPopulation>).eventStep === 'function';
}

function createLifPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>, options: PopulationOptions = {}): LifPopulation {
  const size = neurons.length;
  const col = (group: 'params' | 'init', key: string) => column(neurons, group, key, 'lif');
  // The arrays the fused pass reads live in a wasm arena where there is one (same values, see ../wasm/lif-arena.ts).
  const arena = lifArena(size, options.synapseRoom);
  const into = (arr: Float64Array | undefined, values: Float64Array): Float64Array => {
    if (!arr) return values;
    arr.set(values);
    return arr;
  };
  const tau = col('params', 'tauMs');
  const resistance = into(arena?.resistance, col('params', 'resistance'));
  const rest = into(arena?.rest, col('params', 'restMv'));
  const threshold = col('params', 'thresholdMv');
  const resetV = into(arena?.resetV, col('params', 'resetMv'));
  const refractory = col('params', 'refractoryMs');
  const v0 = col('init', 'v');
  for (let i = 0; i < size; i++) {
    if (!(resetV[i] < threshold[i])) {
      throw new Error(`lif: neuron ${i}: resetMv (${resetV[i]}) must be below thresholdMv (${threshold[i]}), or it would fire every step`);
    }
  }

  const v = arena?.v ?? new Float64Array(size);
  const spiked = arena?.spiked ?? new Uint8Array(size);
  const output = new Float64Array(size);
  const refractoryLeft = new Float64Array(size);
  // The rate trace, stored against a global scale (see lifKernel): s_i = trace[i] · scale[0]; scale[1] = 1 / scale[0].
  const trace = arena?.trace ?? new Float64Array(size);
  const scale = new Float64Array([1, 1]);
  // Refractory neurons are kept in a list (most steps touch only a few) with their threshold gated to +∞ and V held.
  const gate = arena?.gate ?? new Float64Array(size);
  const held = new Float64Array(size);
  const refractoryList = new Int32Array(size);
  // The previous step's spikes (their `spiked` flags are cleared next step), and [refractory list length, how many fired].
  const firedBefore = new Int32Array(size);
  const counts = new Int32Array(2);
  // Per-dt constants, recomputed only when the caller's dt (or τ) changes: e^(−dt/τ) per neuron, the rate trace's decay.
  const decay = arena?.decay ?? new Float64Array(size);
  const traceDecay = new Float64Array(1);
  // The lowest threshold: a cheap first test that skips the gate load for all but the neurons near firing.
  const lowest = new Float64Array(1);
  let lastDt = Number.NaN;

  function prepare(dt: number): void {
    for (let i = 0; i < size; i++) decay[i] = Math.exp(-dt / tau[i]);
    traceDecay[0] = rateTraceDecay(dt);
    lastDt = dt;
    arena?.paramsChanged();
  }

  const kernel = (
    eager: boolean,
    input: Float64Array | null,
    ge: Float64Array,
    gi: Float64Array,
    current: Float64Array,
    fired: Int32Array,
    conductance: Float64Array,
    main: LifArena['step'] | null = null,
  ) =>
    freshKernel(lifKernel)(
      size,
      eager,
      v,
      spiked,
      output,
      refractoryLeft,
      trace,
      scale,
      gate,
      held,
      refractoryList,
      firedBefore,
      counts,
      tau,
      resistance,
      rest,
      threshold,
      lowest,
      resetV,
      refractory,
      decay,
      traceDecay,
      input,
      ge,
      gi,
      current,
      fired,
      conductance,
      main,
    );
  const none = new Float64Array(0);
  const ownFired = new Int32Array(size);
  const alone = kernel(true, null, none, none, none, ownFired, none);
  // With conductance input: made on first use, for the network's conductance array.
  let conducting: ReturnType<typeof kernel> | null = null;
  let conductingFor: Float64Array | null = null;

  function step(dt: number, current: Float64Array, conductance?: Float64Array): void {
    if (dt !== lastDt) prepare(dt);
    if (!conductance) {
      alone(dt, current, 1, 1);
      return;
    }
    if (conductingFor !== conductance || !conducting) {
      conducting = kernel(true, null, none, none, none, ownFired, conductance);
      conductingFor = conductance;
    }
    conducting(dt, current, 1, 1);
  }

  function eventStep(input: Float64Array, ge: Float64Array, gi: Float64Array, current: Float64Array, fired: Int32Array) {
    if (input.length !== size || ge.length !== size || gi.length !== size || current.length !== size || fired.length < size) {
      throw new Error(`lif: eventStep needs arrays of the population's size ${size}`);
    }
    const inArena = arena !== null && input === arena.input && ge === arena.ge && gi === arena.gi && current === arena.current && fired === arena.fired;
    const fused = kernel(false, input, ge, gi, current, fired, none, inArena ? arena.step : null);
    return (dt: number, decE: number, decI: number): number => {
      if (dt !== lastDt) prepare(dt);
      return fused(dt, input, decE, decI);
    };
  }

  function lowestThreshold(): number {
    let low = Infinity;
    for (let i = 0; i < size; i++) low = Math.min(low, threshold[i]);
    return low;
  }

  function refreshOutput(): void {
    const g = scale[0];
    for (let i = 0; i < size; i++) {
      const x = trace[i] * g;
      output[i] = x / (1 + x);
    }
  }

  function reset(): void {
    v.set(v0);
    spiked.fill(0);
    output.fill(0);
    refractoryLeft.fill(0);
    trace.fill(0);
    scale[0] = 1;
    scale[1] = 1;
    gate.set(threshold);
    lowest[0] = lowestThreshold();
    held.fill(0);
    counts.fill(0);
  }

  const columns: Record<string, Float64Array> = { tauMs: tau, resistance, restMv: rest, thresholdMv: threshold, resetMv: resetV, refractoryMs: refractory };

  /** Live tuning: V, the refractory time left and the rate trace are kept; a new τ takes effect on the next step. */
  function setParam(i: number, name: string, value: number | readonly [number, number]): void {
    const col = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!col || typeof value !== 'number') throw new Error(`lif: cannot set "${name}" to ${JSON.stringify(value)}`);
    const nextReset = name === 'resetMv' ? value : resetV[i];
    const nextThreshold = name === 'thresholdMv' ? value : threshold[i];
    if (!(nextReset < nextThreshold)) {
      throw new Error(`lif: neuron ${i}: resetMv (${nextReset}) must be below thresholdMv (${nextThreshold}), or it would fire every step`);
    }
    col[i] = value;
    arena?.paramsChanged();
    if (name === 'tauMs') lastDt = Number.NaN;
    // A refractory neuron's gate opens at the new threshold when its period ends.
    if (name === 'thresholdMv') {
      if (gate[i] !== Number.POSITIVE_INFINITY) gate[i] = value;
      lowest[0] = lowestThreshold();
    }
  }

  reset();
  const eventArrays = arena && {
    input: arena.input,
    ge: arena.ge,
    gi: arena.gi,
    current: arena.current,
    fired: arena.fired,
    synapseTables: arena.synapseTables,
  };
  return { kind: 'lif', size, v, spiked, output, variables: {}, step, reset, setParam, eventStep, refreshOutput, eventArrays };
}

/**
 * The LIF update of every neuron for one step (self-contained: see
 * ../kernel.ts). With ge/gi of length n it is the fused event step: the
 * input current is input + (g_e − g_i), written to `current`, and g_e, g_i
 * decay; with empty ge/gi the current is the input alone. The input is
 * `input` when given (captured: its loop compiles without bounds checks),
 * else the call's `inputArg`. `decay` and `traceDecay[0]` must be prepared
 * for dt. Spikes go to fired[0..count) in ascending order; returns count.
 *
 * The main loop touches only what every neuron needs each step (measured
 * for CUBA: 0.18 → 0.115 s CPU per simulated second):
 * - Refractory neurons are handled apart: while refractory a neuron's `gate`
 *   (its threshold) is +∞ and it sits in `refractoryList`; the main loop
 *   integrates every neuron, then the list pass puts held neurons' V back
 *   (`held`, the V at their spike), counts their time down, and integrates a
 *   neuron whose period ends inside the step over the rest of the step (one
 *   exp per spike), which may fire again. The gate is read only when V has
 *   reached the lowest threshold (`lowest[0]` ≤ every gate, so the two tests
 *   together are the gate test).
 * - `spiked` is cleared for the previous step's spikes only.
 * - The rate trace (see rate-trace.ts) decays without a per-neuron store: the
 *   spike count of neuron i is s_i = trace[i] · G with one global G = scale[0]
 *   that decays by traceDecay each step; a spike adds 1/G (scale[1]) to
 *   trace[i]. When G falls below 1e−100 it is folded into trace[] (rare:
 *   every 11,500 τ/dt-steps). `output` = s/(1 + s) is written every step
 *   when `eager` (a network's synapses or muscles may read it), else left to
 *   the population's refreshOutput, which computes the same bits when asked.
 */
export function lifKernel(
  n: number,
  eager: boolean,
  v: Float64Array,
  spiked: Uint8Array,
  output: Float64Array,
  refractoryLeft: Float64Array,
  trace: Float64Array,
  scale: Float64Array,
  gate: Float64Array,
  held: Float64Array,
  refractoryList: Int32Array,
  firedBefore: Int32Array,
  counts: Int32Array,
  tau: Float64Array,
  resistance: Float64Array,
  rest: Float64Array,
  threshold: Float64Array,
  lowest: Float64Array,
  resetV: Float64Array,
  refractory: Float64Array,
  decay: Float64Array,
  traceDecay: Float64Array,
  input: Float64Array | null,
  ge: Float64Array,
  gi: Float64Array,
  current: Float64Array,
  fired: Int32Array,
  conductance: Float64Array,
  main: ((decE: number, decI: number, low: number, up: number) => number) | null,
): (dt: number, inputArg: Float64Array, decE: number, decI: number) => number {
  const events = ge.length > 0;
  const conducting = conductance.length > 0;
  const own = input !== null;
  const fixed = input ?? new Float64Array(0);
  return (dt: number, inputArg: Float64Array, decE: number, decI: number): number => {
    // Last step's spikes end; this step's trace scale.
    for (let j = 0, m = counts[1]; j < m; j++) spiked[firedBefore[j]] = 0;
    let g = scale[0] * traceDecay[0];
    if (g < 1e-100) {
      for (let i = 0; i < n; i++) trace[i] *= g;
      g = 1;
    }
    const up = 1 / g;
    scale[0] = g;
    scale[1] = up;
    const low = lowest[0];
    let count = 0;
    // The same pass in WebAssembly SIMD when the arrays live in its arena (fused event step only).
    if (main !== null) count = main(decE, decI, low, up);
    else
      for (let i = 0; i < n; i++) {
        let I = own ? fixed[i] : inputArg[i];
        if (events) {
          I += ge[i] - gi[i];
          current[i] = I;
          ge[i] *= decE;
          gi[i] *= decI;
        }
        let vInf = rest[i] + resistance[i] * I;
        let d = decay[i];
        if (conducting) {
          // τ dV/dt = −(V − E_rest) + R·(I − G·V): V∞ and the rate scale by 1 + R·G (decayFactor's rational for the extra part).
          const x = resistance[i] * conductance[i];
          vInf = vInf / (1 + x);
          const y = (dt * x) / tau[i];
          d = d / (1 + y * (1 + y * (0.5 + y * (0.16666666666666666 + y * 0.041666666666666664))));
        }
        let vi = vInf + (v[i] - vInf) * d;
        if (vi >= low && vi >= gate[i]) {
          vi = resetV[i];
          spiked[i] = 1;
          trace[i] += up;
          fired[count++] = i;
        }
        v[i] = vi;
      }
    let kept = 0;
    for (let k = 0, m = counts[0]; k < m; k++) {
      const i = refractoryList[k];
      const left = refractoryLeft[i];
      if (left >= dt) {
        refractoryLeft[i] = left - dt;
        v[i] = held[i];
        refractoryList[kept++] = i;
        continue;
      }
      // The period ends inside this step (or ended exactly at its start): integrate the rest of the step from the held V.
      refractoryLeft[i] = 0;
      gate[i] = threshold[i];
      const I = events ? current[i] : own ? fixed[i] : inputArg[i];
      let vInf = rest[i] + resistance[i] * I;
      let vi: number;
      if (conducting) {
        const x = resistance[i] * conductance[i];
        vInf = vInf / (1 + x);
        vi = vInf + (held[i] - vInf) * Math.exp((-(dt - left) * (1 + x)) / tau[i]);
      } else vi = vInf + (held[i] - vInf) * (left === 0 ? decay[i] : Math.exp(-(dt - left) / tau[i]));
      if (vi >= threshold[i]) {
        vi = resetV[i];
        trace[i] += up;
        spiked[i] = 1;
        // Keep the list ascending (rare: a spike right at the end of a refractory period).
        let at = count++;
        while (at > 0 && fired[at - 1] > i) {
          fired[at] = fired[at - 1];
          at--;
        }
        fired[at] = i;
      }
      v[i] = vi;
    }
    // Every spike of this step starts a refractory period (none when refractoryMs is 0).
    for (let j = 0; j < count; j++) {
      const i = fired[j];
      firedBefore[j] = i;
      const period = refractory[i];
      if (period > 0) {
        refractoryLeft[i] = period;
        held[i] = v[i];
        gate[i] = Infinity;
        refractoryList[kept++] = i;
      }
    }
    counts[0] = kept;
    counts[1] = count;
    if (eager) {
      for (let i = 0; i < n; i++) {
        const x = trace[i] * g;
        output[i] = x / (1 + x);
      }
    }
    return count;
  };
}

/**
 * Analytic firing rate (Hz) of a LIF neuron under constant current I (nA),
 * starting each interval at V_reset: the time to climb from V_reset to θ
 * towards V∞ = E_rest + R·I is T = τ·ln((V∞ − V_reset)/(V∞ − θ)), so
 * r = 1000 / (t_ref + T). Zero at or below rheobase (V∞ ≤ θ).
 */
export function lifRateHz(
  p: { tauMs: number; resistance: number; restMv: number; thresholdMv: number; resetMv: number; refractoryMs: number },
  currentNa: number,
): number {
  const vInf = p.restMv + p.resistance * currentNa;
  if (vInf <= p.thresholdMv) return 0;
  const climb = p.tauMs * Math.log((vInf - p.resetMv) / (vInf - p.thresholdMv));
  return 1000 / (p.refractoryMs + climb);
}
