/**
 * The expectation kinds, one module each, in the order the docs list them.
 * Adding a kind: write its module (kind.ts says what one holds) and add it
 * here; the schema, the runner's recording, the serializer, reference checks
 * and the docs' table all read this table.
 */
import { bendingFrequency } from './bending-frequency';
import { distanceTo } from './distance-to';
import { doesNotReverse } from './does-not-reverse';
import { habituates } from './habituates';
import type { ExpectationKind, KindFields } from './kind';
import { metric } from './metric';
import { moves } from './moves';
import { neuronFires } from './neuron-fires';
import { neuronSilent } from './neuron-silent';
import { reachesFood } from './reaches-food';
import { recovers } from './recovers';
import { reverses } from './reverses';
import { speed } from './speed';
import { staysOutOfZone } from './stays-out-of-zone';
import { waveDirection } from './wave-direction';

export const EXPECTATION_KINDS = {
  reverses,
  doesNotReverse,
  moves,
  speed,
  reachesFood,
  staysOutOfZone,
  neuronFires,
  neuronSilent,
  bendingFrequency,
  waveDirection,
  habituates,
  recovers,
  metric,
  distanceTo,
} as const;

type Kinds = typeof EXPECTATION_KINDS;
export type ExpectationKindName = keyof Kinds;

/** The canonical form of one expectation of kind K (its schema's output). */
export type ExpectationOf<K extends ExpectationKindName> = Kinds[K] extends ExpectationKind<K, infer E> ? E : never;

/** An expectation in canonical form: one of the kinds, with an optional display name. */
export type Expectation = { [K in ExpectationKindName]: ExpectationOf<K> & { name?: string } }[ExpectationKindName];

export const EXPECTATION_NAMES = Object.keys(EXPECTATION_KINDS) as ExpectationKindName[];

/** The module of an expectation's kind (typed loosely: the caller holds an expectation of that kind). */
export function kindModule(e: { kind: string }): ExpectationKind<string, KindFields<string>> {
  return EXPECTATION_KINDS[e.kind as ExpectationKindName] as unknown as ExpectationKind<string, KindFields<string>>;
}
