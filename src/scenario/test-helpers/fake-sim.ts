/**
 * TEST DOUBLE — used only by the scenario tests, never by the CLI or the game.
 *
 * A deterministic kinematic worm behind the runner's port (ScenarioSim): it
 * crawls along its heading with a small travelling wave, reverses after
 * anterior touches and taps (weaker each time, recovering with rest), speeds
 * up after posterior touches, omega-turns after harsh touches, steers toward
 * food and reports simple neuron outputs. It lets the runner, actions and
 * expectations be tested end to end without the real simulation; its
 * recording goes through the real monitor facility.
 */
import { Subject } from 'rxjs';
import type { Monitor } from '../../monitor/monitor';
import { seededUniform } from '../../neural/rng';
import { alongBodyVelocity } from '../../sim/kinematics';
import { MonitorHost, type MonitorSource, type MonitorSpec } from '../../sim/monitors';
import type { BehaviourSnapshot } from '../../sim/behaviour';
import type { PokeOptions, PokeTarget } from '../../sim/poke';
import type { Medium, SimulationOptions } from '../../sim/types';
import type { BehaviourEvent, Telemetry, TouchStimulus } from '../../streams/types';
import type { ScenarioSim, SimBackend } from '../backend';
import { circuitFilePath } from '../load';

export const FAKE_NEURONS = ['ALML', 'ALMR', 'AVM', 'PLML', 'PLMR', 'AVAL', 'AVAR', 'AVBL', 'AVBR', 'AVDL', 'AVDR', 'PVCL', 'PVCR', 'ASHL', 'ASHR'] as const;
export const FAKE_ARENAS = ['plate', 'hot-plate'] as const;

interface Zone {
  id: string;
  x: number;
  y: number;
  radius: number;
}

export interface FakeConfig {
  stepMs?: number;
  /** Emit an 'unstable' event at this time. */
  unstableAtMs?: number;
  /** Throw from step() at this time, as the real simulation's guards do. */
  throwAtMs?: number;
  /** Every call of the API that changes the world, for assertions. */
  log?: string[];
}

const SEGMENTS = 12;
const BODY_MM = 1;
/** The drawn body wave: lateral amplitude and wavelength, mm. */
const WAVE_AMP_MM = 0.02;
const WAVELENGTH_MM = 0.65;

/** The double counts the nose as on food within this distance of a dropped food point, mm. */
const FAKE_LAWN_RADIUS_MM = 0.5;

export class FakeSim implements ScenarioSim, MonitorSource {
  timeMs = 0;
  readonly physicsStepMs: number;
  readonly neuralStepMs = 1;
  readonly neuronIds: readonly string[] = [...FAKE_NEURONS];
  readonly bodyLengthMm = BODY_MM;
  readonly events$ = new Subject<BehaviourEvent>();

  private medium: Medium;
  private readonly monitors = new MonitorHost(this);
  private readonly random: () => number;
  private readonly log: string[];
  private readonly unstableAtMs: number;
  private readonly throwAtMs: number;
  private readonly zones: Zone[];
  private x: number;
  private y: number;
  private heading: number;
  private phase = 0;
  private direction: 'forward' | 'backward' = 'forward';
  private reverseAt = Infinity;
  private reverseUntil = -Infinity;
  private reverseMs = 0;
  private omegaPending = false;
  private boostUntil = -Infinity;
  private habituation = 1;
  private touchUntil: Record<string, number> = {};
  private readonly ablated = new Set<string>();
  private readonly cut = new Set<string>();
  private readonly food: Array<[number, number]> = [];
  private readonly tel: Telemetry;
  private readonly prevPose: Float64Array;
  private crawlMm = 0;

  constructor(opts: SimulationOptions, config: FakeConfig = {}) {
    this.random = seededUniform(opts.seed ?? 1);
    this.medium = opts.medium ?? 'agar';
    this.physicsStepMs = opts.physicsStepMs ?? config.stepMs ?? 10;
    this.log = config.log ?? [];
    this.unstableAtMs = config.unstableAtMs ?? Infinity;
    this.throwAtMs = config.throwAtMs ?? Infinity;
    const arena = opts.arena ?? 'plate';
    if (typeof arena === 'string' && !(FAKE_ARENAS as readonly string[]).includes(arena)) throw new Error(`unknown arena ${arena}`);
    this.zones =
      typeof arena === 'string' ? (arena === 'hot-plate' ? [{ id: 'hot', x: 3, y: 0, radius: 1 }] : []) : ((arena as { zones?: Zone[] }).zones ?? []);
    this.x = opts.start?.xMm ?? 0;
    this.y = opts.start?.yMm ?? 0;
    this.heading = opts.start?.headingRad ?? 0;
    const n = FAKE_NEURONS.length;
    this.prevPose = new Float64Array(2 * SEGMENTS);
    this.tel = {
      timeMs: 0,
      pose: new Float64Array(2 * SEGMENTS),
      v: new Float64Array(n),
      output: new Float64Array(n),
      spiked: new Uint8Array(n),
      muscles: new Float64Array(2 * SEGMENTS),
      events: [],
    };
    this.updatePose();
    this.updateNeurons();
  }

  private get baseSpeed(): number {
    return this.medium === 'water' ? 0.3 : 0.15;
  }

  private get frequencyHz(): number {
    return this.medium === 'water' ? 1.8 : 0.4;
  }

  step(): void {
    const dt = this.physicsStepMs;
    const t = this.timeMs + dt;
    if (this.distanceToFoodMm() <= FAKE_LAWN_RADIUS_MM) this.onFoodMs += dt;
    const events: BehaviourEvent[] = [];
    if (t >= this.reverseAt) {
      this.reverseAt = Infinity;
      this.direction = 'backward';
      this.reverseUntil = t + this.reverseMs;
      events.push({ type: 'reversal-start', timeMs: t });
    }
    if (this.direction === 'backward' && t >= this.reverseUntil) {
      this.direction = 'forward';
      events.push({ type: 'reversal-end', timeMs: t });
      if (this.omegaPending) {
        this.omegaPending = false;
        this.heading += Math.PI;
        events.push({ type: 'omega-turn', timeMs: t });
      }
    }
    // Habituation recovers toward 1 with a 20 s time constant.
    this.habituation += (1 - this.habituation) * (dt / 20_000);
    if (this.food.length > 0 && this.direction === 'forward') {
      const [fx, fy] = this.nearestFood();
      let d = Math.atan2(fy - this.y, fx - this.x) - this.heading;
      d = Math.atan2(Math.sin(d), Math.cos(d));
      this.heading += Math.max(-1, Math.min(1, d)) * 0.002 * dt;
    }
    const speed = this.direction === 'forward' ? this.baseSpeed * (t < this.boostUntil ? 2 : 1) : -0.2;
    this.x += (Math.cos(this.heading) * speed * dt) / 1000;
    this.y += (Math.sin(this.heading) * speed * dt) / 1000;
    this.phase += (this.frequencyHz * dt) / 1000;
    if (t > this.throwAtMs) throw new RangeError(`neuron X has a non-finite membrane potential at t = ${this.timeMs} ms`);
    this.timeMs = t;
    this.prevPose.set(this.tel.pose);
    this.updatePose();
    // Along-body travel of this step, as the real behaviour tracker measures it (this double's pokes do not push).
    this.crawlMm = alongBodyVelocity(this.prevPose, this.tel.pose, dt) * dt;
    this.updateNeurons();
    if (t >= this.unstableAtMs && this.unstableAtMs > t - dt) events.push({ type: 'unstable', timeMs: t, detail: 'fake' });
    this.tel.timeMs = t;
    for (const e of events) this.events$.next(e);
    for (const m of [...this.monitors.atStep]) m.tick(t);
  }

  run(ms: number): void {
    const end = this.timeMs + ms;
    while (this.timeMs < end - 1e-9) this.step();
  }

  monitor(spec: MonitorSpec): Monitor {
    return this.monitors.attach(spec);
  }

  telemetry(): Telemetry {
    return this.tel;
  }

  /** The double's crawl as the behaviour tracker would report it (direction from its own state). */
  behaviour(): BehaviourSnapshot {
    const along = this.direction === 'forward' ? this.baseSpeed : -0.2;
    return {
      timeMs: this.timeMs,
      centroid: [this.tel.pose[SEGMENTS - 1]!, this.tel.pose[SEGMENTS]!],
      headingRad: this.heading,
      alongMmPerS: along,
      speedMmPerS: Math.abs(along),
      speedBlPerS: Math.abs(along) / BODY_MM,
      direction: this.direction,
      forwardMm: 0,
      backwardMm: 0,
    };
  }

  private updatePose(): void {
    const c = Math.cos(this.heading);
    const s = Math.sin(this.heading);
    for (let i = 0; i < SEGMENTS; i++) {
      const u = (i / (SEGMENTS - 1)) * BODY_MM;
      const lateral = WAVE_AMP_MM * Math.sin(2 * Math.PI * (this.phase - u / WAVELENGTH_MM));
      this.tel.pose[2 * i] = this.x - c * u - s * lateral;
      this.tel.pose[2 * i + 1] = this.y - s * u + c * lateral;
    }
  }

  private updateNeurons(): void {
    const out = this.tel.output;
    const t = this.timeMs;
    FAKE_NEURONS.forEach((id, k) => {
      let o = 0.05;
      if (this.ablated.has(id)) o = 0;
      else if (id.startsWith('AVA') || id.startsWith('AVD')) o = this.direction === 'backward' ? 0.9 : 0.05;
      else if (id.startsWith('AVB') || id.startsWith('PVC')) o = this.direction === 'forward' ? 0.6 : 0.05;
      else if ((this.touchUntil[id] ?? -1) > t) o = 1;
      out[k] = o;
      this.tel.v[k] = -70 + 50 * o;
    });
    // Muscles: a steady 0.3 while crawling, 0.9 on the first segment for 300 ms after a touch.
    this.tel.muscles.fill(0.3);
    const touchedAt = Math.max(this.touchUntil.ALML ?? -Infinity, this.touchUntil.PLML ?? -Infinity) - 200;
    if (t < touchedAt + 300) this.tel.muscles[0] = 0.9;
  }

  private nearestFood(): [number, number] {
    let best = this.food[0];
    for (const f of this.food) if (Math.hypot(f[0] - this.x, f[1] - this.y) < Math.hypot(best[0] - this.x, best[1] - this.y)) best = f;
    return best;
  }

  private startReversal(durationMs: number, omega: boolean): void {
    const commandAlive = !(this.ablated.has('AVAL') && this.ablated.has('AVAR'));
    if (!commandAlive || this.direction === 'backward' || this.reverseAt !== Infinity) return;
    this.reverseAt = this.timeMs + 300 + Math.floor(this.random() * 100);
    this.reverseMs = durationMs;
    this.omegaPending = omega;
  }

  poke(position: PokeTarget, opts: PokeOptions = {}): TouchStimulus | null {
    if (typeof position !== 'number') return null; // no world points: the fake has no body to hit
    const kind = opts.kind ?? 'gentle';
    this.log.push(`${this.timeMs} poke ${position} ${opts.side ?? 'both'} ${kind}${opts.force !== undefined ? ` ${opts.force}` : ''}`);
    const neurons = position < 0.5 ? ['ALML', 'ALMR', 'AVM'] : ['PLML', 'PLMR'];
    for (const id of neurons) this.touchUntil[id] = this.timeMs + 200;
    if (kind === 'harsh') this.startReversal(2000, true);
    else if (position < 0.3) {
      if (!this.cut.has('ALML>AVDL')) this.startReversal(2000 * this.habituation, false);
      this.habituation *= 0.85;
    } else if (position > 0.7) this.boostUntil = this.timeMs + 3000;
    return { type: 'touch', position, side: opts.side ?? 'both', kind, force: opts.force ?? (kind === 'harsh' ? 1 : 0.3), source: 'poke', neurons };
  }

  tapPlate(force?: number): void {
    this.log.push(`${this.timeMs} tap${force !== undefined ? ` ${force}` : ''}`);
    this.startReversal(2000 * this.habituation, false);
    this.habituation *= 0.85;
  }

  setMedium(medium: Medium): void {
    this.log.push(`${this.timeMs} medium ${medium}`);
    this.medium = medium;
  }

  dropFood(xMm: number, yMm: number, amount?: number): void {
    this.log.push(`${this.timeMs} food ${xMm} ${yMm}${amount !== undefined ? ` ${amount}` : ''}`);
    this.food.push([xMm, yMm]);
  }

  heatSpot(xMm: number, yMm: number, deltaC: number, radiusMm?: number): void {
    this.log.push(`${this.timeMs} heat ${xMm} ${yMm} ${deltaC}${radiusMm !== undefined ? ` ${radiusMm}` : ''}`);
  }

  ablate(neuronId: string): void {
    this.log.push(`${this.timeMs} ablate ${neuronId}`);
    if (!this.neuronIds.includes(neuronId)) throw new Error(`no neuron ${neuronId}`);
    this.ablated.add(neuronId);
  }

  cutSynapse(fromId: string, toId: string): void {
    this.log.push(`${this.timeMs} cut ${fromId} ${toId}`);
    this.cut.add(`${fromId}>${toId}`);
  }

  setNeuronParam(neuronId: string, param: string, value: number): void {
    this.log.push(`${this.timeMs} set ${neuronId} ${param} ${value}`);
  }

  bendingFrequencyHz(): number {
    return this.frequencyHz;
  }

  wavelengthBodyLengths(): number {
    return 0.65;
  }

  /** The drawn wave's bend (lateral amplitude × wavenumber², × body length), as the tracker would read it. */
  bendAmplitude(): number {
    return WAVE_AMP_MM * ((2 * Math.PI) / WAVELENGTH_MM) ** 2 * BODY_MM;
  }

  waveDirection(): -1 | 0 | 1 {
    return this.direction === 'forward' ? 1 : -1;
  }

  headPosition(): [number, number] {
    return [this.tel.pose[0], this.tel.pose[1]];
  }

  lastCrawlMm(): number {
    return this.crawlMm;
  }

  /** The double's plate is at 20 °C everywhere, plus 1 °C inside the 'hot' zone (the real world's fields are tested with the real simulation). */
  temperatureAtNoseC(): number {
    return this.inZone('hot') ? 21 : 20;
  }

  private onFoodMs = 0;
  timeOnFoodMs(): number {
    return this.onFoodMs;
  }

  distanceToFoodMm(): number {
    if (this.food.length === 0) return Infinity;
    const [fx, fy] = this.nearestFood();
    return Math.hypot(fx - this.tel.pose[0], fy - this.tel.pose[1]);
  }

  inZone(zoneId: string): boolean {
    const z = this.zones.find((q) => q.id === zoneId);
    return z !== undefined && Math.hypot(this.tel.pose[0] - z.x, this.tel.pose[1] - z.y) <= z.radius;
  }
}

/** A backend whose simulations are FakeSims; `created` collects them for assertions. */
export function fakeBackend(config: FakeConfig = {}): SimBackend & { created: FakeSim[] } {
  const created: FakeSim[] = [];
  return {
    created,
    createSimulation: (opts) => {
      const sim = new FakeSim(opts, config);
      created.push(sim);
      return sim;
    },
    loadCircuitFile: (path) => ({ fakeCircuitFrom: path }),
    circuitFilePath,
    arenaNames: FAKE_ARENAS,
    zoneDistanceMm: (arena) => {
      const zones: Zone[] =
        arena === undefined || typeof arena === 'string'
          ? arena === 'hot-plate'
            ? [{ id: 'hot', x: 3, y: 0, radius: 1 }]
            : []
          : ((arena as { zones?: Zone[] }).zones ?? []);
      return (id, x, y) => {
        const z = zones.find((q) => q.id === id);
        if (!z) throw new Error(`the arena has no zone "${id}"`);
        return Math.max(0, Math.hypot(x - z.x, y - z.y) - z.radius);
      };
    },
    zoneIds: (arena) =>
      arena === undefined || typeof arena === 'string' ? (arena === 'hot-plate' ? ['hot'] : []) : ((arena as { zones?: Zone[] }).zones ?? []).map((z) => z.id),
  };
}
