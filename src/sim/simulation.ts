import { Subject, type Observable } from 'rxjs';
import { BODY_DEFAULTS, createPhysics, DEFAULT_STEP_MS, MATTER_UNITS_PER_MM, MAX_STEP_MS, stepBodies, WormBody, type WormBodyOptions } from '../body';
import type { Circuit } from '../circuits';
import { resolveControllerBindings, transducesConductance } from './bindings';
import { FeedingSense } from '../controllers/feeding';
import { FieldSensor } from '../controllers/field-sensor';
import { OdourSensors } from '../controllers/odour-sensors';
import { MuscleController } from '../controllers/muscle';
import { ProprioceptionController } from '../controllers/proprioception';
import { SkinController } from '../controllers/skin';
import type { Network, PlasticWeight } from '../neural/network';
import { buildNetwork } from '../neural/network-cache';
import { Rng, seededUniform } from '../neural/rng';
import type { BehaviourEvent, MotorFrame, Stimulus, Telemetry, TouchStimulus } from '../streams/types';
import { addArenaBodies, getArena, World, type Arena } from '../world';
import { BehaviourTracker, type BehaviourSnapshot, type FrequencyReading } from './behaviour';
import { RunMeasures } from './measures';
import { CLONE, drawIndividual, individualNetwork, type Individual } from './individual';
import type { Monitor } from '../monitor/monitor';
import { MonitorHost, type MonitorSpec } from './monitors';
import { normalSource, type NormalSource } from './noise';
import { resolvePoke, sideSign, type PokedBody, type PokeOptions, type PokeTarget } from './poke';
import { getBuiltinCircuit } from '../circuits/builtin';
import type { Medium, SimulationApi, SimulationOptions } from './types';

/** Thrown when a neuron's membrane potential goes non-finite; names the neuron and the time. */
export class SimulationInstabilityError extends Error {
  constructor(
    message: string,
    /** Id of the first neuron (in circuit order) found non-finite. */
    readonly neuron: string,
    /** Simulated time of the step that failed, ms (the clock stays there). */
    readonly timeMs: number,
  ) {
    super(message);
    this.name = 'SimulationInstabilityError';
  }
}

export type SimOptions = SimulationOptions<Circuit, Arena> & {
  /** Body mechanics overrides (muscle strength, stiffness, drag...); placement and medium come from the options above. */
  body?: Omit<WormBodyOptions, 'segments' | 'medium' | 'headXMm' | 'headYMm' | 'headingRad'>;
  /**
   * Standard deviation of a white-noise current into every neuron, pA per
   * neural sub-step, drawn from the simulation's seeded generator: channel
   * noise, and what makes two seeds two different worms. 0 turns it off.
   */
  neuralNoisePa?: number | undefined;
  /**
   * A world shared with other simulations (natural selection: many worms on
   * one plate, one odour field, one food supply). Its arena is the arena; the
   * owner steps it once per tick (this simulation only reads it and never steps it).
   */
  world?: World | undefined;
};

const DEFAULTS = { seed: 1, hoursOffFood: 0, neuralNoisePa: 0.02, medium: 'agar' as Medium, segments: 20, physicsStepMs: DEFAULT_STEP_MS, neuralStepMs: 1 };

/**
 * One worm in one arena: body, nervous system, controllers and world on one
 * fixed-step clock. Each step: pokes → skin; head sensors sample the world;
 * neural sub-steps (sensor currents in, motor output to the muscles' calcium
 * filter); muscles + drag → physics; behaviour from the pose; one motor and
 * one telemetry frame out.
 */
export class Simulation implements SimulationApi {
  readonly seed: number;
  readonly segments: number;
  readonly bodyLengthMm: number;
  readonly physicsStepMs: number;
  readonly neuralStepMs: number;
  readonly circuit: Circuit;
  readonly world: World;
  readonly body: WormBody;
  private readonly bodies: readonly WormBody[];
  readonly network: Network;
  readonly rng: Rng;
  readonly neuralNoisePa: number;
  /** What this seed's worm is (CLONE unless the `individual` option is on). */
  readonly individual: Individual;
  /** The neural noise's normal deviates, a stream seeded from rng (ziggurat: ~1/3 of Box–Muller's cost). */
  private readonly noise: NormalSource;

  private medium_: Medium;
  private time = 0;
  /** False when the world is shared (opts.world): its owner steps it. */
  private readonly ownsWorld: boolean;
  private readonly subSteps: number;
  private readonly skin: SkinController;
  private readonly muscles: MuscleController;
  private readonly stretch: ProprioceptionController;
  private readonly chemo: OdourSensors;
  private readonly thermo: FieldSensor;
  private readonly toxin: FieldSensor;
  private readonly feeding: FeedingSense;
  private readonly tracker: BehaviourTracker;
  private readonly measures = new RunMeasures();
  private readonly stimuliSubject = new Subject<Stimulus>();
  private readonly motorSubject = new Subject<MotorFrame>();
  private readonly telemetrySubject = new Subject<Telemetry>();
  private readonly eventsSubject = new Subject<BehaviourEvent>();
  private readonly pose: Float64Array;
  private readonly curvature: Float64Array;
  /** Sensor currents that hold over a physics step (stretch, chemical, temperature, toxin). */
  private readonly heldInput: Float64Array;
  /** The held inputs' conductance (sensor transduction by conductance; zeros otherwise). */
  private readonly heldConductance: Float64Array;
  private readonly contact: Uint8Array;
  private readonly contactPrev: Uint8Array;
  private readonly frame: Telemetry;
  private readonly motorFrame: MotorFrame;
  private readonly stepEvents: BehaviourEvent[] = [];
  private readonly pending: Stimulus[] = [];
  private readonly pokedBody: PokedBody;
  private readonly monitors = new MonitorHost(this);

  readonly stimuli$: Observable<Stimulus> = this.stimuliSubject.asObservable();
  readonly motor$: Observable<MotorFrame> = this.motorSubject.asObservable();
  readonly telemetry$: Observable<Telemetry> = this.telemetrySubject.asObservable();
  readonly events$: Observable<BehaviourEvent> = this.eventsSubject.asObservable();

  constructor(opts: SimOptions) {
    // An option given as undefined takes its default (a spread alone would keep the undefined).
    const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as { [K in keyof SimOptions]: Exclude<SimOptions[K], undefined> };
    const o = { ...DEFAULTS, ...given };
    if (!Number.isFinite(o.seed)) throw new RangeError(`Simulation: seed must be a finite number, got ${o.seed}`);
    this.seed = o.seed;
    this.rng = new Rng(o.seed);
    this.noise = normalSource(this.rng);
    if (!(o.neuralNoisePa >= 0 && Number.isFinite(o.neuralNoisePa))) {
      throw new RangeError(`Simulation: neuralNoisePa must be a finite number ≥ 0 (pA), got ${o.neuralNoisePa}; 0 turns the noise off`);
    }
    this.neuralNoisePa = o.neuralNoisePa;
    this.medium_ = o.medium;
    this.segments = o.segments;
    if (!(o.physicsStepMs > 0 && o.physicsStepMs <= MAX_STEP_MS + 1e-9)) {
      throw new RangeError(
        `Simulation: physicsStepMs = ${o.physicsStepMs} must be in (0, 1000/60 ≈ 16.667] ms (matter-js is unreliable above; default ${DEFAULT_STEP_MS})`,
      );
    }
    if (!(o.neuralStepMs > 0 && Number.isFinite(o.neuralStepMs))) {
      throw new RangeError(`Simulation: neuralStepMs = ${o.neuralStepMs} must be a number > 0 ms (default 1)`);
    }
    this.physicsStepMs = o.physicsStepMs;
    this.neuralStepMs = o.neuralStepMs;
    this.subSteps = Math.round(o.physicsStepMs / o.neuralStepMs);
    if (Math.abs(this.subSteps * o.neuralStepMs - o.physicsStepMs) > 1e-9 || this.subSteps < 1) {
      throw new RangeError(
        `Simulation: physicsStepMs (${o.physicsStepMs}) must be a whole multiple of neuralStepMs (${o.neuralStepMs}), e.g. neuralStepMs ${o.physicsStepMs / Math.max(1, Math.round(o.physicsStepMs))} or 0.5`,
      );
    }
    this.circuit = typeof o.circuit === 'string' ? getBuiltinCircuit(o.circuit) : o.circuit;
    // Drawn after the noise took its words from rng, so a clone's noise is the same with or without it.
    this.individual = o.individual ? drawIndividual(this.rng, this.circuit.network) : CLONE;
    const ind = this.individual;
    const lengthMm = (o.body?.lengthMm ?? BODY_DEFAULTS.lengthMm) * ind.bodyLengthFactor;
    if (opts.world && opts.arena !== undefined) throw new RangeError('Simulation: give an arena or a shared world, not both (a shared world brings its arena)');
    const arena = opts.world?.arena ?? (typeof o.arena === 'string' ? getArena(o.arena) : (o.arena ?? getArena('plate')));
    this.world = opts.world ?? new World(arena, { makeRand: seededUniform });
    this.ownsWorld = !opts.world;

    const engine = createPhysics();
    addArenaBodies(engine, this.world.resolved, MATTER_UNITS_PER_MM);
    const placed = o.start ?? this.startFromArena(lengthMm);
    if (o.start) this.checkStart(placed, lengthMm);
    const start = this.jitterStart(placed, lengthMm);
    this.body = new WormBody(engine, {
      ...o.body,
      lengthMm,
      muscleForceUN: (o.body?.muscleForceUN ?? BODY_DEFAULTS.muscleForceUN) * ind.muscleForceFactor,
      segments: o.segments,
      medium: o.medium,
      headXMm: start.xMm,
      headYMm: start.yMm,
      headingRad: start.headingRad,
    });
    this.bodies = [this.body];
    this.bodyLengthMm = this.body.lengthMm;

    // A cache lent by a population or an evaluation hands back a finished worm's network of this very spec, reset (network-cache.ts).
    this.network = buildNetwork(individualNetwork(this.circuit.network, ind), { inputConductance: transducesConductance(this.circuit) });
    const b = resolveControllerBindings(this.circuit, this.network);
    this.skin = new SkinController(b.touch, b.tap, this.network.ids);
    this.muscles = new MuscleController(b.muscles, { segments: o.segments });
    this.stretch = new ProprioceptionController(b.stretch, o.segments, this.bodyLengthMm, this.physicsStepMs);
    this.chemo = new OdourSensors(b.chemical);
    this.thermo = new FieldSensor(b.temperature);
    this.toxin = new FieldSensor(b.toxin);
    this.feeding = new FeedingSense(b.lawn, b.hunger, o.hoursOffFood);
    this.tracker = new BehaviourTracker({ bodyLengthMm: this.bodyLengthMm }, o.physicsStepMs);

    this.pose = new Float64Array(2 * o.segments);
    this.curvature = new Float64Array(o.segments - 2);
    this.heldInput = new Float64Array(this.network.size);
    this.heldConductance = new Float64Array(this.network.size);
    this.contact = new Uint8Array(o.segments);
    this.contactPrev = new Uint8Array(o.segments);
    this.body.positions(this.pose);
    this.motorFrame = { timeMs: 0, activation: this.muscles.activation };
    this.frame = {
      timeMs: 0,
      pose: this.pose,
      v: this.network.v,
      output: this.network.output,
      spiked: this.network.spiked,
      muscles: this.muscles.activation,
      events: this.stepEvents,
    };
    this.tracker.update(this.pose, 0, this.stepEvents);
    const body = this.body;
    this.pokedBody = { pose: this.pose, lengthMm: this.bodyLengthMm, nearestBodyPoint: (x, y) => body.nearestBodyPoint(x, y) };
  }

  /** The arena gives the body's centre; the body is placed by its nose, half a body length ahead. */
  private startFromArena(lengthMm: number): { xMm: number; yMm: number; headingRad: number } {
    const s = this.world.start;
    const half = lengthMm / 2;
    return { xMm: s.x + half * Math.cos(s.heading), yMm: s.y + half * Math.sin(s.heading), headingRad: s.heading };
  }

  /** The individual's placement jitter, unless it would put part of the body off open plate (then the placement as given). */
  private jitterStart(s: { xMm: number; yMm: number; headingRad: number }, lengthMm: number): { xMm: number; yMm: number; headingRad: number } {
    const j = this.individual.start;
    if (j.dxMm === 0 && j.dyMm === 0 && j.dHeadingRad === 0) return s;
    const moved = { xMm: s.xMm + j.dxMm, yMm: s.yMm + j.dyMm, headingRad: s.headingRad + j.dHeadingRad };
    return this.bodyFree(moved, lengthMm) === null ? moved : s;
  }

  /** The first point of a straight body at `start` that is off open plate, or null. */
  private bodyFree(start: { xMm: number; yMm: number; headingRad: number }, lengthMm: number): [number, number] | null {
    for (let k = 0; k <= 10; k++) {
      const d = (k / 10) * lengthMm;
      const x = start.xMm - d * Math.cos(start.headingRad);
      const y = start.yMm - d * Math.sin(start.headingRad);
      if (!this.world.isFree(x, y)) return [x, y];
    }
    return null;
  }

  /** A start given by the caller must put the whole body on open plate (not off the dish, not inside a wall). */
  private checkStart(start: { xMm: number; yMm: number; headingRad: number }, lengthMm: number): void {
    const { xMm, yMm, headingRad } = start;
    if (![xMm, yMm, headingRad].every(Number.isFinite)) {
      throw new RangeError(`Simulation: start must be finite numbers (xMm, yMm, headingRad), got ${JSON.stringify(start)}`);
    }
    const off = this.bodyFree(start, lengthMm);
    if (off) {
      const [x, y] = off;
      const s = this.world.start;
      throw new RangeError(
        `Simulation: the worm's body at start (nose at [${xMm}, ${yMm}] mm, heading ${((headingRad * 180) / Math.PI).toFixed(0)}°) ` +
          `is off the plate or inside a wall at [${x.toFixed(2)}, ${y.toFixed(2)}] mm; place it on open plate ` +
          `(this arena's own start is the body centre at [${s.x}, ${s.y}] mm) or leave the start out to use the arena's`,
      );
    }
  }

  get timeMs(): number {
    return this.time;
  }
  get medium(): Medium {
    return this.medium_;
  }
  get neuronIds(): readonly string[] {
    return this.network.ids;
  }

  step(): void {
    this.stepEvents.length = 0;
    this.sense();
    this.think();
    this.move();
    this.stepWorld();
    this.report();
  }

  // The four phases of a step, in order. Protected so a benchmark can time
  // them in a subclass (bench/sim.ts) without a clock call in the hot path.

  /** Queued pokes and new wall contacts go out on stimuli$; the head samples the world; the body's curvature is read. */
  protected sense(): void {
    for (const s of this.pending) this.stimuliSubject.next(s);
    this.pending.length = 0;
    this.touchFromContacts();
    this.sampleHead(this.physicsStepMs);
    if (this.feeding.bound) this.sampleFood(this.physicsStepMs);
    this.body.curvature(this.curvature);
  }

  /** Neural sub-steps: sensor currents and noise in, network step, motor output into the muscles' calcium filter. */
  protected think(): void {
    const dtN = this.neuralStepMs;
    // Stretch and head-sensor currents hold over the physics step (their inputs only change with it).
    const held = this.heldInput;
    const heldG = this.heldConductance;
    held.fill(0);
    heldG.fill(0);
    this.stretch.apply(held, heldG, this.curvature);
    this.chemo.apply(held, heldG);
    this.thermo.apply(held, heldG);
    this.toxin.apply(held, heldG);
    this.feeding.apply(held, heldG);
    const input = this.network.input;
    const inputG = this.network.inputConductance;
    const sub = this.monitors.atSubstep;
    for (let k = 0; k < this.subSteps; k++) {
      input.set(held);
      inputG.set(heldG);
      this.skin.apply(input, inputG, dtN); // touch receptors adapt within the step
      if (this.neuralNoisePa > 0) this.noise.addTo(input, this.neuralNoisePa);
      this.network.step(dtN);
      this.muscles.update(this.network.output, dtN);
      for (let m = 0; m < sub.length; m++) sub[m].tick(this.time + (k + 1) * dtN);
    }
    this.checkNeuralFinite();
  }

  /** Muscle activations to the body; one physics step (muscles, drag, contacts). */
  protected move(): void {
    this.body.setActivations(this.muscles.activation);
    stepBodies(this.body.engine, this.bodies, this.physicsStepMs);
  }

  /** The world's fields (diffusion, food, heat spots) step; the clock advances. */
  protected stepWorld(): void {
    if (this.ownsWorld) this.world.step(this.physicsStepMs);
    this.time += this.physicsStepMs;
  }

  /** Pose → behaviour tracker; events, the motor frame and the telemetry frame go out. */
  protected report(): void {
    this.body.positions(this.pose);
    this.tracker.update(this.pose, this.time, this.stepEvents);
    this.measures.update(this.stepEvents, this.world.foodAt(this.pose[0], this.pose[1]) !== null, this.physicsStepMs);
    for (const e of this.stepEvents) this.eventsSubject.next(e);
    this.motorFrame.timeMs = this.time;
    this.motorSubject.next(this.motorFrame);
    this.frame.timeMs = this.time;
    this.telemetrySubject.next(this.frame);
    const at = this.monitors.atStep;
    for (let m = 0; m < at.length; m++) at[m].tick(this.time);
  }

  /**
   * Records chosen neuron variables, body and world quantities into typed
   * arrays, every `everyMs`, at the end of each step or after each neural
   * sub-step (sim/monitors.ts). Stop it to detach.
   */
  monitor(spec: MonitorSpec): Monitor {
    return this.monitors.attach(spec);
  }

  run(ms: number): void {
    if (!(ms >= 0 && Number.isFinite(ms))) throw new RangeError(`Simulation.run: ms = ${ms} must be a finite number ≥ 0 (simulated milliseconds)`);
    const end = this.time + ms - 1e-9;
    while (this.time < end) this.step();
  }

  poke(at: PokeTarget, opts: PokeOptions = {}): TouchStimulus | null {
    const p = resolvePoke(at, opts, this.pokedBody);
    if (!p) return null;
    this.body.poke(p.position, sideSign(p.side), p.force, p.kind);
    // Its pulse acts over the steps that end within pokeDurationMs (plus the step it starts in): not the worm's own motion.
    this.tracker.pushUntil(this.time + this.body.options.pokeDurationMs + this.physicsStepMs);
    const touch = this.skin.touchAt(p.position, p.side, p.kind, p.force, 'poke');
    this.pending.push(touch);
    return touch;
  }

  tapPlate(force = 0.5): void {
    finiteArgs('tapPlate', { force });
    if (force < 0 || force > 1) throw new RangeError(`Simulation.tapPlate: force = ${force} must be in 0..1`);
    this.pending.push(this.skin.tapPlate(force));
  }

  setMedium(medium: Medium): void {
    this.medium_ = medium;
    this.body.setMedium(medium);
  }

  telemetry(): Telemetry {
    return this.frame;
  }

  dropFood(xMm: number, yMm: number, amount = 1): void {
    finiteArgs('dropFood', { xMm, yMm, amount });
    this.world.addFood(xMm, yMm, amount);
  }
  heatSpot(xMm: number, yMm: number, deltaC: number, radiusMm = 1): void {
    finiteArgs('heatSpot', { xMm, yMm, deltaC, radiusMm });
    this.world.addHeat(xMm, yMm, deltaC, radiusMm);
  }
  ablate(neuronId: string): void {
    this.network.ablate(neuronId);
  }
  cutSynapse(fromId: string, toId: string): void {
    this.network.cutSynapse(fromId, toId);
  }
  setNeuronParam(neuronId: string, param: string, value: number): void {
    this.network.setParam(neuronId, param, value);
  }

  plasticWeights(): PlasticWeight[] {
    return this.network.plasticWeights();
  }
  setLearning(on: boolean): void {
    this.network.setLearning(on);
  }
  resetLearnedWeights(): void {
    this.network.resetLearnedWeights();
  }
  modulatorLevels(): Record<string, number> {
    return Object.fromEntries(this.network.modulators.map((m) => [m, this.network.modulatorLevel(m)]));
  }
  bathModulator(name: string, concentration: number | null): void {
    this.network.setBath(name, concentration);
  }

  behaviour(): BehaviourSnapshot {
    return this.tracker.snapshot(this.pose, this.time);
  }
  bendingFrequencyHz(windowMs?: number, reading?: FrequencyReading): number {
    return this.tracker.bendingFrequencyHz(windowMs, reading);
  }
  wavelengthBodyLengths(windowMs?: number, reading?: FrequencyReading): number {
    return this.tracker.wavelengthBodyLengths(windowMs, reading);
  }
  waveDirection(windowMs?: number, reading?: FrequencyReading): -1 | 0 | 1 {
    return this.tracker.waveDirection(windowMs, reading);
  }
  bendAmplitude(windowMs?: number): number {
    return this.tracker.bendAmplitude(windowMs);
  }
  headPosition(): [number, number] {
    return [this.pose[0], this.pose[1]];
  }
  lastCrawlMm(): number {
    return this.tracker.lastStepMm;
  }

  distanceToFoodMm(): number {
    const [x, y] = this.headPosition();
    const f = this.world.nearestFood(x, y);
    return f ? Math.max(0, Math.hypot(f.x - x, f.y - y) - f.radius) : Infinity;
  }
  inZone(zoneId: string): boolean {
    const [x, y] = this.headPosition();
    return this.world.inZone(zoneId, x, y);
  }
  distanceToZoneMm(zoneId: string): number {
    return this.world.distanceToZone(zoneId, this.pose[0], this.pose[1]);
  }
  temperatureAtNoseC(): number {
    return this.world.temperature(this.pose[0], this.pose[1]);
  }
  timeOnFoodMs(): number {
    return this.measures.timeOnFoodMs;
  }
  reversalCount(): number {
    return this.measures.reversalCount;
  }
  reversalsPerMinute(windowMs?: number): number {
    return this.measures.reversalsPerMinute(this.time, windowMs);
  }
  omegaTurnCount(): number {
    return this.measures.omegaTurnCount;
  }

  /** The nose's left and right sample points, one body radius to each side. */
  private sampleHead(dtMs: number): void {
    const hx = this.pose[0];
    const hy = this.pose[1];
    const th = this.body.headingRad();
    const r = Math.max(this.body.radii[0], 0.01);
    const lx = hx - Math.sin(th) * r;
    const ly = hy + Math.cos(th) * r;
    const rx = hx + Math.sin(th) * r;
    const ry = hy - Math.cos(th) * r;
    const w = this.world;
    if (this.chemo.bound) this.chemo.sample(w, lx, ly, rx, ry, dtMs);
    if (this.thermo.bound) this.thermo.sample(w.temperature(lx, ly), w.temperature(rx, ry), dtMs);
    if (this.toxin.bound) this.toxin.sample(w.toxin(lx, ly), w.toxin(rx, ry), dtMs);
  }

  /** The lawn under the body and the feeding state (eating while the nose is on food). */
  private sampleFood(dtMs: number): void {
    const p = this.pose;
    const w = this.world;
    this.feeding.sample(this.segments, (i) => w.foodAt(p[2 * i], p[2 * i + 1]) !== null, w.foodAt(p[0], p[1]) !== null, dtMs);
  }

  /** The feeding state: 0 well fed .. 1 starved (grows off food, falls while the nose is on food). */
  get hunger(): number {
    return this.feeding.hunger;
  }

  /** A segment newly pressed against a wall or obstacle is a gentle touch there. */
  private touchFromContacts(): void {
    this.body.contacts(this.contact);
    const n = this.segments;
    for (let i = 0; i < n; i++) {
      if (this.contact[i] && !this.contactPrev[i]) {
        const s = this.skin.touchAt((i + 0.5) / n, 'both', 'gentle', 0.4, 'contact');
        this.stimuliSubject.next(s);
      }
    }
    this.contactPrev.set(this.contact);
  }

  private checkNeuralFinite(): void {
    const v = this.network.v;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) {
        const id = this.network.ids[i];
        throw new SimulationInstabilityError(
          `Simulation: neuron ${id} has a non-finite membrane potential (${v[i]}) at t = ${this.time} ms. ` +
            `Its model (${this.network.modelOf(i)}) is unstable with these parameters or inputs: lower synaptic weights, gap-junction conductances or sensor gains onto it, or use a smaller neuralStepMs.`,
          id,
          this.time,
        );
      }
    }
  }
}

/** Public calls refuse NaN and infinities where they are made: inside, one would surface as a NaN a step later, far from its cause. */
function finiteArgs(call: string, args: Record<string, number>): void {
  for (const [name, v] of Object.entries(args))
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`Simulation.${call}: ${name} = ${v} must be a finite number`);
}

export function createSimulation(opts: SimOptions): Simulation {
  return new Simulation(opts);
}
