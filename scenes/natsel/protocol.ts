/**
 * Messages between the Natural selection scene and its worker. The worker
 * owns the population (src/evolve/natural); the page only draws what it is
 * sent, so rendering never waits for 20 nervous systems.
 */
import type { CircuitDoc } from '../../src/circuits/types';
import type { NaturalConditions } from '../../src/evolve/natural/conditions';
import type { GenerationSummary } from '../../src/evolve/natural/selection';

/** Simulated speed: ×1, ×4, ×16, or 'max' (as fast as the worker can). */
export type NatselSpeed = 1 | 4 | 16 | 'max';

export type NatselRequest =
  | { type: 'start'; conditions: Partial<NaturalConditions> }
  | { type: 'run'; paused: boolean; speed: NatselSpeed }
  | { type: 'champion' };

export interface Disc {
  x: number;
  y: number;
  r: number;
}

/** What a generation's plate holds (sent when a generation begins). */
export interface PlateInfo {
  generation: number;
  plateMm: number;
  food: Disc[];
  heat: Disc[];
  toxin: Disc[];
  segments: number;
}

export interface NatselFrame {
  type: 'frame';
  generation: number;
  timeMs: number;
  durationMs: number;
  /** Every worm's segment centres, mm, x/y interleaved, worm after worm (segments × 2 each). */
  poses: Float64Array;
  alive: Uint8Array;
  eaten: Float64Array;
  /** Food left on each patch, in PlateInfo.food order. */
  food: Float64Array;
  /** Predators' x, y, mm. */
  predators: Float64Array;
  /** A new plate, when a generation began since the last frame. */
  plate?: PlateInfo;
  /** Generations that ended since the last frame. */
  ended: GenerationSummary[];
  /** Worm-seconds simulated per wall second since the speed was last set (generation changes included). */
  wormSecondsPerS: number;
}

export type NatselReply = NatselFrame | { type: 'champion'; doc: CircuitDoc | null; generation: number; eaten: number } | { type: 'error'; message: string };
