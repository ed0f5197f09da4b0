/**
 * The canonical form of a scenario: what a file loads into, what the typed
 * builder produces, and what the runner runs. Times are ms of simulated time,
 * positions mm, headings degrees; every default is filled in, so two equal
 * scenarios are deep-equal. The file form (docs/scenarios.md) is the same
 * data with friendlier spellings ("2s", "0.5bl", one key per action).
 */
import type { Medium } from '../sim/types';
import type { TouchKind, TouchSide } from '../streams/types';
import type { Length, Speed } from './units';

export const SCENARIO_FORMAT = 'neuroworm-scenario';
export const SCENARIO_VERSION = 1;

export type Action =
  /** Touch the body at 0 (nose) .. 1 (tail). force 0..1; omitted = the kind's default. */
  | { type: 'poke'; position: number; side: TouchSide; kind: TouchKind; force?: number }
  /** Vibrate the plate. */
  | { type: 'tap'; force?: number }
  | { type: 'food'; x: number; y: number; amount?: number }
  /** Heat (deltaC > 0) or cool (< 0) a disc of the plate. */
  | { type: 'heat'; x: number; y: number; deltaC: number; radius?: number }
  | { type: 'ablate'; neuron: string }
  | { type: 'cut'; from: string; to: string }
  | { type: 'set'; neuron: string; param: string; value: number }
  | { type: 'medium'; medium: Medium };

export type ActionType = Action['type'];

export interface TimelineItem {
  /** When the (first) action happens, ms. */
  atMs: number;
  /** Repeats: the action happens `times` times, everyMs apart (times = 1: once). */
  everyMs: number;
  times: number;
  /** Name expectations use to refer to this item (`after: head-touch`). */
  label?: string;
  action: Action;
}

/** A point in time: an absolute time, or the (first) time of a labelled timeline item. */
export type Anchor = { ms: number } | { label: string };

export type ResponseMeasure = 'reversalDistance' | 'peakBackwardSpeed';

interface Windowed {
  /** Start of the window. */
  after: Anchor;
  /** Length of the window, ms; omitted = to the end of the run. */
  forMs?: number;
}

export type Expectation = { name?: string } & (
  | { kind: 'reverses'; after: Anchor; withinMs: number }
  | { kind: 'doesNotReverse'; after: Anchor; withinMs: number }
  | ({ kind: 'moves'; direction: 'forward' | 'backward'; atLeast: Length } & Windowed)
  | ({ kind: 'speed'; min: Speed; max: Speed } & Windowed)
  | { kind: 'reachesFood'; after: Anchor; withinMs: number; distance: Length }
  | ({ kind: 'staysOutOfZone'; zone: string; atMostMs: number } & Windowed)
  | { kind: 'neuronFires'; neuron: string; after: Anchor; withinMs: number; threshold: number }
  | ({ kind: 'neuronSilent'; neuron: string; threshold: number } & Windowed)
  | ({ kind: 'bendingFrequency'; minHz: number; maxHz: number } & Windowed)
  | ({ kind: 'waveDirection'; direction: 'head-to-tail' | 'tail-to-head' } & Windowed)
  | {
      kind: 'habituates';
      /** Label of a repeated timeline item (the tap or poke train). */
      train: string;
      response: ResponseMeasure;
      /** How long after each stimulus its response is measured, ms. */
      windowMs: number;
      /** Which response (1-based) must be weaker than the first; omitted = the last. */
      k?: number;
      /** Pass when response k / response 1 < ratioBelow. */
      ratioBelow: number;
    }
  | {
      kind: 'recovers';
      train: string;
      /** Label of the test stimulus given after the rest. */
      test: string;
      response: ResponseMeasure;
      windowMs: number;
      /** Pass when the test response / response 1 of the train ≥ ratioAtLeast. */
      ratioAtLeast: number;
    }
  | ({
      kind: 'metric';
      metric: string;
      zone?: string;
      neuron?: string;
      /** When given, the measured value is metric(window) / metric(baseline window). */
      baseline?: { before: Anchor; forMs: number };
      min?: number;
      max?: number;
    } & Windowed)
);

export type ExpectationKind = Expectation['kind'];

/** An arena written inline in the scenario; the world's loader validates its contents. */
export type InlineArena = Record<string, unknown>;

export interface Scenario {
  name: string;
  description?: string;
  /** Built-in circuit name, or a circuit file path relative to the scenario file. */
  circuit: string;
  /** Built-in arena name or an inline arena; omitted = the simulation's default. */
  arena?: string | InlineArena;
  /** Nose position (mm) and heading (degrees, 0 = +x, 90 = +y). */
  worm?: { x: number; y: number; heading: number };
  seed: number;
  durationMs: number;
  medium?: Medium;
  timeline: TimelineItem[];
  expect: Expectation[];
  /** Neurons whose activity the --plot picture traces. */
  plot?: { neurons: string[] };
}

/** Whether a circuit reference names a file (relative path) rather than a built-in circuit. */
export function isCircuitPath(circuit: string): boolean {
  return /[\\/]/.test(circuit) || /\.json$/i.test(circuit);
}
