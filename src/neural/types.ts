/**
 * Shared types of the nervous-system engine. Every neuron model, the network
 * engine, the circuit loader and the simulation speak these.
 * Units: time in ms, membrane potential in mV, currents in the model's own
 * unit (documented per model), conductances (gap junctions, conductance-based
 * synapses) in that current unit per mV: nS for the graded model (pA/mV).
 */

export type ModelKind = 'transmitter' | 'lif' | 'izhikevich' | 'hodgkin-huxley' | 'graded';

/** What a neuron does in the worm; drives layout and colour, not dynamics. */
export type NeuronRole = 'sensory' | 'inter' | 'motor';

/** Transmitter of a presynaptic neuron: it decides a chemical synapse's default sign (Dale's principle). */
export type Transmitter = 'acetylcholine' | 'glutamate' | 'GABA' | 'dopamine' | 'serotonin' | 'octopamine' | 'tyramine' | 'neuropeptide' | 'unknown';

/** One numeric parameter of a model, with what the editor and the validator need. */
export interface ParamSpec {
  /** Default value (a pair for the transmitter model's [excitatory, inhibitory] values). */
  default: number | readonly [number, number];
  min: number;
  max: number;
  unit: string;
  /** One line a player can read. */
  help: string;
  /** Whole numbers only (step counters). */
  integer?: boolean;
}

export type ParamValues = Record<string, number | readonly [number, number]>;

/** A neuron as a circuit file describes it (after defaults are filled in). */
export interface NeuronSpec {
  id: string;
  model: ModelKind;
  /** Named parameter set of the model (e.g. izhikevich "regular-spiking"); params override it. */
  preset?: string;
  params: ParamValues;
  init: ParamValues;
  transmitter?: Transmitter;
  role?: NeuronRole;
}

export interface DepressionSpec {
  /** Fraction of the synapse's resource used per spike (spiking presynaptic neuron) or per ms at full output (graded). 0..1. */
  use: number;
  /** Time constant of the resource's recovery, ms. */
  recoveryMs: number;
}

/** How a chemical synapse acts on its postsynaptic neuron. */
export type SynapseModel = 'current' | 'conductance';

export interface ChemicalSynapseSpec {
  kind: 'chemical';
  from: string;
  to: string;
  /**
   * Strength, >= 0; the sign comes from `sign` or the presynaptic transmitter.
   * Current-based: the current at full release (the postsynaptic model's
   * current unit, pA for graded). Conductance-based: the conductance when
   * fully open (that unit per mV, nS for graded).
   */
  weight: number;
  /** Overrides the transmitter's default sign (e.g. glutamatergic inhibitory synapses). */
  sign?: 'excitatory' | 'inhibitory';
  /**
   * `current` (the engine's default here: I = ±w·release, whatever the
   * postsynaptic V) or `conductance` (I = w·s·(E_rev − V_post)). Circuit files
   * of format version 2 default to conductance and say current explicitly.
   */
  model?: SynapseModel;
  /** Conductance synapses: reversal potential, mV; default by sign (excitatory 0, inhibitory −75: chloride). */
  reversalMv?: number;
  /** Conductance synapses from graded neurons: presynaptic V of half-maximal release, mV (default −45). */
  releaseHalfMv?: number;
  /** Conductance synapses from graded neurons: release slope factor k, mV; s∞ = 1/(1 + e^(−(V − V½)/k)) (default 8). */
  releaseSlopeMv?: number;
  /** Conductance synapses: time constant of activation (graded) or of the conductance's decay after a spike, ms; default 5 excitatory, 10 inhibitory. */
  tauMs?: number;
  delayMs?: number;
  depression?: DepressionSpec;
  /** Learns: its weight changes by a rule during a run (plastic.ts; docs/neural.md, Plasticity). */
  plastic?: PlasticSpec;
}

/** The learning rules a chemical synapse may follow (docs/neural.md, Plasticity). */
export type PlasticRule = 'stdp' | 'bcm' | 'three-factor' | 'short-term';

/** A plastic synapse's rule and its parameters (omitted ones take the rule's defaults: PLASTIC_RULES). */
export interface PlasticSpec {
  rule: PlasticRule;
  params?: Partial<Record<string, number>>;
  /** Weight bounds: hard (clip at wMin, wMax) or soft (steps shrink near them); stdp and three-factor only; default hard. */
  bounds?: 'hard' | 'soft';
}

/** A neuromodulator: released by named neurons into the volume, cleared first-order (modulation.ts). */
export interface ModulatorSpec {
  /** e.g. "dopamine"; receptors name it. */
  name: string;
  /** The neurons that release it (dopamine: CEP, ADE, PDE; serotonin: NSM, ADF; tyramine: RIM; octopamine: RIC). */
  from: string[];
  /** Concentration one releaser holds at full output in steady state (arbitrary units, 1 = a releaser fully on). */
  release: number;
  /** First-order clearance time constant, ms: τ dC/dt = release·Σ output − C. */
  clearanceMs: number;
}

/** What a receptor does with its modulator's concentration C on its neuron. */
export type ReceptorEffect = 'excitability' | 'gain' | 'plasticity' | 'release';

/**
 * A receptor on a named neuron. `excitability`: a current gain·C (the
 * neuron's current unit; negative = inhibitory, as serotonin's MOD-1 chloride
 * channel against SER-4's excitation), or, with `reversalMv`, channels toward
 * that potential passing gain·C at `matchMv` (modulation.ts); `gain`: its
 * chemical inputs × (1 + gain·C), at least 0; `plasticity`: gain·C is the
 * third factor of its three-factor synapses (positive teaches like reward,
 * negative like punishment), and on the short-term synapses it sends, their
 * pools recover (1 + gain·C) times as fast (at least 0: a presynaptic
 * modulator refilling the pools).
 */
export interface ReceptorSpec {
  neuron: string;
  modulator: string;
  effect: ReceptorEffect;
  gain: number;
  /**
   * Excitability only: the receptor opens a conductance toward this potential (mV) instead of adding a
   * current (K⁺ ≈ −80 for DOP-3's GPCR pathway, Cl⁻ ≈ −70 for MOD-1, cation channels ≈ 0), so no
   * concentration takes V past it. Omitted: a current.
   */
  reversalMv?: number;
  /** With `reversalMv`: the potential (mV) at which the conductance passes exactly gain·C (default the neuron's rest). */
  matchMv?: number;
  /**
   * Adaptation (desensitisation): the receptor reads max(0, C − adaptation·C̄), C̄ the concentration's running mean
   * over `adaptationMs`, so a sustained level acts (1 − adaptation) as strongly as a brief rise. 0..1; default 0.
   */
  adaptation?: number;
  /** With `adaptation`: the time constant of the running mean, ms. */
  adaptationMs?: number;
  /** The receptor's name (e.g. "DOP-1", "SER-4"); shown only. */
  label?: string;
}

export interface GapJunctionSpec {
  kind: 'electrical';
  from: string;
  to: string;
  /** Conductance, >= 0; symmetric: current flows both ways. */
  weight: number;
}

export type SynapseSpec = ChemicalSynapseSpec | GapJunctionSpec;

export type SynapseKind = SynapseSpec['kind'];

/** The dynamics-relevant part of a circuit: what the engine compiles. */
export interface NetworkSpec {
  neurons: NeuronSpec[];
  synapses: SynapseSpec[];
  /** Volume transmission (optional): modulators and the receptors that read them. */
  modulators?: ModulatorSpec[];
  receptors?: ReceptorSpec[];
}

/**
 * A population: every neuron of one model in a network, stepped together.
 * State lives in typed arrays (struct of arrays) so one closure-compiled loop
 * serves the whole population; there are no per-neuron objects in the hot path.
 * The network engine owns synapses and hands each population the total input
 * current per neuron; the population owns only single-neuron dynamics.
 */
export interface Population {
  readonly kind: ModelKind;
  readonly size: number;
  /** Membrane potential per neuron, mV. */
  readonly v: Float64Array;
  /** 1 on a step in which the neuron fired (spiking models); always 0 for non-spiking ones. */
  readonly spiked: Uint8Array;
  /**
   * Presynaptic release level per neuron in 0..1, the drive of graded chemical
   * synapses and the readout for muscles and views. Graded: the sigmoid of V.
   * Spiking models: a smoothed firing-rate trace.
   */
  readonly output: Float64Array;
  /** Named state variables for plots and clamp CSV columns (e.g. m, h, n, u), per neuron. */
  readonly variables: Readonly<Record<string, Float64Array>>;
  /**
   * Advance every neuron by dtMs with input current[i] (the model's current
   * unit) and, where conductance-based synapses reach the population, an extra
   * membrane conductance conductance[i] (current unit per mV) held over the
   * step: the input is then current[i] − conductance[i]·V. Without
   * `conductance` the population steps exactly as it always has.
   */
  step(dtMs: number, current: Float64Array, conductance?: Float64Array): void;
  /** Back to the initial state the population was created with. */
  reset(): void;
  /**
   * Change parameter `name` of neuron `index` in place, keeping its state
   * (value already validated against the model's ParamSpec). Optional: a
   * population without it cannot be tuned live (Network.setParam says so).
   */
  setParam?(index: number, name: string, value: number | readonly [number, number]): void;
}

/** A neuron model: its parameters for editors and validators, and a population factory. */
export interface NeuronModel {
  readonly kind: ModelKind;
  /** One line for players. */
  readonly help: string;
  /** Unit of the input current the model takes (e.g. "nA", "µA/cm²"). */
  readonly currentUnit: string;
  /** Unit of a conductance onto this model: its current unit per mV (e.g. "nS" for pA). */
  readonly conductanceUnit: string;
  readonly spiking: boolean;
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly init: Readonly<Record<string, ParamSpec>>;
  /** Named parameter sets (values override defaults; a neuron's own params override the preset). */
  readonly presets: Readonly<Record<string, ParamValues>>;
  /** Build a population; params/init are complete (defaults and preset already merged). */
  createPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>, options?: PopulationOptions): Population;
}

/** What the compiler tells a population about the network it will run in (models may ignore it). */
export interface PopulationOptions {
  /** It is the whole network, which has this many synapses: room a LIF population's wasm arena keeps for their delivery tables. */
  readonly synapseRoom?: number;
}
