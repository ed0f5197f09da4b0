/**
 * The neuron-model registry: every model the engine, the circuit loader and
 * the editor know, by kind. A model module is registered by importing it and
 * listing it in MODELS.
 */
import type { ModelKind, NeuronModel } from '../types';
import { gradedModel } from './graded';
import { hodgkinHuxleyModel } from './hodgkin-huxley';
import { izhikevichModel } from './izhikevich';
import { lifModel } from './lif';
import { transmitterModel } from './transmitter';

export const MODELS: Readonly<Record<ModelKind, NeuronModel>> = {
  transmitter: transmitterModel,
  lif: lifModel,
  izhikevich: izhikevichModel,
  'hodgkin-huxley': hodgkinHuxleyModel,
  graded: gradedModel,
};

/** The model of `kind`; throws a clear error for a kind that is not registered. */
export function getModel(kind: ModelKind): NeuronModel {
  const model = Object.hasOwn(MODELS, kind) ? MODELS[kind] : undefined;
  if (!model) throw new Error(`unknown neuron model "${kind}"; available: ${Object.keys(MODELS).join(', ')}`);
  return model;
}
