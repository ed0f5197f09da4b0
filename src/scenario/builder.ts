/**
 * A thin typed builder over the file form, for people who prefer code:
 *
 *   scenario('head touch reverses').circuit('touch-withdrawal').duration('6s')
 *     .at('2s').poke({ position: 0.05 })
 *     .expect.reversesWithin('1.5s')
 *     .build();
 *
 * It writes the same document a YAML file would hold and build() validates it
 * with the same schema, so code and files have one canonical form (Scenario).
 * Expectations without `after` anchor on the most recent timeline action.
 */
import type { Medium } from '../sim/types';
import type { TouchKind, TouchSide } from '../streams/types';
import { ScenarioError, type ScenarioIssue } from './errors';
import type { ExpectationKindName } from './expectations/index';
import type { MetricName } from './metrics-names';
import { FIX_SEP, scenarioSchema } from './schema';
import type { InlineArena, ResponseMeasure, Scenario } from './types';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './types';

/** A time as the files write it: "2s", "1500ms", or a number of ms. */
export type TimeSpec = string | number;
/** A length: "0.5mm", "1bl", or a number of mm. */
export type LengthSpec = string | number;
/** A speed: "0.2mm/s", "0.1bl/s", or a number of mm/s. */
export type SpeedSpec = string | number;
/** An anchor: a timeline label or a time. */
export type AnchorSpec = string | number;

export interface WindowSpec {
  after?: AnchorSpec;
  for?: TimeSpec;
}

type Doc = Record<string, unknown>;

export class ScenarioBuilder {
  private readonly doc: Doc;
  private readonly timeline: Doc[] = [];
  private readonly expectations: Doc[] = [];
  private pending: Doc = {};
  private lastAnchor: AnchorSpec | undefined;
  private autoLabel = 0;

  constructor(name: string) {
    this.doc = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, name };
  }

  description(text: string): this {
    this.doc.description = text;
    return this;
  }
  /** Built-in circuit name or a circuit file path (relative to the scenario file, or the working directory). */
  circuit(nameOrPath: string): this {
    this.doc.circuit = nameOrPath;
    return this;
  }
  arena(nameOrInline: string | InlineArena): this {
    this.doc.arena = nameOrInline;
    return this;
  }
  /** Nose position in mm, heading in degrees. */
  worm(x: number, y: number, heading = 0): this {
    this.doc.worm = { x, y, heading };
    return this;
  }
  seed(seed: number): this {
    this.doc.seed = seed;
    return this;
  }
  duration(t: TimeSpec): this {
    this.doc.duration = t;
    return this;
  }
  /** The medium at the start (switchMedium changes it during the run). */
  medium(m: Medium): this {
    this.doc.medium = m;
    return this;
  }
  plot(neurons: string[]): this {
    this.doc.plot = { neurons };
    return this;
  }

  // ------------------------------------------------------------ timeline
  /** The next action happens at this time. */
  at(t: TimeSpec): this {
    this.pending.at = t;
    return this;
  }
  /** Move the timeline on; the next action without at() happens after this wait. */
  wait(t: TimeSpec): this {
    this.flushPendingCheck();
    this.timeline.push({ wait: t });
    return this;
  }
  /** The next action repeats `times` times, `interval` apart. */
  every(interval: TimeSpec, times: number): this {
    this.pending.every = interval;
    this.pending.times = times;
    return this;
  }
  /** Name the next action so expectations can refer to it. */
  label(name: string): this {
    this.pending.label = name;
    return this;
  }
  poke(p: { position: number; side?: TouchSide; kind?: TouchKind; force?: number }): this {
    return this.action({ poke: { ...p } });
  }
  tap(p: { force?: number } = {}): this {
    return this.action({ tap: { ...p } });
  }
  food(p: { x: number; y: number; amount?: number }): this {
    return this.action({ food: { ...p } });
  }
  heat(p: { x: number; y: number; deltaC: number; radius?: number }): this {
    return this.action({ heat: { ...p } });
  }
  ablate(neuron: string): this {
    return this.action({ ablate: { neuron } });
  }
  cut(from: string, to: string): this {
    return this.action({ cut: { from, to } });
  }
  set(neuron: string, param: string, value: number): this {
    return this.action({ set: { neuron, param, value } });
  }
  switchMedium(m: Medium): this {
    return this.action({ medium: m });
  }

  private action(a: Doc): this {
    const item: Doc = { ...this.pending, ...a };
    if (item.label === undefined) item.label = `step${++this.autoLabel}`;
    this.lastAnchor = item.label as string;
    this.timeline.push(item);
    this.pending = {};
    return this;
  }

  private flushPendingCheck(): void {
    if (Object.keys(this.pending).length > 0) throw new Error(`scenario builder: ${Object.keys(this.pending).join('/')} given with no action after it`);
  }

  // ------------------------------------------------------------ expectations
  /** Expectations; those without `after` anchor on the most recent action (or the start). */
  readonly expect = {
    reversesWithin: (within: TimeSpec, o: { after?: AnchorSpec; name?: string } = {}) => this.check('reverses', { after: this.after(o.after), within }, o.name),
    doesNotReverseWithin: (within: TimeSpec, o: { after?: AnchorSpec; name?: string } = {}) =>
      this.check('doesNotReverse', { after: this.after(o.after), within }, o.name),
    movesForward: (atLeast: LengthSpec, w: WindowSpec & { name?: string } = {}) =>
      this.check('moves', { direction: 'forward', atLeast, ...this.win(w) }, w.name),
    movesBackward: (atLeast: LengthSpec, w: WindowSpec & { name?: string } = {}) =>
      this.check('moves', { direction: 'backward', atLeast, ...this.win(w) }, w.name),
    speedBetween: (min: SpeedSpec, max: SpeedSpec, w: WindowSpec & { name?: string; minBend?: number } = {}) =>
      this.check('speed', { between: [min, max], ...bend(w), ...this.win(w) }, w.name),
    reachesFoodWithin: (within: TimeSpec, o: { after?: AnchorSpec; distance?: LengthSpec; name?: string } = {}) =>
      this.check('reachesFood', { after: this.after(o.after), within, ...(o.distance !== undefined && { distance: o.distance }) }, o.name),
    staysOutOfZone: (zone: string, w: WindowSpec & { atMost?: TimeSpec; name?: string } = {}) =>
      this.check('staysOutOfZone', { zone, ...(w.atMost !== undefined && { atMost: w.atMost }), ...this.win(w) }, w.name),
    neuronFiresWithin: (neuron: string, within: TimeSpec, o: { after?: AnchorSpec; threshold?: number; name?: string } = {}) =>
      this.check('neuronFires', { neuron, after: this.after(o.after), within, ...(o.threshold !== undefined && { threshold: o.threshold }) }, o.name),
    neuronSilent: (neuron: string, w: WindowSpec & { threshold?: number; name?: string } = {}) =>
      this.check('neuronSilent', { neuron, ...(w.threshold !== undefined && { threshold: w.threshold }), ...this.win(w) }, w.name),
    bendingFrequencyBetween: (minHz: number | string, maxHz: number | string, w: WindowSpec & { name?: string; minBend?: number; reading?: 'spectrum' } = {}) =>
      this.check('bendingFrequency', { between: [minHz, maxHz], ...bend(w), ...reading(w), ...this.win(w) }, w.name),
    waveDirection: (direction: 'head-to-tail' | 'tail-to-head', w: WindowSpec & { name?: string; minBend?: number; reading?: 'spectrum' } = {}) =>
      this.check('waveDirection', { direction, ...bend(w), ...reading(w), ...this.win(w) }, w.name),
    habituates: (train: string, o: { response?: ResponseMeasure; window?: TimeSpec; k?: number; ratioBelow?: number; name?: string } = {}) => {
      const { name, ...rest } = o;
      return this.check('habituates', { train, ...rest }, name);
    },
    recovers: (train: string, test: string, o: { response?: ResponseMeasure; window?: TimeSpec; ratioAtLeast?: number; name?: string } = {}) => {
      const { name, ...rest } = o;
      return this.check('recovers', { train, test, ...rest }, name);
    },
    /** Any kind by name, with its body exactly as a file writes it (so a new kind needs no builder method). */
    that: (kind: ExpectationKindName, body: Doc, o: { name?: string } = {}) => this.check(kind, body, o.name),
    metric: (
      metric: MetricName,
      bound: { atLeast?: number; atMost?: number },
      o: WindowSpec & { zone?: string; neuron?: string; baseline?: { before: AnchorSpec; for: TimeSpec }; minBend?: number; name?: string } = {},
    ) => {
      const { name, after, for: forMs, ...rest } = o;
      return this.check(
        'metric',
        { name: metric, ...bound, ...rest, ...this.win({ ...(after !== undefined && { after }), ...(forMs !== undefined && { for: forMs }) }) },
        name,
      );
    },
  };

  private after(a: AnchorSpec | undefined): AnchorSpec {
    return a ?? this.lastAnchor ?? 0;
  }

  private win(w: WindowSpec): Doc {
    return { after: this.after(w.after), ...(w.for !== undefined && { for: w.for }) };
  }

  private check(kind: string, body: Doc, name?: string): this {
    this.expectations.push({ ...(name !== undefined && { name }), [kind]: body });
    return this;
  }

  /** The file form (what a YAML file would hold). */
  toDocument(): Doc {
    this.flushPendingCheck();
    return { ...this.doc, timeline: [...this.timeline], expect: [...this.expectations] };
  }

  /** Validate and return the canonical scenario; throws ScenarioError naming the field and the fix. */
  build(): Scenario {
    const r = scenarioSchema.safeParse(this.toDocument(), { reportInput: true });
    if (r.success) return r.data;
    const issues: ScenarioIssue[] = r.error.issues.map((i) => {
      const [message, fix = 'see docs/scenarios.md'] = i.message.split(FIX_SEP);
      return { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message, fix };
    });
    throw new ScenarioError(`scenario "${String(this.doc.name)}" (builder)`, issues);
  }
}

/** `minBend` in the file form, when given (the gait kinds' optional field). */
const bend = (w: { minBend?: number }): Doc => (w.minBend !== undefined ? { minBend: w.minBend } : {});
const reading = (w: { reading?: 'spectrum' }): Doc => (w.reading !== undefined ? { reading: w.reading } : {});

export function scenario(name: string): ScenarioBuilder {
  return new ScenarioBuilder(name);
}
