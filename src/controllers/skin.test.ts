import { describe, expect, it } from 'vitest';
import { SkinController } from './skin';

const ids = ['ALM', 'PLM', 'PVD', 'TAP'];
const skin = () =>
  new SkinController(
    [
      { neuron: 0, from: 0, to: 0.4, kind: 'gentle', side: 'both', gain: 2 },
      { neuron: 1, from: 0.6, to: 1, kind: 'gentle', side: 'both', gain: 2 },
      { neuron: 2, from: 0, to: 1, kind: 'harsh', side: 'both', gain: 3 },
    ],
    [{ neuron: 3, gain: 1 }],
    ids,
    { adaptMs: 100 },
  );

describe('SkinController', () => {
  it('an anterior gentle touch reaches the anterior receptor only', () => {
    const s = skin();
    const stim = s.touchAt(0.1, 'both', 'gentle', 0.5, 'poke');
    expect(stim).toMatchObject({ type: 'touch', position: 0.1, kind: 'gentle', neurons: ['ALM'] });
    const input = new Float64Array(4);
    s.apply(input, new Float64Array(input.length), 1);
    expect(Array.from(input)).toEqual([1, 0, 0, 0]);
  });

  it('a harsh poke also reaches the harsh (PVD-like) receptor', () => {
    const stim = skin().touchAt(0.8, 'left', 'harsh', 1, 'poke');
    expect(stim.type === 'touch' && [...stim.neurons].sort()).toEqual(['PLM', 'PVD']);
  });

  it('receptor drive adapts away with its time constant', () => {
    const s = skin();
    s.touchAt(0.1, 'both', 'gentle', 1, 'poke');
    const input = new Float64Array(4);
    for (let t = 0; t < 100; t++) s.apply(input.fill(0), new Float64Array(input.length), 1);
    s.apply(input.fill(0), new Float64Array(input.length), 1);
    expect(input[0]).toBeCloseTo(2 * Math.exp(-1), 6);
  });

  it('a plate tap reaches gentle and tap receptors, not harsh ones', () => {
    const stim = skin().tapPlate(0.7);
    expect(stim).toEqual({ type: 'plate-tap', force: 0.7, neurons: ['ALM', 'PLM', 'TAP'] });
  });

  it('respects the side of a one-sided field', () => {
    const s = new SkinController([{ neuron: 0, from: 0, to: 1, kind: 'gentle', side: 'left', gain: 1 }], [], ['L']);
    expect(s.touchAt(0.5, 'right', 'gentle', 1, 'poke').neurons).toEqual([]);
    expect(s.touchAt(0.5, 'left', 'gentle', 1, 'poke').neurons).toEqual(['L']);
    expect(s.touchAt(0.5, 'both', 'gentle', 1, 'poke').neurons).toEqual(['L']);
  });
});
