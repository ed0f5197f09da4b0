import type { ParamValues } from '../types';

/**
 * Gathers one scalar parameter of every neuron into a Float64Array, so a
 * model's kernel can capture it. Values arrive complete and range-checked
 * (see resolveNeuron); this only refuses a missing or pair value, which would
 * be a programming error, not a user's.
 */
export function column(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>, group: 'params' | 'init', key: string, model: string): Float64Array {
  const out = new Float64Array(neurons.length);
  for (let i = 0; i < neurons.length; i++) {
    const value = neurons[i][group][key];
    if (typeof value !== 'number') {
      throw new Error(`${model}: neuron ${i} has no number for ${group}.${key} (got ${JSON.stringify(value)}); resolve the neuron first`);
    }
    out[i] = value;
  }
  return out;
}
