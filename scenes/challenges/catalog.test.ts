import { describe, expect, test } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { getArena } from '../../src/world/builtins';
import { CHALLENGES } from './catalog';
import { brokenCircuitDoc } from './circuit';

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
      if (c.penaltyZone) expect(zones.has(c.penaltyZone.zone), `${c.id}: penalty zone`).toBe(true);
      expect(c.timeLimitMs).toBeGreaterThan(0);
    }
  });
});

test('a broken circuit lacks exactly the synapses its challenge cuts (each of which its base circuit has)', () => {
  for (const c of CHALLENGES) {
    if (!c.circuit) continue;
    const chem = (syn: readonly { kind: string; from: string; to: string }[] | undefined) =>
      new Set((syn ?? []).filter((s) => s.kind === 'chemical').map((s) => `${s.from}>${s.to}`));
    const base = chem(getBuiltinCircuit(c.circuit.base).doc.synapses);
    const broken = chem(brokenCircuitDoc(c)?.synapses);
    const cut = c.circuit.cut.map(([a, b]) => `${a}>${b}`);
    for (const k of cut) {
      expect(base.has(k), `${c.id}: ${k} is in ${c.circuit.base}`).toBe(true);
      expect(broken.has(k), `${c.id}: ${k} is cut`).toBe(false);
    }
    expect(broken.size, c.id).toBe(base.size - cut.length);
  }
});
