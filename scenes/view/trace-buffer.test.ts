import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TraceBuffer } from './trace-buffer';

describe('TraceBuffer', () => {
  test('keeps the newest `capacity` samples in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.array(fc.double({ noNaN: true }), { maxLength: 60 }), (cap, values) => {
        const b = new TraceBuffer(cap);
        values.forEach((v, i) => b.push(i, v));
        const kept = values.slice(-cap);
        expect(b.size).toBe(kept.length);
        kept.forEach((v, i) => {
          expect(b.valueAt(i)).toBe(v);
          expect(b.timeAt(i)).toBe(values.length - kept.length + i);
        });
      }),
    );
  });

  test('time going backwards (a reset) starts over', () => {
    const b = new TraceBuffer(4);
    b.push(10, 1);
    b.push(20, 2);
    b.push(5, 3);
    expect(b.size).toBe(1);
    expect(b.latest()).toBe(3);
  });

  test('capacity below 2 is refused', () => {
    expect(() => new TraceBuffer(1)).toThrow(/capacity/);
  });
});
