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
  const spec: EvolveSpec = {
    name: 'natural selection',
    circuit: BASE_CIRCUIT,
    seed: c.seed,
    start: 'random',
    free: [...NATURAL_FREE],
    topology: {
      links: [{ kind: 'chemical', from: SENSES, to: STEERING }],
      groups: {},
      share: 'pair',
      weight: { range: [0.003, 3], scale: 'log' },
      sign: 'free',
      pool: [],
    },
    fitness: { scenarios: [], seeds: [], heldOut: [], unstable: 0, perLink: 0 },
    optimiser: naturalSettings(c),
    budget: { generations: Number.MAX_SAFE_INTEGER },
  };
  return buildProblem(spec, circuit, []);
}
