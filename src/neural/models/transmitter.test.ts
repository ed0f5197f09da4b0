import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { PHASE_ACCUMULATE, PHASE_ACTIVATE, type TransmitterPopulation, transmitterModel } from './transmitter';

function population(specs: Array<{ params?: Record<string, number | [number, number]>; init?: Record<string, number | [number, number]> }>) {
  const resolved = specs.map((s, i) =>
    resolveNeuronParams(transmitterModel, { id: `t${i}`, model: 'transmitter', params: s.params ?? {}, init: s.init ?? {} }, 'test'),
  );
  return transmitterModel.createPopulation(resolved) as TransmitterPopulation;
}

describe('transmitter model (alone)', () => {
  it("has the seed's defaults", () => {
    const p = population([{}]);
    expect([p.threshold[0], p.returnability[0], p.speed[0], p.recovery[0]]).toEqual([10, 0.1, 5, 5]);
    expect([p.reproductivityE[0], p.reproductivityI[0]]).toEqual([0.5, -0.1]);
    expect([p.stepsToActivation[0], p.stepsToRecovery[0], p.accumulatedE[0], p.accumulatedI[0]]).toEqual([5, 0, 0, 0]);
  });

  it('takes input current on its dendrites by sign, and activates over the threshold', () => {
    const p = population([{ init: { stepsToActivation: 0 } }]);
    // Accumulate: dendrite → current_state in the same step.
    p.step(1, new Float64Array([6]));
    expect(p.phase[0]).toBe(PHASE_ACCUMULATE);
    expect([p.currentE[0], p.currentI[0]]).toEqual([6, 0]);
    p.step(1, new Float64Array([-1]));
    expect([p.currentE[0], p.currentI[0]]).toEqual([6, -1]);
    p.step(1, new Float64Array([6]));
    expect(p.v[0]).toBe(11);
    // last state 11 > 10: activate, current_state resets, sta := speed.
    p.step(1, new Float64Array([0]));
    expect(p.phase[0]).toBe(PHASE_ACTIVATE);
    expect(p.stepsToActivation[0]).toBe(5);
    expect(p.v[0]).toBe(0);
  });

  it('releases after speed steps: spiked once, output 1 then decaying like the synapse', () => {
    const p = population([{ params: { speed: 2 }, init: { stepsToActivation: 2 } }]);
    const zero = new Float64Array(1);
    const spikes: number[] = [];
    const outs: number[] = [];
    for (let s = 0; s < 4; s++) {
      p.step(1, zero);
      spikes.push(p.spiked[0]);
      outs.push(p.output[0]);
    }
    expect(spikes).toEqual([0, 1, 0, 0]);
    expect(outs[1]).toBe(1);
    expect(outs[2]).toBeCloseTo(0.1, 15);
    // Released 2 steps of reproductivity, ×0.1 right after the step.
    expect(p.synapseE[0]).toBeCloseTo(1 * 0.1 * 0.1 * 0.1, 15);
    p.reset();
    expect([p.stepsToActivation[0], p.synapseE[0], p.output[0]]).toEqual([2, 0, 0]);
  });

  it('tunes live and refuses bad values', () => {
    const p = population([{}]);
    p.setParam!(0, 'reproductivity', [1, -1]);
    expect([p.reproductivityE[0], p.reproductivityI[0]]).toEqual([1, -1]);
    expect(() => population([{ params: { speed: 1.5 } }])).toThrow(/params\.speed = 1\.5 is not a whole number/);
    expect(() => population([{ params: { reproductivity: 3 } }])).toThrow(/is not a pair/);
  });
});
