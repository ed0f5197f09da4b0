/**
 * One generation living on one plate: every worm is its own Simulation (its
 * own body and nervous system, seeded apart) reading one shared World — one
 * odour field, one food supply that the worms eat down — stepped together on
 * one fixed clock. What a worm "ate" is food units consumed: each step, a worm
 * whose nose is on a patch with food left takes eatRate·dt from it (worms
 * earlier in the list first, a fixed order). Food that one worm eats is gone
 * for the others.
 *
 * Harm: a nose above HARM.hotC or in toxin above HARM.toxinLevel, or a body
 * within a predator's reach, adds to the worm's harm clock; at HARM.limitMs it
 * dies (it stops, keeps what it ate and is drawn grey). Predators wander at a
 * worm's crawling pace and poke (harsh touch) what they reach every
 * HARM.pokeEveryMs, so a worm can escape — if its neurons make it.
 */
import type { Circuit } from '../../circuits/types';
import type { Rng } from '../../neural/rng';
import { Simulation, SimulationInstabilityError } from '../../sim/simulation';
import { seededUniform } from '../../neural/rng';
import { World } from '../../world';
import type { NaturalConditions } from './conditions';
import type { PlateLayout } from './plate';

export const HARM = { hotC: 26, toxinLevel: 0.5, limitMs: 3000, pokeEveryMs: 500 };
export const PREDATOR = { reachMm: 0.6, speedMmS: 0.25, turnRadS: 1 };
export const PHYSICS_STEP_MS = 10;

export interface PlateWorm {
  readonly sim: Simulation;
  /** Food units consumed. */
  eaten: number;
  harmMs: number;
  alive: boolean;
  /** Its neurons went non-finite (it died of its own circuit). */
  unstable: boolean;
}

export interface Predator {
  x: number;
  y: number;
  heading: number;
  /** Time of its next poke, ms. */
  nextPokeMs: number;
}

export class Generation {
  readonly world: World;
  readonly worms: PlateWorm[];
  readonly predators: Predator[] = [];
  readonly durationMs: number;
  private time = 0;
  private readonly radius: number;

  constructor(
    c: NaturalConditions,
    layout: PlateLayout,
    circuits: readonly Circuit[],
    /** One seed per worm (its neural noise). */
    seeds: readonly number[],
    /** The generation's generator for the predators' walk (drawn after the layout). */
    private readonly rng: Rng,
  ) {
    this.durationMs = c.generationS * 1000;
    this.radius = c.plateMm / 2;
    this.world = new World(layout.arena, { makeRand: seededUniform });
    this.worms = circuits.map((circuit, i) => ({
      sim: new Simulation({ circuit, world: this.world, seed: seeds[i], start: layout.starts[i], physicsStepMs: PHYSICS_STEP_MS }),
      eaten: 0,
      harmMs: 0,
      alive: true,
      unstable: false,
    }));
    for (let i = 0; i < c.predators; i++) {
      const a = rng.next() * 2 * Math.PI;
      const d = Math.sqrt(rng.next()) * (this.radius - 1);
      this.predators.push({ x: this.radius + d * Math.cos(a), y: this.radius + d * Math.sin(a), heading: rng.next() * 2 * Math.PI, nextPokeMs: 0 });
    }
  }

  get timeMs(): number {
    return this.time;
  }
  get done(): boolean {
    return this.time >= this.durationMs - 1e-9;
  }

  /** One fixed step of every living worm, the predators and the world; then feeding and harm, in worm order. */
  step(): void {
    if (this.done) return;
    const dt = PHYSICS_STEP_MS;
    for (const w of this.worms) {
      if (!w.alive) continue;
      try {
        w.sim.step();
      } catch (e) {
        // A circuit whose neurons blow up dies of it: selection removes it like any other unfit worm.
        if (!(e instanceof SimulationInstabilityError)) throw e;
        w.alive = false;
        w.unstable = true;
      }
    }
    this.movePredators(dt);
    this.world.step(dt);
    this.time += dt;
    for (const w of this.worms) {
      if (!w.alive) continue;
      const pose = w.sim.telemetry().pose;
      const x = pose[0];
      const y = pose[1];
      w.eaten += this.world.eat(x, y, dt);
      let harmed = this.world.temperature(x, y) > HARM.hotC || this.world.toxin(x, y) > HARM.toxinLevel;
      for (const p of this.predators) {
        const near = w.sim.body.nearestBodyPoint(p.x, p.y);
        if (near.distanceMm > PREDATOR.reachMm) continue;
        harmed = true;
        if (this.time >= p.nextPokeMs) w.sim.poke(near.position, { kind: 'harsh' });
      }
      if (harmed) w.harmMs += dt;
      if (w.harmMs >= HARM.limitMs) w.alive = false;
    }
    for (const p of this.predators) if (this.time >= p.nextPokeMs) p.nextPokeMs = this.time + HARM.pokeEveryMs;
  }

  /** Run to the end of the generation or for ms, whichever is first. */
  run(ms: number = this.durationMs): void {
    const end = Math.min(this.durationMs, this.time + ms) - 1e-9;
    while (this.time < end) this.step();
  }

  /** A random walk that turns back at the dish's edge. */
  private movePredators(dt: number): void {
    const R = this.radius;
    for (const p of this.predators) {
      p.heading += PREDATOR.turnRadS * Math.sqrt(dt / 1000) * this.rng.normal();
      const step = (PREDATOR.speedMmS * dt) / 1000;
      const nx = p.x + step * Math.cos(p.heading);
      const ny = p.y + step * Math.sin(p.heading);
      if (Math.hypot(nx - R, ny - R) > R - 0.5) p.heading = Math.atan2(R - p.y, R - p.x);
      else {
        p.x = nx;
        p.y = ny;
      }
    }
  }
}
