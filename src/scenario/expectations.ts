/**
 * Expectation evaluators: pure functions of a scenario, a recording of its
 * run and the circuit's neuron ids. Each returns the measured value beside
 * the bound it was held to; none throws (a broken measurement fails the
 * expectation and says why).
 */
import { METRICS, metricUnit } from './metrics';
import type { MetricName } from './metrics-names';
import type { Recording } from './recording';
import { alongTravel, backwardTravel, eventsIn, meanSpeed, peakBackwardSpeed, probeKey, samplesIn, timeFlagged } from './recording';
import { resolveNeuron } from './refs';
import type { Expectation, ExpectationKind, ResponseMeasure, Scenario } from './types';
import { formatMs, lengthMm, round, speedMmPerS } from './units';
import { anchorMs, describeAnchor, labelled, trainTimes, windowOf } from './windows';

export interface ExpectationResult {
  name: string;
  kind: ExpectationKind;
  pass: boolean;
  /** The measured value (null when there was nothing to measure, e.g. no reversal happened). */
  measured: number | string | null;
  /** The bound it was held to, readable, in `unit`. */
  bound: string;
  unit: string;
  detail: string;
  /** Habituation: the response to each stimulus of the train, in order. */
  responses?: number[];
}

export interface EvalContext {
  scenario: Scenario;
  /** Neuron ids of the circuit that ran (for class references such as AVA). */
  neuronIds: readonly string[];
}

const span = (a: number, b: number) => `${formatMs(a)} – ${formatMs(b)}`;

export function evaluateAll(ctx: EvalContext, rec: Recording): ExpectationResult[] {
  return ctx.scenario.expect.map((e) => evaluateExpectation(e, rec, ctx));
}

export function evaluateExpectation(e: Expectation, rec: Recording, ctx: EvalContext): ExpectationResult {
  try {
    const r = evaluate(e, rec, ctx);
    return e.name !== undefined ? { ...r, name: e.name } : r;
  } catch (err) {
    return {
      name: e.name ?? e.kind,
      kind: e.kind,
      pass: false,
      measured: null,
      bound: '',
      unit: '',
      detail: `could not measure: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

type Result = ExpectationResult;

function evaluate(e: Expectation, rec: Recording, ctx: EvalContext): Result {
  const sc = ctx.scenario;
  switch (e.kind) {
    case 'reverses': {
      const a = anchorMs(sc, e.after);
      const b = a + e.withinMs;
      const first = eventsIn(rec, 'reversal-start', a, b)[0];
      const name = `reverses within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`;
      const bound = `≤ ${e.withinMs}`;
      if (first)
        return { name, kind: e.kind, pass: true, measured: first.timeMs - a, bound, unit: 'ms', detail: `reversal started at ${formatMs(first.timeMs)}` };
      const back = backwardTravel(rec, a, b);
      const already =
        rec.events.filter((ev) => ev.timeMs < a && (ev.type === 'reversal-start' || ev.type === 'reversal-end')).at(-1)?.type === 'reversal-start';
      return {
        name,
        kind: e.kind,
        pass: false,
        measured: null,
        bound,
        unit: 'ms',
        detail: `no reversal started in ${span(a, b)}${already ? ' (the worm was already reversing)' : ''}; backward travel there ${round(back, 4)} mm`,
      };
    }
    case 'doesNotReverse': {
      const a = anchorMs(sc, e.after);
      const b = a + e.withinMs;
      const starts = eventsIn(rec, 'reversal-start', a, b);
      return {
        name: `does not reverse within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
        kind: e.kind,
        pass: starts.length === 0,
        measured: starts.length,
        bound: '= 0',
        unit: 'reversals',
        detail: starts.length ? `reversals started at ${starts.map((s) => formatMs(s.timeMs)).join(', ')}` : `no reversal in ${span(a, b)}`,
      };
    }
    case 'moves': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const net = alongTravel(rec, a, b) * (e.direction === 'forward' ? 1 : -1);
      const boundMm = lengthMm(e.atLeast, rec.bodyLengthMm);
      const inBl = e.atLeast.unit === 'bl';
      return {
        name: `moves ${e.direction} at least ${e.atLeast.value} ${e.atLeast.unit} in ${span(a, b)}`,
        kind: e.kind,
        pass: net >= boundMm,
        measured: inBl ? net / rec.bodyLengthMm : net,
        bound: `≥ ${e.atLeast.value}`,
        unit: e.atLeast.unit,
        detail: `net ${e.direction} travel along the body ${round(net, 4)} mm (body length ${rec.bodyLengthMm} mm)`,
      };
    }
    case 'speed': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const v = meanSpeed(rec, a, b);
      const lo = speedMmPerS(e.min, rec.bodyLengthMm);
      const hi = speedMmPerS(e.max, rec.bodyLengthMm);
      const inBl = e.min.unit === 'bl/s' && e.max.unit === 'bl/s';
      const k = inBl ? 1 / rec.bodyLengthMm : 1;
      return {
        name: `speed between ${round(lo * k, 4)} and ${round(hi * k, 4)} ${inBl ? 'bl/s' : 'mm/s'} in ${span(a, b)}`,
        kind: e.kind,
        pass: v >= lo && v <= hi,
        measured: v * k,
        bound: `${round(lo * k, 6)} .. ${round(hi * k, 6)}`,
        unit: inBl ? 'bl/s' : 'mm/s',
        detail: `mean centroid speed ${round(v, 4)} mm/s (${round(v / rec.bodyLengthMm, 4)} bl/s)`,
      };
    }
    case 'reachesFood': {
      const a = anchorMs(sc, e.after);
      const b = a + e.withinMs;
      if (!rec.food) throw new Error('distance to food was not recorded');
      const reach = lengthMm(e.distance, rec.bodyLengthMm);
      const [i0, i1] = samplesIn(rec, a, b);
      let closest = Infinity;
      let closestAt = a;
      for (let j = i0; j <= i1; j++) {
        const d = rec.food[j];
        if (d <= reach)
          return {
            name: `reaches food within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
            kind: e.kind,
            pass: true,
            measured: rec.t[j] - a,
            bound: `≤ ${e.withinMs}`,
            unit: 'ms',
            detail: `nose within ${reach} mm of food at ${formatMs(rec.t[j])}`,
          };
        if (d < closest) {
          closest = d;
          closestAt = rec.t[j];
        }
      }
      return {
        name: `reaches food within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
        kind: e.kind,
        pass: false,
        measured: null,
        bound: `≤ ${e.withinMs}`,
        unit: 'ms',
        detail: Number.isFinite(closest)
          ? `closest approach ${round(closest, 4)} mm at ${formatMs(closestAt)} (reach distance ${reach} mm)`
          : 'there was no food',
      };
    }
    case 'staysOutOfZone': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const flags = rec.zones[e.zone];
      if (!flags) throw new Error(`zone "${e.zone}" was not recorded`);
      const ms = timeFlagged(rec, flags, a, b);
      const [i0, i1] = samplesIn(rec, a, b);
      let firstIn = -1;
      for (let j = i0; j <= i1 && firstIn < 0; j++) if (flags[j]) firstIn = j;
      return {
        name: `stays out of zone ${e.zone} in ${span(a, b)}`,
        kind: e.kind,
        pass: ms <= e.atMostMs,
        measured: ms,
        bound: `≤ ${e.atMostMs}`,
        unit: 'ms',
        detail: firstIn >= 0 ? `nose first in ${e.zone} at ${formatMs(rec.t[firstIn])}` : `nose never in ${e.zone}`,
      };
    }
    case 'neuronFires': {
      const a = anchorMs(sc, e.after);
      const b = a + e.withinMs;
      const { ids, traces } = neuronTraces(rec, ctx, e.neuron);
      const [i0, i1] = samplesIn(rec, a, b);
      let peak = 0;
      for (let j = i0; j <= i1; j++) {
        for (let n = 0; n < traces.length; n++) {
          peak = Math.max(peak, traces[n][j]);
          if (traces[n][j] >= e.threshold)
            return {
              name: `${e.neuron} fires within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
              kind: e.kind,
              pass: true,
              measured: rec.t[j] - a,
              bound: `≤ ${e.withinMs}`,
              unit: 'ms',
              detail: `${ids[n]} output ${round(traces[n][j], 4)} ≥ ${e.threshold} at ${formatMs(rec.t[j])}`,
            };
        }
      }
      return {
        name: `${e.neuron} fires within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`,
        kind: e.kind,
        pass: false,
        measured: null,
        bound: `≤ ${e.withinMs}`,
        unit: 'ms',
        detail: `output of ${ids.join(', ')} peaked at ${round(peak, 4)} < ${e.threshold} in ${span(a, b)}`,
      };
    }
    case 'neuronSilent': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const { ids, traces } = neuronTraces(rec, ctx, e.neuron);
      const [i0, i1] = samplesIn(rec, a, b);
      let peak = 0;
      let peakAt = a;
      for (const tr of traces)
        for (let j = i0; j <= i1; j++)
          if (tr[j] > peak) {
            peak = tr[j];
            peakAt = rec.t[j];
          }
      return {
        name: `${e.neuron} is silent in ${span(a, b)}`,
        kind: e.kind,
        pass: peak < e.threshold,
        measured: peak,
        bound: `< ${e.threshold}`,
        unit: 'output',
        detail: `peak output of ${ids.join(', ')} ${round(peak, 4)} at ${formatMs(peakAt)}`,
      };
    }
    case 'bendingFrequency': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const f = probeValue(rec, 'bendingFrequency', a, b);
      return {
        name: `bending frequency between ${e.minHz} and ${e.maxHz} Hz in ${span(a, b)}`,
        kind: e.kind,
        pass: f >= e.minHz && f <= e.maxHz,
        measured: f,
        bound: `${e.minHz} .. ${e.maxHz}`,
        unit: 'Hz',
        detail: f === 0 ? 'no clear bending oscillation' : `from zero crossings of mid-body curvature over ${formatMs(b - a)}`,
      };
    }
    case 'waveDirection': {
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const d = probeValue(rec, 'waveDirection', a, b);
      const measured = d > 0 ? 'head-to-tail' : d < 0 ? 'tail-to-head' : 'unclear';
      return {
        name: `body wave travels ${e.direction} in ${span(a, b)}`,
        kind: e.kind,
        pass: measured === e.direction,
        measured,
        bound: `= ${e.direction}`,
        unit: '',
        detail: 'from the lag between curvature at 30 % and 45 % of the body',
      };
    }
    case 'habituates': {
      const train = labelled(sc, e.train);
      const times = trainTimes(train);
      const responses = times.map((t) => response(rec, e.response, t, t + e.windowMs));
      const k = e.k ?? times.length;
      const r1 = responses[0];
      const rk = responses[k - 1];
      const ratio = r1 > 0 ? rk / r1 : null;
      const unit = responseUnit(e.response);
      return {
        name: `habituates: response ${k} < ${e.ratioBelow} × response 1 over train ${e.train} (${responseName(e.response)})`,
        kind: e.kind,
        pass: ratio !== null && ratio < e.ratioBelow,
        measured: ratio,
        bound: `< ${e.ratioBelow}`,
        unit: 'ratio',
        detail:
          (r1 > 0 ? '' : 'no response to the first stimulus, so nothing could habituate; ') +
          `responses (${unit}): ${responses.map((r, i) => `${i + 1}: ${round(r, 4)}`).join(', ')}`,
        responses,
      };
    }
    case 'recovers': {
      const train = labelled(sc, e.train);
      const t1 = train.atMs;
      const r1 = response(rec, e.response, t1, t1 + e.windowMs);
      const tt = labelled(sc, e.test).atMs;
      const rt = response(rec, e.response, tt, tt + e.windowMs);
      const ratio = r1 > 0 ? rt / r1 : null;
      const unit = responseUnit(e.response);
      return {
        name: `recovers: response to ${e.test} ≥ ${e.ratioAtLeast} × first response of ${e.train} (${responseName(e.response)})`,
        kind: e.kind,
        pass: ratio !== null && ratio >= e.ratioAtLeast,
        measured: ratio,
        bound: `≥ ${e.ratioAtLeast}`,
        unit: 'ratio',
        detail: `first response ${round(r1, 4)} ${unit}, after rest ${round(rt, 4)} ${unit}`,
        responses: [r1, rt],
      };
    }
    case 'metric': {
      const name = e.metric as MetricName;
      const fn = METRICS[name];
      const [a, b] = windowOf(sc, e.after, e.forMs);
      const args = { zone: e.zone, neuron: e.neuron, neuronIds: ctx.neuronIds };
      const value = fn(rec, a, b, args);
      let measured = value;
      let unit: string = metricUnit(name);
      let detail = `${name} ${round(value, 4)} ${unit} in ${span(a, b)}`;
      if (e.baseline) {
        const be = anchorMs(sc, e.baseline.before);
        const base = fn(rec, be - e.baseline.forMs, be, args);
        measured = value / base;
        unit = 'ratio';
        detail += `; baseline ${round(base, 4)} ${metricUnit(name)} in ${span(be - e.baseline.forMs, be)}`;
      }
      const what = [e.neuron, e.zone].filter(Boolean).join(' ');
      const bound = e.min !== undefined && e.max !== undefined ? `${e.min} .. ${e.max}` : e.min !== undefined ? `≥ ${e.min}` : `≤ ${e.max}`;
      return {
        name: `${name}${what ? ` ${what}` : ''}${e.baseline ? ' / baseline' : ''} ${bound} in ${span(a, b)}`,
        kind: e.kind,
        pass: !Number.isNaN(measured) && (e.min === undefined || measured >= e.min) && (e.max === undefined || measured <= e.max),
        measured,
        bound,
        unit,
        detail,
      };
    }
  }
}

function neuronTraces(rec: Recording, ctx: EvalContext, ref: string): { ids: string[]; traces: Float64Array[] } {
  const ids = resolveNeuron(ref, ctx.neuronIds).filter((id) => rec.neurons[id] !== undefined);
  if (ids.length === 0) throw new Error(`neuron "${ref}" was not recorded`);
  return { ids, traces: ids.map((id) => rec.neurons[id]) };
}

function probeValue(rec: Recording, name: 'bendingFrequency' | 'waveDirection', a: number, b: number): number {
  const v = rec.probes[probeKey({ name, endMs: b, windowMs: b - a })];
  if (v === undefined) throw new Error(`${name} over ${span(a, b)} was not probed`);
  return v;
}

/** The response to one stimulus, measured in [a, b]. */
export function response(rec: Recording, measure: ResponseMeasure, a: number, b: number): number {
  return measure === 'reversalDistance' ? backwardTravel(rec, a, b) : peakBackwardSpeed(rec, a, b);
}

function responseUnit(m: ResponseMeasure): string {
  return m === 'reversalDistance' ? 'mm' : 'mm/s';
}

function responseName(m: ResponseMeasure): string {
  return m === 'reversalDistance' ? 'reversal distance' : 'peak backward speed';
}
