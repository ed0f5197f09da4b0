import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldGrid } from './grid';
import { seededRand } from './testing';

describe('FieldGrid', () => {
  it('fits whole cells across the width and covers the height', () => {
    const g = new FieldGrid(10, 7.3, 0.3);
    expect(g.nx * g.cellMm).toBeCloseTo(10, 12);
    expect(g.ny * g.cellMm).toBeGreaterThanOrEqual(7.3 - 1e-9);
    expect((g.ny - 1) * g.cellMm).toBeLessThan(7.3);
    expect(g.size).toBe((g.nx + 2) * (g.ny + 2));
  });

  it('returns the cell value at a cell centre and is exact for linear fields', () => {
    const g = new FieldGrid(4, 3, 0.25);
    const v = g.newArray();
    const f = (x: number, y: number) => 2 * x - 3 * y + 0.5;
    g.fill(v, f);
    expect(g.sample(v, g.centreX(3), g.centreY(5))).toBe(v[g.index(3, 5)]);
    const rand = seededRand(3);
    for (let k = 0; k < 500; k++) {
      // Inside the range of cell centres, bilinear interpolation of a plane is the plane.
      const x = g.centreX(0) + rand() * (g.centreX(g.nx - 1) - g.centreX(0));
      const y = g.centreY(0) + rand() * (g.centreY(g.ny - 1) - g.centreY(0));
      expect(g.sample(v, x, y)).toBeCloseTo(f(x, y), 10);
    }
    // Beyond the outer centres the edge value holds.
    expect(g.sample(v, -5, g.centreY(2))).toBeCloseTo(v[g.index(0, 2)], 12);
    expect(g.sample(v, 100, 100)).toBeCloseTo(v[g.index(g.nx - 1, g.ny - 1)], 12);
  });

  it('samples continuously: nearby points give nearby values (also over open cells only)', () => {
    const g = new FieldGrid(3, 2, 0.2);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: g.size, maxLength: g.size }),
        fc.array(fc.boolean(), { minLength: g.size, maxLength: g.size }),
        fc.double({ min: -0.5, max: 3.5, noNaN: true }),
        fc.double({ min: -0.5, max: 2.5, noNaN: true }),
        (vals, mask, x, y) => {
          const v = Float64Array.from(vals);
          const open = Float64Array.from(mask, (b) => (b ? 1 : 0));
          const h = 1e-7;
          // Bilinear slope is at most 2·max|v|/dx per mm.
          const bound = (2 * 10 * h) / g.cellMm + 1e-9;
          expect(Math.abs(g.sample(v, x + h, y) - g.sample(v, x, y))).toBeLessThanOrEqual(bound);
          expect(Math.abs(g.sample(v, x, y + h) - g.sample(v, x, y))).toBeLessThanOrEqual(bound);
          // Masked sampling renormalises; it stays continuous wherever some weight is open.
          const a = g.sampleMasked(v, open, x, y);
          const b = g.sampleMasked(v, open, x + h, y);
          if (a !== 0 && b !== 0) expect(Math.abs(a - b)).toBeLessThan(1e-2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('masked sampling ignores closed cells', () => {
    const g = new FieldGrid(1, 1, 0.5);
    const v = g.newArray();
    const open = g.newArray();
    v[g.index(0, 0)] = 4;
    open[g.index(0, 0)] = 1;
    v[g.index(1, 0)] = 100; // closed: its value never shows
    expect(g.sampleMasked(v, open, 0.5, 0.4)).toBe(4);
    expect(g.sample(v, 0.5, 0.25)).toBe(52);
  });
});
