import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NeuronRole } from '../neural/types';
import { countLayerCrossings, LAYOUT_SPACING, layeredLayout } from './layout';

type N = { id: string; role?: NeuronRole };
type S = { from: string; to: string };

const graph = fc
  .record({
    sizes: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 12 })),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
  })
  .map(({ sizes, edges }) => {
    const roles: NeuronRole[] = ['sensory', 'inter', 'motor'];
    const neurons: N[] = [];
    sizes.forEach((n, l) => {
      for (let i = 0; i < n; i++) neurons.push({ id: `${roles[l][0]}${i}`, role: roles[l] });
    });
    const synapses: S[] = edges.map(([a, b]) => ({ from: neurons[a % neurons.length].id, to: neurons[b % neurons.length].id }));
    return { neurons, synapses };
  });

describe('layeredLayout', () => {
  it('puts every sensory neuron above every interneuron above every motor neuron, with no two neurons on one spot', () => {
    fc.assert(
      fc.property(graph, ({ neurons, synapses }) => {
        const pos = layeredLayout(neurons, synapses);
        expect(pos.size).toBe(neurons.length);
        const ys = (role: NeuronRole) => neurons.filter((n) => n.role === role).map((n) => (pos.get(n.id) as { y: number }).y);
        const [s, i, m] = [ys('sensory'), ys('inter'), ys('motor')];
        if (i.length > 0) expect(Math.max(...s)).toBeLessThan(Math.min(...i));
        if (i.length > 0) expect(Math.max(...i)).toBeLessThan(Math.min(...m));
        expect(Math.max(...s)).toBeLessThan(Math.min(...m));
        const spots = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
        expect(spots.size).toBe(neurons.length);
      }),
    );
  });

  it('is deterministic and never has more crossings than the plain id order it starts from', () => {
    fc.assert(
      fc.property(graph, ({ neurons, synapses }) => {
        const a = layeredLayout(neurons, synapses);
        expect(layeredLayout(neurons, synapses)).toEqual(a);
        // The same input in another order lays out the same.
        expect(layeredLayout([...neurons].reverse(), [...synapses].reverse())).toEqual(a);
        const plain = layeredLayout(neurons, synapses, { sweeps: 0 });
        expect(countLayerCrossings(neurons, synapses, a)).toBeLessThanOrEqual(countLayerCrossings(neurons, synapses, plain));
      }),
    );
  });

  it('untangles a crossed ladder completely', () => {
    // s_i → m_(n-1-i): in id order every pair of edges crosses.
    const n = 6;
    const neurons: N[] = [];
    const synapses: S[] = [];
    for (let i = 0; i < n; i++) neurons.push({ id: `s${i}`, role: 'sensory' }, { id: `m${i}`, role: 'motor' });
    for (let i = 0; i < n; i++) synapses.push({ from: `s${i}`, to: `m${n - 1 - i}` });
    expect(countLayerCrossings(neurons, synapses, layeredLayout(neurons, synapses, { sweeps: 0 }))).toBe((n * (n - 1)) / 2);
    expect(countLayerCrossings(neurons, synapses, layeredLayout(neurons, synapses))).toBe(0);
  });

  it('keeps left/right pairs side by side and puts neurons without a role with the interneurons', () => {
    const neurons: N[] = [
      { id: 'ALML', role: 'sensory' },
      { id: 'PLMR', role: 'sensory' },
      { id: 'ALMR', role: 'sensory' },
      { id: 'PLML', role: 'sensory' },
      { id: 'AVAL', role: 'inter' },
      { id: 'AVBL', role: 'inter' },
      { id: 'AVAR' },
      { id: 'AVBR', role: 'inter' },
      { id: 'DA1', role: 'motor' },
    ];
    const pos = layeredLayout(neurons, [
      { from: 'PLML', to: 'AVBL' },
      { from: 'ALML', to: 'AVAR' },
      { from: 'AVBR', to: 'DA1' },
    ]);
    const p = (id: string) => pos.get(id) as { x: number; y: number };
    for (const [l, r] of [
      ['ALML', 'ALMR'],
      ['PLML', 'PLMR'],
      ['AVAL', 'AVAR'],
      ['AVBL', 'AVBR'],
    ]) {
      expect(p(r).x - p(l).x).toBe(LAYOUT_SPACING.column);
      expect(p(r).y).toBe(p(l).y);
    }
    expect(p('AVAR').y).toBe(p('AVBL').y);
  });

  it('folds a big layer into rows no wider than maxColumns, keeping the layers apart', () => {
    const neurons: N[] = Array.from({ length: 30 }, (_, i) => ({ id: `I${i}`, role: 'inter' as const }));
    neurons.push({ id: 'S', role: 'sensory' }, { id: 'M', role: 'motor' });
    const pos = layeredLayout(neurons, [], { maxColumns: 10 });
    const inter = neurons.filter((n) => n.role === 'inter').map((n) => pos.get(n.id) as { x: number; y: number });
    expect(new Set(inter.map((q) => q.x)).size).toBe(10);
    expect(new Set(inter.map((q) => q.y)).size).toBe(3);
    expect((pos.get('S') as { y: number }).y).toBeLessThan(Math.min(...inter.map((q) => q.y)));
    expect((pos.get('M') as { y: number }).y).toBeGreaterThan(Math.max(...inter.map((q) => q.y)));
  });
});
