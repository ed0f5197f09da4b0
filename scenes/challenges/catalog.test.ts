import { describe, expect, test } from 'vitest';
import { arenaBox } from '../view/arena-view';
import { CHALLENGES } from './catalog';

describe('challenge catalogue', () => {
  test('at least six challenges with unique ids, and one that needs the editor', () => {
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(CHALLENGES.map((c) => c.id)).size).toBe(CHALLENGES.length);
    expect(CHALLENGES.some((c) => c.needsEditor)).toBe(true);
  });

  test('every card has its words and every thing in an arena lies on its plate', () => {
    for (const c of CHALLENGES) {
      expect(c.title.length && c.goal.length && c.scoring.length, c.id).toBeTruthy();
      expect(c.intro.length, c.id).toBeGreaterThan(60);
      const [x0, y0, x1, y1] = arenaBox(c.arena);
      const inside = (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
      for (const f of c.arena.food ?? []) expect(inside(f.x, f.y), `${c.id} food`).toBe(true);
      for (const o of c.arena.obstacles ?? []) expect(inside(o.x, o.y), `${c.id} obstacle`).toBe(true);
      for (const z of c.arena.zones ?? []) expect(inside(z.shape.x, z.shape.y), `${c.id} zone ${z.id}`).toBe(true);
      for (const w of c.arena.walls ?? []) expect(inside(w.x1, w.y1) && inside(w.x2, w.y2), `${c.id} wall`).toBe(true);
    }
  });
});
