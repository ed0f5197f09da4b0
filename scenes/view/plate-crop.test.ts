import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipPolygon, plateCrop } from './plate-crop';

describe('plate crop (a plate shown in a smaller panel)', () => {
  it('a plate wholly inside the panel is not cropped', () => {
    expect(plateCrop({ x: 10, y: 20, w: 100, h: 50 }, 200, 100, { x: 0, y: 0, w: 300, h: 300 })).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });
  it('a plate larger than the panel keeps the panel’s part, in texture px', () => {
    // Drawn 400×400 px from (−100, −100) for a 1000×1000 texture (2.5 texture px per screen px); the panel is 0..200 × 50..150.
    expect(plateCrop({ x: -100, y: -100, w: 400, h: 400 }, 1000, 1000, { x: 0, y: 50, w: 200, h: 100 })).toEqual({ x: 250, y: 375, w: 500, h: 250 });
  });
  it('a plate out of the panel shows nothing', () => {
    expect(plateCrop({ x: 500, y: 0, w: 100, h: 100 }, 100, 100, { x: 0, y: 0, w: 200, h: 200 })).toBeNull();
  });
});

describe('clipPolygon (walls and obstacles cut at the panel edge)', () => {
  const area = (ps: { x: number; y: number }[]) =>
    Math.abs(ps.reduce((s, p, i) => s + p.x * ps[(i + 1) % ps.length].y - ps[(i + 1) % ps.length].x * p.y, 0)) / 2;
  const rect = (x: number, y: number, w: number, h: number) => [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ];
  it('keeps a polygon inside the panel as it is, and drops one outside', () => {
    const tri = [
      { x: 10, y: 10 },
      { x: 50, y: 10 },
      { x: 30, y: 40 },
    ];
    expect(clipPolygon(tri, { x: 0, y: 0, w: 100, h: 100 })).toEqual(tri);
    expect(clipPolygon(tri, { x: 60, y: 0, w: 100, h: 100 })).toEqual([]);
  });
  it('cuts a block that crosses the panel edge at the edge', () => {
    const out = clipPolygon(rect(-20, 10, 40, 20), { x: 0, y: 0, w: 100, h: 100 });
    expect(Math.min(...out.map((p) => p.x))).toBe(0);
    expect(area(out)).toBeCloseTo(20 * 20, 9);
  });
  it('property: a rectangle clipped to the panel is their intersection, every point inside the panel', () => {
    const box = fc.record({
      x: fc.integer({ min: -200, max: 200 }),
      y: fc.integer({ min: -200, max: 200 }),
      w: fc.integer({ min: 1, max: 300 }),
      h: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(box, box, (r, c) => {
        const out = clipPolygon(rect(r.x, r.y, r.w, r.h), c);
        const iw = Math.max(0, Math.min(r.x + r.w, c.x + c.w) - Math.max(r.x, c.x));
        const ih = Math.max(0, Math.min(r.y + r.h, c.y + c.h) - Math.max(r.y, c.y));
        expect(area(out)).toBeCloseTo(iw * ih, 6);
        for (const p of out) {
          expect(p.x).toBeGreaterThanOrEqual(c.x - 1e-9);
          expect(p.x).toBeLessThanOrEqual(c.x + c.w + 1e-9);
          expect(p.y).toBeGreaterThanOrEqual(c.y - 1e-9);
          expect(p.y).toBeLessThanOrEqual(c.y + c.h + 1e-9);
        }
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
