/**
 * The imported connectome with the seed's transmitter neurons. At the default
 * weight scale its gap junctions onto AVAL sum to 4.52, and the leak-free
 * neuron diverged (NaN at 3.5 s on every seed); now the importer refuses that
 * scale and names the largest stable one, with which the worm runs.
 */
import { describe, expect, it } from 'vitest';
import { importConnectome } from '../../src/circuits/connectome/import';
import { ConnectomeError } from '../../src/circuits/connectome/problems';
import { publishedTable, WORM_TABLES } from '../../src/circuits/connectome/published-tables';
import { createSimulation } from '../../src/sim/simulation';

const tables = () => WORM_TABLES.map(publishedTable);

describe('the imported connectome with the transmitter model', () => {
  it('the default scale is refused before anything is built, naming the largest scale that is stable', () => {
    let err: unknown;
    try {
      importConnectome(tables(), { model: 'transmitter' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConnectomeError);
    expect((err as Error).message).toMatch(
      /--weight-scale: with --model transmitter, 0\.04 makes the gap junctions onto AVAL sum to 4\.52 .*use --weight-scale ≤ 0\.008849/,
    );
  });

  it('at that scale it runs 6 s of touches on three seeds with every state finite', () => {
    const circuit = importConnectome(tables(), { model: 'transmitter', weightScale: 0.008849 }).circuit;
    for (const seed of [1, 2, 3]) {
      const sim = createSimulation({ circuit, seed });
      for (let t = 0; t < 6000; t += sim.physicsStepMs) {
        if (t === 1000) sim.poke(0.05, { kind: 'gentle' });
        if (t === 3000) sim.poke(0.9, { kind: 'harsh' });
        if (t === 4000) sim.tapPlate(1);
        sim.step(); // throws SimulationInstabilityError on a non-finite potential
      }
      expect(sim.network.v.every(Number.isFinite)).toBe(true);
    }
  });
});
