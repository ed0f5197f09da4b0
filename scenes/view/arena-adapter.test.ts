import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../src/sim/simulation';
import { BUILTIN_ARENA_NAMES, getArena } from '../../src/world/builtins';
import { arenaViewFromArena, arenaViewFromWorld } from './arena-adapter';
import { arenaBox } from './arena-view';

describe('world arena → plate view', () => {
  test('every built-in arena: plate box, every solid, zone and food, in the world’s mm', () => {
    for (const name of BUILTIN_ARENA_NAMES) {
      const arena = getArena(name);
      const view = arenaViewFromArena(arena);
      const sim = createSimulation({ circuit: 'locomotion', arena: name, seed: 1 });
      const live = arenaViewFromWorld(sim.world);
      // The preview and the running world agree (pillar fields seeded the same way).
      expect(view.obstacles, name).toEqual(live.obstacles);
      expect(view.zones, name).toEqual(live.zones);
      expect(view.obstacles!.length, name).toBe(sim.world.solids.length);
      expect(view.zones!.map((z) => z.id).sort(), name).toEqual([...arena.goals.map((g) => g.id), ...arena.hazards.map((h) => h.id)].sort());
      expect(view.food!.length, name).toBe(arena.food.length);
      const [x0, y0, x1, y1] = arenaBox(view);
      expect([x0, y0], name).toEqual([0, 0]);
      expect([x1, y1], name).toEqual([sim.world.plate.width, sim.world.plate.height]);
    }
  });

  test('food dropped in the running world shows in the live view with its odour glow', () => {
    const sim = createSimulation({ circuit: 'locomotion', arena: 'plate', seed: 1 });
    expect(arenaViewFromWorld(sim.world).food).toEqual([]);
    sim.dropFood(3, 4);
    const v = arenaViewFromWorld(sim.world);
    expect(v.food).toEqual([{ x: 3, y: 4, r: 0.5, amount: 1 }]);
    expect(v.odors!.map((o) => [o.x, o.y])).toEqual([[3, 4]]);
  });
});
