/**
 * The SimLearning port: a simulation whose circuit has plastic synapses and
 * a modulator shows the weights and levels during a run, freezes, resets and
 * bath-applies; a touch drives the learning through the skin.
 */
import { describe, expect, it } from 'vitest';
import { circuitFromDoc } from '../circuits';
import { Simulation } from './simulation';
import { TOUCH_NEURONS, TOUCH_SENSORS } from './test-circuits';

/** ALM (touched) → AVA, a BCM synapse; ALM releases dopamine, which AVA reads through an inhibitory receptor. */
function learner() {
  return circuitFromDoc(
    {
      format: 'neuroworm-circuit',
      version: 2,
      neurons: [...TOUCH_NEURONS, { id: 'AVA', model: 'graded', params: { tonicPa: 3 } }],
      synapses: [{ kind: 'chemical', from: 'ALM', to: 'AVA', weight: 1, plastic: { rule: 'bcm', params: { rate: 0.01, theta0: 0, wMax: 3 } } }],
      sensors: TOUCH_SENSORS,
      muscles: [],
      modulators: [{ name: 'dopamine', from: ['ALM'], release: 20, clearanceMs: 500 }],
      receptors: [{ neuron: 'AVA', modulator: 'dopamine', effect: 'excitability', gain: -1, label: 'DOP-3' }],
    },
    'learner.json',
  );
}

const touchFor = (sim: Simulation, ms: number) => {
  const end = sim.timeMs + ms;
  while (sim.timeMs < end) {
    sim.poke(0.1, { heldMs: 10 });
    sim.step();
  }
};

describe('SimLearning', () => {
  it('weights and modulator levels change during a run through touch, and read back', () => {
    const sim = new Simulation({ circuit: learner(), neuralNoisePa: 0 });
    expect(sim.plasticWeights()).toEqual([{ synapse: 0, from: 'ALM', to: 'AVA', rule: 'bcm', weight: 1 }]);
    sim.run(200);
    const restLevel = sim.modulatorLevels().dopamine;
    touchFor(sim, 1000);
    expect(sim.modulatorLevels().dopamine).toBeGreaterThan(restLevel + 0.1);
    expect(sim.plasticWeights()[0].weight).toBeGreaterThan(1);
  });
  it('frozen learning keeps the weights; a reset restores them; a bath holds the level', () => {
    const sim = new Simulation({ circuit: learner(), neuralNoisePa: 0 });
    sim.setLearning(false);
    touchFor(sim, 1000);
    expect(sim.plasticWeights()[0].weight).toBe(1);
    sim.setLearning(true);
    touchFor(sim, 1000);
    expect(sim.plasticWeights()[0].weight).toBeGreaterThan(1);
    sim.resetLearnedWeights();
    expect(sim.plasticWeights()[0].weight).toBe(1);
    sim.bathModulator('dopamine', 5);
    sim.run(100);
    expect(sim.modulatorLevels()).toEqual({ dopamine: 5 });
    expect(() => sim.bathModulator('serotonin', 1)).toThrow(/no modulator "serotonin" in the network; modulators: dopamine/);
  });
  it('a circuit without modulators or plastic synapses reports none', () => {
    const sim = new Simulation({ circuit: 'touch-withdrawal' });
    expect(sim.plasticWeights()).toEqual([]);
    expect(sim.modulatorLevels()).toEqual({});
  });
});
