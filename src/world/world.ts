/**
 * The world at run time: an arena's geometry, its fields, its food and its
 * zones, advanced on the simulation clock. Headless and deterministic: the
 * same arena, seed generator and calls give the same numbers bit for bit.
 */
import { type Emitter, Fields, type HeatSpotHandle } from './fields';
import { containsPoint, signedDistance } from './geometry';
import { listOf } from '../text/describe';
import { type MakeRand, type PlateGeometry, type ResolvedArena, type Solid, type StartPose, type Zone, onPlate, resolveArena } from './resolve';
import type { Arena } from './schema';
import { DEFAULT_ODOUR, type OdourName, isOdour, unknownOdour } from './odours';

/** A food patch: a bacterial lawn the worm can reach and eat. `amount` falls as it is eaten. */
export interface FoodPatch {
  readonly id: string;
  x: number;
  y: number;
  readonly radius: number;
  /** Food left (1 = a standard spot); an empty patch (0) stays listed but no longer counts as food or emits odour. */
  amount: number;
  /** Odour per unit amount, a.u.·mm²/s. */
  readonly emission: number;
  /** Amount eaten per second while on it; 0 = never depleted. */
  readonly eatRate: number;
  /** The odour it emits. */
  readonly odour: OdourName;
}

export interface WorldOptions {
  /** Makes the seeded [0, 1) generator for a pillar field's seed. */
  makeRand: MakeRand;
  /** Simulated time between odour updates, ms (the odour changes slowly; a few per second is plenty). Default 250. */
  fieldUpdateMs?: number;
}

export interface AddFoodOptions {
  id?: string;
  radius?: number;
  emission?: number;
  eatRate?: number;
  /** The odour it emits (default "food"). */
  odour?: OdourName;
}

/** Steady odour states already solved, per seeded-generator factory and arena (oldest dropped first). */
const steadyCache = new WeakMap<MakeRand, Map<string, Float64Array>>();
const STEADY_CACHE_SIZE = 16;

export class World {
  readonly arena: Arena;
  readonly resolved: ResolvedArena;
  readonly fields: Fields;
  readonly fieldUpdateMs: number;
  private readonly food_: FoodPatch[] = [];
  private readonly zoneById = new Map<string, Zone>();
  private emittersStale = true;
  /** Odours something has emitted: the others' fields are all zero and their updates are skipped. */
  private readonly odoursLive = new Set<OdourName>();
  private pendingMs = 0;
  private time = 0;
  private nextFoodId = 1;

  constructor(arena: Arena, opts: WorldOptions) {
    const interval = opts.fieldUpdateMs ?? 250;
    if (!(interval > 0 && Number.isFinite(interval))) throw new RangeError(`World: fieldUpdateMs must be > 0 (got ${interval})`);
    this.fieldUpdateMs = interval;
    this.arena = arena;
    this.resolved = resolveArena(arena, opts.makeRand);
    for (const z of this.resolved.zones) this.zoneById.set(z.id, z);
    this.fields = new Fields(this.resolved);
    arena.food.forEach((f, i) =>
      this.food_.push({
        id: f.id ?? `food[${i}]`,
        x: f.at[0],
        y: f.at[1],
        radius: f.radius,
        amount: f.amount,
        emission: f.emission,
        eatRate: f.eatRate,
        odour: f.odour ?? DEFAULT_ODOUR,
      }),
    );
    this.refreshEmitters();
    if (arena.chemicals.start === 'steady' && arena.chemicals.decay > 0) this.startSteady(opts.makeRand);
  }

  /** Start the odour at its steady state; the same arena (and generator) reuses an earlier solve, bit for bit the same. */
  private startSteady(makeRand: MakeRand): void {
    let perRand = steadyCache.get(makeRand);
    if (!perRand) steadyCache.set(makeRand, (perRand = new Map()));
    const arenaKey = JSON.stringify(this.arena);
    for (const [name, odour] of this.fields.odourFields()) {
      const key = name === DEFAULT_ODOUR ? arenaKey : `${name}\n${arenaKey}`;
      const hit = perRand.get(key);
      if (hit) {
        odour.c.set(hit);
        continue;
      }
      odour.solveSteady();
      if (perRand.size >= STEADY_CACHE_SIZE) perRand.delete(perRand.keys().next().value as string);
      perRand.set(key, odour.c.slice());
    }
  }

  /** Simulated time the world has been advanced by, ms. */
  get timeMs(): number {
    return this.time;
  }

  get plate(): PlateGeometry {
    return this.resolved.plate;
  }

  get start(): StartPose {
    return this.resolved.start;
  }

  /** Walls and obstacles (pillar fields expanded), as the physics bodies are built. */
  get solids(): readonly Solid[] {
    return this.resolved.solids;
  }

  get zones(): readonly Zone[] {
    return this.resolved.zones;
  }

  /** Every food patch, including emptied ones, in the order added. */
  get food(): readonly FoodPatch[] {
    return this.food_;
  }

  /** Advance by dtMs of simulated time; the odour updates every fieldUpdateMs (sub-stepped for stability). */
  step(dtMs: number): void {
    if (!(dtMs >= 0)) throw new RangeError(`World.step: dtMs must be ≥ 0 (got ${dtMs})`);
    this.time += dtMs;
    this.pendingMs += dtMs;
    while (this.pendingMs >= this.fieldUpdateMs) {
      this.pendingMs -= this.fieldUpdateMs;
      if (this.emittersStale) this.refreshEmitters();
      for (const [name, odour] of this.fields.odourFields()) if (this.odoursLive.has(name)) odour.advance(this.fieldUpdateMs / 1000);
    }
  }

  /** Concentration of odour `name` (default "food") at (x, y), a.u. */
  concentration(x: number, y: number, name: string = DEFAULT_ODOUR): number {
    return this.fields.concentration(x, y, name);
  }

  /** Temperature at (x, y), °C. */
  temperature(x: number, y: number): number {
    return this.fields.temperature(x, y);
  }

  /** Toxin level at (x, y), a.u. */
  toxin(x: number, y: number): number {
    return this.fields.toxin(x, y);
  }

  /** Is (x, y) inside the hazard or goal zone `zoneId`? Throws for an unknown id. */
  inZone(zoneId: string, x: number, y: number): boolean {
    return containsPoint(this.zone(zoneId).shape, x, y);
  }

  /** Distance from (x, y) to the edge of zone `zoneId`, mm; 0 inside it. Throws for an unknown id. */
  distanceToZone(zoneId: string, x: number, y: number): number {
    return Math.max(0, signedDistance(this.zone(zoneId).shape, x, y));
  }

  private zone(zoneId: string): Zone {
    const z = this.zoneById.get(zoneId);
    if (!z) throw new Error(`unknown zone ${JSON.stringify(zoneId)}; this arena's zones are ${listOf([...this.zoneById.keys()]) || '(none)'}`);
    return z;
  }

  /** Ids of the zones containing (x, y). */
  zonesAt(x: number, y: number): string[] {
    return this.resolved.zones.filter((z) => containsPoint(z.shape, x, y)).map((z) => z.id);
  }

  /** Is (x, y) on the plate and outside every wall and obstacle? */
  isFree(x: number, y: number): boolean {
    if (!onPlate(this.resolved.plate, x, y)) return false;
    for (const s of this.resolved.solids) if (signedDistance(s.shape, x, y) <= 0) return false;
    return true;
  }

  /** The food patch (with food left) that (x, y) is on, or null. */
  foodAt(x: number, y: number): FoodPatch | null {
    for (const f of this.food_) {
      const dx = x - f.x;
      const dy = y - f.y;
      if (f.amount > 0 && dx * dx + dy * dy <= f.radius * f.radius) return f;
    }
    return null;
  }

  /** The patch with food left whose edge is nearest to (x, y) (distance to its edge: hypot − radius), or null if there is none. */
  nearestFood(x: number, y: number): FoodPatch | null {
    let best: FoodPatch | null = null;
    let bestD = Infinity;
    for (const f of this.food_) {
      if (!(f.amount > 0)) continue;
      const d = Math.hypot(x - f.x, y - f.y) - f.radius;
      if (d < bestD) {
        bestD = d;
        best = f;
      }
    }
    return best;
  }

  /** Place food at run time (the game's food tool). It starts emitting odour at the next field update. */
  addFood(x: number, y: number, amount: number, opts: AddFoodOptions = {}): FoodPatch {
    const radius = opts.radius ?? 0.5;
    const emission = opts.emission ?? 0.2;
    const eatRate = opts.eatRate ?? 0;
    const odour = opts.odour ?? DEFAULT_ODOUR;
    if (!isOdour(odour)) throw new RangeError(`addFood: ${unknownOdour(odour)}`);
    if (![x, y].every(Number.isFinite) || !(amount >= 0) || !(radius > 0) || !(emission >= 0) || !(eatRate >= 0))
      throw new RangeError(
        `addFood: x, y finite, amount ≥ 0, radius > 0, emission ≥ 0, eatRate ≥ 0 (got ${x}, ${y}, ${amount}, ${radius}, ${emission}, ${eatRate})`,
      );
    if (!this.isFree(x, y)) throw new RangeError(`addFood: (${x}, ${y}) is off the plate or inside a wall or obstacle; check isFree(x, y) first`);
    const id = opts.id ?? `added-food-${this.nextFoodId++}`;
    if (this.food_.some((f) => f.id === id)) throw new RangeError(`addFood: id ${JSON.stringify(id)} is already used`);
    const patch: FoodPatch = { id, x, y, radius, amount, emission, eatRate, odour };
    this.food_.push(patch);
    this.emittersStale = true;
    return patch;
  }

  /** Move a food patch (a scenario's "drag food"). */
  moveFood(patch: FoodPatch, x: number, y: number): void {
    if (!this.isFree(x, y)) throw new RangeError(`moveFood: (${x}, ${y}) is off the plate or inside a wall or obstacle`);
    patch.x = x;
    patch.y = y;
    this.emittersStale = true;
  }

  /** The worm feeds at (x, y) for dtMs: depletes the patch there by eatRate·dt. Returns the amount eaten (0 off food or on a never-depleted patch). */
  eat(x: number, y: number, dtMs: number): number {
    const f = this.foodAt(x, y);
    if (f === null || f.eatRate === 0) return 0;
    const eaten = Math.min(f.amount, (f.eatRate * dtMs) / 1000);
    f.amount -= eaten;
    if (eaten > 0) this.emittersStale = true;
    return eaten;
  }

  /** Heat a spot (the game's heat tool): deltaC °C at (x, y), falling smoothly to 0 at radiusMm. */
  addHeat(x: number, y: number, deltaC: number, radiusMm: number): HeatSpotHandle {
    return this.fields.addHeat(x, y, deltaC, radiusMm);
  }

  removeHeat(spot: HeatSpotHandle | number): boolean {
    return this.fields.removeHeat(spot);
  }

  private refreshEmitters(): void {
    const emitters: Emitter[] = this.food_.map((f) => ({ x: f.x, y: f.y, radius: f.radius, rate: f.amount * f.emission, odour: f.odour }));
    for (const s of this.arena.chemicals.sources)
      emitters.push({ x: s.at[0], y: s.at[1], radius: s.radius, rate: s.emission, odour: s.odour ?? DEFAULT_ODOUR });
    for (const name of this.fields.setEmitters(emitters)) this.odoursLive.add(name);
    this.emittersStale = false;
  }
}

/** A world for a parsed arena. */
export function createWorld(arena: Arena, opts: WorldOptions): World {
  return new World(arena, opts);
}
