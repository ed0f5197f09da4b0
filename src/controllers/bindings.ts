/**
 * Sensor and muscle bindings as the controllers use them: neuron ids already
 * resolved to engine indices. Body positions are fractions 0 (nose) .. 1 (tail).
 */
import type { SensorResponse } from '../circuits/types';
import type { Side, TouchSide } from '../streams/types';

export interface TouchBinding {
  neuron: number;
  from: number;
  to: number;
  /** gentle receptors respond to any touch; harsh receptors only to harsh pokes. */
  kind: 'gentle' | 'harsh' | 'any';
  side: TouchSide;
  gain: number;
}

export interface StretchBinding {
  neuron: number;
  at: number;
  side: Side;
  gain: number;
}

export interface FieldBinding {
  neuron: number;
  side: Side;
  response: SensorResponse;
  gain: number;
}

export interface TapBinding {
  neuron: number;
  gain: number;
}

export interface MuscleBinding {
  neuron: number;
  side: Side;
  from: number;
  to: number;
  /** > 0 contracts that side's muscles over [from, to]; < 0 relaxes them (GABA). */
  gain: number;
}

/** The muscle row of a side (MotorFrame layout: left row first). */
export const sideIndex = (side: Side): 0 | 1 => (side === 'left' ? 0 : 1);
