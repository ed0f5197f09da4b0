import { describe, expect, test } from 'vitest';
import { getArena } from '../../src/world/builtins';
import { CHALLENGES } from './catalog';

describe('challenge catalogue', () => {
  test('at least six challenges with unique ids, and one that needs the editor', () => {
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(CHALLENGES.map((c) => c.id)).size).toBe(CHALLENGES.length);
    expect(CHALLENGES.some((c) => c.needsEditor)).toBe(true);
  });

  test('every card has its words, a built-in arena, and zones the arena has', () => {
    for (const c of CHALLENGES) {
      expect(c.title.length && c.goal.length && c.scoring.length, c.id).toBeTruthy();
      expect(c.intro.length, c.id).toBeGreaterThan(60);
      const arena = getArena(c.arena);
      const zones = new Set([...arena.goals.map((g) => g.id), ...arena.hazards.map((h) => h.id)]);
      if (c.win.kind === 'zone') expect(zones.has(c.win.zone), `${c.id}: win zone ${c.win.zone}`).toBe(true);
      if (c.win.kind === 'food') expect(arena.food.length, `${c.id}: food to reach`).toBeGreaterThan(0);
      if (c.penaltyZone) expect(zones.has(c.penaltyZone.zone), `${c.id}: penalty zone`).toBe(true);
      expect(c.timeLimitMs).toBeGreaterThan(0);
    }
  });
});
