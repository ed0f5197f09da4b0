/**
 * Sensor and muscle bindings as the controllers use them: neuron ids already
 * resolved to engine indices. Body positions are fractions 0 (nose) .. 1 (tail).
 */

export type BodySide = 'left' | 'right';

export interface TouchBinding {
  neuron: number;
  from: number;
  to: number;
  /** gentle receptors respond to any touch; harsh receptors only to harsh pokes. */
  kind: 'gentle' | 'harsh' | 'any';
  side: BodySide | 'both';
  gain: number;
}

export interface StretchBinding {
  neuron: number;
  at: number;
  side: BodySide;
  gain: number;
}

export type SenseResponse = 'level' | 'on' | 'off';

export interface FieldBinding {
  neuron: number;
  side: BodySide;
  response: SenseResponse;
  gain: number;
}

export interface TapBinding {
  neuron: number;
  gain: number;
}

export interface MuscleBinding {
  neuron: number;
  side: BodySide;
  from: number;
  to: number;
  /** > 0 contracts that side's muscles over [from, to]; < 0 relaxes them (GABA). */
  gain: number;
}

export const sideIndex = (side: BodySide): 0 | 1 => (side === 'left' ? 0 : 1);
