/**
 * What one expectation kind is made of (the tldraw ShapeUtil idea): the zod
 * schema that reads its file form into its canonical form, the checks that
 * need the rest of the scenario, what a run must record for it, the neurons
 * and zones it names, how it is evaluated, how it is written back, and its
 * row of docs/scenarios.md. A kind is one module; the registry (index.ts)
 * lists them, and everything else (schema, runner, serializer, docs) reads
 * the registry.
 */
import type { z } from 'zod';
import type { ProbeRequest, Recording } from '../recording';
import type { Anchor } from '../fields';
import type { TimelineItem } from '../timeline-schema';
import { formatMs } from '../units';
import { type ScenarioTimes, windowOf } from '../windows';

export type Path = Array<string | number>;

/** What a kind's check may ask of the scenario around it. */
export interface CheckContext {
  durationMs: number;
  /** Path of one of this expectation's fields in the file: ['expect', i, kind, ...field]. */
  at(...field: string[]): Path;
  /** The raw file form of this expectation's body (to tell a default from a value written out). */
  raw: Readonly<Record<string, unknown>>;
  issue(path: Path, problem: string, fix: string): void;
  /** The anchor's time, or undefined (with an issue) when no timeline item has its label. */
  anchorMs(a: Anchor, path: Path): number | undefined;
  /** A window from start, `length` long (to the end when omitted), must lie inside the run. */
  checkWindow(path: Path, start: number | undefined, length: number | undefined): void;
  /** The labelled train (a tap or poke repeated ≥ 2 times), or undefined with an issue. */
  train(label: string, path: Path): TimelineItem | undefined;
}

/** What a run must record: the runner records only this (see windows.ts). */
export interface NeedsCollector {
  food(): void;
  muscles(): void;
  /** The nose's temperature and time on food. */
  senses(): void;
  /** The lowest and highest membrane potential of any neuron. */
  membrane(): void;
  zone(id: string): void;
  neuron(ref: string): void;
  probe(p: ProbeRequest): void;
}

export interface EvalContext {
  scenario: ScenarioTimes;
  /** Neuron ids of the circuit that ran (for class references such as AVA). */
  neuronIds: readonly string[];
  /** Distance from (x, y) to the arena's zone, mm (0 inside), when the backend can measure it. */
  zoneDistanceMm?(zoneId: string, x: number, y: number): number;
}

export interface ExpectationResult {
  name: string;
  kind: string;
  pass: boolean;
  /** The measured value (null when there was nothing to measure, e.g. no reversal happened). */
  measured: number | string | null;
  /** The bound it was held to, readable, in `unit`. */
  bound: string;
  unit: string;
  detail: string;
  /** Habituation: the response to each stimulus of the train, in order. */
  responses?: number[];
}

/** The canonical form every kind's schema produces: its kind name, and its own fields. */
export interface KindFields<K extends string> {
  kind: K;
}

export interface ExpectationKind<K extends string, E extends KindFields<K>> {
  kind: K;
  /** File form of the body → canonical fields, defaults filled in. */
  schema: z.ZodType<E, unknown>;
  /** Checks that need the rest of the scenario (anchors, windows, trains); may fill defaults that depend on them. */
  check(e: E, c: CheckContext): E;
  needs(e: E, scenario: ScenarioTimes, n: NeedsCollector): void;
  /** Neurons and zones it names, with the field that names them (refused before a run when the circuit or arena lacks them). */
  refs?(e: E): Array<{ neuron?: string; zone?: string; field: string }>;
  evaluate(e: E, rec: Recording, ctx: EvalContext): Omit<ExpectationResult, 'kind'>;
  /** Canonical → file form of the body (parseScenario reads it back to the same canonical form). */
  toDoc(e: E): Record<string, unknown>;
  /** Its row of the expectation table in docs/scenarios.md: fields, what is measured and how, when it passes. */
  docs: { fields: string; measured: string; pass: string };
}

/** `2 s – 4.5 s` */
export const span = (a: number, b: number) => `${formatMs(a)} – ${formatMs(b)}`;

/** The common window check of a kind with `after` and an optional `for` (or `within`). */
export function checkAfterWindow(c: CheckContext, after: Anchor, lengthMs: number | undefined, lengthField: string): void {
  c.checkWindow(c.at(lengthField), c.anchorMs(after, c.at('after')), lengthMs);
}

/** A probe of the simulation's windowed measures, taken at the window's end. */
export function probeFor(scenario: ScenarioTimes, name: ProbeRequest['name'], after: Anchor, forMs: number | undefined, reading?: 'spectrum'): ProbeRequest {
  const [a, b] = windowOf(scenario, after, forMs);
  return { name, endMs: b, windowMs: b - a, ...(reading && { reading }) };
}

/** `{after, for?}` in the file form. */
export function windowDoc(w: { after: Anchor; forMs?: number }): Record<string, unknown> {
  return { after: anchorDoc(w.after), ...(w.forMs !== undefined && { for: w.forMs }) };
}

export const anchorDoc = (a: Anchor): string | number => ('ms' in a ? a.ms : a.label);

/** The time an anchor stands for (its label's first time). */
export const START: Anchor = { ms: 0 };

/** `{after: START, forMs?}` from the parsed window fields. */
export function win(w: { after?: Anchor | undefined; for?: number | undefined }): { after: Anchor; forMs?: number } {
  return { after: w.after ?? START, ...(w.for !== undefined && { forMs: w.for }) };
}
