import { describe, expect, it } from 'vitest';
import { arenaFrom, circuitFrom, simulationFrom } from './factory';
import { TOUCH_NEURONS, TOUCH_SENSORS, touchCircuit } from './test-circuits';

const doc = { format: 'neuroworm-circuit', version: 1, name: 'doc touch', neurons: TOUCH_NEURONS, synapses: [], sensors: TOUCH_SENSORS, muscles: [] };

describe('simulation factory: the forms callers hold', () => {
  it('takes a circuit as a built-in name, a loaded Circuit, file text or a document', () => {
    const loaded = touchCircuit();
    expect(circuitFrom('locomotion')).toBe('locomotion');
    expect(circuitFrom(loaded)).toBe(loaded);
    const fromText = circuitFrom(JSON.stringify(doc));
    const fromDoc = circuitFrom(doc);
    expect(typeof fromText !== 'string' && fromText.network.neurons.map((n) => n.id)).toEqual(['ALM', 'PLM', 'PVD']);
    expect(typeof fromDoc !== 'string' && fromDoc.doc.name).toBe('doc touch');
    expect(simulationFrom({ circuit: doc, seed: 2 }).neuronIds).toEqual(['ALM', 'PLM', 'PVD']);
  });

  it('validates documents like files, naming what was handed over', () => {
    expect(() => circuitFrom({ ...doc, neurons: 'x' })).toThrow(/player circuit/);
    expect(() =>
      simulationFrom({ circuit: doc, arena: { version: 1, name: 'bad', plate: { shape: 'dish', diameter: -1 } } }, { arena: 'scenario arena' }),
    ).toThrow(/scenario arena/);
  });

  it('an inline arena document becomes the world the worm starts in', () => {
    const arena = { version: 1, name: 'tiny', plate: { shape: 'dish', diameter: 6 }, start: { at: [3, 3], headingDeg: 0 } };
    expect(arenaFrom('plate')).toBe('plate');
    expect(arenaFrom(undefined)).toBeUndefined();
    const sim = simulationFrom({ circuit: 'locomotion', arena });
    expect(sim.world.arena.name).toBe('tiny');
    expect(sim.world.start).toMatchObject({ x: 3, y: 3 });
  });
});
