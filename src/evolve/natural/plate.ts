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
 * Heat and toxin are placed first (few, and the player asked for them), then
 * the worms clear of them, then the food around the worms: a food patch that
 * finds no room is left out, so a crowded plate has less food, never a worm
 * starting on food or in harm's way.
 */
export function layoutPlate(c: NaturalConditions, rng: Rng): PlateLayout {
  const R = c.plateMm / 2;
  const taken: Disc[] = [];
  const heat: Disc[] = [];
  const toxin: Disc[] = [];
  // A hot spot is harmful (above 26 °C) within about 0.6 of its radius: that core is what keeps clear of the rest.
  for (let i = 0; i < c.heatSpots; i++) {
    const d = place(rng, R, HEAT.radiusMm * 0.4, taken, HEAT.radiusMm * 0.6, START_CLEARANCE_MM);
    if (!d) continue;
    taken.push(d);
    heat.push(d);
  }
  for (let i = 0; i < c.toxinPatches; i++) {
    const d = place(rng, R, 0.5, taken, TOXIN.radiusMm, START_CLEARANCE_MM);
    if (!d) continue;
    taken.push(d);
    toxin.push(d);
  }
  const starts: StartPose[] = [];
  for (let i = 0; i < c.population; i++) {
    let s: StartPose | null = null;
    for (let t = 0; t < 500 && !s; t++) {
      const a = rng.next() * 2 * Math.PI;
      const d = Math.sqrt(rng.next()) * (R - BODY_MM - 0.5);
      const h = rng.next() * 2 * Math.PI;
      const x = R + d * Math.cos(a);
      const y = R + d * Math.sin(a);
      const clear = (k: number) => taken.every((o) => Math.hypot(o.x - (x - k * Math.cos(h)), o.y - (y - k * Math.sin(h))) >= o.r + o.pad);
      if (clear(0) && clear(BODY_MM / 2) && clear(BODY_MM)) s = { xMm: x, yMm: y, headingRad: h };
    }
    if (!s)
      throw new RangeError(
        `natural selection: no room for worm ${i + 1} clear of heat and toxin on a ${c.plateMm} mm dish; fix: fewer heat spots or toxin patches, or a larger plate`,
      );
    starts.push(s);
  }
  for (const s of starts)
    for (let k = 0; k <= 4; k++) {
      const back = (k / 4) * BODY_MM;
      taken.push({ x: s.xMm - back * Math.cos(s.headingRad), y: s.yMm - back * Math.sin(s.headingRad), r: 0, pad: START_CLEARANCE_MM });
    }
  const food: Disc[] = [];
  for (let i = 0; i < c.foodPatches; i++) {
    const d = place(rng, R, 0.5, taken, FOOD.radiusMm, 0.5);
    if (!d) continue;
    taken.push(d);
    food.push(d);
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
