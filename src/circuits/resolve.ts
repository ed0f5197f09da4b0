/**
 * From a valid document to what the engine and the simulation use: every
 * neuron's params and init complete (model defaults, then the preset, then the
 * file's own values), touch sides defaulted. Pure; the document is not changed.
 */
import type { NeuronSpec, ParamSpec, ParamValues, SynapseSpec } from '../neural/types';
import type { CircuitDoc, ModelInfo, ModelTable, NeuronEntry, SensorBinding } from './types';

const copy = (v: number | readonly [number, number]): number | readonly [number, number] =>
  typeof v === 'number' ? v : ([v[0], v[1]] as const);

function complete(specs: Readonly<Record<string, ParamSpec>>, preset: ParamValues | undefined, own: ParamValues | undefined): ParamValues {
  const out: ParamValues = {};
  for (const [name, spec] of Object.entries(specs)) {
    const v =
      own && Object.hasOwn(own, name) ? own[name] : preset && Object.hasOwn(preset, name) ? preset[name] : spec.default;
    out[name] = copy(v);
  }
  return out;
}

/**
 * One neuron entry, resolved. A preset may hold both params and init values
 * (e.g. a resting potential that goes with its parameters): each of its keys
 * applies to whichever of the two the model declares it in.
 */
export function resolveNeuron(entry: NeuronEntry, info: ModelInfo): NeuronSpec {
  const preset = entry.preset !== undefined ? info.presets[entry.preset] : undefined;
  const spec: NeuronSpec = {
    id: entry.id,
    model: entry.model,
    params: complete(info.params, preset, entry.params),
    init: complete(info.init, preset, entry.init),
  };
  if (entry.preset !== undefined) spec.preset = entry.preset;
  if (entry.transmitter !== undefined) spec.transmitter = entry.transmitter;
  if (entry.role !== undefined) spec.role = entry.role;
  return spec;
}

function copySynapse(s: SynapseSpec): SynapseSpec {
  if (s.kind === 'electrical') return { ...s };
  return s.depression ? { ...s, depression: { ...s.depression } } : { ...s };
}

export function resolveDoc(doc: CircuitDoc, models: ModelTable) {
  return {
    network: {
      neurons: doc.neurons.map((n) => resolveNeuron(n, models[n.model] as ModelInfo)),
      synapses: (doc.synapses ?? []).map(copySynapse),
    },
    sensors: (doc.sensors ?? []).map((b): SensorBinding => (b.sensor === 'touch' ? { ...b, side: b.side ?? 'both' } : { ...b })),
    muscles: (doc.muscles ?? []).map((m) => ({ ...m })),
  };
}

/** Problems in a model table itself (defaults or presets out of range, preset keys no one declares). For tests of the real registry. */
export function modelTableProblems(models: ModelTable): string[] {
  const problems: string[] = [];
  const check = (where: string, spec: ParamSpec, v: unknown): void => {
    const pair = Array.isArray(spec.default);
    const values = pair ? (Array.isArray(v) && v.length === 2 ? (v as number[]) : null) : typeof v === 'number' ? [v] : null;
    if (!values) return void problems.push(`${where}: ${JSON.stringify(v)} should be ${pair ? 'a pair' : 'a number'}`);
    for (const x of values) {
      if (!Number.isFinite(x) || x < spec.min || x > spec.max) problems.push(`${where}: ${x} is outside ${spec.min} .. ${spec.max}`);
      if (spec.integer && !Number.isInteger(x)) problems.push(`${where}: ${x} should be a whole number`);
    }
  };
  for (const [kind, info] of Object.entries(models) as [string, ModelInfo][]) {
    for (const group of ['params', 'init'] as const) {
      for (const [name, spec] of Object.entries(info[group])) {
        if (spec.min > spec.max) problems.push(`${kind}.${group}.${name}: min ${spec.min} > max ${spec.max}`);
        check(`${kind}.${group}.${name} default`, spec, spec.default);
      }
    }
    for (const [pname, preset] of Object.entries(info.presets)) {
      for (const [name, v] of Object.entries(preset)) {
        const spec = Object.hasOwn(info.params, name) ? info.params[name] : Object.hasOwn(info.init, name) ? info.init[name] : undefined;
        if (!spec) problems.push(`${kind} preset "${pname}": "${name}" is neither a param nor an init value of the model`);
        else check(`${kind} preset "${pname}".${name}`, spec, v);
      }
    }
  }
  return problems;
}
