import { describe, expect, test } from 'vitest';
import { activityChain, neuronClass } from './activity-chain';
import { buildCircuitView } from './circuit-view';

describe('activityChain', () => {
  // ALML → AVDL → AVAL → VA1, with a competing weak path ALML → PVCL and an inhibitory ALML ⊣ AVBL.
  const ids = ['ALML', 'AVDL', 'AVAL', 'VA1', 'PVCL', 'AVBL', 'PLML'];
  const roles = ['sensory', 'inter', 'inter', 'motor', 'inter', 'inter', 'sensory'] as const;
  const view = buildCircuitView(
    ids,
    [...roles],
    [
      { pre: 0, post: 1, kind: 1, sign: 0, weight: 3 },
      { pre: 0, post: 4, kind: 0, sign: 1, weight: 0.2 },
      { pre: 0, post: 5, kind: 0, sign: -1, weight: 9 },
      { pre: 1, post: 2, kind: 0, sign: 1, weight: 2 },
      { pre: 2, post: 3, kind: 0, sign: 1, weight: 2 },
    ],
  );

  test('follows the strongest active synapses from the most active sensory neuron to a motor neuron', () => {
    const out = [0.9, 0.8, 0.7, 0.6, 0.5, 0.9, 0.4];
    expect(activityChain(view, out)).toEqual(['ALM', 'AVD', 'AVA', 'VA1']);
    expect(activityChain(view, out, 0.3, 2)).toEqual(['ALM', 'AVD', 'AVA']);
  });

  test('stops where activity stops and is empty with no active sensory neuron', () => {
    expect(activityChain(view, [0.9, 0.8, 0.1, 0.6, 0, 0, 0])).toEqual(['ALM', 'AVD']);
    expect(activityChain(view, [0.1, 1, 1, 1, 1, 1, 0.2])).toEqual([]);
  });

  test('class names drop the left/right letter only', () => {
    expect(['ALML', 'AVAR', 'VA10', 'DD1', 'ASHL', 'RMDDL', 'AVM'].map(neuronClass)).toEqual(['ALM', 'AVA', 'VA10', 'DD1', 'ASH', 'RMDD', 'AVM']);
  });
});
