import type { NeuronModel, NeuronSpec, ParamSpec, ParamValues } from './types';

export type ParamValue = number | readonly [number, number];

function describeRange(spec: ParamSpec): string {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return `${spec.min}..${spec.max}${unit}${spec.integer ? ', whole numbers' : ''}`;
}

/**
 * Checks one value against its ParamSpec: shape (number or [e, i] pair as the
 * default), finiteness, range, integrality. Throws an error naming `where`,
 * the parameter and what is allowed.
 */
export function checkParam(name: string, spec: ParamSpec, value: unknown, where: string): ParamValue {
  const pair = Array.isArray(spec.default);
  const bad = (what: string): never => {
    throw new Error(`${where}: "${name}" ${what}; allowed: ${pair ? 'a pair [excitatory, inhibitory], each ' : ''}${describeRange(spec)} (${spec.help})`);
  };
  const one = (x: unknown): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) return bad(`= ${JSON.stringify(x)} is not a finite number`);
    if (x < spec.min || x > spec.max) return bad(`= ${x} is out of range`);
    if (spec.integer && !Number.isInteger(x)) return bad(`= ${x} is not a whole number`);
    return x;
  };
  if (pair) {
    if (!Array.isArray(value) || value.length !== 2) return bad(`= ${JSON.stringify(value)} is not a pair`);
    return [one(value[0]), one(value[1])] as const;
  }
  return one(value);
}

function fill(
  specs: Readonly<Record<string, ParamSpec>>,
  layers: ReadonlyArray<ParamValues | undefined>,
  where: string,
  group: string,
): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [name, value] of Object.entries(layer)) {
      const spec = specs[name];
      if (!spec) {
        const known = Object.keys(specs);
        throw new Error(`${where}: unknown ${group} "${name}"; allowed: ${known.length ? known.join(', ') : 'none'}`);
      }
      out[name] = checkParam(name, spec, value, `${where} ${group}`);
    }
  }
  return out;
}

/**
 * Complete, validated params and init of one neuron: model defaults, then the
 * named preset, then the neuron's own values. `where` names the neuron in errors.
 */
export function resolveNeuron(model: NeuronModel, neuron: NeuronSpec, where: string): { params: ParamValues; init: ParamValues } {
  let preset: ParamValues | undefined;
  if (neuron.preset !== undefined) {
    preset = model.presets[neuron.preset];
    if (!preset) {
      const known = Object.keys(model.presets);
      throw new Error(`${where}: unknown preset "${neuron.preset}" for model ${model.kind}; allowed: ${known.length ? known.join(', ') : 'none'}`);
    }
  }
  // A preset may set initial state too (e.g. a recovery variable): split it by group.
  const presetParams: Record<string, ParamValue> = {};
  const presetInit: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(preset ?? {})) {
    if (name in model.params) presetParams[name] = value;
    else if (name in model.init) presetInit[name] = value;
    else throw new Error(`${where}: preset "${neuron.preset}" of model ${model.kind} sets unknown "${name}"`);
  }
  return {
    params: fill(model.params, [presetParams, neuron.params], where, 'params'),
    init: fill(model.init, [presetInit, neuron.init], where, 'init'),
  };
}
