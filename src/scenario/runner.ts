/**
 * The headless scenario runner: builds the simulation, refuses unknown
 * references, applies the timeline at exact step boundaries, records what the
 * expectations need, and evaluates them. Same scenario + seed + simulation →
 * the same report numbers (wallMs aside). Browser-safe (the editor's "Test it"
 * worker runs it): circuit paths are resolved by the backend.
 */
import type { Subscription } from 'rxjs';
import type { SimulationApi, SimulationOptions } from '../sim/types';
import type { BehaviourEvent } from '../streams/types';
import { centroid, alongBodyVelocity } from '../sim/kinematics';
import { applyAction, expandTimeline } from './actions';
import type { ExpectationResult } from './expectations';
import { evaluateAll } from './expectations';
import type { AppliedAction, ProbeRequest, Recording } from './recording';
import { probeKey, TIME_EPS } from './recording';
import { resolveNeuron, validateRefs } from './refs';
import type { SimBackend } from './backend';
import type { Scenario } from './types';
import { isCircuitPath } from './types';
import type { Needs } from './windows';
import { needsOf } from './windows';

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
}

export const DEFAULT_SAMPLE_MS = 20;

/** Options for the simulation factory from a scenario. */
export function simulationOptions(scenario: Scenario, seed: number, backend: SimBackend, file?: string): SimulationOptions {
  const circuit = isCircuitPath(scenario.circuit)
    ? backend.loadCircuitFile(backend.circuitFilePath ? backend.circuitFilePath(scenario.circuit, file) : scenario.circuit)
    : scenario.circuit;
  return {
    circuit,
    ...(scenario.arena !== undefined && { arena: scenario.arena }),
    seed,
    ...(scenario.medium !== undefined && { medium: scenario.medium }),
    ...(scenario.worm && { start: { xMm: scenario.worm.x, yMm: scenario.worm.y, headingRad: (scenario.worm.heading * Math.PI) / 180 } }),
  };
}

/** Run a scenario to its end and evaluate its expectations. Throws ScenarioError for unknown references (before running). */
export function runScenario(scenario: Scenario, opts: RunOptions): ScenarioRun {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const seed = opts.seed ?? scenario.seed;
  // The arena and its zones are checked before the simulation is built, the neurons once its circuit is known.
  const world = {
    ...(opts.backend.arenaNames && { arenaNames: opts.backend.arenaNames }),
    ...(opts.backend.zoneIds && { zoneIds: opts.backend.zoneIds(scenario.arena) }),
  };
  validateRefs(scenario, world);
  const sim = opts.backend.createSimulation(simulationOptions(scenario, seed, opts.backend, opts.file));
  validateRefs(scenario, { ...world, neuronIds: sim.neuronIds });

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
  const applyDue = () => {
    while (nextAction < schedule.length && schedule[nextAction].atMs <= sim.timeMs + TIME_EPS) {
      const s = schedule[nextAction++];
      applyAction(sim, s.item.action);
      recorder.applied(s.atMs, s.occurrence, s.item);
    }
  };
  try {
    // Actions at t = 0 (food, ablations) are part of the world the first sample sees.
    applyDue();
    recorder.start();
    while (sim.timeMs < scenario.durationMs - TIME_EPS && !unstable) {
      applyDue();
      try {
        sim.step();
      } catch (e) {
        // A model that blows up (SimulationInstabilityError, BodyInstabilityError) ends the run as a failure that says why.
        unstable = { type: 'unstable', timeMs: sim.timeMs, detail: e instanceof Error ? e.message : String(e) };
        break;
      }
      recorder.afterStep();
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
  const expectations = evaluateAll({ scenario, neuronIds: sim.neuronIds }, recording);
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
  return { report, recording };
}

/** Records one run cheaply: a few numbers per sample, along-body travel per step, typed arrays sized once. */
class Recorder {
  readonly events: BehaviourEvent[] = [];
  private readonly actions: AppliedAction[] = [];
  private readonly probeValues: Record<string, number> = {};
  private readonly neuronIds: string[];
  private readonly neuronIndex: Int32Array;
  private readonly neuronMax: Float64Array;
  private prevPose: Float64Array | null = null;
  private prevTime = 0;
  private fwd = 0;
  private back = 0;
  private stepMs = 0;
  private sampleEvery = 1;
  private stepsSinceSample = 0;
  private n = 0;
  private cap = 0;
  private t = new Float64Array(0);
  private cx = new Float64Array(0);
  private cy = new Float64Array(0);
  private hx = new Float64Array(0);
  private hy = new Float64Array(0);
  private fwdA = new Float64Array(0);
  private backA = new Float64Array(0);
  private food: Float64Array | undefined;
  private muscle: Float64Array | undefined;
  private muscleMax = -Infinity;
  private zones: Record<string, Uint8Array> = {};
  private neurons: Record<string, Float64Array> = {};

  constructor(
    private readonly sim: SimulationApi,
    private readonly needs: Needs,
    private readonly durationMs: number,
    private readonly sampleMs: number,
  ) {
    const ids = [...new Set(needs.neurons.flatMap((ref) => resolveNeuron(ref, sim.neuronIds)))];
    this.neuronIds = ids;
    this.neuronIndex = Int32Array.from(ids.map((id) => sim.neuronIds.indexOf(id)));
    this.neuronMax = new Float64Array(ids.length);
  }

  start(): void {
    this.allocate(Math.ceil(this.durationMs / this.sampleMs) + 4);
    const tel = this.sim.telemetry();
    this.prevPose = Float64Array.from(tel.pose);
    this.prevTime = this.sim.timeMs;
    for (let k = 0; k < this.neuronIndex.length; k++) this.neuronMax[k] = tel.output[this.neuronIndex[k]];
    if (this.needs.muscles) this.muscleMax = maxOf(tel.muscles);
    this.sample();
  }

  afterStep(): void {
    const tel = this.sim.telemetry();
    const now = this.sim.timeMs;
    const dt = now - this.prevTime;
    if (this.stepMs === 0 && dt > 0) {
      // First step: now the step is known, sample every whole number of steps nearest sampleMs.
      this.stepMs = dt;
      this.sampleEvery = Math.max(1, Math.round(this.sampleMs / dt));
      this.allocate(Math.ceil(this.durationMs / (dt * this.sampleEvery)) + 4);
    }
    if (dt > 0 && this.prevPose && this.prevPose.length === tel.pose.length) {
      const d = alongBodyVelocity(this.prevPose, tel.pose, dt) * dt;
      if (d > 0) this.fwd += d;
      else this.back -= d;
    }
    if (!this.prevPose || this.prevPose.length !== tel.pose.length) this.prevPose = Float64Array.from(tel.pose);
    else this.prevPose.set(tel.pose);
    this.prevTime = now;
    for (let k = 0; k < this.neuronIndex.length; k++) {
      const o = tel.output[this.neuronIndex[k]];
      if (o > this.neuronMax[k]) this.neuronMax[k] = o;
    }
    if (this.needs.muscles) this.muscleMax = Math.max(this.muscleMax, maxOf(tel.muscles));
    if (++this.stepsSinceSample >= this.sampleEvery) this.sample();
  }

  /** Make sure the last step is sampled. */
  finish(): void {
    if (this.stepsSinceSample > 0) this.sample();
  }

  applied(atMs: number, occurrence: number, item: Scenario['timeline'][number]): void {
    const a: AppliedAction = { atMs, appliedMs: this.sim.timeMs, occurrence, action: item.action, ...(item.label !== undefined && { label: item.label }) };
    if (item.action.type === 'poke') a.nose = this.sim.headPosition();
    this.actions.push(a);
  }

  probe(p: ProbeRequest): void {
    const w = p.windowMs;
    this.probeValues[probeKey(p)] =
      p.name === 'bendingFrequency'
        ? this.sim.bendingFrequencyHz(w)
        : p.name === 'waveDirection'
          ? this.sim.waveDirection(w)
          : this.sim.wavelengthBodyLengths(w);
  }

  private sample(): void {
    if (this.n >= this.cap) this.allocate(this.cap * 2);
    const j = this.n++;
    const tel = this.sim.telemetry();
    const [x, y] = centroid(tel.pose);
    const [hx, hy] = this.sim.headPosition();
    this.t[j] = this.sim.timeMs;
    this.cx[j] = x;
    this.cy[j] = y;
    this.hx[j] = hx;
    this.hy[j] = hy;
    this.fwdA[j] = this.fwd;
    this.backA[j] = this.back;
    if (this.food) this.food[j] = this.sim.distanceToFoodMm();
    if (this.muscle) {
      this.muscle[j] = this.muscleMax;
      this.muscleMax = -Infinity;
    }
    for (const z of this.needs.zones) this.zones[z][j] = this.sim.inZone(z) ? 1 : 0;
    for (let k = 0; k < this.neuronIds.length; k++) {
      this.neurons[this.neuronIds[k]][j] = this.neuronMax[k];
      this.neuronMax[k] = -Infinity;
    }
    this.stepsSinceSample = 0;
  }

  private allocate(cap: number): void {
    if (cap <= this.cap) return;
    const grow = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const a = make(cap);
      a.set(old.subarray(0, this.n) as never);
      return a;
    };
    const f64 = (n: number) => new Float64Array(n);
    this.t = grow(this.t, f64);
    this.cx = grow(this.cx, f64);
    this.cy = grow(this.cy, f64);
    this.hx = grow(this.hx, f64);
    this.hy = grow(this.hy, f64);
    this.fwdA = grow(this.fwdA, f64);
    this.backA = grow(this.backA, f64);
    if (this.needs.food) this.food = grow(this.food ?? new Float64Array(0), f64);
    if (this.needs.muscles) this.muscle = grow(this.muscle ?? new Float64Array(0), f64);
    for (const z of this.needs.zones) this.zones[z] = grow(this.zones[z] ?? new Uint8Array(0), (n) => new Uint8Array(n));
    for (const id of this.neuronIds) this.neurons[id] = grow(this.neurons[id] ?? new Float64Array(0), f64);
    this.cap = cap;
  }

  recording(): Recording {
    const cut = <T extends Float64Array | Uint8Array>(a: T): T => a.slice(0, this.n) as T;
    const zones: Record<string, Uint8Array> = {};
    for (const z of this.needs.zones) zones[z] = cut(this.zones[z]);
    const neurons: Record<string, Float64Array> = {};
    for (const id of this.neuronIds) neurons[id] = cut(this.neurons[id]);
    return {
      bodyLengthMm: this.sim.bodyLengthMm,
      durationMs: this.durationMs,
      stepMs: this.stepMs,
      count: this.n,
      t: cut(this.t),
      cx: cut(this.cx),
      cy: cut(this.cy),
      hx: cut(this.hx),
      hy: cut(this.hy),
      fwd: cut(this.fwdA),
      back: cut(this.backA),
      ...(this.food && { food: cut(this.food) }),
      ...(this.muscle && { muscle: cut(this.muscle) }),
      zones,
      neurons,
      events: this.events,
      actions: this.actions,
      probes: this.probeValues,
    };
  }
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}
