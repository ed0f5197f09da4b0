import { describe, expect, it } from 'vitest';
import { FEEDING, FeedingSense, hungerAfter } from './feeding';

describe('FeedingSense', () => {
  it('reports the share of each lawn receptor’s body range that lies on food', () => {
    // 21 body points (0 = nose .. 20 = tail); food under points 0..4 only.
    const s = new FeedingSense(
      [
        { neuron: 0, from: 0, to: 0.1, gain: 2 },
        { neuron: 1, from: 0.1, to: 0.3, gain: 1 },
        { neuron: 2, from: 0.6, to: 0.8, gain: 1 },
      ],
      [],
      0,
    );
    s.sample(21, (i) => i <= 4, true, 10);
    expect([...s.onLawn]).toEqual([1, 3 / 5, 0]);
    const input = new Float64Array(3);
    s.apply(input, new Float64Array(3));
    expect([...input]).toEqual([2, 0.6, 0]);
  });

  it('hunger grows off food and falls on it, from the hours given', () => {
    expect(hungerAfter(0)).toBe(0);
    expect(hungerAfter(0.5)).toBeCloseTo(1 - Math.exp(-1.5), 12);
    const s = new FeedingSense([], [{ neuron: 0, gain: 0.8 }], 0.5);
    const h0 = s.hunger;
    s.sample(20, () => false, false, 60_000);
    expect(s.hunger).toBeCloseTo(1 - (1 - h0) * Math.exp(-60_000 / FEEDING.starveMs), 12);
    const h1 = s.hunger;
    s.sample(20, () => true, true, 60_000);
    expect(s.hunger).toBeCloseTo(h1 * Math.exp(-60_000 / FEEDING.refeedMs), 12);
    const input = new Float64Array(1);
    s.apply(input, new Float64Array(1));
    expect(input[0]).toBeCloseTo(0.8 * s.hunger, 12);
  });

  it('refuses a feeding state that is no number of hours', () => {
    for (const h of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => new FeedingSense([], [], h)).toThrow(/hoursOffFood .* must be a finite number ≥ 0/);
  });
});
