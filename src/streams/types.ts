/**
 * What flows between the world, the nervous system and the views, one batch
 * per tick. Frames reuse typed arrays; a subscriber that keeps one past its
 * callback must copy it.
 */

export type TouchKind = 'gentle' | 'harsh';

/**
 * The worm's own sides, the one vocabulary of circuits, controllers,
 * scenarios and stimuli: "left" is muscle row 0 (dorsal when crawling on its
 * side), the heading turned +90° in world coordinates (docs/simulation.md).
 */
export type Side = 'left' | 'right';
/** Where a touch lands or a receptive field listens: one side, or both (a touch from above). */
export type TouchSide = Side | 'both';

/** Something that happened to the worm's senses this tick. */
export type Stimulus =
  | {
      type: 'touch';
      /** Where on the body, 0 = nose tip, 1 = tail tip. */
      position: number;
      /** Which side was touched ('both': from above). */
      side: TouchSide;
      kind: TouchKind;
      /** Strength 0..1 (gentle ≈ 0.3, harsh ≈ 1). */
      force: number;
      /** Where it came from: a player or scenario poke, or a body contact with a wall or obstacle. */
      source: 'poke' | 'contact' | 'tap';
      /** Sensory neuron ids the touched receptive fields are bound to. */
      neurons: readonly string[];
    }
  | {
      type: 'plate-tap';
      force: number;
      neurons: readonly string[];
    };

/** A touch on the body (what a poke returns). */
export type TouchStimulus = Extract<Stimulus, { type: 'touch' }>;

/** One tick's motor output: activation 0..1 per muscle. */
export interface MotorFrame {
  timeMs: number;
  /** Index m = side * segments + segment; side 0 is the worm's left (dorsal when crawling on its side), 1 its right. */
  activation: Float64Array;
}

/** Named behavioural event, e.g. a reversal's start, measured from the pose, not from neurons. */
export interface BehaviourEvent {
  type: 'reversal-start' | 'reversal-end' | 'omega-turn' | 'food-reached' | 'zone-entered' | 'zone-left' | 'touch' | 'unstable';
  timeMs: number;
  detail?: string;
}

/** What views, recorders and assertions see each tick. */
export interface Telemetry {
  timeMs: number;
  /** Segment centres in mm, x then y interleaved, head first. */
  pose: Float64Array;
  /** Per-neuron membrane potential (mV) and output 0..1, in circuit order. */
  v: Float64Array;
  output: Float64Array;
  spiked: Uint8Array;
  /** Muscle activations after the calcium low-pass. */
  muscles: Float64Array;
  events: readonly BehaviourEvent[];
}
