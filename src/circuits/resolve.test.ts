import { describe, expect, it } from 'vitest';
import { FAKE_MODELS } from './fake-models';
import { modelTableProblems, resolveNeuron } from './resolve';
import type { ModelTable } from './types';

describe('resolveNeuron', () => {
  it('takes model defaults, then the preset, then the entry, and copies pairs', () => {
    const spec = resolveNeuron({ id: 'T', model: 'transmitter', params: { threshold: [4, 5] } }, FAKE_MODELS.transmitter!);
    expect(spec).toEqual({
      id: 'T',
      model: 'transmitter',
      params: { threshold: [4, 5], returnability: [0.1, 0.1], reproductivity: [1, 0] },
      init: { stepsToActivation: 5, stepsToRecovery: 0, accumulated: [0, 0] },
    });
    expect(spec.params.returnability).not.toBe(FAKE_MODELS.transmitter!.params.returnability.default);
  });
});

describe('modelTableProblems', () => {
  it('finds nothing wrong with the test models', () => {
    expect(modelTableProblems(FAKE_MODELS)).toEqual([]);
  });

  it('finds defaults and presets out of range, wrong shapes, and preset keys no one declares', () => {
    const broken: ModelTable = {
      lif: {
        params: {
          tauMs: { default: 0, min: 1, max: 10, unit: 'ms', help: '' },
          steps: { default: 1.5, min: 0, max: 10, unit: '', help: '', integer: true },
          pair: { default: [1, 1], min: 0, max: 2, unit: '', help: '' },
        },
        init: {},
        presets: { p: { tauMs: 50, nope: 1, pair: 1 } },
      },
    };
    expect(modelTableProblems(broken)).toEqual([
      'lif default: params.tauMs = 0 is out of range; allowed: 1 .. 10 ms',
      'lif default: params.steps = 1.5 is not a whole number; allowed: whole numbers 0 .. 10',
      'lif preset "p": params.tauMs = 50 is out of range; allowed: 1 .. 10 ms',
      'lif preset "p": "nope" is neither a parameter nor an initial value of the model',
      'lif preset "p": params.pair = 1 is not a pair; allowed: a pair [excitatory, inhibitory], each 0 .. 2',
    ]);
  });
});
