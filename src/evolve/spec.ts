/**
 * The canonical form of an evolution spec (what `neuroworm evolve SPEC.yaml`
 * reads, docs/evolution.md): which circuit, which of its values are free and
 * within what ranges, what the worm is selected for, how, and for how long.
 * Every default is filled in. Plain data, so it travels to worker threads,
 * Web Workers and queue workers as JSON.
 */
import type { Share } from './classes';

export const EVOLVE_FORMAT = 'neuroworm-evolve';
export const EVOLVE_VERSION = 1;

export type Scale = 'linear' | 'log';
export type SynapseKind = 'chemical' | 'electrical';

/** Neurons by id or class (AVA → AVAL, AVAR; DB → DB1…; `*` = every neuron). */
export type NeuronRefs = readonly string[];

/** A free value: what it sets, on which neurons or synapses, its range and how its members share it. */
export type FreeEntry = { range: readonly [number, number]; scale: Scale; share: Share } & (
  | { what: 'param'; name: string; of: NeuronRefs }
  | { what: 'init'; name: string; of: NeuronRefs }
  | { what: 'weight'; kind?: SynapseKind; from: NeuronRefs; to: NeuronRefs }
  /** A multiplier on the existing weights of the synapses it selects, so their relative strengths stay the circuit's. */
  | { what: 'weightScale'; kind?: SynapseKind; from: NeuronRefs; to: NeuronRefs }
  | { what: 'delay'; from: NeuronRefs; to: NeuronRefs }
  /** A chemical synapse's sign: the gene's lower half is inhibitory, the upper excitatory (range unused). */
  | { what: 'sign'; from: NeuronRefs; to: NeuronRefs }
  | { what: 'sensorGain'; sensor?: string; of: NeuronRefs }
  | { what: 'muscleGain'; of: NeuronRefs }
);

export type FreeKind = FreeEntry['what'];

/** Synapses topology search may add and remove. */
export interface LinkScope {
  kind: SynapseKind;
  from: NeuronRefs;
  to: NeuronRefs;
}

/** A neuron topology search may add (a circuit file's neuron entry, without a position). */
export interface PoolNeuron {
  id: string;
  model: string;
  role?: 'sensory' | 'inter' | 'motor';
  transmitter?: string;
  preset?: string;
  params?: Record<string, number>;
  init?: Record<string, number>;
}

export interface TopologySpec {
  links: LinkScope[];
  /** Named groups of cells that act as one link end (e.g. A: [DA1…DA8, VA1…VA8]); other cells group by `share`. */
  groups: Record<string, NeuronRefs>;
  /** How link ends are grouped: a link ALM → DB with share class joins every ALM cell to every DB cell with one weight. */
  share: Share;
  weight: { range: readonly [number, number]; scale: Scale };
  /** Chemical links' sign: a gene (free) or fixed by the presynaptic transmitter. */
  sign: 'free' | 'transmitter';
  pool: PoolNeuron[];
}

export interface FitnessScenario {
  /** The scenario file (resolved path) and its text, so workers need no file system. */
  file: string;
  weight: number;
}

export interface FitnessSpec {
  scenarios: FitnessScenario[];
  /** Seeds every genome is run with (the selection). */
  seeds: number[];
  /** Seeds the best genome is checked on after the run, never selected on. */
  heldOut: number[];
  /** Score of a run whose simulation became unstable (NaN, SimulationInstabilityError); a silent worm scores ≥ 0. */
  unstable: number;
  /** Subtracted per enabled topology link (parsimony); 0 = none. */
  perLink: number;
}

export interface CmaesSettings {
  kind: 'cmaes';
  /** λ; omitted = 4 + ⌊3 ln n⌋. */
  population?: number;
  /** Initial step in the normalised [0, 1] coordinates of every free value. */
  sigma: number;
}

export interface NeatSettings {
  kind: 'neat';
  population: number;
  /** Compatibility threshold δ_t and the coefficients of δ = c1·E/N + c2·D/N + c3·W̄ (Stanley & Miikkulainen 2002). */
  threshold: number;
  /** Wanted number of species: δ_t moves toward it each generation; 0 keeps δ_t fixed. */
  species: number;
  c1: number;
  c2: number;
  c3: number;
  /** Per-offspring probabilities. */
  addLink: number;
  removeLink: number;
  addNeuron: number;
  removeNeuron: number;
  /** Chance that a value gene is perturbed, and the perturbation's σ (normalised units). */
  perturb: number;
  sigma: number;
  /** Chance an offspring comes from crossover (else a mutated copy). */
  crossover: number;
  /** Fraction of each species allowed to reproduce. */
  survival: number;
  /** The best of every species of at least this many members is copied unchanged. */
  eliteFrom: number;
  /** Generations a species may go without improving before it stops reproducing (the best species is spared). */
  stagnation: number;
}

export type OptimiserSettings = CmaesSettings | NeatSettings;

export interface Budget {
  generations: number;
  /** Stop when the best fitness reaches this (1 = every expectation passes on every seed). */
  target?: number;
}

export interface EvolveSpec {
  name: string;
  description?: string;
  /** Built-in circuit name, or a circuit file path (resolved against the spec's folder when loaded). */
  circuit: string;
  seed: number;
  /** Where the free values start: random in their ranges (seeded), or the circuit's own values. */
  start: 'random' | 'circuit';
  free: FreeEntry[];
  topology?: TopologySpec;
  fitness: FitnessSpec;
  optimiser: OptimiserSettings;
  budget: Budget;
}
