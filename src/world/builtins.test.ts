import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { addArenaBodies } from './bodies';
import { BUILTIN_ARENA_NAMES, BUILTIN_ARENAS, getArena } from './builtins';
import { parseArena } from './parse';
import { seededRand } from './testing';
import { World } from './world';

describe('built-in arenas', () => {
  it('are all there, named as their key, and parse again from their own output', () => {
    expect(BUILTIN_ARENA_NAMES).toEqual([
      'plate',
      'food-gradient',
      'pillars',
      'toxin-ring',
      'hot-zone',
      'maze',
      'touch-course',
      'thermal-gradient',
      'odour-choice',
      'teach-pairing',
      'teach-test',
      'teach-avoid-pairing',
      'teach-avoid-test',
    ]);
    for (const name of BUILTIN_ARENA_NAMES) {
      const a = BUILTIN_ARENAS[name];
      expect(a.name).toBe(name);
      expect(a.description.length).toBeGreaterThan(20);
      expect(parseArena(JSON.parse(JSON.stringify(a)), name)).toEqual(a);
    }
  });

  it('getArena names the arenas there are when asked for one that is not', () => {
    expect(getArena('maze')).toBe(BUILTIN_ARENAS.maze);
    expect(() => getArena('mazee')).toThrow(
      /unknown arena "mazee"; the built-in arenas are "plate", "food-gradient", .* "odour-choice", .* "teach-avoid-pairing" ... \(13 in all\)/,
    );
    expect(() => getArena('toString')).toThrow(/unknown arena/);
  });

  it('are frozen, so no caller changes them for everyone', () => {
    expect(() => {
      (BUILTIN_ARENAS.plate.start.at as number[])[0] = 1;
    }).toThrow(TypeError);
  });

  it('each makes a world and adds its bodies to a matter engine', () => {
    for (const name of BUILTIN_ARENA_NAMES) {
      const world = new World(BUILTIN_ARENAS[name], { makeRand: seededRand });
      const engine = Matter.Engine.create({ gravity: { x: 0, y: 0, scale: 0 } });
      const bodies = addArenaBodies(engine, world.resolved, 100);
      const all = Matter.Composite.allBodies(engine.world);
      expect(all.length).toBe(bodies.bodies.length);
      expect(all.every((b) => b.isStatic)).toBe(true);
      const walls = all.map((b) => bodies.infoOf(b));
      expect(walls.every((i) => i !== undefined)).toBe(true);
      expect(walls.filter((i) => i?.kind !== 'rim').length).toBe(world.solids.length);
      // The worm's start is free, its fields are finite there.
      const { x, y } = world.start;
      expect(world.isFree(x, y)).toBe(true);
      for (const v of [world.concentration(x, y), world.temperature(x, y), world.toxin(x, y)]) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('have the features their names promise', () => {
    const w = (name: string) => new World(getArena(name), { makeRand: seededRand });
    const food = w('food-gradient');
    const f = food.food[0];
    // Odour falls away from the food: the gradient points at it from the start.
    expect(food.concentration(f.x, f.y)).toBeGreaterThan(food.concentration(f.x - 3, f.y));
    expect(food.concentration(food.start.x + 0.1, food.start.y)).toBeGreaterThan(food.concentration(food.start.x - 0.1, food.start.y));
    const pillars = w('pillars');
    expect(pillars.solids.length).toBeGreaterThan(150);
    const ring = w('toxin-ring');
    expect(ring.toxin(6, 6)).toBe(0);
    expect(ring.toxin(6 + 2.45, 6)).toBeCloseTo(1, 9);
    expect(ring.inZone('escaped', 6, 6)).toBe(false);
    expect(ring.inZone('escaped', 10, 6)).toBe(true);
    const hot = w('hot-zone');
    expect(hot.temperature(6, 3)).toBeCloseTo(28, 9);
    expect(hot.temperature(1.5, 4)).toBeCloseTo(20, 9);
    expect(hot.temperature(6, 7.5)).toBeCloseTo(20, 9);
    const thermal = w('thermal-gradient');
    expect(thermal.temperature(0.5, 3)).toBeCloseTo(15 + 10 * (0.5 / 14), 2);
    expect(thermal.temperature(7, 1)).toBeCloseTo(20, 9);
  });
});
