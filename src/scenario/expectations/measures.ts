/** Measurements several expectation kinds share: neuron traces, the simulation's probes, responses to a stimulus. */
import { type Recording, backwardTravel, peakBackwardSpeed, probeKey } from '../recording';
import { resolveNeuron } from '../neurons';
import type { EvalContext } from './kind';
import { span } from './kind';

export function neuronTraces(rec: Recording, ctx: EvalContext, ref: string): { ids: string[]; traces: Float64Array[] } {
  const ids = resolveNeuron(ref, ctx.neuronIds).filter((id) => rec.neurons[id] !== undefined);
  if (ids.length === 0) throw new Error(`neuron "${ref}" was not recorded`);
  return { ids, traces: ids.map((id) => rec.neurons[id]) };
}

export function probeValue(rec: Recording, name: 'bendingFrequency' | 'waveDirection', a: number, b: number, reading?: 'spectrum'): number {
  const v = rec.probes[probeKey({ name, endMs: b, windowMs: b - a, ...(reading && { reading }) })];
  if (v === undefined) throw new Error(`${name} over ${span(a, b)} was not probed`);
  return v;
}

/** How a response to one stimulus of a train is measured. */
export type ResponseMeasure = 'reversalDistance' | 'peakBackwardSpeed';

/** The response to one stimulus, measured in [a, b]. */
export function response(rec: Recording, measure: ResponseMeasure, a: number, b: number): number {
  return measure === 'reversalDistance' ? backwardTravel(rec, a, b) : peakBackwardSpeed(rec, a, b);
}

export function responseUnit(m: ResponseMeasure): string {
  return m === 'reversalDistance' ? 'mm' : 'mm/s';
}

export function responseName(m: ResponseMeasure): string {
  return m === 'reversalDistance' ? 'reversal distance' : 'peak backward speed';
}

/** Default window after each stimulus of a train: 3 s, or the interval when the train is faster. */
export const DEFAULT_RESPONSE_WINDOW_MS = 3000;

/**
 * A first response below this (1 µm backward, or 1 µm/s) is no response: a
 * silent body drifts by float noise (1e-12 mm), and a ratio over noise would
 * "habituate" or "recover" on a worm that never answered.
 */
export const RESPONSE_FLOOR = 1e-3;
