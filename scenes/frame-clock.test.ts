import { describe, expect, it } from 'vitest';
import { FrameClock } from './frame-clock';

describe('FrameClock', () => {
  it('gives wall-clock ms between frames, 0 first, capped, never negative', () => {
    const c = new FrameClock(250);
    expect(c.delta(1000)).toBe(0);
    expect(c.delta(1033)).toBe(33);
    expect(c.delta(2033)).toBe(250);
    expect(c.delta(2000)).toBe(0);
    c.reset();
    expect(c.delta(5000)).toBe(0);
    expect(c.delta(5100)).toBe(100);
  });
});
