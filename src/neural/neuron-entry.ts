import type { NeuronModel, ParamSpec, ParamValues } from './types';

/**
 * One neuron object of a circuit file, as written by a person: only `id` and
 * `model` are required; the rest falls back to the preset, then the defaults.
 */
export interface NeuronEntry {
  id: string;
  model: string;
  preset?: string;
  params?: Record<string, unknown>;
  init?: Record<string, unknown>;
}

/** A neuron with every parameter and initial value filled in and checked. */
export interface ResolvedNeuron {
  id: string;
  model: NeuronModel['kind'];
  preset?: string;
  params: ParamValues;
  init: ParamValues;
}

/** Fields a neuron entry may carry; the circuit format owns the others' meaning. */
const ENTRY_FIELDS = ['id', 'model', 'preset', 'params', 'init', 'transmitter', 'role'];

/**
 * Merges a neuron entry onto its model: defaults, then the preset, then the
 * entry's own params/init. A preset may set init values too (keys of
 * `model.init`, e.g. hodgkin-huxley "seed-calcium" starts at v = −70 mV).
 * Every value is checked against its ParamSpec; a bad one throws an Error
 * naming the neuron, the field, the value and what is allowed.
 */
export function resolveNeuron(entry: unknown, model: NeuronModel): ResolvedNeuron {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new Error(`a neuron must be a JSON object like {"id": "a", "model": "${model.kind}"}, got ${describe(entry)}`);
  }
  const e = entry as Record<string, unknown>;
  const id = e.id;
  if (typeof id !== 'string' || id === '') throw new Error(`neuron: "id" must be a non-empty string, got ${describe(id)}`);
  const where = `neuron "${id}"`;
  for (const key of Object.keys(e)) {
    if (!ENTRY_FIELDS.includes(key)) throw new Error(`${where}: unknown field "${key}"; allowed: ${ENTRY_FIELDS.join(', ')}`);
  }
  if (e.model !== model.kind) {
    throw new Error(`${where}: "model" is ${describe(e.model)} but is being resolved as the ${model.kind} model`);
  }

  const params: Record<string, number | readonly [number, number]> = defaults(model.params);
  const init: Record<string, number | readonly [number, number]> = defaults(model.init);

  let preset: string | undefined;
  if (e.preset !== undefined) {
    const presets = Object.keys(model.presets);
    if (typeof e.preset !== 'string' || !Object.hasOwn(model.presets, e.preset)) {
      throw new Error(`${where}: preset ${describe(e.preset)} is not a ${model.kind} preset; allowed: ${presets.join(', ') || '(none)'}`);
    }
    preset = e.preset;
    for (const [key, value] of Object.entries(model.presets[preset])) {
      if (Object.hasOwn(model.params, key)) params[key] = check(`${where}: preset "${preset}" sets params.${key}`, value, model.params[key]);
      else if (Object.hasOwn(model.init, key)) init[key] = check(`${where}: preset "${preset}" sets init.${key}`, value, model.init[key]);
      else throw new Error(`${model.kind} preset "${preset}" sets unknown value "${key}"`);
    }
  }

  apply(where, 'params', e.params, model.params, params, model.kind);
  apply(where, 'init', e.init, model.init, init, model.kind);
  return preset === undefined ? { id, model: model.kind, params, init } : { id, model: model.kind, preset, params, init };
}

function defaults(specs: Readonly<Record<string, ParamSpec>>): Record<string, number | readonly [number, number]> {
  const out: Record<string, number | readonly [number, number]> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = spec.default;
  return out;
}

function apply(
  where: string,
  group: 'params' | 'init',
  given: unknown,
  specs: Readonly<Record<string, ParamSpec>>,
  into: Record<string, number | readonly [number, number]>,
  kind: string,
): void {
  if (given === undefined) return;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`${where}: "${group}" must be an object of numbers, got ${describe(given)}`);
  }
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(specs, key)) {
      throw new Error(`${where}: ${group}.${key} is not a ${kind} ${group === 'params' ? 'parameter' : 'initial value'}; allowed: ${Object.keys(specs).join(', ') || '(none)'}`);
    }
    into[key] = check(`${where}: ${group}.${key}`, value, specs[key]);
  }
}

function check(field: string, value: unknown, spec: ParamSpec): number | readonly [number, number] {
  const allowed = `allowed ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}${spec.integer ? ', whole numbers' : ''} (${spec.help})`;
  if (Array.isArray(spec.default)) {
    if (!Array.isArray(value) || value.length !== 2) {
      throw new Error(`${field} = ${describe(value)} must be a pair [excitatory, inhibitory]; ${allowed}`);
    }
    return [checkNumber(`${field}[0]`, value[0], spec, allowed), checkNumber(`${field}[1]`, value[1], spec, allowed)] as const;
  }
  return checkNumber(field, value, spec, allowed);
}

function checkNumber(field: string, value: unknown, spec: ParamSpec, allowed: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${field} = ${describe(value)} is not a number; ${allowed}`);
  if (value < spec.min || value > spec.max) throw new Error(`${field} = ${value} is out of range; ${allowed}`);
  if (spec.integer && !Number.isInteger(value)) throw new Error(`${field} = ${value} is not a whole number; ${allowed}`);
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
