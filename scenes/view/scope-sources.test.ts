import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';
import { touchCircuit } from '../../src/sim/test-circuits';
import { ArrayScope, simulationScope } from './scope-sources';

describe('oscilloscope sources', () => {
  it("a simulation's trace is a monitor ring of that neuron's V, filled every step", () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    const ring = simulationScope(sim).traceMonitor(sim.neuronIds.indexOf('PLM'), 5);
    sim.poke(0.9);
    sim.run(100);
    expect(ring.count).toBe(5);
    expect([ring.timeAt(0), ring.timeAt(4)]).toEqual([60, 100]);
    expect(ring.valueAt(0, 4)).toBe(sim.telemetry().v[sim.neuronIds.indexOf('PLM')]);
    expect(ring.valueAt(0, 4)).toBeGreaterThan(-60); // the poked receptor: a silent trace would sit at rest
  });

  it('an array source samples every trace at once, and starts over when time goes back', () => {
    const values = new Float64Array([1, 2]);
    const src = new ArrayScope(values);
    const a = src.traceMonitor(0, 10);
    const b = src.traceMonitor(1, 10);
    src.record(5);
    values[0] = 3;
    src.record(10);
    expect([a.count, a.valueAt(0, 1), b.valueAt(0, 1)]).toEqual([2, 3, 2]);
    src.record(2); // the model restarted
    expect([a.count, a.timeAt(0)]).toEqual([1, 2]);
    b.stop();
    src.record(3);
    expect([a.count, b.count]).toEqual([2, 1]);
  });
});
