/**
 * The one place a neuron's parameters are completed and checked: model
 * defaults, then the named preset, then the neuron's own values, each value
 * checked against its ParamSpec. The engine (Network.fromSpec/fromCompact and
 * setParam), the circuit loader (src/circuits/resolve.ts) and the clamp all
 * use it; the circuit schema checks the same ranges earlier, with file lines.
 */
import type { NeuronModel, ParamSpec, ParamValues } from './types';

export type ParamValue = number | readonly [number, number];

/** What resolving needs of a model (a NeuronModel, or a circuit ModelTable entry). */
export type ModelParams = Pick<NeuronModel, 'params' | 'init' | 'presets'>;

/** A neuron's own choices: everything optional; other fields (id, transmitter, ...) are ignored here. */
export interface NeuronValues {
  /** Not read (the caller names the neuron in `where`); allowed so a NeuronSpec or entry passes as is. */
  id?: string;
  /** Model kind, used only in messages. */
  model?: string;
  preset?: string;
  params?: Readonly<Record<string, unknown>>;
  init?: Readonly<Record<string, unknown>>;
}

/** `0.1 .. 1000 ms (help)`, `whole numbers 0 .. 1000 steps (help)`: the wording of the circuit schema. */
export function allowedText(spec: ParamSpec): string {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const range = `${spec.min} .. ${spec.max}${unit}`;
  return `${spec.integer ? `whole numbers ${range}` : range}${spec.help ? ` (${spec.help})` : ''}`;
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks one value against its ParamSpec: shape (a number, or an [e, i] pair
 * where the default is one), finiteness, range, whole numbers. Returns the value
 * (pairs copied); throws `${where}: ${field} = value is out of range; allowed: 0.1 .. 1000 ms (help)`.
 */
export function checkParam(field: string, spec: ParamSpec, value: unknown, where: string): ParamValue {
  const pair = Array.isArray(spec.default);
  const allowed = `${pair ? 'a pair [excitatory, inhibitory], each ' : ''}${allowedText(spec)}`;
  const one = (x: unknown, at: string): number => {
    const bad = (what: string): never => {
      throw new Error(`${where}: ${at} = ${show(x)} ${what}; allowed: ${allowed}`);
    };
    if (typeof x !== 'number' || !Number.isFinite(x)) return bad('is not a finite number');
    if (x < spec.min || x > spec.max) return bad('is out of range');
    if (spec.integer && !Number.isInteger(x)) return bad('is not a whole number');
    return x;
  };
  if (!pair) return one(value, field);
  if (!Array.isArray(value) || value.length !== 2) throw new Error(`${where}: ${field} = ${show(value)} is not a pair; allowed: ${allowed}`);
  return [one(value[0], `${field}[0]`), one(value[1], `${field}[1]`)] as const;
}

const copy = (v: ParamValue): ParamValue => (typeof v === 'number' ? v : ([v[0], v[1]] as const));

function layer(
  specs: Readonly<Record<string, ParamSpec>>,
  given: unknown,
  into: Record<string, ParamValue>,
  where: string,
  group: 'params' | 'init',
  model: string,
): void {
  if (given === undefined) return;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`${where}: "${group}" must be an object of numbers, got ${show(given)}`);
  }
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      throw new Error(
        `${where}: ${group}.${name} is not ${group === 'params' ? 'a parameter' : 'an initial value'} of ${model}; allowed: ${known.length ? known.join(', ') : 'none'}`,
      );
    }
    into[name] = checkParam(`${group}.${name}`, specs[name], value, where);
  }
}

/**
 * Complete, checked params and init of one neuron: model defaults, then the
 * preset, then the neuron's own values. A preset may set initial state too
 * (hodgkin-huxley "seed-calcium" starts at v = −70 mV): each preset key goes to
 * whichever of params/init the model declares it in. Idempotent: resolving a
 * resolved neuron gives the same values. `where` names the neuron in errors.
 */
export function resolveNeuronParams(model: ModelParams, neuron: NeuronValues, where: string): { params: ParamValues; init: ParamValues } {
  const kind = neuron.model !== undefined ? `model ${neuron.model}` : 'the model';
  const params: Record<string, ParamValue> = {};
  const init: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(model.params)) params[name] = copy(spec.default);
  for (const [name, spec] of Object.entries(model.init)) init[name] = copy(spec.default);
  if (neuron.preset !== undefined) {
    const preset = typeof neuron.preset === 'string' && Object.hasOwn(model.presets, neuron.preset) ? model.presets[neuron.preset] : undefined;
    if (!preset) {
      const known = Object.keys(model.presets);
      throw new Error(`${where}: preset ${show(neuron.preset)} is not a preset of ${kind}; allowed: ${known.length ? known.join(', ') : 'none'}`);
    }
    const at = `${where} (preset "${neuron.preset}")`;
    for (const [name, value] of Object.entries(preset)) {
      if (Object.hasOwn(model.params, name)) params[name] = checkParam(`params.${name}`, model.params[name], value, at);
      else if (Object.hasOwn(model.init, name)) init[name] = checkParam(`init.${name}`, model.init[name], value, at);
      else throw new Error(`${at}: the preset sets "${name}", which is neither a parameter nor an initial value of ${kind}`);
    }
  }
  layer(model.params, neuron.params, params, where, 'params', kind);
  layer(model.init, neuron.init, init, where, 'init', kind);
  return { params, init };
}
