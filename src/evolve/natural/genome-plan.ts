/**
 * What natural selection may change in a worm: the built-in whole worm
 * (`worm`: locomotion, touch, chemotaxis, thermotaxis and toxin avoidance)
 * keeps its body wiring, and its senses are set free. A random circuit draws
 * the forward drive, the sign and strength of every synapse a sense organ
 * makes (ASE, AWA, AWC, AFD, ASH, ADL), and may grow new links from the
 * senses to the interneurons that steer (NEAT's add-link, one random link to
 * start). Whether a worm turns toward food or away from it, flees heat or
 * walks into it, is what selection decides.
 *
 * Each weight's range spans ten times either side of the hand-tuned value of
 * its kind of synapse (log scale): the relay RIM integrates nanoamp-scale
 * inputs, the steering SMB and the first-layer AIY/AIZ take pA-scale ones.
 */
import { getBuiltinCircuit } from '../../circuits/builtin';
import type { Circuit } from '../../circuits/types';
import { buildProblem } from '../problem';
import { NEAT_DEFAULTS } from '../spec-schema';
import type { EvolveProblem } from '../engine';
import type { EvolveSpec, FreeEntry, NeatSettings } from '../spec';
import type { NaturalConditions } from './conditions';

export const BASE_CIRCUIT = 'worm';
/**
 * The circuit the ranges below were hand-tuned on: the worm on current-based synapses (the default until issue 14's
 * switch). A base circuit on conductances (nS, not pA), the default worm among them, takes each range times the ratio
 * of its own hand-tuned values to this one's.
 */
export const RANGES_TUNED_ON = 'worm-current';

const SENSES = ['ASEL', 'ASER', 'AWAL', 'AWAR', 'AWC', 'AFDL', 'AFDR', 'ASHL', 'ASHR', 'ADL'];
/** Interneurons and head motor neurons a new sensory link may reach. */
const STEERING = ['AIY', 'AIZ', 'AIB', 'RIM', 'AVA', 'AVB', 'SMBD', 'SMBV'];

/** Log scale and left/right pairs sharing unless the entry says otherwise. */
const free = (e: { scale?: FreeEntry['scale']; share?: FreeEntry['share'] } & Record<string, unknown>): FreeEntry =>
  ({ scale: 'log', share: 'pair', ...e }) as FreeEntry;

/** ASEL (ON) and ASER (OFF) answer opposite changes of odour: they keep a value each; every other left/right pair shares one. */
export const NATURAL_FREE: readonly FreeEntry[] = [
  free({ what: 'param', name: 'tonicPa', of: ['AVB'], range: [0.3, 3], scale: 'linear' }),
  free({ what: 'sign', from: ['ASEL', 'ASER'], to: ['*'], range: [0, 1], scale: 'linear', share: 'neuron' }),
  free({ what: 'sign', from: SENSES.slice(2), to: ['*'], range: [0, 1], scale: 'linear' }),
  free({ what: 'weight', kind: 'chemical', from: ['ASEL', 'ASER'], to: ['AIY', 'AIZ'], range: [0.15, 15], share: 'neuron' }),
  free({ what: 'weight', kind: 'chemical', from: ['ASER', 'AFDL', 'AFDR', 'ADL', 'AWC'], to: ['RIM'], range: [0.0003, 0.03] }),
  free({ what: 'weight', kind: 'chemical', from: ['AWAL', 'AWAR', 'AFDL', 'AFDR', 'ASHL', 'ASHR'], to: ['SMBD', 'SMBV'], range: [0.1, 15] }),
  free({ what: 'weight', kind: 'chemical', from: ['ASHL', 'ASHR'], to: ['AVA'], range: [0.5, 50] }),
  free({ what: 'weight', kind: 'chemical', from: ['ASHL', 'ASHR'], to: ['AVD', 'AIB'], range: [0.0025, 1] }),
];

/** Where new sensory links start (log scale), on RANGES_TUNED_ON. */
const NEW_LINK_RANGE: readonly [number, number] = [0.003, 3];

const matches = (refs: readonly string[], id: string) => refs.includes('*') || refs.includes(id);

/** The mean of what an entry sets on a circuit (AVB's tonic current, a set of synapses' weight); NaN if it sets nothing there. */
function handTuned(e: FreeEntry, c: Circuit): number {
  const xs =
    e.what === 'param'
      ? c.network.neurons.filter((n) => e.of.includes(n.id)).map((n) => n.params?.[e.name])
      : e.what === 'weight'
        ? c.network.synapses.filter((s) => s.kind === (e.kind ?? 'chemical') && matches(e.from, s.from) && matches(e.to, s.to)).map((s) => s.weight)
        : [];
  const nums = xs.filter((x): x is number => typeof x === 'number');
  return nums.length === 0 ? Number.NaN : nums.reduce((a, b) => a + b, 0) / nums.length;
}

/**
 * NATURAL_FREE and the new links' range carried onto `circuit`: each weight or parameter range times the ratio of
 * the circuit's hand-tuned value to RANGES_TUNED_ON's (exactly 1 on that circuit), new links by the geometric mean of
 * the weight ratios. The default worm's synapses are conductances about 1/45 the size of the current worm's
 * currents; without this a random genome started every sensory synapse far above anything hand-tuned.
 */
export function naturalRanges(
  circuit: Circuit,
  tunedOn: Circuit = getBuiltinCircuit(RANGES_TUNED_ON),
): { free: FreeEntry[]; newLink: readonly [number, number] } {
  const logs: number[] = [];
  const free = NATURAL_FREE.map((e) => {
    if (e.what !== 'param' && e.what !== 'weight') return e;
    const k = handTuned(e, circuit) / handTuned(e, tunedOn);
    if (!(k > 0 && Number.isFinite(k)))
      throw new Error(
        `natural selection: ${e.what} ${e.what === 'param' ? `${e.name} of ${e.of.join(',')}` : `${e.from.join(',')} → ${e.to.join(',')}`} has no hand-tuned value on both circuits to carry its range by; fix: give the base circuit those cells and synapses`,
      );
    if (e.what === 'weight') logs.push(Math.log(k));
    return k === 1 ? e : { ...e, range: [e.range[0] * k, e.range[1] * k] as const };
  });
  const g = Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
  return { free, newLink: g === 1 ? NEW_LINK_RANGE : [NEW_LINK_RANGE[0] * g, NEW_LINK_RANGE[1] * g] };
}

/** NEAT run as plain truncation selection: one species (a threshold nothing exceeds), the best `survivors` breed, the champion lives on. */
export function naturalSettings(c: NaturalConditions): NeatSettings {
  return {
    ...NEAT_DEFAULTS,
    kind: 'neat',
    population: c.population,
    threshold: 1e9,
    species: 0,
    survival: c.survivors,
    perturb: c.mutationRate,
    sigma: 0.1,
    addLink: c.mutationRate / 2,
    removeLink: c.mutationRate / 4,
    addNeuron: 0,
    removeNeuron: 0,
    crossover: 0.3,
    eliteFrom: 1,
    stagnation: 1e9,
  };
}

/** The evolve problem for the conditions: genes and topology over the worm circuit (no scenarios: food eaten is the fitness). */
export function naturalProblem(c: NaturalConditions, circuit: Circuit = getBuiltinCircuit(BASE_CIRCUIT)): EvolveProblem {
  const ranges = naturalRanges(circuit);
  const spec: EvolveSpec = {
    name: 'natural selection',
    circuit: BASE_CIRCUIT,
    seed: c.seed,
    start: 'random',
    free: ranges.free,
    topology: {
      links: [{ kind: 'chemical', from: SENSES, to: STEERING }],
      groups: {},
      share: 'pair',
      weight: { range: ranges.newLink, scale: 'log' },
      sign: 'free',
      pool: [],
    },
    fitness: { scenarios: [], seeds: [], heldOut: [], unstable: 0, perLink: 0 },
    optimiser: naturalSettings(c),
    budget: { generations: Number.MAX_SAFE_INTEGER },
  };
  return buildProblem(spec, circuit, []);
}
