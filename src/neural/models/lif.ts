import { freshKernel } from '../kernel';
import type { NeuronModel, ParamValues, Population } from '../types';
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
   * general path, so the same numbers bit for bit.
   */
  eventStep(input: Float64Array, ge: Float64Array, gi: Float64Array, current: Float64Array, fired: Int32Array): (dt: number, decE: number, decI: number) => number;
}

export function isLifPopulation(p: Population): p is LifPopulation {
  return p.kind === 'lif' && typeof (p as Partial<LifPopulation>).eventStep === 'function';
}

function createLifPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>): LifPopulation {
  const size = neurons.length;
  const col = (group: 'params' | 'init', key: string) => column(neurons, group, key, 'lif');
  const tau = col('params', 'tauMs');
  const resistance = col('params', 'resistance');
  const rest = col('params', 'restMv');
  const threshold = col('params', 'thresholdMv');
  const resetV = col('params', 'resetMv');
  const refractory = col('params', 'refractoryMs');
  const v0 = col('init', 'v');
  for (let i = 0; i < size; i++) {
    if (!(resetV[i] < threshold[i])) {
      throw new Error(`lif: neuron ${i}: resetMv (${resetV[i]}) must be below thresholdMv (${threshold[i]}), or it would fire every step`);
    }
  }

  const v = new Float64Array(size);
  const spiked = new Uint8Array(size);
  const output = new Float64Array(size);
  const refractoryLeft = new Float64Array(size);
  const spikeCount = new Float64Array(size);
  // Refractory neurons are kept in a list (most steps touch only a few) with their threshold gated to +∞ and V held.
  const gate = new Float64Array(size);
  const held = new Float64Array(size);
  const refractoryList = new Int32Array(size);
  const listLength = new Int32Array(1);
  // Per-dt constants, recomputed only when the caller's dt (or τ) changes: e^(−dt/τ) per neuron, the rate trace's decay.
  const decay = new Float64Array(size);
  const traceDecay = new Float64Array(1);
  let lastDt = Number.NaN;

  function prepare(dt: number): void {
    for (let i = 0; i < size; i++) decay[i] = Math.exp(-dt / tau[i]);
    traceDecay[0] = rateTraceDecay(dt);
    lastDt = dt;
  }

  const kernel = (input: Float64Array | null, ge: Float64Array, gi: Float64Array, current: Float64Array, fired: Int32Array) =>
    freshKernel(lifKernel)(size, v, spiked, output, refractoryLeft, spikeCount, gate, held, refractoryList, listLength, tau, resistance, rest, threshold, resetV, refractory, decay, traceDecay, input, ge, gi, current, fired);
  const none = new Float64Array(0);
  const alone = kernel(null, none, none, none, new Int32Array(size));

  function step(dt: number, current: Float64Array): void {
    if (dt !== lastDt) prepare(dt);
    alone(dt, current, 1, 1);
  }

  function eventStep(input: Float64Array, ge: Float64Array, gi: Float64Array, current: Float64Array, fired: Int32Array) {
    if (input.length !== size || ge.length !== size || gi.length !== size || current.length !== size || fired.length < size) {
      throw new Error(`lif: eventStep needs arrays of the population's size ${size}`);
    }
    const fused = kernel(input, ge, gi, current, fired);
    return (dt: number, decE: number, decI: number): number => {
      if (dt !== lastDt) prepare(dt);
      return fused(dt, input, decE, decI);
    };
  }

  function reset(): void {
    v.set(v0);
    spiked.fill(0);
    output.fill(0);
    refractoryLeft.fill(0);
    spikeCount.fill(0);
    gate.set(threshold);
    held.fill(0);
    listLength[0] = 0;
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
    if (name === 'tauMs') lastDt = Number.NaN;
    // A refractory neuron's gate opens at the new threshold when its period ends.
    if (name === 'thresholdMv' && gate[i] !== Number.POSITIVE_INFINITY) gate[i] = value;
  }

  reset();
  return { kind: 'lif', size, v, spiked, output, variables: {}, step, reset, setParam, eventStep };
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
 * Refractory neurons are handled apart, so the main loop has no refractory
 * branch (measured ~25 % faster for CUBA): while refractory a neuron's `gate`
 * (its threshold) is +∞ and it sits in `refractoryList`; the main loop
 * integrates every neuron, then the list pass puts held neurons' V back
 * (`held`, the V at their spike), counts their time down, and integrates a
 * neuron whose period ends inside the step over the rest of the step (one
 * exp per spike), which may fire again.
 */
export function lifKernel(
  n: number,
  v: Float64Array,
  spiked: Uint8Array,
  output: Float64Array,
  refractoryLeft: Float64Array,
  spikeCount: Float64Array,
  gate: Float64Array,
  held: Float64Array,
  refractoryList: Int32Array,
  listLength: Int32Array,
  tau: Float64Array,
  resistance: Float64Array,
  rest: Float64Array,
  threshold: Float64Array,
  resetV: Float64Array,
  refractory: Float64Array,
  decay: Float64Array,
  traceDecay: Float64Array,
  input: Float64Array | null,
  ge: Float64Array,
  gi: Float64Array,
  current: Float64Array,
  fired: Int32Array,
): (dt: number, inputArg: Float64Array, decE: number, decI: number) => number {
  const events = ge.length > 0;
  const own = input !== null;
  const fixed = input ?? new Float64Array(0);
  return (dt: number, inputArg: Float64Array, decE: number, decI: number): number => {
    const td = traceDecay[0];
    let count = 0;
    for (let i = 0; i < n; i++) {
      let I = own ? fixed[i] : inputArg[i];
      if (events) {
        I += ge[i] - gi[i];
        current[i] = I;
        ge[i] *= decE;
        gi[i] *= decI;
      }
      const vInf = rest[i] + resistance[i] * I;
      let vi = vInf + (v[i] - vInf) * decay[i];
      let s = spikeCount[i] * td;
      if (vi >= gate[i]) {
        vi = resetV[i];
        spiked[i] = 1;
        s += 1;
        fired[count++] = i;
      } else {
        spiked[i] = 0;
      }
      v[i] = vi;
      spikeCount[i] = s;
      output[i] = s / (1 + s);
    }
    let kept = 0;
    for (let k = 0, m = listLength[0]; k < m; k++) {
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
      const vInf = rest[i] + resistance[i] * I;
      let vi = vInf + (held[i] - vInf) * (left === 0 ? decay[i] : Math.exp(-(dt - left) / tau[i]));
      if (vi >= threshold[i]) {
        vi = resetV[i];
        const s = spikeCount[i] + 1;
        spikeCount[i] = s;
        output[i] = s / (1 + s);
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
      const period = refractory[i];
      if (period > 0) {
        refractoryLeft[i] = period;
        held[i] = v[i];
        gate[i] = Infinity;
        refractoryList[kept++] = i;
      }
    }
    listLength[0] = kept;
    return count;
  };
}

/**
 * Analytic firing rate (Hz) of a LIF neuron under constant current I (nA),
 * starting each interval at V_reset: the time to climb from V_reset to θ
 * towards V∞ = E_rest + R·I is T = τ·ln((V∞ − V_reset)/(V∞ − θ)), so
 * r = 1000 / (t_ref + T). Zero at or below rheobase (V∞ ≤ θ).
 */
export function lifRateHz(p: { tauMs: number; resistance: number; restMv: number; thresholdMv: number; resetMv: number; refractoryMs: number }, currentNa: number): number {
  const vInf = p.restMv + p.resistance * currentNa;
  if (vInf <= p.thresholdMv) return 0;
  const climb = p.tauMs * Math.log((vInf - p.resetMv) / (vInf - p.thresholdMv));
  return 1000 / (p.refractoryMs + climb);
}
