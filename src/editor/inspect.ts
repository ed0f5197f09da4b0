/**
 * What the inspector shows about a neuron's parameters: each parameter and
 * initial value of its model with its spec (unit, range, meaning), its value,
 * and where that value comes from (the neuron, its preset, or the model).
 */
import type { ModelInfo, ModelTable, NeuronEntry } from '../circuits/types';
import type { ParamSpec } from '../neural/types';
import type { ParamGroup } from './doc-ops';

/** One row of the inspector: a model parameter or initial value with its spec and where its value comes from. */
export interface ParamRow {
  name: string;
  group: ParamGroup;
  spec: ParamSpec;
  value: number | readonly [number, number];
  /** neuron: set on this neuron; preset: from its preset; default: the model's default. */
  source: 'neuron' | 'preset' | 'default';
}

export interface NeuronInspection {
  entry: NeuronEntry;
  /** The model's presets, for a drop-down. */
  presets: string[];
  params: ParamRow[];
  init: ParamRow[];
}

export function inspectNeuron(models: ModelTable, entry: NeuronEntry): NeuronInspection {
  const info = models[entry.model] as ModelInfo;
  const preset = entry.preset !== undefined ? info.presets[entry.preset] : undefined;
  const rows = (group: ParamGroup): ParamRow[] =>
    Object.entries(info[group]).map(([name, spec]) => {
      const own = entry[group];
      if (own && Object.hasOwn(own, name)) return { name, group, spec, value: own[name], source: 'neuron' };
      if (preset && Object.hasOwn(preset, name)) return { name, group, spec, value: preset[name], source: 'preset' };
      return { name, group, spec, value: spec.default, source: 'default' };
    });
  return { entry, presets: Object.keys(info.presets), params: rows('params'), init: rows('init') };
}
