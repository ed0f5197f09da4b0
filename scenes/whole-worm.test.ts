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
    expect(c.doc.description).toMatch(/does not reverse yet/);
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
});
