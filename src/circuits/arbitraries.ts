/**
 * fast-check generators of valid circuit documents, for the property tests.
 * Every optional field is sometimes present and sometimes omitted.
 */
import fc from 'fast-check';
import { gapSums, TRANSMITTER_GAP_LIMIT } from './stability';
import type { ModelKind, ParamSpec, ParamValues, SynapseSpec } from '../neural/types';
import type { CircuitDoc, ModelInfo, ModelTable, MuscleBinding, NeuronEntry, SensorBinding } from './types';
import { CURRENT_VERSION } from './versions';

/** A double in [min, max], never -0 (which JSON cannot keep apart from 0). */
const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

export function paramValue(spec: ParamSpec): fc.Arbitrary<number | readonly [number, number]> {
  const one = spec.integer ? fc.integer({ min: Math.ceil(spec.min), max: Math.floor(spec.max) }) : real(spec.min, spec.max);
  return Array.isArray(spec.default) ? fc.tuple(one, one) : one;
}

function paramValues(specs: Readonly<Record<string, ParamSpec>>): fc.Arbitrary<ParamValues> {
  const shape: Record<string, fc.Arbitrary<number | readonly [number, number]>> = {};
  for (const [k, spec] of Object.entries(specs)) shape[k] = paramValue(spec);
  // requiredKeys: [] omits keys rather than writing undefined, so the values are all defined.
  return fc.record(shape, { requiredKeys: [], noNullPrototype: true }) as fc.Arbitrary<ParamValues>;
}

const id = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,9}$/);
const text = fc.string({ maxLength: 30 });
const side = fc.constantFrom('left' as const, 'right' as const);
const range = fc.tuple(real(0, 1), real(0, 1)).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]));

function neuron(neuronId: string, models: ModelTable): fc.Arbitrary<NeuronEntry> {
  const kinds = Object.keys(models) as ModelKind[];
  return fc.constantFrom(...kinds).chain((model) => {
    const info = models[model] as ModelInfo;
    const presets = Object.keys(info.presets);
    return fc
      .record(
        {
          id: fc.constant(neuronId),
          model: fc.constant(model),
          preset: presets.length > 0 ? fc.constantFrom(...presets) : fc.constant(undefined),
          role: fc.constantFrom('sensory' as const, 'inter' as const, 'motor' as const),
          transmitter: fc.constantFrom('acetylcholine' as const, 'glutamate' as const, 'GABA' as const, 'unknown' as const),
          label: text,
          params: paramValues(info.params),
          init: paramValues(info.init),
          position: fc.record({ x: real(-1e4, 1e4), y: real(-1e4, 1e4) }, { noNullPrototype: true }),
        },
        { requiredKeys: ['id', 'model'], noNullPrototype: true },
      )
      .map((n) => {
        // A model without presets gets none (fc.record would otherwise write preset: undefined).
        if (n.preset === undefined) delete n.preset;
        return n as NeuronEntry;
      });
  });
}

function synapses(ids: readonly string[]): fc.Arbitrary<SynapseSpec[]> {
  const end = fc.constantFrom(...ids);
  const chemical = fc.record(
    {
      from: end,
      to: end,
      kind: fc.constant('chemical' as const),
      weight: real(0, 10),
      sign: fc.constantFrom('excitatory' as const, 'inhibitory' as const),
      delayMs: real(0, 1000),
      depression: fc.record({ use: real(0, 1), recoveryMs: real(0.001, 1e5) }, { noNullPrototype: true }),
    },
    { requiredKeys: ['from', 'to', 'kind', 'weight'], noNullPrototype: true },
  );
  const electrical = fc.record({ from: end, to: end, kind: fc.constant('electrical' as const), weight: real(0, 10) }, { noNullPrototype: true });
  return fc.array(fc.oneof(chemical, electrical), { maxLength: 12 }).map((list) => {
    // Drop what validation refuses: repeats (a gap junction either way round) and self gap junctions.
    const seen = new Set<string>();
    return list.filter((s) => {
      if (s.kind === 'electrical' && s.from === s.to) return false;
      const [a, b] = s.kind === 'electrical' && s.to < s.from ? [s.to, s.from] : [s.from, s.to];
      const key = JSON.stringify([s.kind, a, b]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
}

function sensor(ids: readonly string[]): fc.Arbitrary<SensorBinding> {
  const neuronId = fc.constantFrom(...ids);
  const gain = real(-10, 10);
  const response = fc.constantFrom('level' as const, 'on' as const, 'off' as const, 'difference' as const);
  return fc.oneof(
    fc
      .record(
        {
          neuron: neuronId,
          sensor: fc.constant('touch' as const),
          range,
          kind: fc.constantFrom('gentle' as const, 'harsh' as const, 'any' as const),
          side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
          gain,
        },
        { requiredKeys: ['neuron', 'sensor', 'range', 'kind', 'gain'], noNullPrototype: true },
      )
      .map(({ range: [from, to], ...rest }) => ({ ...rest, from, to }) as SensorBinding),
    fc.record({ neuron: neuronId, sensor: fc.constant('stretch' as const), at: real(0, 1), side, gain }, { noNullPrototype: true }),
    fc.record(
      { neuron: neuronId, sensor: fc.constantFrom('chemical' as const, 'temperature' as const, 'toxin' as const), side, response, gain },
      { noNullPrototype: true },
    ),
    fc.record({ neuron: neuronId, sensor: fc.constant('tap' as const), gain }, { noNullPrototype: true }),
    fc
      .record({ neuron: neuronId, sensor: fc.constant('lawn' as const), range, gain }, { noNullPrototype: true })
      .map(({ range: [from, to], ...rest }) => ({ ...rest, from, to }) as SensorBinding),
    fc.record({ neuron: neuronId, sensor: fc.constant('hunger' as const), gain }, { noNullPrototype: true }),
  );
}

function muscle(ids: readonly string[]): fc.Arbitrary<MuscleBinding> {
  return fc
    .record({ neuron: fc.constantFrom(...ids), side, range, gain: real(-10, 10) })
    .map(({ range: [from, to], ...rest }) => ({ neuron: rest.neuron, side: rest.side, from, to, gain: rest.gain }));
}

/** A valid circuit document for `models`, with 1..8 neurons. */
export function circuitDoc(models: ModelTable): fc.Arbitrary<CircuitDoc> {
  return fc.uniqueArray(id, { minLength: 1, maxLength: 8 }).chain((ids) =>
    fc
      .record(
        {
          name: text,
          description: text,
          neurons: fc.tuple(...ids.map((i) => neuron(i, models))),
          synapses: synapses(ids),
          sensors: fc.array(sensor(ids), { maxLength: 4 }),
          muscles: fc.array(muscle(ids), { maxLength: 4 }),
          editor: fc.record(
            {
              view: fc.record({ x: real(-1e4, 1e4), y: real(-1e4, 1e4), zoom: real(0.01, 100) }, { noNullPrototype: true }),
              notes: fc.string({ maxLength: 40 }),
            },
            { requiredKeys: [], noNullPrototype: true },
          ),
        },
        { requiredKeys: ['neurons'], noNullPrototype: true },
      )
      .map((rest) => ({ format: 'neuroworm-circuit' as const, version: CURRENT_VERSION, ...rest }) as CircuitDoc)
      .map(stableTransmitterGaps),
  );
}

/** Scales down gap junctions onto transmitter neurons whose sum the loader would refuse (stability.ts). */
function stableTransmitterGaps(doc: CircuitDoc): CircuitDoc {
  const sums = gapSums(doc);
  const over = (id: string) => {
    const n = doc.neurons.find((x) => x.id === id);
    const g = sums.get(id) ?? 0;
    return n?.model === 'transmitter' && g > TRANSMITTER_GAP_LIMIT ? g : 1;
  };
  for (const s of doc.synapses ?? []) if (s.kind === 'electrical') s.weight = (s.weight * 0.999) / Math.max(over(s.from), over(s.to));
  return doc;
}
