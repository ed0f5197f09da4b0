/**
 * The headless scenario runner: builds the simulation, refuses unknown
 * references, applies the timeline at exact step boundaries, records what the
 * expectations need, and evaluates them. Same scenario + seed + simulation →
 * the same report numbers (wallMs aside). Browser-safe (the editor's "Test it"
 * worker runs it): circuit paths are resolved by the backend.
 */
import type { Subscription } from 'rxjs';
import type { Monitor } from '../monitor/monitor';
import type { BodyQuantity } from '../sim/monitors';
import type { BehaviourEvent } from '../streams/types';
import { applyAction, expandTimeline, placed } from './actions';
import { Triggers } from './triggers';
import type { ExpectationResult } from './expectations';
import { evaluateAll } from './expectations';
import type { AppliedAction, ProbeRequest, Recording } from './recording';
import { probeKey, TIME_EPS } from './recording';
import { actionError, preflight } from './preflight';
import { resolveNeuron } from './neurons';
import type { ScenarioSim, SimBackend } from './backend';
import type { Scenario } from './types';
import type { Needs } from './needs';
import { needsOf } from './needs';

export interface ScenarioReport {
  scenario: string;
  file?: string;
  seed: number;
  pass: boolean;
  expectations: ExpectationResult[];
  /** Simulated time run, ms. */
  simMs: number;
  /** Wall-clock time of the run, ms (the one number that differs between identical runs). */
  wallMs: number;
  /** Why the run could not finish (the expectations are then failed or empty). */
  error?: string;
}

export interface ScenarioRun {
  report: ScenarioReport;
  recording: Recording;
  /** Body points (segment centres, head first) every poseEveryMs, when asked for: what WCON exports. */
  poses?: Poses;
}

/** Sampled body points: times (ms) and per sample the x and y of every segment centre, head first, mm. */
export interface Poses {
  t: number[];
  x: number[][];
  y: number[][];
}

export interface RunOptions {
  /** The simulation to run on (tests pass a test double). */
  backend: SimBackend;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** The scenario's file, for circuit paths and reports. */
  file?: string;
  /** Sample interval for positions and zones, ms (rounded to whole steps); default 20. */
  sampleMs?: number;
  /** Called about every simulated second. */
  onProgress?: (simMs: number, durationMs: number) => void;
  /** Wall clock, ms (tests make it deterministic). */
  now?: () => number;
  /** Also record the body's points this often, ms (rounded to whole steps); off when omitted. */
  poseEveryMs?: number;
}

export const DEFAULT_SAMPLE_MS = 20;

/** Run a scenario to its end and evaluate its expectations. Throws ScenarioError for anything preflight refuses (before running). */
export function runScenario(scenario: Scenario, opts: RunOptions): ScenarioRun {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const seed = opts.seed ?? scenario.seed;
  const sim = preflight(scenario, { backend: opts.backend, seed, ...(opts.file !== undefined && { file: opts.file }) });

  const needs = needsOf(scenario);
  const recorder = new Recorder(sim, needs, scenario.durationMs, opts.sampleMs ?? DEFAULT_SAMPLE_MS);
  const schedule = expandTimeline(scenario.timeline);
  const probes = needs.probes;
  let nextAction = 0;
  let nextProbe = 0;
  let unstable: BehaviourEvent | undefined;
  const sub: Subscription = sim.events$.subscribe((e) => {
    recorder.events.push({ type: e.type, timeMs: e.timeMs, ...(e.detail !== undefined && { detail: e.detail }) });
    if (e.type === 'unstable' && !unstable) unstable = e;
  });
  let nextProgress = 1000;
  const poses: Poses | undefined = opts.poseEveryMs !== undefined ? { t: [], x: [], y: [] } : undefined;
  const poseEvery = Math.max(1, Math.round((opts.poseEveryMs ?? 1) / sim.physicsStepMs));
  let stepsDone = 0;
  const takePose = () => {
    if (!poses) return;
    const p = sim.telemetry().pose;
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < p.length; i += 2) {
      x.push(p[i]!);
      y.push(p[i + 1]!);
    }
    poses.t.push(sim.timeMs);
    poses.x.push(x);
    poses.y.push(y);
  };
  const triggers = new Triggers(scenario.timeline, sim, scenario.durationMs);
  let eventsSeen = 0;
  const apply = (s: { atMs: number; occurrence: number; item: Scenario['timeline'][number] }) => {
    try {
      applyAction(sim, s.item.action);
    } catch (e) {
      throw actionError(scenario, scenario.timeline.indexOf(s.item), e, opts.file);
    }
    recorder.applied(s.atMs, s.occurrence, s.item);
  };
  const applyDue = () => {
    while (nextAction < schedule.length && schedule[nextAction].atMs <= sim.timeMs + TIME_EPS) apply(schedule[nextAction++]);
    if (triggers.any) for (const f of triggers.due(TIME_EPS)) apply(f);
  };
  try {
    // Actions at t = 0 (food, ablations) are part of the world the first sample sees.
    applyDue();
    recorder.start();
    takePose();
    while (sim.timeMs < scenario.durationMs - TIME_EPS && !unstable) {
      applyDue();
      try {
        sim.step();
      } catch (e) {
        // A model that blows up (SimulationInstabilityError, BodyInstabilityError) ends the run as a failure that says why.
        unstable = { type: 'unstable', timeMs: sim.timeMs, detail: e instanceof Error ? e.message : String(e) };
        break;
      }
      if (triggers.any) {
        triggers.update(recorder.events.slice(eventsSeen));
        eventsSeen = recorder.events.length;
      }
      if (poses && ++stepsDone % poseEvery === 0) takePose();
      while (nextProbe < probes.length && probes[nextProbe].endMs <= sim.timeMs + TIME_EPS) recorder.probe(probes[nextProbe++]);
      if (opts.onProgress && sim.timeMs >= nextProgress) {
        opts.onProgress(sim.timeMs, scenario.durationMs);
        nextProgress += 1000;
      }
    }
    recorder.finish();
  } finally {
    sub.unsubscribe();
  }
  const recording = recorder.recording();
  const zoneDistanceMm = opts.backend.zoneDistanceMm?.(scenario.arena);
  const expectations = evaluateAll({ scenario, neuronIds: sim.neuronIds, ...(zoneDistanceMm && { zoneDistanceMm }) }, recording);
  const error = unstable ? `the simulation became unstable at ${unstable.timeMs} ms${unstable.detail ? ` (${unstable.detail})` : ''}` : undefined;
  const report: ScenarioReport = {
    scenario: scenario.name,
    ...(opts.file !== undefined && { file: opts.file }),
    seed,
    pass: !error && expectations.every((e) => e.pass),
    expectations,
    simMs: sim.timeMs,
    wallMs: now() - t0,
    ...(error && { error }),
  };
  return { report, recording, ...(poses && { poses }) };
}

/**
 * Records one run through a simulation monitor (sim/monitors.ts): every
 * ~sampleMs centroid, nose, travel and whatever the expectations need; the
 * monitor integrates along-body travel and keeps the peaks between samples
 * every step. Events, applied actions and the windowed probes are kept here.
 */
class Recorder {
  readonly events: BehaviourEvent[] = [];
  private readonly actions: AppliedAction[] = [];
  private readonly probeValues: Record<string, number> = {};
  private readonly neuronIds: string[];
  private monitor: Monitor | null = null;
  private startMs = 0;

  constructor(
    private readonly sim: ScenarioSim,
    private readonly needs: Needs,
    private readonly durationMs: number,
    private readonly sampleMs: number,
  ) {
    this.neuronIds = [...new Set(needs.neurons.flatMap((ref) => resolveNeuron(ref, sim.neuronIds)))];
  }

  /** Attach the monitor: its first sample is the world as the run starts (after the actions at t = 0). */
  start(): void {
    const body: BodyQuantity[] = ['centroidX', 'centroidY', 'headX', 'headY', 'forwardMm', 'backwardMm'];
    if (this.needs.food) body.push('foodDistanceMm');
    if (this.needs.muscles) body.push('muscleMax');
    if (this.needs.senses) body.push('noseTemperatureC', 'timeOnFoodMs');
    if (this.needs.membrane) body.push('membraneMinMv', 'membraneMaxMv');
    this.startMs = this.sim.timeMs;
    this.monitor = this.sim.monitor({
      neurons: this.neuronIds,
      variables: ['output'],
      neuronReduce: 'max',
      body,
      zones: this.needs.zones,
      everyMs: this.sampleMs,
      durationMs: this.durationMs,
    });
  }

  /** Make sure the last step is sampled. */
  finish(): void {
    this.monitor?.flush(this.sim.timeMs);
    this.monitor?.stop();
  }

  applied(atMs: number, occurrence: number, item: Scenario['timeline'][number]): void {
    // A place relative to the nose is recorded where it fell on the plate.
    const action = placed(this.sim, item.action);
    const a: AppliedAction = { atMs, appliedMs: this.sim.timeMs, occurrence, action, ...(item.label !== undefined && { label: item.label }) };
    if (item.action.type === 'poke') a.nose = this.sim.headPosition();
    this.actions.push(a);
  }

  probe(p: ProbeRequest): void {
    const w = p.windowMs;
    this.probeValues[probeKey(p)] =
      p.name === 'bendingFrequency'
        ? this.sim.bendingFrequencyHz(w, p.reading)
        : p.name === 'waveDirection'
          ? this.sim.waveDirection(w, p.reading)
          : p.name === 'bendAmplitude'
            ? this.sim.bendAmplitude(w)
            : this.sim.wavelengthBodyLengths(w, p.reading);
  }

  recording(): Recording {
    const m = this.monitor;
    if (!m) throw new Error('Recorder: recording() before start()');
    const zones: Record<string, Uint8Array> = {};
    for (const z of this.needs.zones) zones[z] = Uint8Array.from(m.series(`zone:${z}`));
    const neurons: Record<string, Float64Array> = {};
    for (const id of this.neuronIds) neurons[id] = m.series(`${id}.output`);
    return {
      bodyLengthMm: this.sim.bodyLengthMm,
      durationMs: this.durationMs,
      stepMs: this.sim.timeMs > this.startMs ? this.sim.physicsStepMs : 0,
      count: m.count,
      t: m.times(),
      cx: m.series('centroidX'),
      cy: m.series('centroidY'),
      hx: m.series('headX'),
      hy: m.series('headY'),
      fwd: m.series('forwardMm'),
      back: m.series('backwardMm'),
      ...(this.needs.food && { food: m.series('foodDistanceMm') }),
      ...(this.needs.muscles && { muscle: m.series('muscleMax') }),
      ...(this.needs.senses && { noseTemp: m.series('noseTemperatureC'), onFoodMs: m.series('timeOnFoodMs') }),
      ...(this.needs.membrane && { membraneMin: m.series('membraneMinMv'), membraneMax: m.series('membraneMaxMv') }),
      zones,
      neurons,
      events: this.events,
      actions: this.actions,
      probes: this.probeValues,
    };
  }
}
