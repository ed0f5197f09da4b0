import { describe, expect, test } from 'vitest';
import { importConnectome } from '../src/circuits/connectome';
import { publishedTable, WORM_TABLES } from '../src/circuits/connectome/published-tables';
import { createSimulation } from '../src/sim/simulation';
import { loadWholeWorm, loadedWholeWorm, WHOLE_WORM_FILE } from './whole-worm';

describe('the whole worm (302) the game offers without a file', () => {
  test('is the published tables through the importer: 302 neurons, the same wiring Node imports, senses and muscles bound', async () => {
    expect(loadedWholeWorm()).toBeNull();
    const c = await loadWholeWorm();
    expect(loadedWholeWorm()).toBe(c);
    expect(c.fileName).toBe(WHOLE_WORM_FILE);
    expect(c.doc.neurons).toHaveLength(302);
    const node = importConnectome(WORM_TABLES.map((t) => publishedTable(t)));
    expect(c.doc.synapses).toEqual(node.circuit.doc.synapses);
    expect(c.doc.sensors?.length).toBeGreaterThan(0);
    expect(c.doc.muscles?.length).toBeGreaterThan(0);
    expect(c.doc.description).toMatch(/backs away from a gentle nose touch/);
  });

  test('runs on the game’s simulation; a head touch reaches its touch cells', async () => {
    const sim = createSimulation({ circuit: await loadWholeWorm(), arena: 'plate', seed: 1 });
    const felt: string[] = [];
    sim.stimuli$.subscribe((s) => {
      if (s.type === 'touch') felt.push(...s.neurons);
    });
    sim.run(200);
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(300);
    expect(felt.some((id) => /^(ALM|AVM|FLP|OLQ|IL1)/.test(id))).toBe(true);
    expect(sim.telemetry().v.every(Number.isFinite)).toBe(true);
  });

  // What the announcement says it does (WHOLE_WORM_STATE), on the game's own simulation and arena.
  test.each([1, 2, 3, 4, 5])('seed %i: a gentle nose touch while it crawls makes it back away within 1.5 s, and it crawls on by itself', async (seed) => {
    const sim = createSimulation({ circuit: await loadWholeWorm(), arena: 'plate', seed });
    const events: { type: string; timeMs: number }[] = [];
    sim.events$.subscribe((e) => events.push(e));
    sim.run(5000);
    const t0 = sim.timeMs;
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(8000);
    const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
    expect(start, JSON.stringify(events)).toBeDefined();
    expect(start!.timeMs - t0).toBeLessThanOrEqual(1500);
    expect(events.some((e) => e.type === 'reversal-end' && e.timeMs > start!.timeMs)).toBe(true);
  });
});
