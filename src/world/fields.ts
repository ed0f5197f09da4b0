/**
 * The arena's scalar fields, sampled anywhere in O(1) (bilinear from a grid,
 * no allocation):
 *  - odour c(x, y), a.u., one field per named odour (odours.ts): a
 *    diffusing, decaying chemical (DiffusionGrid) fed by the emitters of that
 *    odour (food, point sources); the default odour ("food") also carries the
 *    fixed analytic gradients;
 *  - temperature T(x, y), °C: base + gradients + spots + heat zones + heat
 *    added at runtime;
 *  - toxin(x, y), a.u.: the toxin zones, with soft edges.
 */
import { DiffusionGrid } from './diffusion';
import { type Shape, shapeBounds, signedDistance, containsPoint } from './geometry';
import { FieldGrid } from './grid';
import { onPlate, type ResolvedArena } from './resolve';
import type { Gradient } from './schema';
import { DEFAULT_ODOUR, type OdourName, isOdour, unknownOdour } from './odours';

/** Value of a fixed gradient at (x, y) (linear: clamped beyond its ends; radial: linear to the edge, constant beyond). */
export function gradientValue(g: Gradient, x: number, y: number): number {
  if (g.type === 'linear') {
    const ux = g.to[0] - g.from[0];
    const uy = g.to[1] - g.from[1];
    let t = ((x - g.from[0]) * ux + (y - g.from[1]) * uy) / (ux * ux + uy * uy);
    t = t < 0 ? 0 : Math.min(t, 1);
    return g.fromValue + t * (g.toValue - g.fromValue);
  }
  const t = Math.min(1, Math.hypot(x - g.at[0], y - g.at[1]) / g.radius);
  return g.centreValue + t * (g.edgeValue - g.centreValue);
}

/**
 * 0..1 membership with a soft edge: 1 deep inside, 0 outside, a smoothstep
 * across a band `edge` mm wide centred on the boundary (sd = signed distance, < 0 inside).
 */
export function edgeRamp(sd: number, edge: number): number {
  if (edge <= 0) return sd <= 0 ? 1 : 0;
  let t = 0.5 - sd / edge;
  t = t < 0 ? 0 : Math.min(t, 1);
  return t * t * (3 - 2 * t);
}

/** Smooth compact bump (1 − r²/R²)² inside radius R, 0 outside: a heat spot's profile. */
export function bump(dx: number, dy: number, radius: number): number {
  const q = 1 - (dx * dx + dy * dy) / (radius * radius);
  return q > 0 ? q * q : 0;
}

/** Something that emits odour: a food patch or a point source. */
export interface Emitter {
  x: number;
  y: number;
  radius: number;
  /** Total emission, a.u.·mm²/s. */
  rate: number;
  /** Which odour; omitted: the default ("food"). */
  odour?: OdourName;
}

/** A heat spot added at runtime (the game's heat tool, a scenario's "heat a spot"). */
export interface HeatSpotHandle {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly deltaC: number;
  readonly radius: number;
}

export class Fields {
  readonly grid: FieldGrid;
  /** The default odour's diffusing field (its `c` is the concentration without the fixed gradients). */
  readonly odour: DiffusionGrid;
  /** Every odour's field, the default's first; another odour's is made when something first emits it. */
  private readonly odours = new Map<OdourName, DiffusionGrid>();
  /** Fixed odour gradients at cell centres, or null when there are none. */
  readonly fixedOdour: Float64Array | null;
  /** Temperature at cell centres, °C. */
  readonly temperatureValues: Float64Array;
  /** Toxin level at cell centres, a.u. */
  readonly toxinValues: Float64Array;
  private readonly heat: HeatSpotHandle[] = [];
  private nextHeatId = 1;

  constructor(private readonly resolved: ResolvedArena) {
    const { plate, arena } = resolved;
    const grid = new FieldGrid(plate.width, plate.height, resolved.cellMm);
    this.grid = grid;
    this.odour = this.odourField(DEFAULT_ODOUR);
    // Odours the arena names get their fields now, in the order the file names them.
    for (const f of arena.food) if (f.odour !== undefined) this.odourField(f.odour);
    for (const s of arena.chemicals.sources) if (s.odour !== undefined) this.odourField(s.odour);

    const grads = arena.chemicals.gradients;
    if (grads.length > 0) {
      const fixed = grid.newArray();
      grid.fill(fixed, (x, y) => grads.reduce((v, g) => v + gradientValue(g, x, y), 0));
      this.fixedOdour = fixed;
    } else this.fixedOdour = null;

    this.temperatureValues = grid.newArray();
    this.toxinValues = grid.newArray();
    this.rebuildTemperature();
    const toxins = arena.hazards.flatMap((h) => (h.kind === 'toxin' ? [{ h, shape: this.zoneShape(h.id) }] : []));
    grid.fill(this.toxinValues, (x, y) => toxins.reduce((v, { h, shape }) => v + h.level * edgeRamp(signedDistance(shape, x, y), h.edgeMm), 0));
  }

  /** The field of odour `name`, made (empty, with the arena's diffusion and decay) if it has none yet. */
  odourField(name: OdourName): DiffusionGrid {
    const had = this.odours.get(name);
    if (had) return had;
    const { grid, resolved } = this;
    const { plate, arena } = resolved;
    const field = new DiffusionGrid(grid, { diffusion: arena.chemicals.diffusion, decay: arena.chemicals.decay });
    // Closed cells: off the plate, inside obstacles, and within half a cell of a wall, so a wall
    // of any thickness cuts every 4-neighbour link that crosses it (no odour leaks through).
    field.close((x, y) => !onPlate(plate, x, y));
    const half = grid.cellMm / 2;
    for (const s of resolved.solids) {
      const [x0, y0, x1, y1] = shapeBounds(s.shape);
      const shape = s.shape;
      if (s.kind === 'wall') field.close((x, y) => signedDistance(shape, x, y) <= half, [x0 - half, y0 - half, x1 + half, y1 + half]);
      else field.close((x, y) => containsPoint(shape, x, y), [x0, y0, x1, y1]);
    }
    this.odours.set(name, field);
    return field;
  }

  /** Every odour field there is, by name (the default's first). */
  odourFields(): ReadonlyMap<OdourName, DiffusionGrid> {
    return this.odours;
  }

  private zoneShape(id: string): Shape {
    const z = this.resolved.zones.find((zz) => zz.id === id);
    if (!z) throw new Error(`internal: zone ${id} not resolved`);
    return z.shape;
  }

  /** Concentration of odour `name` (default "food") at (x, y), a.u.; 0 for an odour nothing on the plate emits. */
  concentration(x: number, y: number, name: string = DEFAULT_ODOUR): number {
    if (name !== DEFAULT_ODOUR) {
      const field = this.odours.get(name as OdourName);
      if (field) return field.sample(x, y);
      if (!isOdour(name)) throw new RangeError(`concentration: ${unknownOdour(name)}`);
      return 0;
    }
    const v = this.odour.sample(x, y);
    return this.fixedOdour === null ? v : v + this.grid.sample(this.fixedOdour, x, y);
  }

  /** Temperature at (x, y), °C. */
  temperature(x: number, y: number): number {
    return this.grid.sample(this.temperatureValues, x, y);
  }

  /** Toxin level at (x, y), a.u. */
  toxin(x: number, y: number): number {
    return this.grid.sample(this.toxinValues, x, y);
  }

  /**
   * Replace the odour sources: each emitter's rate is spread evenly over the open cells of its odour's
   * field whose centres lie within its radius (or the cell it sits in). Returns the odours that emit.
   */
  setEmitters(emitters: readonly Emitter[]): Set<OdourName> {
    const { grid } = this;
    for (const e of emitters) if (e.odour !== undefined) this.odourField(e.odour);
    for (const f of this.odours.values()) f.source.fill(0);
    const emitting = new Set<OdourName>();
    const h = grid.cellMm;
    const cells: number[] = [];
    for (const e of emitters) {
      if (!(e.rate > 0)) continue;
      const name = e.odour ?? DEFAULT_ODOUR;
      emitting.add(name);
      const odour = this.odourField(name);
      const src = odour.source;
      cells.length = 0;
      const ix0 = Math.max(0, Math.floor((e.x - e.radius) / h - 0.5));
      const ix1 = Math.min(grid.nx - 1, Math.ceil((e.x + e.radius) / h - 0.5));
      const iy0 = Math.max(0, Math.floor((e.y - e.radius) / h - 0.5));
      const iy1 = Math.min(grid.ny - 1, Math.ceil((e.y + e.radius) / h - 0.5));
      for (let iy = iy0; iy <= iy1; iy++)
        for (let ix = ix0; ix <= ix1; ix++) {
          const i = grid.index(ix, iy);
          const dx = grid.centreX(ix) - e.x;
          const dy = grid.centreY(iy) - e.y;
          if (odour.open[i] === 1 && dx * dx + dy * dy <= e.radius * e.radius) cells.push(i);
        }
      if (cells.length === 0) {
        const i = grid.cellAt(e.x, e.y);
        if (odour.open[i] === 1) cells.push(i);
      }
      const perCell = e.rate / (cells.length * h * h);
      for (const i of cells) src[i] += perCell;
    }
    return emitting;
  }

  /** Add a heat spot: deltaC at (x, y) falling smoothly to 0 at radiusMm. Returns its handle (for removeHeat). */
  addHeat(x: number, y: number, deltaC: number, radiusMm: number): HeatSpotHandle {
    if (![x, y, deltaC].every(Number.isFinite) || !(radiusMm > 0 && Number.isFinite(radiusMm)))
      throw new RangeError(`addHeat: x, y and deltaC must be finite and radiusMm > 0 (got ${x}, ${y}, ${deltaC}, ${radiusMm})`);
    const spot: HeatSpotHandle = { id: this.nextHeatId++, x, y, deltaC, radius: radiusMm };
    this.heat.push(spot);
    this.addBump(spot.x, spot.y, spot.deltaC, spot.radius);
    return spot;
  }

  /** Remove a heat spot added at runtime; false if it is not there. */
  removeHeat(spot: HeatSpotHandle | number): boolean {
    const id = typeof spot === 'number' ? spot : spot.id;
    const k = this.heat.findIndex((s) => s.id === id);
    if (k < 0) return false;
    this.heat.splice(k, 1);
    this.rebuildTemperature();
    return true;
  }

  /** Heat spots added at runtime, oldest first. */
  heatSpots(): readonly HeatSpotHandle[] {
    return this.heat;
  }

  private addBump(x: number, y: number, deltaC: number, radius: number): void {
    const g = this.grid;
    const h = g.cellMm;
    const ix0 = Math.max(0, Math.floor((x - radius) / h - 0.5));
    const ix1 = Math.min(g.nx - 1, Math.ceil((x + radius) / h - 0.5));
    const iy0 = Math.max(0, Math.floor((y - radius) / h - 0.5));
    const iy1 = Math.min(g.ny - 1, Math.ceil((y + radius) / h - 0.5));
    for (let iy = iy0; iy <= iy1; iy++)
      for (let ix = ix0; ix <= ix1; ix++) this.temperatureValues[g.index(ix, iy)] += deltaC * bump(g.centreX(ix) - x, g.centreY(iy) - y, radius);
  }

  private rebuildTemperature(): void {
    const t = this.resolved.arena.temperature;
    const heatZones = this.resolved.arena.hazards.flatMap((h) => (h.kind === 'heat' ? [{ h, shape: this.zoneShape(h.id) }] : []));
    this.grid.fill(this.temperatureValues, (x, y) => {
      let v = t.celsius;
      for (const g of t.gradients) v += gradientValue(g, x, y);
      for (const { h, shape } of heatZones) v += h.deltaC * edgeRamp(signedDistance(shape, x, y), h.edgeMm);
      return v;
    });
    for (const s of t.spots) this.addBump(s.at[0], s.at[1], s.deltaC, s.radius);
    for (const s of this.heat) this.addBump(s.x, s.y, s.deltaC, s.radius);
  }
}
