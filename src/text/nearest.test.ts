import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './nearest';

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('tauMs', 'tauMs')).toBe(0);
    expect(editDistance('tauMs', 'taums')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is a metric: symmetric, zero only for equal strings, within the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('nearest', () => {
  it('finds a typo, ignoring case, and nothing for a stranger', () => {
    expect(nearest('tauMS', ['capacitance', 'tauMs', 'restMv'])).toBe('tauMs');
    expect(nearest('radus', ['radius', 'at'])).toBe('radius');
    expect(nearest('zzzzzz', ['radius', 'at'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});
