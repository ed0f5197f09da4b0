/**
 * The custom metric registry: each metric is a pure function of a recording
 * and a window. Units and help texts are in metrics-names.ts.
 */
import { METRIC_INFO, type MetricName } from './metrics-names';
import type { Recording } from './recording';
import { alongTravel, backwardTravel, eventsIn, forwardTravel, indexAt, meanSpeed, probeKey, samplesIn, timeFlagged } from './recording';
import { resolveNeuron } from './neurons';

export interface MetricArgs {
  zone?: string;
  neuron?: string;
  /** Ids of the neurons the run recorded (for class references). */
  neuronIds: readonly string[];
}

export type MetricFn = (rec: Recording, a: number, b: number, args: MetricArgs) => number;

function zoneFlags(rec: Recording, args: MetricArgs): Uint8Array {
  const flags = args.zone !== undefined ? rec.zones[args.zone] : undefined;
  if (!flags) throw new Error(`zone "${args.zone}" was not recorded`);
  return flags;
}

function neuronTraces(rec: Recording, args: MetricArgs): Float64Array[] {
  const ids = resolveNeuron(args.neuron ?? '', args.neuronIds);
  const traces = ids.map((id) => rec.neurons[id]).filter((t): t is Float64Array => t !== undefined);
  if (traces.length === 0) throw new Error(`neuron "${args.neuron}" was not recorded`);
  return traces;
}

function senses(rec: Recording): { noseTemp: Float64Array; onFoodMs: Float64Array } {
  if (!rec.noseTemp || !rec.onFoodMs) throw new Error('the nose temperature and time on food were not recorded');
  return { noseTemp: rec.noseTemp, onFoodMs: rec.onFoodMs };
}

function membrane(rec: Recording): { low: Float64Array; high: Float64Array } {
  if (!rec.membraneMin || !rec.membraneMax) throw new Error('membrane potentials were not recorded');
  return { low: rec.membraneMin, high: rec.membraneMax };
}

function food(rec: Recording): Float64Array {
  if (!rec.food) throw new Error('distance to food was not recorded');
  return rec.food;
}

function probe(rec: Recording, name: 'bendingFrequency' | 'wavelength' | 'bendAmplitude', a: number, b: number): number {
  const v = rec.probes[probeKey({ name, endMs: b, windowMs: b - a })];
  if (v === undefined) throw new Error(`${name} over [${a}, ${b}] ms was not probed`);
  return v;
}

export const METRICS: Record<MetricName, MetricFn> = {
  speed: (rec, a, b) => meanSpeed(rec, a, b),
  alongSpeed: (rec, a, b) => (b > a ? (alongTravel(rec, a, b) * 1000) / (b - a) : 0),
  forwardTravel: (rec, a, b) => forwardTravel(rec, a, b),
  backwardTravel: (rec, a, b) => backwardTravel(rec, a, b),
  netDisplacement: (rec, a, b) => {
    const i = indexAt(rec, a);
    const j = indexAt(rec, b);
    return Math.hypot(rec.cx[j] - rec.cx[i], rec.cy[j] - rec.cy[i]);
  },
  pathLength: (rec, a, b) => {
    const [i0, i1] = samplesIn(rec, a, b);
    let len = 0;
    for (let j = i0 + 1; j <= i1; j++) len += Math.hypot(rec.cx[j] - rec.cx[j - 1], rec.cy[j] - rec.cy[j - 1]);
    return len;
  },
  distanceToFood: (rec, _a, b) => food(rec)[indexAt(rec, b)],
  minDistanceToFood: (rec, a, b) => {
    const f = food(rec);
    const [i0, i1] = samplesIn(rec, a, b);
    let min = Infinity;
    for (let j = i0; j <= i1; j++) min = Math.min(min, f[j]);
    return min;
  },
  foodApproach: (rec, a, b) => {
    const f = food(rec);
    return f[indexAt(rec, a)] - f[indexAt(rec, b)];
  },
  reversalCount: (rec, a, b) => eventsIn(rec, 'reversal-start', a, b).length,
  omegaTurnCount: (rec, a, b) => eventsIn(rec, 'omega-turn', a, b).length,
  reversalRate: (rec, a, b) => (b > a ? eventsIn(rec, 'reversal-start', a, b).length / ((b - a) / 60_000) : 0),
  timeOnFood: (rec, a, b) => {
    const f = senses(rec).onFoodMs;
    return (f[indexAt(rec, b)] - f[indexAt(rec, a)]) / 1000;
  },
  noseTemperature: (rec, a, b) => {
    const temp = senses(rec).noseTemp;
    const [i0, i1] = samplesIn(rec, a, b);
    let sum = 0;
    for (let j = i0; j <= i1; j++) sum += temp[j];
    return sum / (i1 - i0 + 1);
  },
  timeInZone: (rec, a, b, args) => timeFlagged(rec, zoneFlags(rec, args), a, b),
  fractionInZone: (rec, a, b, args) => (b > a ? timeFlagged(rec, zoneFlags(rec, args), a, b) / (b - a) : 0),
  peakMuscleActivation: (rec, a, b) => {
    if (!rec.muscle) throw new Error('muscle activation was not recorded');
    const [i0, i1] = samplesIn(rec, a, b);
    let peak = 0;
    for (let j = i0; j <= i1; j++) peak = Math.max(peak, rec.muscle[j]);
    return peak;
  },
  membraneMin: (rec, a, b) => {
    const { low } = membrane(rec);
    const [i0, i1] = samplesIn(rec, a, b);
    let min = Infinity;
    for (let j = i0; j <= i1; j++) min = Math.min(min, low[j]);
    return min;
  },
  membraneMax: (rec, a, b) => {
    const { high } = membrane(rec);
    const [i0, i1] = samplesIn(rec, a, b);
    let max = -Infinity;
    for (let j = i0; j <= i1; j++) max = Math.max(max, high[j]);
    return max;
  },
  peakOutput: (rec, a, b, args) => {
    const [i0, i1] = samplesIn(rec, a, b);
    let peak = 0;
    for (const tr of neuronTraces(rec, args)) for (let j = i0; j <= i1; j++) peak = Math.max(peak, tr[j]);
    return peak;
  },
  meanOutput: (rec, a, b, args) => {
    const [i0, i1] = samplesIn(rec, a, b);
    let sum = 0;
    let n = 0;
    for (const tr of neuronTraces(rec, args))
      for (let j = i0; j <= i1; j++) {
        sum += tr[j];
        n++;
      }
    return n > 0 ? sum / n : 0;
  },
  bendingFrequency: (rec, a, b) => probe(rec, 'bendingFrequency', a, b),
  wavelength: (rec, a, b) => probe(rec, 'wavelength', a, b),
  bendAmplitude: (rec, a, b) => probe(rec, 'bendAmplitude', a, b),
};

export function metricUnit(name: MetricName): string {
  return METRIC_INFO[name].unit;
}
