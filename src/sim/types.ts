import type { Observable } from 'rxjs';
import type { BehaviourEvent, MotorFrame, Stimulus, Telemetry, TouchKind } from '../streams/types';

/** Medium the worm moves in; it sets the drag ratio across/along the body. */
export type Medium = 'agar' | 'water';

/**
 * The public face of one running world: a worm (body + nervous system +
 * controllers) in an arena. Scenes, scenarios and the CLI use only this.
 * All positions are in mm, all times in ms of simulated time.
 */
export interface SimulationApi {
  readonly timeMs: number;
  readonly seed: number;
  readonly medium: Medium;
  /** Neuron ids in circuit order (the order of Telemetry.v / output). */
  readonly neuronIds: readonly string[];
  /** Number of body segments; muscles are 2 × segments (left row then right row). */
  readonly segments: number;
  readonly bodyLengthMm: number;

  readonly stimuli$: Observable<Stimulus>;
  readonly motor$: Observable<MotorFrame>;
  readonly telemetry$: Observable<Telemetry>;
  readonly events$: Observable<BehaviourEvent>;

  /** Advance exactly one fixed physics step (with its neural sub-steps). */
  step(): void;
  /** Advance by at least ms of simulated time, in whole fixed steps. */
  run(ms: number): void;

  /** Touch the body at 0 (nose) .. 1 (tail) on a side. */
  poke(position: number, opts?: { side?: -1 | 0 | 1; kind?: TouchKind; force?: number }): void;
  /** Touch the world at a point; reaches the worm if the point is on (or within reach of) its body. Returns the body position touched, or null. */
  pokeAt(xMm: number, yMm: number, opts?: { kind?: TouchKind; force?: number }): number | null;
  /** Vibrate the plate (a mechanosensory stimulus to the whole body). */
  tapPlate(force?: number): void;
  setMedium(medium: Medium): void;

  /** Latest telemetry frame (same object each tick; copy to keep). */
  telemetry(): Telemetry;
}
