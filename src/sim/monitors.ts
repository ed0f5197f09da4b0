/**
 * What to record, by name: neuron variables of chosen neurons, body and world
 * quantities, zones, or any scalar the caller can read; how often; at which
 * point of the step; how many samples to keep. createMonitor resolves a spec
 * against a simulation (or anything shaped like one) into channels once, so
 * the per-tick path only reads numbers.
 */
import { type Channel, Monitor, type MonitorOptions } from '../monitor/monitor';
import type { Telemetry } from '../streams/types';
import { nearest } from '../text/nearest';

export type NeuronVariable = 'v' | 'output' | 'spiked';
export const NEURON_VARIABLES: readonly NeuronVariable[] = ['v', 'output', 'spiked'];

/**
 * Body and world quantities, mm: the centroid of the segment centres, the nose,
 * along-body travel forward and backward since the monitor started (summed
 * every step; the worm's own crawling, a poke's push left out), the nose's distance to the nearest food (Infinity if none), and
 * the highest muscle activation (its peak since the previous sample), and the
 * lowest and highest membrane potential of any neuron, mV (their extremes since
 * the previous sample: a physiological model keeps them within about −90..+40).
 */
export type BodyQuantity =
  | 'centroidX'
  | 'centroidY'
  | 'headX'
  | 'headY'
  | 'forwardMm'
  | 'backwardMm'
  | 'foodDistanceMm'
  | 'muscleMax'
  | 'membraneMinMv'
  | 'membraneMaxMv'
  | 'noseTemperatureC'
  | 'timeOnFoodMs';
export const BODY_QUANTITIES: readonly BodyQuantity[] = [
  'centroidX',
  'centroidY',
  'headX',
  'headY',
  'forwardMm',
  'backwardMm',
  'foodDistanceMm',
  'muscleMax',
  'membraneMinMv',
  'membraneMaxMv',
  'noseTemperatureC',
  'timeOnFoodMs',
];

/** Where in the step a monitor reads: after each physics step (the telemetry frame's state), or after each neural sub-step (neuron variables only). */
export type MonitorPoint = 'step' | 'substep';

export interface MonitorSpec {
  /** Neuron ids (circuit ids, not classes) whose `variables` to record; channels are named "ID.variable". */
  neurons?: readonly string[];
  /** Default ['v']. */
  variables?: readonly NeuronVariable[];
  /** A neuron sample holds the value at the sample ('last', default) or the peak since the previous sample ('max'). */
  neuronReduce?: 'last' | 'max';
  /** Body and world quantities; channels are named as the quantity. */
  body?: readonly BodyQuantity[];
  /** Arena zones: 1 while the nose is inside, else 0; channels are named "zone:ID". */
  zones?: readonly string[];
  /** Anything else, as channels of your own (e.g. a synapse's resource). */
  custom?: readonly Channel[];
  /** Sample interval, ms; rounded to a whole number of ticks (≥ 1). Default: every tick. */
  everyMs?: number;
  /** Default 'step'. */
  when?: MonitorPoint;
  /** Samples kept: a number keeps the latest N (a ring, e.g. an oscilloscope); 'all' (default) keeps every one. */
  keep?: number | 'all';
  /** Expected span of simulated time, ms: sizes 'all' storage up front so no tick allocates. */
  durationMs?: number;
  /** Take the first sample at attach (default true). */
  initial?: boolean;
}

/** What a monitor reads of a simulation. */
export interface MonitorSource {
  readonly timeMs: number;
  readonly physicsStepMs: number;
  readonly neuralStepMs: number;
  readonly neuronIds: readonly string[];
  /** The per-step frame; its arrays are the live ones, the same objects every step. */
  telemetry(): Telemetry;
  distanceToFoodMm(): number;
  /** Temperature the nose feels, °C. */
  temperatureAtNoseC(): number;
  /** Time the nose has spent on food since the start, ms (non-decreasing). */
  timeOnFoodMs(): number;
  inZone(zoneId: string): boolean;
  /** Along-body travel of the last step, mm (> 0 forward), the worm's own: 0 while a poke's push moves the body (the behaviour tracker's). */
  lastCrawlMm(): number;
}

/** Builds a monitor from a spec; `when` says at which point the host must tick it. Throws RangeError naming what is wrong and the fix. */
export function createMonitor(spec: MonitorSpec, source: MonitorSource): { monitor: Monitor; when: MonitorPoint } {
  const when = spec.when ?? 'step';
  if (when !== 'step' && when !== 'substep') throw new RangeError(`monitor: when = ${String(when)} must be 'step' or 'substep'`);
  const tickMs = when === 'step' ? source.physicsStepMs : source.neuralStepMs;
  if (when === 'substep' && ((spec.body?.length ?? 0) > 0 || (spec.zones?.length ?? 0) > 0)) {
    throw new RangeError('monitor: body quantities and zones change once per physics step; record them with when: "step" (a second monitor)');
  }
  if (spec.everyMs !== undefined && !(spec.everyMs > 0 && Number.isFinite(spec.everyMs))) {
    throw new RangeError(`monitor: everyMs = ${spec.everyMs} must be a number > 0 (ms between samples)`);
  }
  const every = spec.everyMs === undefined ? 1 : Math.max(1, Math.round(spec.everyMs / tickMs));
  const tel = source.telemetry();
  const channels: Channel[] = [...neuronChannels(spec, source.neuronIds, tel)];
  const prepare: (() => void)[] = [];
  let travel: Travel | undefined;
  // Forward and backward travel share one meter (one along-body step per tick).
  const meter = () => (travel ??= travelMeter(source, prepare));
  for (const q of spec.body ?? []) channels.push(bodyChannel(q, source, tel, meter));
  for (const z of spec.zones ?? []) channels.push({ name: `zone:${z}`, reduce: 'last', read: () => (source.inZone(z) ? 1 : 0) });
  channels.push(...(spec.custom ?? []));
  const opts: MonitorOptions = {
    every,
    keep: spec.keep ?? 'all',
    prepare,
    ...(spec.durationMs !== undefined && { expect: Math.ceil(spec.durationMs / (tickMs * every)) + 4 }),
  };
  const monitor = new Monitor(channels, opts);
  if (spec.initial ?? true) monitor.sample(source.timeMs);
  return { monitor, when };
}

function neuronChannels(spec: MonitorSpec, ids: readonly string[], tel: Telemetry): Channel[] {
  const vars = spec.variables ?? ['v'];
  const reduce = spec.neuronReduce ?? 'last';
  if (reduce !== 'last' && reduce !== 'max') throw new RangeError(`monitor: neuronReduce = ${String(reduce)} must be 'last' or 'max'`);
  for (const v of vars) {
    if (!NEURON_VARIABLES.includes(v)) throw new RangeError(`monitor: unknown neuron variable "${v}"; record one of ${NEURON_VARIABLES.join(', ')}`);
  }
  const out: Channel[] = [];
  for (const id of spec.neurons ?? []) {
    const i = ids.indexOf(id);
    if (i < 0) {
      const near = nearest(id, ids);
      throw new RangeError(
        `monitor: the circuit has no neuron "${id}"${near ? `; did you mean "${near}"?` : ''} (a monitor records the circuit's own neuron ids; classes are not expanded)`,
      );
    }
    for (const v of vars) {
      const a = tel[v];
      out.push({ name: `${id}.${v}`, reduce, read: () => a[i] });
    }
  }
  return out;
}

function bodyChannel(q: BodyQuantity, source: MonitorSource, tel: Telemetry, meter: () => Travel): Channel {
  const pose = tel.pose;
  switch (q) {
    case 'centroidX':
      return { name: q, reduce: 'last', read: () => meanOf(pose, 0) };
    case 'centroidY':
      return { name: q, reduce: 'last', read: () => meanOf(pose, 1) };
    case 'headX':
      return { name: q, reduce: 'last', read: () => pose[0] };
    case 'headY':
      return { name: q, reduce: 'last', read: () => pose[1] };
    case 'forwardMm': {
      const t = meter();
      return { name: q, reduce: 'total', read: () => t.forward };
    }
    case 'backwardMm': {
      const t = meter();
      return { name: q, reduce: 'total', read: () => t.backward };
    }
    case 'foodDistanceMm':
      return { name: q, reduce: 'last', read: () => source.distanceToFoodMm() };
    case 'noseTemperatureC':
      return { name: q, reduce: 'last', read: () => source.temperatureAtNoseC() };
    case 'timeOnFoodMs':
      return { name: q, reduce: 'last', read: () => source.timeOnFoodMs() };
    case 'muscleMax': {
      const m = tel.muscles;
      return { name: q, reduce: 'max', read: () => maxOf(m) };
    }
    case 'membraneMinMv': {
      const v = tel.v;
      return { name: q, reduce: 'min', read: () => extremeOf(v, -1) };
    }
    case 'membraneMaxMv': {
      const v = tel.v;
      return { name: q, reduce: 'max', read: () => extremeOf(v, 1) };
    }
    default:
      throw new RangeError(`monitor: unknown body quantity "${String(q)}"; record one of ${BODY_QUANTITIES.join(', ')}`);
  }
}

/** Along-body travel of the last tick, mm, split by direction (one of the two is 0). */
interface Travel {
  forward: number;
  backward: number;
}

/** Updates the travel before the channels are read, every tick: the source's own crawl, so a poke's shove is not counted as travel. */
function travelMeter(source: MonitorSource, prepare: (() => void)[]): Travel {
  const meter = { forward: 0, backward: 0, prevTime: source.timeMs };
  prepare.push(() => {
    const now = source.timeMs;
    const d = now > meter.prevTime ? source.lastCrawlMm() : 0;
    if (d > 0) {
      meter.forward = d;
      meter.backward = 0;
    } else {
      meter.forward = 0;
      meter.backward = -d;
    }
    meter.prevTime = now;
  });
  return meter;
}

/** Mean of every other entry from `offset` (the centroid's x or y), summed in the order kinematics.centroid sums. */
function meanOf(pose: Float64Array, offset: number): number {
  const n = pose.length / 2;
  let s = 0;
  for (let i = 0; i < n; i++) s += pose[2 * i + offset];
  return s / n;
}

/** The lowest (sign −1) or highest (sign 1) entry; NaN for none. */
function extremeOf(a: Float64Array, sign: 1 | -1): number {
  let m = a.length > 0 ? a[0] : Number.NaN;
  for (let i = 1; i < a.length; i++) if (sign * a[i] > sign * m) m = a[i];
  return m;
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

/**
 * The monitors attached to one simulation, by the point of the step they read
 * at. The host ticks each list in a plain loop (no rxjs in the hot path): an
 * empty list costs one length check per step or sub-step.
 */
export class MonitorHost {
  readonly atStep: Monitor[] = [];
  readonly atSubstep: Monitor[] = [];

  constructor(private readonly source: MonitorSource) {}

  attach(spec: MonitorSpec): Monitor {
    const { monitor, when } = createMonitor(spec, this.source);
    const list = when === 'step' ? this.atStep : this.atSubstep;
    list.push(monitor);
    monitor.attachTo(() => {
      const i = list.indexOf(monitor);
      if (i >= 0) list.splice(i, 1);
    });
    return monitor;
  }
}
