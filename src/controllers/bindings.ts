/**
 * Sensor and muscle bindings as the controllers use them: neuron ids already
 * resolved to engine indices. Body positions are fractions 0 (nose) .. 1 (tail).
 */
import type { SensorResponse } from '../circuits/types';
import type { Side, TouchSide } from '../streams/types';
import type { Transduction } from './transduction';

/** What every sensor binding shares: its neuron and how its drive reaches it (omitted: the linear current). */
export interface SensedNeuron {
  neuron: number;
  transduction?: Transduction;
}

export interface TouchBinding extends SensedNeuron {
  from: number;
  to: number;
  /** gentle receptors respond to any touch; harsh receptors only to harsh pokes. */
  kind: 'gentle' | 'harsh' | 'any';
  side: TouchSide;
  gain: number;
}

export interface StretchBinding extends SensedNeuron {
  at: number;
  side: Side;
  gain: number;
  /** Rate sensitivity, ms: the input is gain × (κL + rateMs × d(κL)/dt); omitted or 0 = the bend only. */
  rateMs?: number;
  /** Time constant of a first-order lag between what the receptor feels and its drive, ms; omitted or 0 = at once. */
  lagMs?: number;
}

export interface FieldBinding extends SensedNeuron {
  side: Side;
  response: SensorResponse;
  gain: number;
  /** Chemical bindings: the named odour read (omitted: the default, "food"). */
  odour?: string;
  /** Subtracted from the signal before the gain (a temperature receptor's set point); omitted: 0. */
  setPoint?: number;
}

export interface TapBinding extends SensedNeuron {
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

/** The mechanical feel of a bacterial lawn under body points from..to (CEP/ADE/PDE-like dopaminergic cilia). */
export interface LawnBinding {
  neuron: number;
  from: number;
  to: number;
  gain: number;
  transduction?: Transduction;
}

/** The feeding state: input gain × hunger (0 well fed .. 1 starved). */
export interface HungerBinding {
  neuron: number;
  gain: number;
  transduction?: Transduction;
}
