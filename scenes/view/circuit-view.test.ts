import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { NetworkSpec } from '../../src/neural/types';
import { buildCircuitView, circuitViewFromSpec, GAP, type RawSynapse } from './circuit-view';

const neuron = (id: string, extra: Partial<NetworkSpec['neurons'][number]> = {}): NetworkSpec['neurons'][number] => ({
  id,
  model: 'graded',
  params: {},
  init: {},
  ...extra,
});

describe('circuitViewFromSpec', () => {
  const spec: NetworkSpec = {
    neurons: [
      neuron('ALML', { role: 'sensory', transmitter: 'glutamate' }),
      neuron('AVD', { role: 'inter', transmitter: 'acetylcholine' }),
      neuron('DD1', { role: 'motor', transmitter: 'GABA' }),
      neuron('X'),
    ],
    synapses: [
      { kind: 'chemical', from: 'DD1', to: 'AVD', weight: 1 },
      { kind: 'electrical', from: 'ALML', to: 'AVD', weight: 0.5 },
      { kind: 'chemical', from: 'ALML', to: 'X', weight: 2, sign: 'inhibitory' },
      { kind: 'chemical', from: 'AVD', to: 'DD1', weight: 3 },
    ],
  };

  test('signs come from the synapse, else from the presynaptic transmitter; roles default to inter', () => {
    const v = circuitViewFromSpec(spec);
    expect(v.roles).toEqual(['sensory', 'inter', 'motor', 'inter']);
    const edges = Array.from({ length: v.synapseCount }, (_, e) => `${v.ids[v.pre[e]]}>${v.ids[v.post[e]]}:${v.kind[e]}${v.sign[e]}`);
    expect(edges.sort()).toEqual(['ALML>AVD:10', 'ALML>X:0-1', 'AVD>DD1:01', 'DD1>AVD:0-1'].sort());
  });

  test('unknown neuron names and duplicate ids are clear errors', () => {
    expect(() => circuitViewFromSpec({ ...spec, synapses: [{ kind: 'chemical', from: 'ALML', to: 'AVA', weight: 1 }] })).toThrow(
      /synapses\[0\].*unknown neuron "AVA"/,
    );
    expect(() => circuitViewFromSpec({ neurons: [neuron('A'), neuron('A')], synapses: [] })).toThrow(/"A" appears twice/);
  });

  test('layout positions are carried, NaN where missing', () => {
    const v = circuitViewFromSpec(spec, { AVD: { x: 0.5, y: 0.25 } });
    expect(v.positions![2]).toBe(0.5);
    expect(Number.isNaN(v.positions![0])).toBe(true);
  });
});

describe('buildCircuitView', () => {
  test('CSR offsets list exactly each neuron’s outgoing synapses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.record({
                pre: fc.nat(n - 1),
                post: fc.nat(n - 1),
                kind: fc.constantFrom<0 | 1>(0, 1),
                sign: fc.constantFrom<-1 | 1>(-1, 1),
                weight: fc.double({ min: 0, max: 5, noNaN: true }),
              }),
              { maxLength: 200 },
            ),
          ),
        ),
        ([n, syn]) => {
          const ids = Array.from({ length: n }, (_, i) => `n${i}`);
          const v = buildCircuitView(
            ids,
            ids.map(() => 'inter'),
            syn as RawSynapse[],
          );
          expect(v.preStart[n]).toBe(syn.length);
          for (let i = 0; i < n; i++) {
            const mine = syn.filter((s) => s.pre === i);
            expect(v.preStart[i + 1] - v.preStart[i]).toBe(mine.length);
            for (let e = v.preStart[i]; e < v.preStart[i + 1]; e++) {
              expect(v.pre[e]).toBe(i);
              if (v.kind[e] === GAP) expect(v.sign[e]).toBe(0);
            }
          }
        },
      ),
    );
  });

  test('rejects synapses to neurons that do not exist', () => {
    expect(() => buildCircuitView(['a'], ['inter'], [{ pre: 0, post: 3, kind: 0, sign: 1, weight: 1 }])).toThrow(/outside 0..0/);
  });
});
