/**
 * The arena file format (version 1): a plate, its walls and obstacles, food,
 * odour, temperature, hazards, goals and where the worm starts. Units: mm,
 * °C, seconds for diffusion rates. Coordinates: origin at the plate's top-left
 * corner, x to the right, y down (as on screen); angles in degrees from +x
 * towards +y (clockwise on screen).
 *
 * `ArenaSchema` checks shape and types; `checkArena` (in check.ts) checks
 * what depends on several fields (ids, bounds, convexity, a clear start).
 */
import { z } from 'zod';
import type { Range } from '../text/ranges';
import { didYouMean, listOf } from '../text/describe';
import { ARENA_RANGES as R } from './ranges';
import { ODOUR_NAMES, type OdourName, isOdour, unknownOdour } from './odours';

/** Objects reject unknown fields, naming the allowed ones. */
function strict<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined;
      const parts = iss.keys.map((k) => `unknown field ${JSON.stringify(k)}${didYouMean(k, allowed)}`);
      return `${parts.join('; ')}; remove it or use one of ${listOf(allowed)}`;
    },
  });
}

/** A number in its row of ARENA_RANGES (NaN and infinities are refused too). */
function n(r: Range) {
  let s = r.above ? z.number().gt(r.min) : z.number().min(r.min);
  s = s.max(r.max);
  return r.int ? s.int() : s;
}

/** A point [x, y] in mm. */
export const PointSchema = z.tuple([n(R['points [x, y]']), n(R['points [x, y]'])]);
/** A size [width, height] in mm. */
const SizeSchema = z.tuple([n(R['sizes [w, h] (walls, zones)']), n(R['sizes [w, h] (walls, zones)'])]);
const angle = n(R['angleDeg, start.headingDeg']);
const radius = n(R['radius (obstacles, zones, heat spots)']);
/** A named odour (odours.ts); omitted: "food", the bacteria's smell. */
const OdourSchema = z.custom<OdourName>(isOdour, { error: (iss) => unknownOdour(iss.input) }).describe(`one of ${ODOUR_NAMES.join(', ')}`);
const IdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, {
  error: 'an id is 1–64 letters, digits or _ . : - (no spaces)',
});

export const PlateSchema = z.discriminatedUnion('shape', [
  strict({
    shape: z.literal('rect'),
    /** [width, height] of the plate, mm. */
    size: z.tuple([n(R['plate.size[], plate.diameter']), n(R['plate.size[], plate.diameter'])]),
    /** Thickness of the physical rim outside the plate, mm (physics only; thick rims stop tunnelling). */
    rim: n(R['plate.rim']).default(1),
  }),
  strict({
    shape: z.literal('dish'),
    /** Inner diameter of the dish, mm; the dish is centred in [0, diameter]². */
    diameter: n(R['plate.size[], plate.diameter']),
    rim: n(R['plate.rim']).default(1),
  }),
]);

export const WallSchema = z.discriminatedUnion('type', [
  strict({
    type: z.literal('segment'),
    id: IdSchema.optional(),
    from: PointSchema,
    to: PointSchema,
    /** Wall thickness, mm; the ends are square and extend thickness/2 past from and to, so walls that share an end close the corner. */
    thickness: n(R['walls[].thickness']).default(0.1),
  }),
  strict({
    type: z.literal('rect'),
    id: IdSchema.optional(),
    /** Centre, mm. */
    at: PointSchema,
    size: SizeSchema,
    angleDeg: angle.default(0),
  }),
]);

export const ObstacleSchema = z.discriminatedUnion('type', [
  strict({ type: z.literal('circle'), id: IdSchema.optional(), at: PointSchema, radius }),
  strict({
    type: z.literal('polygon'),
    id: IdSchema.optional(),
    /** Vertices in order (either winding); must be convex (split concave shapes into convex pieces). */
    points: z.array(PointSchema).min(3),
  }),
  strict({
    type: z.literal('pillars'),
    id: IdSchema.optional(),
    /** Opposite corners of the region the pillar centres fill, mm. */
    from: PointSchema,
    to: PointSchema,
    /** Centre-to-centre distance, mm. */
    spacing: n(R['pillars spacing']),
    radius: n(R['pillars radius']),
    /** Largest random offset of a centre in x and in y, mm. */
    jitter: n(R['pillars jitter']).default(0),
    layout: z.enum(['hex', 'square']).default('hex'),
    /** Seed of the jitter: the same seed gives the same forest. */
    seed: n(R['pillars seed']).default(1),
  }),
]);

export const FoodSchema = strict({
  id: IdSchema.optional(),
  at: PointSchema,
  /** Radius of the bacterial lawn, mm. */
  radius: n(R['food[].radius, chemicals.sources[].radius']).default(0.5),
  /** Amount of food (1 = a standard spot); emission scales with it and eating depletes it. */
  amount: n(R['food[].amount']).default(1),
  /** Odour emitted per unit amount, a.u.·mm²/s (concentration × area per second). */
  emission: n(R['food[].emission']).default(0.2),
  /** Amount eaten per second while the worm's head is on it; 0 = never depleted. */
  eatRate: n(R['food[].eatRate']).default(0),
  /** The odour it emits; omitted: "food". */
  odour: OdourSchema.optional(),
});

/** A fixed gradient of values in `value`'s range (concentrations or temperature offsets). */
function gradient(value: Range) {
  return z.discriminatedUnion('type', [
    strict({
      type: z.literal('linear'),
      /** Value fromValue at `from`, toValue at `to`, linear along the line between, constant beyond its ends. */
      from: PointSchema,
      to: PointSchema,
      fromValue: n(value),
      toValue: n(value),
    }),
    strict({
      type: z.literal('radial'),
      at: PointSchema,
      radius,
      /** Value at the centre, falling linearly to edgeValue at `radius` and constant beyond. */
      centreValue: n(value),
      edgeValue: n(value),
    }),
  ]);
}

export const GradientSchema = gradient(R['gradient values (chemical)']);
const deltaC = n(R['gradient values (temperature), deltaC']);

export const ChemicalSourceSchema = strict({
  id: IdSchema.optional(),
  at: PointSchema,
  radius: n(R['food[].radius, chemicals.sources[].radius']).default(0.2),
  /** Odour emitted, a.u.·mm²/s. */
  emission: n(R['chemicals.sources[].emission']),
  /** Which odour (each has its own field); omitted: "food". */
  odour: OdourSchema.optional(),
});

export const ChemicalsSchema = strict({
  /** Diffusion coefficient of the odour, mm²/s. */
  diffusion: n(R['chemicals.diffusion']).default(0.05),
  /** First-order decay (evaporation), 1/s; sets the gradient's length scale sqrt(D/k). */
  decay: n(R['chemicals.decay']).default(0.005),
  /** "steady": the odour starts at its steady state (a gradient already formed); "empty": starts at zero. */
  start: z.enum(['steady', 'empty']).default('steady'),
  sources: z.array(ChemicalSourceSchema).default([]),
  /** Fixed gradients added to the diffusing odour (analytic, they do not evolve). */
  gradients: z.array(GradientSchema).default([]),
});

export const HeatSpotSchema = strict({
  at: PointSchema,
  /** Radius where the spot's effect falls to zero, mm (smooth bump (1 − r²/R²)²). */
  radius,
  /** Temperature change at the centre, °C. */
  deltaC,
});

export const TemperatureSchema = strict({
  /** Base temperature, °C (C. elegans prefers its cultivation temperature, usually 20 °C). */
  celsius: n(R['temperature.celsius']).default(20),
  /** Temperature offsets in °C added to the base, e.g. a linear gradient from −3 to +3. */
  gradients: z.array(gradient(R['gradient values (temperature), deltaC'])).default([]),
  spots: z.array(HeatSpotSchema).default([]),
});

export const ZoneShapeSchema = z.discriminatedUnion('type', [
  strict({ type: z.literal('circle'), at: PointSchema, radius }),
  strict({ type: z.literal('ring'), at: PointSchema, inner: n(R['ring inner']), outer: radius }),
  strict({ type: z.literal('rect'), at: PointSchema, size: SizeSchema, angleDeg: angle.default(0) }),
  strict({ type: z.literal('polygon'), points: z.array(PointSchema).min(3) }),
]);

export const HazardSchema = z.discriminatedUnion('kind', [
  strict({
    kind: z.literal('toxin'),
    id: IdSchema,
    zone: ZoneShapeSchema,
    /** Toxin level inside the zone, a.u. (1 = a strongly repellent copper or high-osmolarity ring). */
    level: n(R['hazards[].level']).default(1),
    /** Width of the soft edge over which the level ramps from 0 to full, mm. */
    edgeMm: n(R['hazards[].edgeMm']).default(0.1),
  }),
  strict({
    kind: z.literal('heat'),
    id: IdSchema,
    zone: ZoneShapeSchema,
    /** Temperature change inside the zone, °C. */
    deltaC,
    edgeMm: n(R['hazards[].edgeMm']).default(0.3),
  }),
]);

export const GoalSchema = strict({
  id: IdSchema,
  zone: ZoneShapeSchema,
  label: z.string().max(200).optional(),
});

export const StartSchema = strict({
  /** Centre of the worm's body, mm. */
  at: PointSchema,
  /** Direction the head points, degrees from +x towards +y. */
  headingDeg: angle.default(0),
});

export const GridSchema = strict({
  /** Cell size of the field grids, mm; default: the plate's larger side / 128, within 0.05..0.5. */
  cellMm: n(R['grid.cellMm']).optional(),
});

export const ArenaSchema = strict({
  version: z.literal(1).default(1),
  name: z.string().min(1).max(100),
  description: z.string().max(2000).default(''),
  plate: PlateSchema,
  grid: GridSchema.prefault({}),
  walls: z.array(WallSchema).default([]),
  obstacles: z.array(ObstacleSchema).default([]),
  food: z.array(FoodSchema).default([]),
  chemicals: ChemicalsSchema.prefault({}),
  temperature: TemperatureSchema.prefault({}),
  hazards: z.array(HazardSchema).default([]),
  goals: z.array(GoalSchema).default([]),
  start: StartSchema,
});

/** An arena after parsing: every default filled in. */
export type Arena = z.output<typeof ArenaSchema>;
/** An arena as a file may write it (defaults optional). */
export type ArenaInput = z.input<typeof ArenaSchema>;
export type Point = z.output<typeof PointSchema>;
export type Plate = Arena['plate'];
export type Wall = z.output<typeof WallSchema>;
export type Obstacle = z.output<typeof ObstacleSchema>;
export type PillarsSpec = Extract<Obstacle, { type: 'pillars' }>;
export type FoodSpec = z.output<typeof FoodSchema>;
export type Gradient = z.output<typeof GradientSchema>;
export type ChemicalSource = z.output<typeof ChemicalSourceSchema>;
export type Chemicals = Arena['chemicals'];
export type Temperature = Arena['temperature'];
export type HeatSpot = z.output<typeof HeatSpotSchema>;
export type ZoneShape = z.output<typeof ZoneShapeSchema>;
export type Hazard = z.output<typeof HazardSchema>;
export type Goal = z.output<typeof GoalSchema>;
export type Start = Arena['start'];
