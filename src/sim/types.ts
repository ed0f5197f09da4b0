import type { Observable } from 'rxjs';
import type { PlasticWeight } from '../neural/network';
import type { BehaviourEvent, MotorFrame, Stimulus, Telemetry, TouchStimulus } from '../streams/types';
import type { Monitor } from '../monitor/monitor';
import type { MonitorSpec } from './monitors';
import type { PokeOptions, PokeTarget } from './poke';
import type { BehaviourSnapshot, FrequencyReading } from './behaviour';

/** Medium the worm moves in; it sets the drag ratio across/along the body. */
export type Medium = 'agar' | 'water';

/*
 * The simulation's face, cut into roles so each driver depends on what it
 * uses (the scenario runner's port is ScenarioSim in scenario/backend.ts; a
 * test double implements that, not all of SimulationApi). All positions in
 * mm, all times in ms of simulated time.
 */

/** The fixed-step clock: no wall clock, no pause (the game's real time is sim/runner.ts). */
export interface SimClock {
  readonly timeMs: number;
  /** The fixed step every step() advances, ms. */
  readonly physicsStepMs: number;
  /** Advance exactly one fixed physics step (with its neural sub-steps). */
  step(): void;
  /** Advance by at least ms of simulated time, in whole fixed steps. */
  run(ms: number): void;
}

/** The worm being simulated. */
export interface SimSubject {
  readonly seed: number;
  readonly medium: Medium;
  /** Neuron ids in circuit order (the order of Telemetry.v / output). */
  readonly neuronIds: readonly string[];
  /** Number of body segments; muscles are 2 × segments (left row then right row). */
  readonly segments: number;
  readonly bodyLengthMm: number;
}

/** What a player, a scenario or a recording does to the worm and its world. */
export interface SimTools {
  /**
   * Touch the body at 0 (nose) .. 1 (tail), or the world at a point (it reaches
   * the worm when the point is on or within reach of its body). How the tool
   * was used (held, dragged) decides kind, side and force (sim/poke.ts).
   * Returns the touch (what stimuli$ carries next step), or null if it missed.
   */
  poke(at: PokeTarget, opts?: PokeOptions): TouchStimulus | null;
  /** Vibrate the plate (a mechanosensory stimulus to the whole body). */
  tapPlate(force?: number): void;
  dropFood(xMm: number, yMm: number, amount?: number): void;
  heatSpot(xMm: number, yMm: number, deltaC: number, radiusMm?: number): void;
  setMedium(medium: Medium): void;
}

/** Experiments on the nervous system (ablation, live tuning). */
export interface NervousSystemEdits {
  ablate(neuronId: string): void;
  cutSynapse(fromId: string, toId: string): void;
  setNeuronParam(neuronId: string, param: string, value: number): void;
}

/** Plasticity and volume transmission during a run (the neural view, the neuron lab, a learning challenge). */
export interface SimLearning {
  /** The plastic synapses' weights now (rule stdp, bcm, three-factor), in circuit order: save them with withLearnedWeights. */
  plasticWeights(): PlasticWeight[];
  /** Learning on (default) or frozen: frozen synapses keep and use their weights. */
  setLearning(on: boolean): void;
  /** Learned weights back to the circuit's. */
  resetLearnedWeights(): void;
  /** Each modulator's concentration now, by name (empty without modulators). */
  modulatorLevels(): Record<string, number>;
  /** Holds a modulator at a fixed concentration (a bath); null washes it out. */
  bathModulator(name: string, concentration: number | null): void;
}

/** Measurements; behaviour is read from the pose, never from neurons. */
export interface SimMeasures {
  behaviour(): BehaviourSnapshot;
  bendingFrequencyHz(windowMs?: number, reading?: FrequencyReading): number;
  wavelengthBodyLengths(windowMs?: number, reading?: FrequencyReading): number;
  /** +1 bends travel head → tail, −1 tail → head, 0 unclear. */
  waveDirection(windowMs?: number, reading?: FrequencyReading): -1 | 0 | 1;
  /** Mean amplitude of the bend along the body (0.2–0.8), curvature × body length; a held bend counts nothing. */
  bendAmplitude(windowMs?: number): number;
  /** Head (nose) position, mm. */
  headPosition(): [number, number];
  /** Distance from the nose to the nearest food, mm (Infinity if none). */
  distanceToFoodMm(): number;
  /** Whether the nose is inside the named zone of the arena. */
  inZone(zoneId: string): boolean;
  /** Distance from the nose to the named zone's edge, mm; 0 inside it. Throws for an unknown zone. */
  distanceToZoneMm(zoneId: string): number;
  /** Temperature of the plate at the nose, °C (arena field + heat zones + heat spots). */
  temperatureAtNoseC(): number;
  /** Simulated time the nose has spent on a food patch with food left, ms, counted at the end of each step. */
  timeOnFoodMs(): number;
  /** Reversals (reversal-start events of the pose) since the start. */
  reversalCount(): number;
  /** Reversals that started in the last windowMs (default: the whole run), per minute of that window. */
  reversalsPerMinute(windowMs?: number): number;
  /** Omega turns (omega-turn events of the pose) since the start. */
  omegaTurnCount(): number;
}

/** What flows out: per-tick frames and events (views, challenges), and monitors (recorders). */
export interface SimOutputs {
  readonly stimuli$: Observable<Stimulus>;
  readonly motor$: Observable<MotorFrame>;
  readonly telemetry$: Observable<Telemetry>;
  readonly events$: Observable<BehaviourEvent>;
  /** Latest telemetry frame (same object each tick; copy to keep). */
  telemetry(): Telemetry;
  /** Record chosen quantities into typed arrays at a chosen point of the step (sim/monitors.ts). */
  monitor(spec: MonitorSpec): Monitor;
}

/** One running world: a worm (body + nervous system + controllers) in an arena, every role. */
export interface SimulationApi extends SimClock, SimSubject, SimTools, NervousSystemEdits, SimLearning, SimMeasures, SimOutputs {}

/** How to build a simulation. Circuits and arenas are given by built-in name or as loaded objects. */
export interface SimulationOptions<TCircuit = unknown, TArena = unknown> {
  circuit: string | TCircuit;
  // An option given as undefined takes its default, as one left out does.
  arena?: string | TArena | undefined;
  seed?: number | undefined;
  medium?: Medium | undefined;
  segments?: number | undefined;
  /** Nose position (mm) and heading (rad, 0 = +x); defaults come from the arena. */
  start?: { xMm: number; yMm: number; headingRad: number } | undefined;
  /** Fixed physics step, ms (≤ 16.667). */
  physicsStepMs?: number | undefined;
  /** Neural sub-step, ms; the physics step is a whole multiple of it. */
  neuralStepMs?: number | undefined;
  /**
   * true: the seed draws a whole individual (start jitter, body length, muscle
   * force, a few % on neuron parameters; sim/individual.ts, docs/individuals.md).
   * false (default): every seed is the same worm, differing only in neural noise.
   */
  individual?: boolean | undefined;
  /** Hours off food before the run (the feeding state; 0 = well fed, default). Hunger sensors read it (controllers/feeding.ts). */
  hoursOffFood?: number | undefined;
}
