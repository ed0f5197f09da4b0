/**
 * WormBody options: defaults, validation and the medium presets.
 * Units: mm, ms, µN (so drag coefficients are µN per (mm/ms) per mm of body,
 * i.e. µN·ms/mm²; 1 µN·s/mm² = 1000 µN·ms/mm²).
 */

export type BodyMedium = 'agar' | 'water';

/** Resistive-force drag of a medium, per mm of body length. */
export interface MediumDrag {
  /** Drag across the body, C⊥, µN·ms/mm². */
  dragNormal: number;
  /** C⊥ / C∥ (across / along). */
  dragRatio: number;
}

/**
 * Agar: C⊥ ≈ 100 µN·s/mm² is the order measured for crawling worms (Shen et
 * al. 2012 report ~220 in these units with ratio ~10; Boyle et al. 2012 use
 * ratio 40); we take ratio 30. Water is ~10⁴ times less resistive (Fang-Yen et
 * al. 2010) with ratio ~1.5.
 */
export const MEDIUM_DRAG: Readonly<Record<BodyMedium, Readonly<MediumDrag>>> = {
  agar: { dragNormal: 2.5e5, dragRatio: 30 },
  water: { dragNormal: 10, dragRatio: 1.5 },
};

export interface WormBodyOptions {
  /** Number of rigid segments (circles), 8..60. Default 20. */
  segments?: number;
  /** Nose-tip to tail-tip length, mm. Default 1.0. */
  lengthMm?: number;
  /** Largest body radius (mid-body), mm; the body tapers toward both ends. Default 0.04. */
  radiusMm?: number;
  /** Sets dragNormal and dragRatio unless those are given. Default 'agar'. */
  medium?: BodyMedium;
  /** C⊥/C∥ override (> 0; 1 = isotropic drag, no thrust). */
  dragRatio?: number;
  /** C⊥ override, µN·ms/mm². */
  dragNormal?: number;
  /** Tension of a fully active mid-body muscle at rest length, µN (scaled by radius toward the ends). */
  muscleForceUN?: number;
  /** Shortest length a fully active muscle pulls toward, as a fraction of rest length (Lmin/L0). */
  muscleMinLength?: number;
  /** Muscle viscosity as a time constant: β = muscleDampingMs × muscle stiffness. */
  muscleDampingMs?: number;
  /** Passive flexural rigidity EI at mid-body, µN·mm² (scaled by (r/R)³ toward the ends). */
  bendingStiffness?: number;
  /** Passive bending viscosity as a time constant: η = bendingDampingMs × EI. */
  bendingDampingMs?: number;
  /** Nose tip position, mm. Default (0, 0). */
  headXMm?: number;
  headYMm?: number;
  /** Direction the head points, rad (0 = +x, counter-clockwise positive). Default 0. */
  headingRad?: number;
  /** Soft contact between non-neighbouring segments of the same worm. Default true. */
  selfContact?: boolean;
  /** How far a full-force (1.0) harsh poke pushes the touched point if it were free, mm. */
  pokeHarshMm?: number;
  /** Same for a gentle touch, mm. */
  pokeGentleMm?: number;
  /** How long a poke pushes, ms. */
  pokeDurationMs?: number;
}

export type ResolvedBodyOptions = Required<Omit<WormBodyOptions, 'medium'>> & { medium: BodyMedium | 'custom' };

export const BODY_DEFAULTS = {
  segments: 20,
  lengthMm: 1.0,
  radiusMm: 0.04,
  medium: 'agar' as BodyMedium,
  muscleForceUN: 11,
  muscleMinLength: 0.3,
  muscleDampingMs: 20,
  bendingStiffness: 0.02,
  bendingDampingMs: 20,
  headXMm: 0,
  headYMm: 0,
  headingRad: 0,
  selfContact: true,
  pokeHarshMm: 0.08,
  pokeGentleMm: 0.008,
  pokeDurationMs: 50,
} as const;

function check(name: string, v: unknown, lo: number, hi: number, fix: string, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
    const kind = integer ? 'an integer' : 'a finite number';
    throw new RangeError(`WormBody option ${name} = ${String(v)}: must be ${kind} in ${lo}..${hi} (${fix}).`);
  }
  return v;
}

/** Fills defaults and validates; throws a RangeError naming the option and the fix. */
export function resolveBodyOptions(o: WormBodyOptions = {}): ResolvedBodyOptions {
  const medium = o.medium ?? BODY_DEFAULTS.medium;
  if (medium !== 'agar' && medium !== 'water') {
    throw new RangeError(`WormBody option medium = ${String(medium)}: must be 'agar' or 'water' (or give dragNormal/dragRatio).`);
  }
  const preset = MEDIUM_DRAG[medium];
  const custom = o.dragNormal !== undefined || o.dragRatio !== undefined;
  const selfContact = o.selfContact ?? BODY_DEFAULTS.selfContact;
  if (typeof selfContact !== 'boolean') {
    throw new RangeError(`WormBody option selfContact = ${String(selfContact)}: must be true or false.`);
  }
  return {
    segments: check('segments', o.segments ?? BODY_DEFAULTS.segments, 8, 60, 'e.g. 20', true),
    lengthMm: check('lengthMm', o.lengthMm ?? BODY_DEFAULTS.lengthMm, 0.05, 100, 'an adult worm is ~1 mm'),
    radiusMm: check('radiusMm', o.radiusMm ?? BODY_DEFAULTS.radiusMm, 1e-4, 10, 'an adult worm is ~0.04 mm'),
    medium: custom ? 'custom' : medium,
    dragNormal: check('dragNormal', o.dragNormal ?? preset.dragNormal, 1e-3, 1e9, 'µN·ms/mm²; agar 2.5e5'),
    dragRatio: check('dragRatio', o.dragRatio ?? preset.dragRatio, 0.1, 1000, 'agar 10–40, water ~1.5'),
    muscleForceUN: check('muscleForceUN', o.muscleForceUN ?? BODY_DEFAULTS.muscleForceUN, 0, 1e4, 'µN; default 11'),
    muscleMinLength: check('muscleMinLength', o.muscleMinLength ?? BODY_DEFAULTS.muscleMinLength, 0.05, 0.99, 'Lmin/L0'),
    muscleDampingMs: check('muscleDampingMs', o.muscleDampingMs ?? BODY_DEFAULTS.muscleDampingMs, 0, 1e4, 'ms'),
    bendingStiffness: check('bendingStiffness', o.bendingStiffness ?? BODY_DEFAULTS.bendingStiffness, 1e-6, 1e4, 'µN·mm²'),
    bendingDampingMs: check('bendingDampingMs', o.bendingDampingMs ?? BODY_DEFAULTS.bendingDampingMs, 0, 1e4, 'ms'),
    headXMm: check('headXMm', o.headXMm ?? BODY_DEFAULTS.headXMm, -1e6, 1e6, 'mm'),
    headYMm: check('headYMm', o.headYMm ?? BODY_DEFAULTS.headYMm, -1e6, 1e6, 'mm'),
    headingRad: check('headingRad', o.headingRad ?? BODY_DEFAULTS.headingRad, -1e3, 1e3, 'rad'),
    selfContact,
    pokeHarshMm: check('pokeHarshMm', o.pokeHarshMm ?? BODY_DEFAULTS.pokeHarshMm, 0, 10, 'mm'),
    pokeGentleMm: check('pokeGentleMm', o.pokeGentleMm ?? BODY_DEFAULTS.pokeGentleMm, 0, 10, 'mm'),
    pokeDurationMs: check('pokeDurationMs', o.pokeDurationMs ?? BODY_DEFAULTS.pokeDurationMs, 1, 10_000, 'ms'),
  };
}

/**
 * Body radius at each segment centre: flat over the middle, tapering toward
 * nose and tail (r = R·√(1 − (2u − 1)⁴), at least R/4), u = (i + ½)/N.
 */
export function radiusProfile(segments: number, radiusMm: number): Float64Array {
  const r = new Float64Array(segments);
  for (let i = 0; i < segments; i++) {
    const u = (i + 0.5) / segments;
    const e = 2 * u - 1;
    r[i] = radiusMm * Math.max(0.25, Math.sqrt(1 - e * e * e * e));
  }
  return r;
}
