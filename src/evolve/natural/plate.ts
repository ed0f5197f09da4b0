/**
 * One generation's plate, drawn from the generation's own generator: a dish
 * with food patches, hot spots and toxin patches scattered over it, and where
 * each worm starts. Every worm starts off food, out of heat and toxin, with
 * its whole body on the dish, so a worm that does not move eats nothing.
 * (Worms may overlap: seen from above, crawling worms cross each other.)
 */
import type { Rng } from '../../neural/rng';
import { type Arena, parseArena } from '../../world';
import type { NaturalConditions } from './conditions';

/** A food patch: radius, amount (units), how fast a worm on it eats (units/s) and the odour it gives off. */
export const FOOD = { radiusMm: 1, amount: 1, eatRate: 0.1, emission: 0.2 };
export const HEAT = { radiusMm: 2.5, deltaC: 8 };
export const TOXIN = { radiusMm: 1.5, level: 1 };
/** A worm starts at least this far (mm) from the edge of any food, heat or toxin patch. */
export const START_CLEARANCE_MM = 1.5;
const BODY_MM = 1;

export interface StartPose {
  xMm: number;
  yMm: number;
  headingRad: number;
}

export interface PlateLayout {
  arena: Arena;
  starts: StartPose[];
}

interface Disc {
  x: number;
  y: number;
  r: number;
  /** Extra distance anything placed later keeps from it, mm. */
  pad: number;
}

/** Rejection sampling with a fixed number of tries, so a crowded plate stays deterministic (fewer patches rather than a loop). */
function place(rng: Rng, R: number, margin: number, taken: readonly Disc[], r: number, pad: number, tries = 200): Disc | null {
  for (let t = 0; t < tries; t++) {
    const a = rng.next() * 2 * Math.PI;
    const d = Math.sqrt(rng.next()) * (R - margin - r);
    const x = R + d * Math.cos(a);
    const y = R + d * Math.sin(a);
    if (taken.every((o) => Math.hypot(o.x - x, o.y - y) >= o.r + o.pad + r)) return { x, y, r, pad };
  }
  return null;
}

/**
 * The worms are placed first (straight, anywhere on the dish, any heading),
 * then the patches around them: a patch that finds no room is left out, so
 * every worm always has its start, however crowded the conditions.
 */
export function layoutPlate(c: NaturalConditions, rng: Rng): PlateLayout {
  const R = c.plateMm / 2;
  const taken: Disc[] = [];
  const starts: StartPose[] = [];
  for (let i = 0; i < c.population; i++) {
    const a = rng.next() * 2 * Math.PI;
    const d = Math.sqrt(rng.next()) * (R - BODY_MM - 0.5);
    const h = rng.next() * 2 * Math.PI;
    const s = { xMm: R + d * Math.cos(a), yMm: R + d * Math.sin(a), headingRad: h };
    starts.push(s);
    for (let k = 0; k <= 4; k++) {
      const back = (k / 4) * BODY_MM;
      taken.push({ x: s.xMm - back * Math.cos(h), y: s.yMm - back * Math.sin(h), r: 0, pad: START_CLEARANCE_MM });
    }
  }
  const food: Disc[] = [];
  const heat: Disc[] = [];
  const toxin: Disc[] = [];
  for (let i = 0; i < c.foodPatches; i++) {
    const d = place(rng, R, 0.5, taken, FOOD.radiusMm, 0.5);
    if (!d) continue;
    taken.push(d);
    food.push(d);
  }
  // A hot spot is harmful (above 26 °C) within about 0.6 of its radius: that core is what keeps clear of starts and patches.
  for (let i = 0; i < c.heatSpots; i++) {
    const d = place(rng, R, 0, taken, HEAT.radiusMm * 0.6, 0);
    if (!d) continue;
    taken.push(d);
    heat.push(d);
  }
  for (let i = 0; i < c.toxinPatches; i++) {
    const d = place(rng, R, 0.5, taken, TOXIN.radiusMm, 0);
    if (!d) continue;
    taken.push(d);
    toxin.push(d);
  }
  const arena = parseArena(
    {
      name: 'natural selection',
      description: 'A dish with food, heat and toxin laid out for one generation.',
      plate: { shape: 'dish', diameter: c.plateMm },
      food: food.map((d, i) => ({
        id: `food-${i + 1}`,
        at: [d.x, d.y],
        radius: FOOD.radiusMm,
        amount: FOOD.amount,
        eatRate: FOOD.eatRate,
        emission: FOOD.emission,
      })),
      temperature: { spots: heat.map((d) => ({ at: [d.x, d.y], radius: HEAT.radiusMm, deltaC: HEAT.deltaC })) },
      hazards: toxin.map((d, i) => ({ kind: 'toxin', id: `toxin-${i + 1}`, zone: { type: 'circle', at: [d.x, d.y], radius: d.r }, level: TOXIN.level })),
      start: { at: [R, R], headingDeg: 0 },
    },
    'natural selection plate',
  );
  return { arena, starts };
}
