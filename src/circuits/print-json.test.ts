import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printJson } from './print-json';

describe('printJson', () => {
  it('prints small things on one line and breaks what does not fit', () => {
    const v = { short: [1, 2, 3], obj: { a: 1, b: 'x' }, long: Array.from({ length: 40 }, (_, i) => i * 1000), empty: [], none: {} };
    expect(printJson(v, 60)).toBe(
      [
        '{',
        '  "short": [1, 2, 3],',
        '  "obj": { "a": 1, "b": "x" },',
        '  "long": [',
        ...Array.from({ length: 40 }, (_, i) => `    ${i * 1000}${i < 39 ? ',' : ''}`),
        '  ],',
        '  "empty": [],',
        '  "none": {}',
        '}',
      ].join('\n'),
    );
  });

  it('is JSON that reads back as the same value, with no line wider than the width unless one value is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 20, max: 120 }), (value, width) => {
        const text = printJson(value, width);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        for (const line of text.split('\n')) {
          const t = line.trim();
          // A line wider than the limit is a single scalar (or an empty container) that cannot be broken.
          if (line.length > width) expect(t.replace(/,$/, '')).toMatch(/^("(?:[^"\\]|\\.)*": )?(?:"(?:[^"\\]|\\.)*"|[^[{]*|\[\]|\{\})$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
