import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MuscleController } from './muscle';

describe('MuscleController', () => {
  it('drives only the muscles in the bound side and body range', () => {
    const mc = new MuscleController([{ neuron: 0, side: 'right', from: 0, to: 0.5, gain: 1 }], { segments: 10, tauMs: 50 });
    const out = new Float64Array([1]);
    for (let t = 0; t < 1000; t++) mc.update(out, 1);
    for (let i = 0; i < 10; i++) {
      expect(mc.activation[i]).toBe(0); // left row untouched
      expect(mc.activation[10 + i]).toBeCloseTo(i < 5 ? 1 : 0, 6);
    }
  });

  it('low-passes with its calcium time constant (63 % after one tau)', () => {
    const mc = new MuscleController([{ neuron: 0, side: 'left', from: 0, to: 1, gain: 1 }], { segments: 4, tauMs: 100 });
    const out = new Float64Array([1]);
    for (let t = 0; t < 100; t++) mc.update(out, 1);
    expect(mc.activation[0]).toBeCloseTo(1 - Math.exp(-1), 6);
  });

  it('each step low-passes with the factor of its own dt (the factor is cached per dt)', () => {
    const mc = new MuscleController([{ neuron: 0, side: 'left', from: 0, to: 1, gain: 1 }], { segments: 1, tauMs: 20 });
    const out = new Float64Array([1]);
    let expected = 0;
    for (const dt of [1, 1, 5, 0.5, 5, 1]) {
      mc.update(out, dt);
      expected += (1 - expected) * (1 - Math.exp(-dt / 20));
      expect(mc.activation[0]).toBe(expected);
    }
  });

  it('inhibitory (negative-gain) motor input relaxes an excited muscle', () => {
    const mc = new MuscleController(
      [
        { neuron: 0, side: 'left', from: 0, to: 1, gain: 1 },
        { neuron: 1, side: 'left', from: 0, to: 1, gain: -1 },
      ],
      { segments: 2, tauMs: 10 },
    );
    for (let t = 0; t < 200; t++) mc.update(new Float64Array([0.8, 0]), 1);
    const excited = mc.activation[0];
    for (let t = 0; t < 200; t++) mc.update(new Float64Array([0.8, 0.6]), 1);
    expect(excited).toBeGreaterThan(0.7);
    expect(mc.activation[0]).toBeCloseTo(0.2, 3);
  });

  it('activations stay within 0..1 for any outputs and gains', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.double({ min: -5, max: 5, noNaN: true }), o: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (ns, steps) => {
          const mc = new MuscleController(
            ns.map((n, i) => ({ neuron: i, side: i % 2 ? 'left' : 'right', from: 0, to: 1, gain: n.g }) as const),
            { segments: 5 },
          );
          const out = Float64Array.from(ns.map((n) => n.o));
          for (let t = 0; t < steps; t++) mc.update(out, 5);
          return mc.activation.every((a) => a >= 0 && a <= 1);
        },
      ),
    );
  });
});
