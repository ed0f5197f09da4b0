import type { NeuronModel, ParamValues, Population } from '../types';
import { column } from './param-values';
import { rateTraceDecay } from './rate-trace';

/** Spike cut-off of the model, mV (Izhikevich 2003). */
export const IZHIKEVICH_PEAK_MV = 30;

/**
 * Izhikevich (2003) simple model:
 *
 *   v' = 0.04v² + 5v + 140 − u + I,   u' = a(bv − u)
 *   v ≥ 30 mV → spike, v ← c, u ← u + d
 *
 * v in mV, t in ms, I in the model's dimensionless current units (~10 drives
 * a regular-spiking cell to tonic firing). Integrated by forward Euler in
 * equal sub-steps of at most `maxSubstepMs`: each sub-step updates v, then u
 * from the new v (Izhikevich's order), then checks the peak. The default
 * 0.1 ms keeps every preset's rate within 10% of the converged one; his own
 * 0.5 ms half-steps on v (maxSubstepMs 0.5) run 5× faster but fire up to a
 * third slower for fast-spiking, resonator and thalamo-cortical cells.
 * Checking the peak after every sub-step keeps v finite (v < 30 before each
 * sub-step bounds v').
 */
export const izhikevichModel: NeuronModel = {
  kind: 'izhikevich',
  help: 'Izhikevich simple model: two variables, many firing patterns (regular, bursting, fast, ...).',
  currentUnit: 'model units (Izhikevich 2003)',
  conductanceUnit: 'model units per mV',
  spiking: true,
  params: {
    a: { default: 0.02, min: 0.001, max: 1, unit: '1/ms', help: 'Recovery rate of u: small = slow adaptation.' },
    b: { default: 0.2, min: -1, max: 1, unit: '1', help: 'Sensitivity of u to v: larger = more resonant, lower threshold.' },
    c: { default: -65, min: -100, max: 0, unit: 'mV', help: 'Reset potential after a spike.' },
    d: { default: 8, min: -20, max: 50, unit: 'mV/ms', help: 'Jump of u after a spike: larger = stronger adaptation.' },
    maxSubstepMs: {
      default: 0.1,
      min: 0.01,
      max: 1,
      unit: 'ms',
      help: "Largest internal Euler step: 0.1 keeps rates within 10% of exact; 0.5–1 is Izhikevich's faster, rougher scheme.",
    },
  },
  init: {
    v: { default: -65, min: -100, max: 29, unit: 'mV', help: 'Membrane potential at the start; u starts at b·v.' },
  },
  // Izhikevich 2003, Fig. 2 and its Matlab code.
  presets: {
    'regular-spiking': { a: 0.02, b: 0.2, c: -65, d: 8 },
    'intrinsically-bursting': { a: 0.02, b: 0.2, c: -55, d: 4 },
    chattering: { a: 0.02, b: 0.2, c: -50, d: 2 },
    'fast-spiking': { a: 0.1, b: 0.2, c: -65, d: 2 },
    'low-threshold-spiking': { a: 0.02, b: 0.25, c: -65, d: 2 },
    // Starts at its resting state (−62.5 mV, u = b·v): from −65 it would overshoot into a spike.
    resonator: { a: 0.1, b: 0.26, c: -65, d: 2, v: -62.5 },
    'thalamo-cortical': { a: 0.02, b: 0.25, c: -65, d: 0.05 },
  },
  createPopulation: createIzhikevichPopulation,
};

function createIzhikevichPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>): Population {
  const size = neurons.length;
  const col = (group: 'params' | 'init', key: string) => column(neurons, group, key, 'izhikevich');
  const a = col('params', 'a');
  const b = col('params', 'b');
  const c = col('params', 'c');
  const d = col('params', 'd');
  const maxSubstep = col('params', 'maxSubstepMs');
  const v0 = col('init', 'v');

  const v = new Float64Array(size);
  const u = new Float64Array(size);
  const spiked = new Uint8Array(size);
  const output = new Float64Array(size);
  const spikeCount = new Float64Array(size);
  const substeps = new Int32Array(size);
  const substepMs = new Float64Array(size);
  let lastDt = Number.NaN;
  let traceDecay = 1;

  function prepare(dt: number): void {
    for (let i = 0; i < size; i++) {
      // The 1e-12 keeps dt = k·maxSubstep at k sub-steps despite rounding.
      const n = Math.max(1, Math.ceil((dt / maxSubstep[i]) * (1 - 1e-12)));
      substeps[i] = n;
      substepMs[i] = dt / n;
    }
    traceDecay = rateTraceDecay(dt);
    lastDt = dt;
  }

  function step(dt: number, current: Float64Array, conductance?: Float64Array): void {
    if (dt !== lastDt) prepare(dt);
    for (let i = 0; i < size; i++) {
      let vi = v[i];
      let ui = u[i];
      const input = current[i];
      const h = substepMs[i];
      // Conductance input (current − G·v) taken implicitly in v: stable at any G. Without it keep = 1 exactly (same bits as before).
      const keep = conductance ? 1 / (1 + h * conductance[i]) : 1;
      const ai = a[i];
      const bi = b[i];
      let fired = 0;
      for (let k = substeps[i]; k > 0; k--) {
        vi = (vi + h * (0.04 * vi * vi + 5 * vi + 140 - ui + input)) * keep;
        // u follows v capped at the peak: on the sub-step that crosses it, Euler's v can overshoot by
        // orders of magnitude, and u fed with that grows without bound (fast-check found it: b ≈ 1, I = −200).
        ui += h * ai * (bi * Math.min(vi, IZHIKEVICH_PEAK_MV) - ui);
        if (vi >= IZHIKEVICH_PEAK_MV) {
          vi = c[i];
          ui += d[i];
          fired++;
        }
      }
      v[i] = vi;
      u[i] = ui;
      spiked[i] = fired > 0 ? 1 : 0;
      const s = spikeCount[i] * traceDecay + fired;
      spikeCount[i] = s;
      output[i] = s / (1 + s);
    }
  }

  function reset(): void {
    v.set(v0);
    for (let i = 0; i < size; i++) u[i] = b[i] * v0[i];
    spiked.fill(0);
    output.fill(0);
    spikeCount.fill(0);
  }

  const columns: Record<string, Float64Array> = { a, b, c, d, maxSubstepMs: maxSubstep };

  /** Live tuning: v, u and the rate trace are kept; a new sub-step limit takes effect on the next step. */
  function setParam(i: number, name: string, value: number | readonly [number, number]): void {
    const col = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!col || typeof value !== 'number') throw new Error(`izhikevich: cannot set "${name}" to ${JSON.stringify(value)}`);
    col[i] = value;
    if (name === 'maxSubstepMs') lastDt = Number.NaN;
  }

  reset();
  return { kind: 'izhikevich', size, v, spiked, output, variables: { u }, step, reset, setParam };
}
