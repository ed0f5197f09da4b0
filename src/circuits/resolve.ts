/**
 * From a valid document to what the engine and the simulation use: every
 * neuron's params and init complete (model defaults, then the preset, then the
 * file's own values), touch sides defaulted. Pure; the document is not changed.
 */
import { checkParam, resolveNeuronParams } from '../neural/params';
import type { NeuronSpec, ParamSpec, SynapseSpec } from '../neural/types';
import type { CircuitDoc, ModelInfo, ModelTable, NeuronEntry, SensorBinding } from './types';

/**
 * One neuron entry, resolved: params and init by the engine's own
 * resolveNeuronParams (defaults, preset — whose keys go to params or init by
 * where the model declares them — then the entry's values, all range-checked),
 * plus the entry's id, model, preset, transmitter and role. Editor-only fields
 * (label, position) are not part of the network.
 */
export function resolveNeuron(entry: NeuronEntry, info: ModelInfo): NeuronSpec {
  const { params, init } = resolveNeuronParams(info, entry, `neuron ${JSON.stringify(entry.id)}`);
  const spec: NeuronSpec = { id: entry.id, model: entry.model, params, init };
  if (entry.preset !== undefined) spec.preset = entry.preset;
  if (entry.transmitter !== undefined) spec.transmitter = entry.transmitter;
  if (entry.role !== undefined) spec.role = entry.role;
  return spec;
}

function copySynapse(s: SynapseSpec): SynapseSpec {
  if (s.kind === 'electrical') return { ...s };
  return {
    ...s,
    ...(s.depression && { depression: { ...s.depression } }),
    ...(s.plastic && { plastic: { ...s.plastic, ...(s.plastic.params && { params: { ...s.plastic.params } }) } }),
  };
}

export function resolveDoc(doc: CircuitDoc, models: ModelTable) {
  return {
    network: {
      neurons: doc.neurons.map((n) => resolveNeuron(n, models[n.model] as ModelInfo)),
      synapses: (doc.synapses ?? []).map(copySynapse),
      ...(doc.modulators && { modulators: doc.modulators.map((m) => ({ ...m, from: [...m.from] })) }),
      ...(doc.receptors && { receptors: doc.receptors.map((r) => ({ ...r })) }),
    },
    sensors: (doc.sensors ?? []).map((b): SensorBinding => (b.sensor === 'touch' ? { ...b, side: b.side ?? 'both' } : { ...b })),
    muscles: (doc.muscles ?? []).map((m) => ({ ...m })),
  };
}

/** Problems in a model table itself (defaults or presets out of range, preset keys no one declares). For tests of the real registry. */
export function modelTableProblems(models: ModelTable): string[] {
  const problems: string[] = [];
  const check = (where: string, field: string, spec: ParamSpec, v: unknown): void => {
    try {
      checkParam(field, spec, v, where);
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  for (const [kind, info] of Object.entries(models) as [string, ModelInfo][]) {
    for (const group of ['params', 'init'] as const) {
      for (const [name, spec] of Object.entries(info[group])) {
        if (spec.min > spec.max) problems.push(`${kind}: ${group}.${name}: min ${spec.min} > max ${spec.max}`);
        check(`${kind} default`, `${group}.${name}`, spec, spec.default);
      }
    }
    for (const [pname, preset] of Object.entries(info.presets)) {
      for (const [name, v] of Object.entries(preset)) {
        const group = Object.hasOwn(info.params, name) ? 'params' : Object.hasOwn(info.init, name) ? 'init' : undefined;
        if (!group) problems.push(`${kind} preset "${pname}": "${name}" is neither a parameter nor an initial value of the model`);
        else check(`${kind} preset "${pname}"`, `${group}.${name}`, info[group][name], v);
      }
    }
  }
  return problems;
}
