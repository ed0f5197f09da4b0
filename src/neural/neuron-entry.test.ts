import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NeuronModel } from './types';
import { resolveNeuron } from './neuron-entry';
import { hodgkinHuxleyModel } from './models/hodgkin-huxley';
import { izhikevichModel } from './models/izhikevich';
import { lifModel } from './models/lif';

/** A stand-in with a pair parameter and an integer one, like the transmitter model's. */
const pairModel: NeuronModel = {
  kind: 'transmitter',
  help: 'test model',
  currentUnit: 'a.u.',
  spiking: false,
  params: { threshold: { default: [5, 5], min: 0, max: 100, unit: '', help: 'pair' } },
  init: { stepsToActivation: { default: 5, min: 0, max: 1000, unit: 'steps', help: 'counter', integer: true } },
  presets: {},
  createPopulation: () => {
    throw new Error('not used');
  },
};

describe('resolveNeuron', () => {
  it('fills defaults, then the preset, then the entry’s own values', () => {
    const plain = resolveNeuron({ id: 'a', model: 'izhikevich' }, izhikevichModel);
    expect(plain.params).toEqual({ a: 0.02, b: 0.2, c: -65, d: 8, maxSubstepMs: 0.1 });
    expect(plain.init).toEqual({ v: -65 });
    expect(plain.preset).toBeUndefined();

    const fs = resolveNeuron({ id: 'b', model: 'izhikevich', preset: 'fast-spiking', params: { d: 3 } }, izhikevichModel);
    expect(fs.params).toEqual({ a: 0.1, b: 0.2, c: -65, d: 3, maxSubstepMs: 0.1 });
    expect(fs.preset).toBe('fast-spiking');
  });

  it('lets a preset set initial values, and the entry override them', () => {
    const seed = resolveNeuron({ id: 's', model: 'hodgkin-huxley', preset: 'seed-calcium' }, hodgkinHuxleyModel);
    expect(seed.init).toEqual({ v: -70 });
    expect(seed.params).toMatchObject({ cm: 1.5, gCa: 2, eCa: 140 });
    const moved = resolveNeuron({ id: 's', model: 'hodgkin-huxley', preset: 'seed-calcium', init: { v: -60 } }, hodgkinHuxleyModel);
    expect(moved.init).toEqual({ v: -60 });
  });

  it('refuses out-of-range values naming the neuron, field, value and allowed range', () => {
    expect(() => resolveNeuron({ id: 'x', model: 'lif', params: { tauMs: 5000 } }, lifModel)).toThrow(
      'neuron "x": params.tauMs = 5000 is out of range; allowed 0.1 to 1000 ms',
    );
    expect(() => resolveNeuron({ id: 'x', model: 'lif', init: { v: -300 } }, lifModel)).toThrow(/init\.v = -300 is out of range; allowed -100 to 50 mV/);
  });

  it('refuses unknown names, listing what is allowed', () => {
    expect(() => resolveNeuron({ id: 'x', model: 'lif', params: { tau: 5 } }, lifModel)).toThrow(
      /params\.tau is not a lif parameter; allowed: tauMs, resistance, restMv, thresholdMv, resetMv, refractoryMs/,
    );
    expect(() => resolveNeuron({ id: 'x', model: 'lif', init: { u: 5 } }, lifModel)).toThrow(/init\.u is not a lif initial value; allowed: v/);
    expect(() => resolveNeuron({ id: 'x', model: 'izhikevich', preset: 'bursting' }, izhikevichModel)).toThrow(
      /preset "bursting" is not a izhikevich preset; allowed: regular-spiking, intrinsically-bursting/,
    );
    expect(() => resolveNeuron({ id: 'x', model: 'izhikevich', preset: 'constructor' }, izhikevichModel)).toThrow(/preset "constructor"/);
    expect(() => resolveNeuron({ id: 'x', model: 'lif', parms: {} }, lifModel)).toThrow(/unknown field "parms"; allowed: id, model, preset/);
  });

  it('refuses wrong types and shapes', () => {
    expect(() => resolveNeuron([], lifModel)).toThrow(/must be a JSON object/);
    expect(() => resolveNeuron({ model: 'lif' }, lifModel)).toThrow(/"id" must be a non-empty string/);
    expect(() => resolveNeuron({ id: 'x', model: 'izhikevich' }, lifModel)).toThrow(/"model" is "izhikevich" but is being resolved as the lif model/);
    expect(() => resolveNeuron({ id: 'x', model: 'lif', params: { tauMs: '20' } }, lifModel)).toThrow(/params\.tauMs = "20" is not a number/);
    expect(() => resolveNeuron({ id: 'x', model: 'lif', params: [1] }, lifModel)).toThrow(/"params" must be an object/);
  });

  it('checks pairs and whole numbers', () => {
    expect(resolveNeuron({ id: 't', model: 'transmitter', params: { threshold: [3, 4] } }, pairModel).params.threshold).toEqual([3, 4]);
    expect(() => resolveNeuron({ id: 't', model: 'transmitter', params: { threshold: 3 } }, pairModel)).toThrow(/must be a pair \[excitatory, inhibitory\]/);
    expect(() => resolveNeuron({ id: 't', model: 'transmitter', params: { threshold: [3, 400] } }, pairModel)).toThrow(/params\.threshold\[1\] = 400 is out of range/);
    expect(() => resolveNeuron({ id: 't', model: 'transmitter', init: { stepsToActivation: 2.5 } }, pairModel)).toThrow(/is not a whole number/);
  });

  it('property: every in-range value is kept as given, every out-of-range one is refused by name', () => {
    const models = [lifModel, izhikevichModel, hodgkinHuxleyModel];
    const pick = fc.constantFrom(...models).chain((model) =>
      fc.constantFrom(...Object.keys(model.params)).chain((key) => {
        const spec = model.params[key];
        return fc.tuple(fc.constant(model), fc.constant(key), fc.double({ min: spec.min, max: spec.max, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));
      }),
    );
    fc.assert(
      fc.property(pick, ([model, key, inside, beyond]) => {
        const spec = model.params[key];
        expect(resolveNeuron({ id: 'p', model: model.kind, params: { [key]: inside } }, model).params[key]).toBe(inside);
        const outside = spec.max + beyond;
        expect(() => resolveNeuron({ id: 'p', model: model.kind, params: { [key]: outside } }, model)).toThrow(`params.${key} = ${outside} is out of range`);
      }),
    );
  });

  it('every preset of every model resolves and builds a population', () => {
    for (const model of [lifModel, izhikevichModel, hodgkinHuxleyModel]) {
      for (const preset of Object.keys(model.presets)) {
        const neuron = resolveNeuron({ id: preset, model: model.kind, preset }, model);
        expect(model.createPopulation([neuron]).size).toBe(1);
      }
    }
  });
});
