import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circuitDoc } from './arbitraries';
import { circuitFromDoc } from './circuit';
import { FAKE_MODELS } from './fake-models';
import { lintCircuit } from './lint';
import type { CircuitDoc, NeuronEntry } from './types';

const n = (id: string, extra: Partial<NeuronEntry> = {}): NeuronEntry => ({ id, model: 'graded', ...extra });
const lint = (doc: Omit<CircuitDoc, 'format' | 'version'>) =>
  lintCircuit(circuitFromDoc({ format: 'neuroworm-circuit', version: 1, ...doc }, 'lint.json', FAKE_MODELS));

/** A clean reflex: touch → sensory → inter → motor → muscle. */
const reflex = (): Omit<CircuitDoc, 'format' | 'version'> => ({
  neurons: [n('S', { role: 'sensory' }), n('I', { role: 'inter' }), n('M', { role: 'motor' })],
  synapses: [
    { from: 'S', to: 'I', kind: 'chemical', weight: 1 },
    { from: 'I', to: 'M', kind: 'chemical', weight: 1 },
  ],
  sensors: [{ neuron: 'S', sensor: 'touch', from: 0, to: 0.3, kind: 'gentle', gain: 1 }],
  muscles: [{ neuron: 'M', side: 'left', from: 0, to: 1, gain: 1 }],
});

describe('lintCircuit', () => {
  it('has nothing to say about a clean reflex', () => {
    expect(lint(reflex())).toEqual([]);
  });

  it('warns about motor neurons without muscles and sensory neurons without sensors', () => {
    const doc = reflex();
    doc.sensors = [];
    doc.muscles = [];
    expect(lint(doc)).toEqual([
      { path: 'neurons[0]', message: 'sensory neuron "S" has no sensor: add a binding for it in "sensors", or change its role' },
      { path: 'neurons[2]', message: 'motor neuron "M" drives no muscle: add a binding for it in "muscles", or change its role' },
    ]);
  });

  it('warns about bindings to neurons whose role does not match', () => {
    const doc = reflex();
    doc.sensors!.push({ neuron: 'M', sensor: 'tap', gain: 1 });
    doc.muscles!.push({ neuron: 'I', side: 'right', from: 0.2, to: 0.4, gain: 1 });
    expect(lint(doc)).toEqual([
      { path: 'sensors[1].neuron', message: 'sensor bound to "M", whose role is "motor": bind a sensory neuron, or set its role to "sensory"' },
      { path: 'muscles[1].neuron', message: 'muscles bound to "I", whose role is "inter": bind a motor neuron, or set its role to "motor"' },
    ]);
  });

  it('takes a stretch receptor on a motor neuron for proprioception, not a misplaced sensor', () => {
    // B-type motor neurons and the head's SMD/RMD feel the body's bend (Wen et al. 2012): the built-in worm binds 34 of them.
    const doc = reflex();
    doc.sensors!.push({ neuron: 'M', sensor: 'stretch', at: 0.4, side: 'left', gain: 1 });
    expect(lint(doc)).toEqual([]);
    doc.sensors!.push({ neuron: 'I', sensor: 'stretch', at: 0.4, side: 'left', gain: 1 });
    expect(lint(doc).map((w) => w.path)).toEqual(['sensors[2].neuron']);
  });

  it('says nothing of role when a neuron has none', () => {
    const doc = reflex();
    doc.neurons[2] = n('M');
    doc.sensors!.push({ neuron: 'M', sensor: 'tap', gain: 1 });
    expect(lint(doc)).toEqual([]);
  });

  it('warns about empty body ranges and unconnected neurons', () => {
    const doc = reflex();
    doc.sensors![0] = { neuron: 'S', sensor: 'touch', from: 0.3, to: 0.3, kind: 'any', gain: 1 };
    doc.neurons.push(n('LONE'));
    const w = lint(doc);
    expect(w).toContainEqual({ path: 'sensors[0].to', message: expect.stringMatching(/covers no skin/) });
    expect(w).toContainEqual({ path: 'neurons[3]', message: '"LONE" is connected to nothing (no synapse, sensor or muscle): connect it or remove it' });
  });

  describe('excitatory loops without inhibition', () => {
    const loop = () => {
      const doc = reflex();
      doc.synapses!.push({ from: 'M', to: 'I', kind: 'chemical', weight: 1 });
      return doc;
    };

    it('warns about a loop of excitatory synapses', () => {
      expect(lint(loop())).toEqual([
        {
          path: 'neurons[1]',
          message:
            'I, M excite one another in a loop and nothing inhibits them, so their activity can run away: add an inhibitory synapse onto one of them, or weaken the loop',
        },
      ]);
    });

    it('warns about a neuron that excites itself', () => {
      const doc = reflex();
      doc.synapses!.push({ from: 'I', to: 'I', kind: 'chemical', weight: 1 });
      expect(lint(doc)).toEqual([{ path: 'neurons[1]', message: expect.stringMatching(/^"I" excites itself and nothing inhibits them/) }]);
    });

    it('is quiet when a loop member receives inhibition: by sign, or from a GABA neuron', () => {
      const bySign = loop();
      bySign.neurons.push(n('G'));
      bySign.synapses!.push({ from: 'S', to: 'G', kind: 'chemical', weight: 1 }, { from: 'G', to: 'M', kind: 'chemical', weight: 1, sign: 'inhibitory' });
      expect(lint(bySign)).toEqual([]);
      const byGaba = loop();
      byGaba.neurons.push(n('G', { transmitter: 'GABA' }));
      byGaba.synapses!.push({ from: 'S', to: 'G', kind: 'chemical', weight: 1 }, { from: 'G', to: 'I', kind: 'chemical', weight: 1 });
      expect(lint(byGaba)).toEqual([]);
    });

    it('counts a GABA synapse made excitatory by its sign as excitation, and ignores gap junctions and zero weights', () => {
      const doc = reflex();
      doc.neurons[2] = n('M', { role: 'motor', transmitter: 'GABA' });
      doc.synapses!.push({ from: 'M', to: 'I', kind: 'chemical', weight: 1, sign: 'excitatory' });
      expect(lint(doc)).toHaveLength(1);
      const gap = reflex();
      gap.synapses!.push({ from: 'M', to: 'I', kind: 'electrical', weight: 1 }, { from: 'M', to: 'S', kind: 'chemical', weight: 0 });
      expect(lint(gap)).toEqual([]);
    });

    it('finds loops in a large ring without running out of stack', () => {
      const size = 20_000;
      const neurons = Array.from({ length: size }, (_, i) => n(`N${i}`));
      const synapses = neurons.map((_, i) => ({ from: `N${i}`, to: `N${(i + 1) % size}`, kind: 'chemical' as const, weight: 1 }));
      const w = lint({ neurons, synapses });
      expect(w).toHaveLength(1);
      expect(w[0].message).toMatch(/^N0, N1, N2, N3, N4, N5, N6, N7 and 19992 more excite one another/);
    });
  });

  it('never throws on a valid circuit, and every warning points into the circuit', () => {
    fc.assert(
      fc.property(circuitDoc(FAKE_MODELS), (doc) => {
        const c = circuitFromDoc(doc, 'lint.json', FAKE_MODELS);
        for (const w of lintCircuit(c)) expect(w.path).toMatch(/^(neurons|sensors|muscles)\[\d+\]/);
      }),
      { numRuns: 100 },
    );
  });
});
