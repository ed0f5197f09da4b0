/**
 * The conditions a player sets for natural selection: how many worms, how
 * long a generation lasts, what lies on the plate (food, heat, toxin,
 * predators) and how offspring differ from their parents. Checked before
 * anything runs: a bad value names its field, the allowed range and the fix.
 */

export interface NaturalConditions {
  /** The run's seed: same conditions and seed → the same generations, bit for bit. */
  seed: number;
  /** Worms per generation. */
  population: number;
  /** Simulated seconds a generation lives. */
  generationS: number;
  /** Diameter of the dish, mm (the worm is ~1 mm long). */
  plateMm: number;
  /** Food patches (bacterial lawns, 1 unit each) laid out afresh every generation. */
  foodPatches: number;
  /** Hot spots (+8 °C at the centre): a worm whose nose is above 26 °C is harmed. */
  heatSpots: number;
  /** Toxin patches (copper-like repellent): a worm whose nose is in one is harmed. */
  toxinPatches: number;
  /** Touch predators wandering the plate: they poke (harsh touch) and harm any worm in their reach. */
  predators: number;
  /** Chance that each free value of an offspring is perturbed (σ = 0.1 of its range). */
  mutationRate: number;
  /** Fraction of the generation, best eaters first, that reproduces; the rest die without offspring. */
  survivors: number;
}

export const NATURAL_DEFAULTS: Readonly<NaturalConditions> = Object.freeze({
  seed: 1,
  population: 20,
  generationS: 60,
  plateMm: 24,
  foodPatches: 12,
  heatSpots: 0,
  toxinPatches: 0,
  predators: 0,
  mutationRate: 0.2,
  survivors: 0.25,
});

/** Allowed range of each field, and whether it must be a whole number. */
export const NATURAL_RANGES: Readonly<Record<keyof NaturalConditions, { lo: number; hi: number; whole: boolean }>> = Object.freeze({
  seed: { lo: 0, hi: 2 ** 32 - 1, whole: true },
  population: { lo: 2, hi: 60, whole: true },
  generationS: { lo: 1, hi: 600, whole: false },
  plateMm: { lo: 10, hi: 40, whole: false },
  foodPatches: { lo: 0, hi: 40, whole: true },
  heatSpots: { lo: 0, hi: 10, whole: true },
  toxinPatches: { lo: 0, hi: 10, whole: true },
  predators: { lo: 0, hi: 10, whole: true },
  mutationRate: { lo: 0, hi: 1, whole: false },
  survivors: { lo: 0.05, hi: 1, whole: false },
});

/** Defaults filled in for what is left out; throws a RangeError listing every bad field with its range and the fix. */
export function naturalConditions(given: Partial<NaturalConditions> = {}): NaturalConditions {
  const c = { ...NATURAL_DEFAULTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as NaturalConditions;
  const bad: string[] = [];
  for (const [k, r] of Object.entries(NATURAL_RANGES) as Array<[keyof NaturalConditions, (typeof NATURAL_RANGES)[keyof NaturalConditions]]>) {
    if (!(k in NATURAL_DEFAULTS)) continue;
    const v = c[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < r.lo || v > r.hi || (r.whole && !Number.isInteger(v)))
      bad.push(
        `natural selection conditions: ${k} = ${String(v)} must be ${r.whole ? 'a whole number' : 'a number'} in ${r.lo}..${r.hi}; fix: set ${k} inside that range (default ${NATURAL_DEFAULTS[k]})`,
      );
  }
  for (const k of Object.keys(given))
    if (!(k in NATURAL_DEFAULTS)) bad.push(`natural selection conditions: unknown field "${k}"; fix: use ${Object.keys(NATURAL_DEFAULTS).join(', ')}`);
  if (bad.length > 0) throw new RangeError(bad.join('\n'));
  return c;
}
