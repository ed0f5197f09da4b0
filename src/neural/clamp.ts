import type { ModelKind, NeuronModel, NeuronSpec, ParamValues } from './types';
import { MODELS } from './models/index';
import { resolveNeuronParams } from './params';

/**
 * A single-neuron current-clamp experiment: a current step of `currentA`
 * (in the model's current unit) from `fromMs` to `toMs`, recorded every step.
 * Step k advances from t = k·dt to (k+1)·dt with the current on when
 * fromMs ≤ k·dt < toMs, so seed 003's `I_stim[500:1500] = 1` at dt 0.01 is
 * from 5 to 15.
 */
export interface ClampOptions {
  currentA: number;
  fromMs: number;
  toMs: number;
  durationMs: number;
  dtMs: number;
}

/** One recorded instant: the state at time t (after the step that ended there). */
export interface ClampRow {
  t: number;
  V: number;
  /** 1 if the neuron fired in the step that ended at t (Hodgkin–Huxley: V crossed 0 mV upwards). */
  spike: number;
  /** The model's state variables (gates), by name. */
  [variable: string]: number;
}

/** The neuron to clamp: params and init may be partial (defaults and the preset fill them) or complete (a loaded circuit's). */
export interface ClampNeuron {
  id: string;
  model: ModelKind;
  preset?: string;
  params?: ParamValues;
  init?: ParamValues;
}

export interface ClampResult {
  /** The neuron with every parameter and initial value filled in. */
  neuron: NeuronSpec;
  model: NeuronModel;
  /** CSV column order: t, V, spike, then the model's variables. */
  columns: string[];
  /** rows[0] is the initial state at t = 0; rows[k] the state at k·dt. */
  rows: ClampRow[];
}

/** Longest run the clamp records (rows are kept in memory). */
export const MAX_CLAMP_STEPS = 5_000_000;

/**
 * Runs the experiment on one neuron of any registered model except
 * transmitter (whose neurons step only inside the seed's network cycle: use
 * `neuroworm trace`). Params and init are completed and range-checked by
 * resolveNeuronParams; errors name the neuron, field, value and range.
 */
export function runClamp(entry: ClampNeuron, options: ClampOptions, models: Readonly<Partial<Record<ModelKind, NeuronModel>>> = MODELS): ClampResult {
  checkOptions(options);
  const where = `neuron ${JSON.stringify(entry.id)}`;
  const clampable = (Object.keys(models) as ModelKind[]).filter((k) => k !== 'transmitter');
  if (entry.model === 'transmitter') {
    throw new Error(
      `${where}: a transmitter neuron steps only in its network's cycle and cannot be clamped alone; use \`neuroworm trace\`, or one of: ${clampable.join(', ')}`,
    );
  }
  const model = Object.hasOwn(models, entry.model) ? models[entry.model] : undefined;
  if (!model) throw new Error(`${where}: "model" is ${JSON.stringify(entry.model) ?? 'missing'}; allowed: ${clampable.join(', ')}`);
  const neuron: NeuronSpec = { ...entry, ...resolveNeuronParams(model, entry, where) };
  const population = model.createPopulation([neuron]);
  const variables = Object.keys(population.variables);
  const columns = ['t', 'V', 'spike', ...variables];

  const { currentA, fromMs, toMs, durationMs, dtMs } = options;
  const steps = stepCount(durationMs, dtMs);
  const eps = dtMs * 1e-9;
  const current = new Float64Array(1);
  const rows: ClampRow[] = new Array(steps + 1);
  const record = (t: number, spike: number): ClampRow => {
    const row: ClampRow = { t, V: population.v[0], spike };
    for (const name of variables) row[name] = population.variables[name][0];
    return row;
  };
  rows[0] = record(0, 0);
  for (let k = 0; k < steps; k++) {
    const t = k * dtMs;
    current[0] = t >= fromMs - eps && t < toMs - eps ? currentA : 0;
    population.step(dtMs, current);
    // toPrecision(12) prints 0.03, not 0.030000000000000002.
    rows[k + 1] = record(Number(((k + 1) * dtMs).toPrecision(12)), population.spiked[0]);
  }
  return { neuron, model, columns, rows };
}

function stepCount(durationMs: number, dtMs: number): number {
  // Round a duration that is a whole number of steps up to rounding error (200 / 0.01) to that number.
  return Math.ceil((durationMs / dtMs) * (1 - 1e-12));
}

function checkOptions(o: ClampOptions): void {
  const finite: Array<[keyof ClampOptions, string]> = [
    ['currentA', 'current'],
    ['fromMs', 'from'],
    ['toMs', 'to'],
    ['durationMs', 'duration'],
    ['dtMs', 'dt'],
  ];
  for (const [key, flag] of finite) {
    if (typeof o[key] !== 'number' || !Number.isFinite(o[key])) throw new Error(`--${flag} must be a finite number, got ${String(o[key])}`);
  }
  if (!(o.dtMs > 0)) throw new Error(`--dt must be above 0 ms, got ${o.dtMs}`);
  if (!(o.durationMs > 0)) throw new Error(`--duration must be above 0 ms, got ${o.durationMs}`);
  if (o.toMs < o.fromMs) throw new Error(`--to (${o.toMs} ms) must not be before --from (${o.fromMs} ms)`);
  const steps = stepCount(o.durationMs, o.dtMs);
  if (steps > MAX_CLAMP_STEPS) {
    throw new Error(`--duration / --dt = ${steps} steps; at most ${MAX_CLAMP_STEPS} are allowed: use a larger --dt or a shorter --duration`);
  }
}

/** The result as CSV: a header line, then one line per row, numbers in shortest round-trip form. */
export function clampCsv(result: ClampResult): string {
  const lines = new Array<string>(result.rows.length + 1);
  lines[0] = result.columns.join(',');
  for (let k = 0; k < result.rows.length; k++) {
    const row = result.rows[k];
    lines[k + 1] = result.columns.map((c) => String(row[c])).join(',');
  }
  return `${lines.join('\n')}\n`;
}

export interface ClampSummary {
  spikes: number;
  /** Times (ms) of the steps in which the neuron fired. */
  spikeTimesMs: number[];
  /** Spikes per second over the whole run. */
  rateHz: number;
  /** Spikes per second while the current was on (0 if it never was). */
  rateDuringCurrentHz: number;
  minV: number;
  maxV: number;
  finalV: number;
}

export function summarizeClamp(result: ClampResult, options: ClampOptions): ClampSummary {
  const spikeTimesMs: number[] = [];
  let minV = Infinity;
  let maxV = -Infinity;
  let during = 0;
  for (const row of result.rows) {
    if (row.V < minV) minV = row.V;
    if (row.V > maxV) maxV = row.V;
    if (row.spike) {
      spikeTimesMs.push(row.t);
      // The spike belongs to the step that ended at row.t, which started at row.t − dt.
      const start = row.t - options.dtMs;
      if (start >= options.fromMs - 1e-9 && start < options.toMs - 1e-9) during++;
    }
  }
  const on = Math.min(options.toMs, options.durationMs) - Math.max(options.fromMs, 0);
  return {
    spikes: spikeTimesMs.length,
    spikeTimesMs,
    rateHz: (spikeTimesMs.length * 1000) / options.durationMs,
    rateDuringCurrentHz: on > 0 ? (during * 1000) / on : 0,
    minV,
    maxV,
    finalV: result.rows[result.rows.length - 1].V,
  };
}
