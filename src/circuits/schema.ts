/**
 * The zod schema of a circuit file. Every object is strict (unknown fields are
 * refused), and every leaf carries its own message so a refusal says what was
 * found and what is allowed, with units. The neuron schema depends on the
 * model table (each model has its own params, init and presets), so the whole
 * schema is built per table and cached.
 *
 * Cross-references (ids, synapse ends, duplicates) are checked in crossref.ts
 * on the raw document, so they are reported even when the structure has
 * errors elsewhere.
 */
import * as z from 'zod';
import { MODULATOR_FIELDS, MODULATOR_NAME, RECEPTOR_EFFECTS } from '../neural/modulation';
import { PLASTIC_RULES, PLASTIC_RULE_NAMES } from '../neural/plastic-rules';
import { CONDUCTANCE_FIELDS } from '../neural/synapses';
import type { ModelKind, ModulatorSpec, NeuronRole, ParamSpec, PlasticRule, ReceptorEffect, ReceptorSpec, SynapseSpec, Transmitter } from '../neural/types';
import { show } from './errors';
import { list, num, type NumRule, oneOf, rangeText, str, strict, tagged } from './schema-leaves';
import { CIRCUIT_RANGES } from './ranges';
import { ODOUR_NAMES, type OdourName } from '../world/odours';
import type { Range } from '../text/ranges';
import { CIRCUIT_FORMAT, type EditorState, type ModelInfo, type ModelTable, type MuscleBinding, type SensorBinding } from './types';

// ---------------------------------------------------------------- shared parts

export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const ID_HELP = 'ids are 1 to 64 letters, digits, "_", "." or "-", not starting with "." or "-" (e.g. "AVAL", "DB01")';

const ROLES = ['sensory', 'inter', 'motor'] as const satisfies readonly NeuronRole[];
const TRANSMITTERS = [
  'acetylcholine',
  'glutamate',
  'GABA',
  'dopamine',
  'serotonin',
  'octopamine',
  'tyramine',
  'neuropeptide',
  'unknown',
] as const satisfies readonly Transmitter[];
const SIDES = ['left', 'right'] as const;
const RESPONSES = ['level', 'on', 'off', 'difference'] as const;

const neuronRef = (what: string) => str(what, { maxLength: 64 });
const R = CIRCUIT_RANGES;
/** The schema's rule for a row of CIRCUIT_RANGES (help kept when the field has a more specific one). */
const rule = (r: Range, help = r.help): NumRule => ({ ...(r.above ? { above: r.min } : { min: r.min }), max: r.max, ...(r.unit && { unit: r.unit }), help });
const bodyFraction = (help: string) => num(rule(R['sensors[].from, to, at'], help));
const sensorGain = (help: string) => num(rule(R['sensors[].gain'], help));
const coordinate = num(rule(R['neurons[].position.x, y; editor.view.x, y']));
/**
 * The fields of an editor point, x and y first, then `more`. Built from entries rather than written as
 * `{ x: coordinate, y: coordinate }`: V8 shares a field's representation among all object literals of one
 * shape in the process, and that literal (schemas in x) made the `{ x, y }` vectors matter-js writes on
 * every physics step store each number as a new heap object (~45 KB per step; bench/alloc.ts).
 */
const pointShape = <S extends z.ZodRawShape>(more: S) =>
  Object.fromEntries([['x', coordinate], ['y', coordinate], ...Object.entries(more)]) as { x: typeof coordinate; y: typeof coordinate } & S;

const CONDUCTANCE_ONLY = ['reversalMv', 'releaseHalfMv', 'releaseSlopeMv', 'tauMs'] as const;
const conductanceField = (name: (typeof CONDUCTANCE_ONLY)[number]) => {
  const r = CONDUCTANCE_FIELDS[name];
  return num({ min: r.min, max: r.max, unit: r.unit, help: `conductance synapses: ${r.help}` }).exactOptional();
};

/** A rule's parameters: numbers only (none is a pair), each with its range. */
function plasticParams(rule: PlasticRule) {
  const shape: Record<string, z.ZodOptional<z.ZodNumber>> = {};
  for (const [name, spec] of Object.entries(PLASTIC_RULES[rule].params))
    shape[name] = num({ min: spec.min, max: spec.max, unit: spec.unit, help: spec.help }).exactOptional();
  return strict(shape, `the params of plastic rule "${rule}"`);
}

const plasticBranch = (rule: PlasticRule) =>
  strict(
    {
      rule: z.literal(rule),
      params: plasticParams(rule).exactOptional(),
      bounds: (rule === 'stdp' || rule === 'three-factor'
        ? oneOf(['hard', 'soft'], 'bound kind', 'hard: clip at wMin and wMax; soft: steps shrink near them')
        : oneOf(['hard'], 'bound kind', `rule "${rule}" clips at its bounds; soft bounds are for stdp and three-factor`)
      ).exactOptional(),
    },
    `a plastic rule "${rule}"`,
  );

/** A synapse's learning rule (docs/circuit-format.md, Plastic synapses). */
const plasticSchema = tagged(
  'rule',
  PLASTIC_RULE_NAMES.map(plasticBranch) as unknown as [ReturnType<typeof plasticBranch>, ...ReturnType<typeof plasticBranch>[]],
  PLASTIC_RULE_NAMES,
  'a plastic rule',
);

const chemicalSynapse = strict(
  {
    from: neuronRef('the presynaptic neuron id'),
    to: neuronRef('the postsynaptic neuron id'),
    kind: z.literal('chemical'),
    weight: num(rule(R['synapses[].weight (chemical)'])),
    sign: oneOf(['excitatory', 'inhibitory'], 'sign', 'overrides the sign the presynaptic transmitter gives').exactOptional(),
    model: oneOf(
      ['current', 'conductance'],
      'synapse model',
      'current (the default): I = ±weight·release whatever V (the seed’s and version-1 circuits); conductance: I = g·s·(E_rev − V), so V stops at the reversal potential',
    ).exactOptional(),
    reversalMv: conductanceField('reversalMv'),
    releaseHalfMv: conductanceField('releaseHalfMv'),
    releaseSlopeMv: conductanceField('releaseSlopeMv'),
    tauMs: conductanceField('tauMs'),
    delayMs: num(rule(R['synapses[].delayMs'])).exactOptional(),
    depression: strict(
      {
        use: num(rule(R['synapses[].depression.use'])),
        recoveryMs: num(rule(R['synapses[].depression.recoveryMs'])),
      },
      'a short-term depression setting',
    ).exactOptional(),
    plastic: plasticSchema.exactOptional(),
  },
  'a chemical synapse',
).superRefine((s, ctx) => {
  if (s.model === 'conductance') return;
  for (const field of CONDUCTANCE_ONLY) {
    if (s[field] === undefined) continue;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `${show(s[field])}: "${field}" belongs to conductance synapses, and this one is current-based (the default); add "model": "conductance", or remove "${field}"`,
    });
  }
});

const electricalSynapse = strict(
  {
    from: neuronRef('one neuron id of the gap junction'),
    to: neuronRef('the other neuron id of the gap junction'),
    kind: z.literal('electrical'),
    weight: num(rule(R['synapses[].weight (electrical)'])),
  },
  'a gap junction',
);

export const synapseSchema = tagged('kind', [chemicalSynapse, electricalSynapse], ['chemical', 'electrical'], 'a synapse');

/** The transduction fields every sensor binding may carry (types.ts, TransductionFields). */
const transductionFields = {
  transduction: oneOf(
    ['current', 'conductance'],
    'transduction',
    'current (the default): the neuron gets gain × stimulus whatever its V; conductance: channels toward a reversal potential, so V stops there',
  ).exactOptional(),
  excitatoryReversalMv: num({
    min: CONDUCTANCE_FIELDS.reversalMv.min,
    max: CONDUCTANCE_FIELDS.reversalMv.max,
    unit: 'mV',
    help: 'conductance transduction: where a depolarising stimulus pulls V (default 0, cation channels)',
  }).exactOptional(),
  inhibitoryReversalMv: num({
    min: CONDUCTANCE_FIELDS.reversalMv.min,
    max: CONDUCTANCE_FIELDS.reversalMv.max,
    unit: 'mV',
    help: 'conductance transduction: where a hyperpolarising stimulus pulls V (default −75, chloride)',
  }).exactOptional(),
  matchMv: num({
    min: CONDUCTANCE_FIELDS.reversalMv.min,
    max: CONDUCTANCE_FIELDS.reversalMv.max,
    unit: 'mV',
    help: 'conductance transduction: the potential at which the neuron receives exactly gain × signal (default its rest; its working point for a tonically driven cell)',
  }).exactOptional(),
};

/** Which named odour a chemical sensor reads (the world keeps one field per odour). */
const odourField = oneOf(
  ODOUR_NAMES as [OdourName, ...OdourName[]],
  'odour',
  'the odour the chemical sensor reads; omitted: "food", the bacteria’s smell',
).exactOptional();

const fieldSensor = <K extends 'chemical' | 'temperature' | 'toxin', E extends z.ZodRawShape = Record<never, never>>(sensor: K, what: string, extra?: E) =>
  strict(
    {
      neuron: neuronRef('the sensory neuron id'),
      sensor: z.literal(sensor),
      side: oneOf(SIDES, 'side', `the side of the nose the ${what} sensor samples`),
      response: oneOf(
        RESPONSES,
        'response',
        `"level" follows the ${what} signal, "on" responds to its rise, "off" to its fall, "difference" to its side's level minus the other side's`,
      ),
      gain: sensorGain(`input to the neuron per unit of ${what} signal`),
      ...transductionFields,
      ...(extra as E),
    },
    `a ${what} sensor binding`,
  );

export const sensorSchema = tagged(
  'sensor',
  [
    strict(
      {
        neuron: neuronRef('the sensory neuron id'),
        sensor: z.literal('touch'),
        from: bodyFraction('start of the receptive field, 0 = nose tip'),
        to: bodyFraction('end of the receptive field, 1 = tail tip'),
        kind: oneOf(['gentle', 'harsh', 'any'], 'touch kind', 'which touches the receptor feels'),
        side: oneOf(['left', 'right', 'both'], 'side', 'the side of the body the receptive field covers').exactOptional(),
        gain: sensorGain('input to the neuron per unit of touch force'),
        ...transductionFields,
      },
      'a touch sensor binding',
    ),
    strict(
      {
        neuron: neuronRef('the sensory neuron id'),
        sensor: z.literal('stretch'),
        at: bodyFraction('body point whose bend is felt, 0 = nose tip, 1 = tail tip'),
        side: oneOf(SIDES, 'side', 'the receptor feels bending toward this side'),
        gain: sensorGain('input to the neuron per unit of curvature'),
        rateMs: num({
          min: 0,
          max: 2000,
          unit: 'ms',
          help: 'the receptor also answers how fast the bend changes: input = gain × (κL + rateMs × d(κL)/dt); 0 (the default) = the bend only',
        }).exactOptional(),
        lagMs: num({
          min: 0,
          max: 5000,
          unit: 'ms',
          help: 'the receptor follows what it feels through a first-order lag of this time constant (a slow transduction); 0 (the default) = at once',
        }).exactOptional(),
        ...transductionFields,
      },
      'a stretch (proprioceptive) sensor binding',
    ),
    fieldSensor('chemical', 'chemical', { odour: odourField }),
    fieldSensor('temperature', 'temperature', {
      setPointC: num({
        min: -50,
        max: 100,
        unit: '°C',
        help: 'the receptor’s set point: input = gain × (temperature − setPointC), so it is silent there; omitted = 0 (gain × temperature)',
      }).exactOptional(),
    }),
    fieldSensor('toxin', 'toxin'),
    strict(
      {
        neuron: neuronRef('the sensory neuron id'),
        sensor: z.literal('tap'),
        gain: sensorGain('input to the neuron per unit of tap force'),
        ...transductionFields,
      },
      'a plate-tap sensor binding',
    ),
    strict(
      {
        neuron: neuronRef('the sensory neuron id'),
        sensor: z.literal('lawn'),
        from: bodyFraction('start of the body range that feels the lawn, 0 = nose tip'),
        to: bodyFraction('end of the body range that feels the lawn, 1 = tail tip'),
        gain: sensorGain('input to the neuron when the whole range lies on a bacterial lawn'),
        ...transductionFields,
      },
      'a lawn (food texture) sensor binding',
    ),
    strict(
      {
        neuron: neuronRef('the sensory neuron id'),
        sensor: z.literal('hunger'),
        gain: sensorGain('input to the neuron per unit of hunger (0 well fed .. 1 starved)'),
        ...transductionFields,
      },
      'a hunger (feeding state) sensor binding',
    ),
  ],
  ['touch', 'stretch', 'chemical', 'temperature', 'toxin', 'tap', 'lawn', 'hunger'],
  'a sensor binding',
);

const modField = (name: keyof typeof MODULATOR_FIELDS) => {
  const r = MODULATOR_FIELDS[name];
  return num({ min: r.min, max: r.max, unit: r.unit, help: r.help });
};

export const modulatorSchema = strict(
  {
    name: str('modulator name', {
      maxLength: 32,
      pattern: MODULATOR_NAME,
      patternHelp: 'names are 1 to 32 letters, digits, "_" or "-", starting with a letter (e.g. "dopamine")',
    }),
    from: list(neuronRef('a releasing neuron id'), 'the neurons that release it'),
    release: modField('release'),
    clearanceMs: modField('clearanceMs'),
  },
  'a modulator',
);

export const receptorSchema = strict(
  {
    neuron: neuronRef('the neuron id that carries the receptor'),
    modulator: str('the modulator name'),
    effect: oneOf(
      RECEPTOR_EFFECTS as readonly ReceptorEffect[] as readonly [ReceptorEffect, ...ReceptorEffect[]],
      'receptor effect',
      'excitability: a current gain·C (or channels toward reversalMv); gain: chemical inputs × (1 + gain·C); plasticity: the third factor of its three-factor synapses; release: its output × (1 + gain·C), at least 0',
    ),
    gain: modField('gain'),
    reversalMv: modField('reversalMv').exactOptional(),
    matchMv: modField('matchMv').exactOptional(),
    adaptation: modField('adaptation').exactOptional(),
    adaptationMs: modField('adaptationMs').exactOptional(),
    label: str('receptor label', { maxLength: 64, text: true }).exactOptional(),
  },
  'a receptor',
);

export const muscleSchema = strict(
  {
    neuron: neuronRef('the motor neuron id'),
    side: oneOf(SIDES, 'side', 'the muscle row driven: left (dorsal when crawling on its side) or right'),
    from: bodyFraction('first body point of the muscles driven, 0 = nose tip'),
    to: bodyFraction('last body point of the muscles driven, 1 = tail tip'),
    gain: num(rule(R['muscles[].gain'])),
  },
  'a muscle binding',
);

export const editorSchema = strict(
  {
    view: strict(pointShape({ zoom: num(rule(R['editor.view.zoom'])) }), 'an editor view').exactOptional(),
    notes: str('notes', { maxLength: 100_000, text: true }).exactOptional(),
  },
  'editor state',
);

// Compile-time checks that the schemas produce the shared types.
type Assert<T extends true> = T;
export type SchemaTypesMatch = Assert<
  z.infer<typeof synapseSchema> extends SynapseSpec
    ? z.infer<typeof sensorSchema> extends SensorBinding
      ? z.infer<typeof muscleSchema> extends MuscleBinding
        ? z.infer<typeof editorSchema> extends EditorState
          ? z.infer<typeof modulatorSchema> extends ModulatorSpec
            ? z.infer<typeof receptorSchema> extends ReceptorSpec
              ? true
              : false
            : false
          : false
        : false
      : false
    : false
>;

// ---------------------------------------------------------------- neurons (per model table)

function paramValueSchema(name: string, spec: ParamSpec) {
  const rule: NumRule = {
    min: spec.min,
    max: spec.max,
    ...(spec.integer !== undefined && { int: spec.integer }),
    ...(spec.unit !== undefined && { unit: spec.unit }),
    ...(spec.help !== undefined && { help: spec.help }),
  };
  if (!Array.isArray(spec.default)) return num(rule);
  const { help: _help, ...bare } = rule;
  const pairHelp = `${name} is a pair [excitatory, inhibitory], each ${rangeText(bare)}`;
  return z.tuple([num(rule), num(rule)], {
    error: (iss) => {
      if (iss.code === 'invalid_type') return `${show(iss.input)} is not a pair; ${pairHelp}`;
      const n = Array.isArray(iss.input) ? iss.input.length : '?';
      return `a list of ${n} is not a pair; ${pairHelp}`;
    },
  });
}

function paramsSchema(specs: Readonly<Record<string, ParamSpec>>, what: string) {
  const shape: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const [name, spec] of Object.entries(specs)) shape[name] = paramValueSchema(name, spec).exactOptional();
  return strict(shape, what);
}

function neuronBranch(kind: ModelKind, info: ModelInfo) {
  const presets = Object.keys(info.presets);
  const preset =
    presets.length === 0
      ? z.never({ error: `model "${kind}" has no presets; remove "preset"` })
      : oneOf(presets as [string, ...string[]], `preset of model "${kind}"`);
  return strict(
    {
      id: str('neuron id', { pattern: ID_PATTERN, patternHelp: ID_HELP }),
      model: z.literal(kind),
      preset: preset.exactOptional(),
      role: oneOf(ROLES, 'role').exactOptional(),
      transmitter: oneOf(TRANSMITTERS, 'transmitter').exactOptional(),
      label: str('label', { maxLength: 200, text: true }).exactOptional(),
      params: paramsSchema(info.params, `the params of model "${kind}"`).exactOptional(),
      init: paramsSchema(info.init, `the initial state of model "${kind}"`).exactOptional(),
      position: strict(pointShape({}), 'an editor position').exactOptional(),
    },
    `a ${kind} neuron`,
  );
}

export function neuronSchema(models: ModelTable) {
  const kinds = Object.keys(models) as ModelKind[];
  const branches = kinds.map((k) => neuronBranch(k, models[k] as ModelInfo));
  if (branches.length === 0) return z.never({ error: 'no neuron models are available to this app' });
  return tagged('model', branches as [(typeof branches)[0], ...typeof branches], kinds, 'a neuron');
}

// ---------------------------------------------------------------- the file

export function circuitSchema(models: ModelTable, version: number) {
  return strict(
    {
      format: z.literal(CIRCUIT_FORMAT),
      version: z.literal(version),
      name: str('name', { maxLength: 200, text: true }).exactOptional(),
      description: str('description', { maxLength: 100_000, text: true }).exactOptional(),
      neurons: list(neuronSchema(models), 'neurons'),
      synapses: list(synapseSchema, 'synapses').exactOptional(),
      sensors: list(sensorSchema, 'sensors').exactOptional(),
      muscles: list(muscleSchema, 'muscles').exactOptional(),
      modulators: list(modulatorSchema, 'modulators').exactOptional(),
      receptors: list(receptorSchema, 'receptors').exactOptional(),
      editor: editorSchema.exactOptional(),
    },
    'a circuit file',
  );
}

const cache = new WeakMap<ModelTable, Map<number, ReturnType<typeof circuitSchema>>>();

export function cachedCircuitSchema(models: ModelTable, version: number): ReturnType<typeof circuitSchema> {
  let byVersion = cache.get(models);
  if (!byVersion) cache.set(models, (byVersion = new Map()));
  let s = byVersion.get(version);
  if (!s) byVersion.set(version, (s = circuitSchema(models, version)));
  return s;
}
