/**
 * Types of a circuit file (the document as written) and of a loaded circuit
 * (the document plus the complete network the engine compiles).
 * The format itself is described in docs/circuit-format.md.
 */
import type { ModelKind, ModulatorSpec, NetworkSpec, NeuronModel, NeuronRole, ParamValues, ReceptorSpec, SynapseSpec, Transmitter } from '../neural/types';
import type { Side, TouchSide } from '../streams/types';

export type { Side, TouchSide };

export const CIRCUIT_FORMAT = 'neuroworm-circuit';

/** What the validator needs of a neuron model. */
export type ModelInfo = Pick<NeuronModel, 'params' | 'init' | 'presets'>;
/** The models a circuit may use, by kind (the app passes its full registry; tests pass small fakes). */
export type ModelTable = Readonly<Partial<Record<ModelKind, ModelInfo>>>;

/** How a sensor reports its stimulus: its level, or its rise ("on") or fall ("off") over time (ASE-like). */
export type SensorResponse = 'level' | 'on' | 'off' | 'difference';

/** A neuron as written in the file: params/init hold only the values the file sets. */
export interface NeuronEntry {
  id: string;
  model: ModelKind;
  preset?: string;
  role?: NeuronRole;
  transmitter?: Transmitter;
  label?: string;
  params?: ParamValues;
  init?: ParamValues;
  /** Editor position; no effect on the simulation. */
  position?: { x: number; y: number };
}

/**
 * How a sensor's drive (gain × stimulus) reaches its neuron: "current" (the
 * default: injected whatever V, as every file before this field) or
 * "conductance" (channels toward a reversal potential, so V stops there;
 * src/controllers/transduction.ts). The reversals (defaults 0 and −75 mV)
 * and the matching potential (where the conductance passes gain × signal;
 * default the neuron's rest) belong to conductance transduction.
 */
export interface TransductionFields {
  transduction?: 'current' | 'conductance';
  excitatoryReversalMv?: number;
  inhibitoryReversalMv?: number;
  matchMv?: number;
}

/** Body positions are fractions of the body: 0 = nose tip .. 1 = tail tip. */
export interface TouchBinding extends TransductionFields {
  neuron: string;
  sensor: 'touch';
  from: number;
  to: number;
  kind: 'gentle' | 'harsh' | 'any';
  /** Omitted means both sides. */
  side?: TouchSide;
  gain: number;
}
/** Proprioception: curvature toward `side` at body point `at`. */
export interface StretchBinding extends TransductionFields {
  neuron: string;
  sensor: 'stretch';
  at: number;
  side: Side;
  gain: number;
  /** The receptor also answers the rate of bending: gain × (κL + rateMs × d(κL)/dt), ms; omitted = the bend only. */
  rateMs?: number;
  /** The receptor follows what it feels through a first-order lag of this time constant, ms; omitted = at once. */
  lagMs?: number;
}
/** Head sensors that sample a field of the world on one side of the nose. */
export interface FieldSensorBinding extends TransductionFields {
  neuron: string;
  sensor: 'chemical' | 'temperature' | 'toxin';
  side: Side;
  response: SensorResponse;
  gain: number;
  /** Chemical sensors only: the named odour read (src/world/odours.ts); omitted: "food". */
  odour?: string;
  /**
   * Temperature sensors only: the receptor's set point, °C. The drive is gain × (T − setPointC), so a conductance
   * receptor opens channels only away from it (warming above depolarises, cooling below hyperpolarises); on/off
   * responses read changes, which a set point does not move. Omitted: 0 (gain × T).
   */
  setPointC?: number;
}
/** Plate vibration. */
export interface TapBinding extends TransductionFields {
  neuron: string;
  sensor: 'tap';
  gain: number;
}
/** The mechanical feel of a bacterial lawn under body points from..to (dopaminergic CEP/ADE/PDE). */
export interface LawnBinding extends TransductionFields {
  neuron: string;
  sensor: 'lawn';
  from: number;
  to: number;
  gain: number;
}
/** The feeding state: hunger, 0 well fed .. 1 starved (grows off food, falls on it). */
export interface HungerBinding extends TransductionFields {
  neuron: string;
  sensor: 'hunger';
  gain: number;
}
export type SensorBinding = TouchBinding | StretchBinding | FieldSensorBinding | TapBinding | LawnBinding | HungerBinding;
export type SensorKind = SensorBinding['sensor'];

/** gain > 0 contracts the side's muscles over from..to; gain < 0 relaxes them (GABA motor neurons). */
export interface MuscleBinding {
  neuron: string;
  side: Side;
  from: number;
  to: number;
  gain: number;
}

/** Editor-only state; the simulation ignores it. */
export interface EditorState {
  view?: { x: number; y: number; zoom: number };
  notes?: string;
}

/** A circuit file's content (current version), exactly the JSON that is written. */
export interface CircuitDoc {
  format: typeof CIRCUIT_FORMAT;
  version: number;
  name?: string;
  description?: string;
  neurons: NeuronEntry[];
  synapses?: SynapseSpec[];
  sensors?: SensorBinding[];
  muscles?: MuscleBinding[];
  /** Volume transmission: modulators and their receptors (docs/circuit-format.md). */
  modulators?: ModulatorSpec[];
  receptors?: ReceptorSpec[];
  editor?: EditorState;
}

/**
 * A loaded, valid circuit. `doc` is the file as written (omitted fields stay
 * omitted, so saving does not bake today's model defaults into the file);
 * `network`, `sensors` and `muscles` are derived from it with every default
 * filled in. Treat a Circuit as immutable: to change one, edit a copy of its
 * doc and pass it to circuitFromDoc, which validates and derives again.
 */
export interface Circuit {
  /** Name of the file it came from, used in messages. */
  readonly fileName: string;
  readonly doc: CircuitDoc;
  /** Every neuron's params and init complete: model defaults, then the preset, then the file's values. */
  readonly network: NetworkSpec;
  /** doc.sensors (or none), touch side defaulted to "both". */
  readonly sensors: readonly SensorBinding[];
  /** doc.muscles (or none). */
  readonly muscles: readonly MuscleBinding[];
}

/** One problem found in a circuit file (the diagnostics layer's Issue, with the path as shown). */
export type { CircuitIssue } from './errors';

/** A warning (not an error) about a valid circuit, for the editor. */
export interface CircuitWarning {
  path: string;
  message: string;
}
