import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS } from './models/index';
import { hodgkinHuxleyModel } from './models/hodgkin-huxley';
import { izhikevichModel } from './models/izhikevich';
import { lifModel } from './models/lif';
import { checkParam, resolveNeuronParams, type ModelParams } from './params';

/** A stand-in with a pair parameter, an integer one, and a preset that sets both groups. */
const pairModel: ModelParams = {
  params: { threshold: { default: [5, 5], min: 0, max: 100, unit: '', help: 'pair' } },
  init: { stepsToActivation: { default: 5, min: 0, max: 1000, unit: 'steps', help: 'counter', integer: true } },
  presets: { quick: { threshold: [1, 2], stepsToActivation: 1 }, broken: { speed: 3 } },
};

const resolve = (model: ModelParams, neuron: Parameters<typeof resolveNeuronParams>[1]) => resolveNeuronParams(model, neuron, 'neuron "x"');

describe('resolveNeuronParams', () => {
  it('fills defaults, then the preset, then the neuron’s own values', () => {
    const plain = resolve(izhikevichModel, { model: 'izhikevich' });
    expect(plain.params).toEqual({ a: 0.02, b: 0.2, c: -65, d: 8, maxSubstepMs: 0.1 });
    expect(plain.init).toEqual({ v: -65 });
    const fs = resolve(izhikevichModel, { model: 'izhikevich', preset: 'fast-spiking', params: { d: 3 } });
    expect(fs.params).toEqual({ a: 0.1, b: 0.2, c: -65, d: 3, maxSubstepMs: 0.1 });
  });

  it('routes preset keys to params or init by where the model declares them, and the neuron overrides them', () => {
    const seed = resolve(hodgkinHuxleyModel, { preset: 'seed-calcium' });
    expect(seed.init).toEqual({ v: -70 });
    expect(seed.params).toMatchObject({ cm: 1.5, gCa: 2, eCa: 140 });
    expect(seed.params).not.toHaveProperty('v');
    expect(resolve(hodgkinHuxleyModel, { preset: 'seed-calcium', init: { v: -60 } }).init).toEqual({ v: -60 });
    expect(resolve(pairModel, { preset: 'quick' })).toEqual({ params: { threshold: [1, 2] }, init: { stepsToActivation: 1 } });
  });

  it('is idempotent and copies pairs (no sharing with the model or the input)', () => {
    const first = resolve(pairModel, { preset: 'quick' });
    expect(resolve(pairModel, { preset: 'quick', ...first })).toEqual(first);
    expect(first.params.threshold).not.toBe(pairModel.presets.quick.threshold);
    expect(resolve(pairModel, {}).params.threshold).not.toBe(pairModel.params.threshold.default);
  });

  it('refuses out-of-range values naming the neuron, field, value, range and unit', () => {
    expect(() => resolve(lifModel, { params: { tauMs: 5000 } })).toThrow(
      'neuron "x": params.tauMs = 5000 is out of range; allowed: 0.1 .. 1000 ms (Membrane time constant',
    );
    expect(() => resolve(lifModel, { init: { v: -300 } })).toThrow(/neuron "x": init\.v = -300 is out of range; allowed: -100 \.\. 50 mV/);
  });

  it('refuses unknown names, listing what is allowed', () => {
    expect(() => resolve(lifModel, { model: 'lif', params: { tau: 5 } })).toThrow(
      /params\.tau is not a parameter of model lif; allowed: tauMs, resistance, restMv, thresholdMv, resetMv, refractoryMs/,
    );
    expect(() => resolve(lifModel, { model: 'lif', init: { u: 5 } })).toThrow(/init\.u is not an initial value of model lif; allowed: v/);
    expect(() => resolve(izhikevichModel, { model: 'izhikevich', preset: 'bursting' })).toThrow(
      /preset "bursting" is not a preset of model izhikevich; allowed: regular-spiking, intrinsically-bursting/,
    );
    expect(() => resolve(izhikevichModel, { preset: 'constructor' })).toThrow(/preset "constructor" is not a preset/);
    expect(() => resolve(pairModel, { preset: 'broken' })).toThrow(/preset "broken"\): the preset sets "speed", which is neither/);
  });

  it('refuses wrong types and shapes', () => {
    expect(() => resolve(lifModel, { params: { tauMs: '20' } })).toThrow(/params\.tauMs = "20" is not a finite number/);
    expect(() => resolve(lifModel, { params: [1] as unknown as Record<string, unknown> })).toThrow(/"params" must be an object of numbers/);
    expect(resolve(pairModel, { params: { threshold: [3, 4] } }).params.threshold).toEqual([3, 4]);
    expect(() => resolve(pairModel, { params: { threshold: 3 } })).toThrow(
      /params\.threshold = 3 is not a pair; allowed: a pair \[excitatory, inhibitory\], each 0 \.\. 100/,
    );
    expect(() => resolve(pairModel, { params: { threshold: [3, 400] } })).toThrow(/params\.threshold\[1\] = 400 is out of range/);
    expect(() => resolve(pairModel, { init: { stepsToActivation: 2.5 } })).toThrow(/= 2\.5 is not a whole number; allowed: whole numbers 0 \.\. 1000 steps/);
  });

  it('property: every in-range value is kept as given, every out-of-range one is refused by name', () => {
    const models = Object.values(MODELS);
    const pick = fc.constantFrom(...models).chain((model) =>
      fc.constantFrom(...Object.keys(model.params)).chain((key) => {
        const spec = model.params[key];
        const inside = spec.integer
          ? fc.integer({ min: Math.ceil(spec.min), max: Math.floor(spec.max) })
          : fc.double({ min: spec.min, max: spec.max, noNaN: true });
        const value = Array.isArray(spec.default) ? fc.tuple(inside, inside) : inside;
        return fc.tuple(fc.constant(model), fc.constant(key), value, fc.double({ min: 1e-6, max: 1e6, noNaN: true }));
      }),
    );
    fc.assert(
      fc.property(pick, ([model, key, inside, beyond]) => {
        const spec = model.params[key];
        expect(resolve(model, { params: { [key]: inside } }).params[key]).toEqual(inside);
        const outside = spec.max + beyond;
        const bad = Array.isArray(spec.default) ? [spec.min, outside] : outside;
        expect(() => resolve(model, { params: { [key]: bad } })).toThrow(`${key}${Array.isArray(spec.default) ? '[1]' : ''} = ${outside} is out of range`);
      }),
    );
  });

  it('every preset of every registered model resolves and builds a population', () => {
    for (const model of Object.values(MODELS)) {
      for (const preset of Object.keys(model.presets)) {
        expect(model.createPopulation([resolve(model, { preset })]).size).toBe(1);
      }
    }
  });
});

describe('checkParam', () => {
  it('returns the value, or throws with where, field and what is allowed', () => {
    const spec = lifModel.params.refractoryMs;
    expect(checkParam('params.refractoryMs', spec, 3, 'setParam "a"')).toBe(3);
    expect(() => checkParam('params.refractoryMs', spec, Number.NaN, 'setParam "a"')).toThrow(
      'setParam "a": params.refractoryMs = NaN is not a finite number; allowed: 0 .. 100 ms',
    );
  });
});
