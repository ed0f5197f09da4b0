import { describe, expect, it } from 'vitest';
import { getArena } from './builtins';
import { parseArena } from './parse';
import type { Arena } from './schema';
import { seededRand } from './testing';
import { World } from './world';

const base = {
  name: 'test',
  plate: { shape: 'rect', size: [10, 6] },
  start: { at: [2, 3] },
  chemicals: { diffusion: 0.1, decay: 0.01 },
  grid: { cellMm: 0.2 },
};
const world = (extra: object = {}, fieldUpdateMs?: number) =>
  new World(parseArena({ ...base, ...extra }, 'test.json'), { makeRand: seededRand, ...(fieldUpdateMs ? { fieldUpdateMs } : {}) });

describe('World zones', () => {
  const w = world({
    hazards: [
      { kind: 'toxin', id: 'ring', zone: { type: 'ring', at: [5, 3], inner: 1, outer: 1.5 }, level: 2, edgeMm: 0.2 },
      { kind: 'heat', id: 'box', zone: { type: 'rect', at: [8, 3], size: [1, 2], angleDeg: 90 }, deltaC: 5, edgeMm: 0 },
    ],
    goals: [
      {
        id: 'tri',
        zone: {
          type: 'polygon',
          points: [
            [0, 0],
            [2, 0],
            [0, 2],
          ],
        },
      },
      { id: 'disc', zone: { type: 'circle', at: [5, 3], radius: 0.5 } },
    ],
  });

  it('knows which zones a point is in', () => {
    expect(w.inZone('ring', 6.25, 3)).toBe(true);
    expect(w.inZone('ring', 5, 3)).toBe(false);
    expect(w.inZone('ring', 5, 4.6)).toBe(false);
    // The rect is turned 90°: 2 mm wide in x, 1 mm tall in y.
    expect(w.inZone('box', 8.9, 3)).toBe(true);
    expect(w.inZone('box', 8, 3.6)).toBe(false);
    expect(w.inZone('tri', 0.5, 0.5)).toBe(true);
    expect(w.inZone('tri', 1.5, 1.5)).toBe(false);
    expect(w.zonesAt(5, 3)).toEqual(['disc']);
    expect(w.zonesAt(0.2, 0.2)).toEqual(['tri']);
    expect(() => w.inZone('rng', 0, 0)).toThrow('unknown zone "rng"; this arena\'s zones are "ring", "box", "tri" or "disc"');
  });

  it('gives toxin and heat zones soft or hard edges', () => {
    const cell = w.fields.grid.cellMm;
    expect(w.toxin(6.25, 3)).toBeCloseTo(2, 9);
    expect(w.toxin(5, 3)).toBe(0);
    // On the boundary the ramp is half way (to the grid's resolution).
    expect(w.toxin(6.5, 3)).toBeGreaterThan(0.7);
    expect(w.toxin(6.5, 3)).toBeLessThan(1.3);
    expect(w.toxin(6.75, 3)).toBe(0);
    expect(w.temperature(8, 3)).toBeCloseTo(25, 9);
    expect(w.temperature(8, 3.5 + 2 * cell)).toBeCloseTo(20, 9);
  });
});

describe('World food', () => {
  it('finds the food a point is on and the nearest patch', () => {
    const w = world({
      food: [
        { id: 'a', at: [3, 3], radius: 0.5 },
        { id: 'b', at: [8, 3], radius: 1.5 },
      ],
    });
    expect(w.foodAt(3.4, 3)?.id).toBe('a');
    expect(w.foodAt(3.6, 3)).toBeNull();
    // Nearest by distance to the edge: b is bigger, so its edge is nearer from x = 5.6.
    expect(w.nearestFood(4.9, 3)?.id).toBe('a');
    expect(w.nearestFood(5.1, 3)?.id).toBe('b');
  });

  it('places food at run time; its odour spreads from the next field update', () => {
    const w = world({}, 250);
    expect(w.concentration(5, 3)).toBe(0);
    const f = w.addFood(5, 3, 1, { radius: 0.4 });
    expect(f.id).toBe('added-food-1');
    expect(w.foodAt(5, 3)).toBe(f);
    w.step(200);
    expect(w.concentration(5, 3)).toBe(0);
    w.step(100);
    const c1 = w.concentration(5, 3);
    expect(c1).toBeGreaterThan(0);
    w.step(5000);
    expect(w.concentration(5, 3)).toBeGreaterThan(c1);
    expect(w.concentration(5, 3)).toBeGreaterThan(w.concentration(6, 3));
    expect(() => w.addFood(20, 3, 1)).toThrow(/off the plate or inside a wall/);
    expect(() => w.addFood(4, 3, 1, { id: 'added-food-1' })).toThrow(/already used/);
  });

  it('is eaten at eatRate, stops emitting when empty, and then is no longer food', () => {
    const w = world({ food: [{ id: 'snack', at: [5, 3], amount: 1, eatRate: 0.5 }] });
    const peak = w.concentration(5, 3);
    expect(peak).toBeGreaterThan(0);
    expect(w.eat(5, 3, 1000)).toBeCloseTo(0.5, 12);
    expect(w.eat(5, 3, 3000)).toBeCloseTo(0.5, 12);
    expect(w.food[0].amount).toBe(0);
    expect(w.foodAt(5, 3)).toBeNull();
    expect(w.nearestFood(5, 3)).toBeNull();
    expect(w.eat(5, 3, 1000)).toBe(0);
    w.step(60_000);
    // Without its source the odour decays (k = 0.01/s for 60 s: ×e^-0.6) and spreads.
    expect(w.concentration(5, 3)).toBeLessThan(peak * Math.exp(-0.6));
    // Food with eatRate 0 is never used up.
    const w2 = world({ food: [{ at: [5, 3] }] });
    expect(w2.eat(5, 3, 1000)).toBe(0);
    expect(w2.food[0].amount).toBe(1);
  });

  it('moves food; the odour follows', () => {
    const w = world({ food: [{ id: 'f', at: [3, 3] }] });
    w.moveFood(w.food[0], 7, 3);
    const before = w.concentration(7, 3);
    w.step(30_000);
    expect(w.concentration(7, 3)).toBeGreaterThan(before);
    expect(w.concentration(7, 3)).toBeGreaterThan(w.concentration(3, 3));
  });
});

describe('World heat', () => {
  it('adds a smooth heat spot and removes it exactly', () => {
    const w = world({ temperature: { celsius: 18, spots: [{ at: [8, 2], radius: 1, deltaC: -3 }] } });
    const before = Float64Array.from(w.fields.temperatureValues);
    // (8, 2) lies between four cell centres 0.1·√2 mm away (0.2 mm cells).
    expect(w.temperature(8, 2)).toBeCloseTo(18 - 3 * (1 - 0.02) ** 2, 9);
    const g = w.fields.grid;
    const cx = g.centreX(20);
    const cy = g.centreY(20);
    const spot = w.addHeat(cx, cy, 6, 1.5);
    expect(w.temperature(cx, cy)).toBeCloseTo(24, 12);
    expect(w.temperature(cx + 1.6, cy)).toBeCloseTo(18, 12);
    // (1 − r²/R²)²: at r = R/2 the spot gives 9/16 of its peak.
    expect(w.temperature(cx + g.cellMm * Math.round(0.75 / g.cellMm), cy) - 18).toBeCloseTo(
      6 * (1 - (g.cellMm * Math.round(0.75 / g.cellMm)) ** 2 / 2.25) ** 2,
      9,
    );
    expect(w.fields.heatSpots()).toEqual([spot]);
    expect(w.removeHeat(spot)).toBe(true);
    expect(w.removeHeat(spot)).toBe(false);
    expect(w.fields.temperatureValues).toEqual(before);
  });
});

describe('World odour and walls', () => {
  it('odour goes round walls, not through them', () => {
    const w = new World(getArena('maze'), { makeRand: seededRand });
    // 2.4 mm from the food: once across the lower wall, once along the open bottom corridor.
    const across = w.concentration(8.6, 6.0);
    const open = w.concentration(6.2 + 0.1, 8.4);
    expect(across).toBeLessThan(0.25 * open);
    // The top corridor (start) still smells it, through the maze's gaps.
    expect(w.concentration(w.start.x, w.start.y)).toBeGreaterThan(0);
  });

  it('updates the odour every fieldUpdateMs of simulated time', () => {
    const w = world({ food: [{ at: [5, 3] }], chemicals: { diffusion: 0.1, decay: 0.01, start: 'empty' } }, 500);
    w.step(499);
    expect(w.fields.odour.mass()).toBe(0);
    w.step(1);
    expect(w.fields.odour.mass()).toBeGreaterThan(0);
    expect(w.timeMs).toBe(500);
  });
});

describe('World determinism', () => {
  const run = (arena: Arena, makeRand = seededRand) => {
    const w = new World(arena, { makeRand, fieldUpdateMs: 100 });
    w.addFood(6, 2, 0.5, { eatRate: 0.1 });
    for (let k = 0; k < 300; k++) {
      w.step(1000 / 60);
      w.eat(6, 2, 1000 / 60);
    }
    w.addHeat(4, 4, 2, 1);
    return { c: Array.from(w.fields.odour.c), t: Array.from(w.fields.temperatureValues), solids: w.solids };
  };

  it('gives the same fields bit for bit for the same arena and calls', () => {
    const a = getArena('pillars');
    const r1 = run(a);
    const r2 = run(structuredClone(a) as Arena);
    expect(r1.c).toEqual(r2.c);
    expect(r1.t).toEqual(r2.t);
    expect(r1.solids).toEqual(r2.solids);
    // Another generator gives another forest.
    const r3 = run(a, (seed) => seededRand(seed + 1000));
    expect(r3.solids).not.toEqual(r1.solids);
  });
});
