import { describe, expect, it } from 'vitest';
import { containsPoint, isConvex, polygonFromPoints, rectPolygon, segmentWall, signedDistance } from './geometry';

describe('geometry', () => {
  it('signed distance is negative inside, zero on the edge, positive outside', () => {
    const c = { type: 'circle' as const, x: 1, y: 1, r: 0.5 };
    expect(signedDistance(c, 1, 1)).toBeCloseTo(-0.5, 12);
    expect(signedDistance(c, 1.5, 1)).toBeCloseTo(0, 12);
    expect(signedDistance(c, 2, 1)).toBeCloseTo(0.5, 12);
    const ring = { type: 'ring' as const, x: 0, y: 0, inner: 2, outer: 3 };
    expect(signedDistance(ring, 2.5, 0)).toBeCloseTo(-0.5, 12);
    expect(signedDistance(ring, 0, 1)).toBeCloseTo(1, 12);
    expect(signedDistance(ring, 0, -4)).toBeCloseTo(1, 12);
    const sq = polygonFromPoints([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
    expect(signedDistance(sq, 1, 1)).toBeCloseTo(-1, 12);
    expect(signedDistance(sq, 3, 1)).toBeCloseTo(1, 12);
    expect(signedDistance(sq, 3, 3)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('containment agrees with the sign of the distance', () => {
    const shapes = [
      { type: 'circle' as const, x: 1, y: 1, r: 0.5 },
      { type: 'ring' as const, x: 1, y: 1, inner: 0.3, outer: 0.8 },
      rectPolygon(1, 1, 1.2, 0.4, 0.7),
      polygonFromPoints([
        [0, 0],
        [2, 0.3],
        [1.2, 1.9],
      ]),
    ];
    for (const s of shapes)
      for (let k = 0; k < 400; k++) {
        const x = (k % 20) / 10;
        const y = Math.floor(k / 20) / 10 + 0.013;
        if (Math.abs(signedDistance(s, x, y)) > 1e-9) expect(containsPoint(s, x, y)).toBe(signedDistance(s, x, y) < 0);
      }
  });

  it('a rotated rectangle keeps its size; a segment wall has square ends past its points', () => {
    const r = rectPolygon(0, 0, 2, 1, Math.PI / 2);
    expect(containsPoint(r, 0, 0.9)).toBe(true);
    expect(containsPoint(r, 0.9, 0)).toBe(false);
    const w = segmentWall(0, 0, 4, 0, 0.2);
    expect(containsPoint(w, -0.09, 0)).toBe(true);
    expect(containsPoint(w, -0.11, 0)).toBe(false);
    expect(containsPoint(w, 2, 0.09)).toBe(true);
    expect(containsPoint(w, 2, 0.11)).toBe(false);
  });

  it('tells convex polygons from concave and degenerate ones, in either winding', () => {
    expect(
      isConvex(
        polygonFromPoints([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ]).xy,
      ),
    ).toBe(true);
    expect(
      isConvex(
        polygonFromPoints([
          [0, 1],
          [1, 1],
          [1, 0],
          [0, 0],
        ]).xy,
      ),
    ).toBe(true);
    expect(
      isConvex(
        polygonFromPoints([
          [0, 0],
          [4, 0],
          [1, 1],
          [0, 4],
        ]).xy,
      ),
    ).toBe(false);
    expect(
      isConvex(
        polygonFromPoints([
          [0, 0],
          [1, 1],
          [2, 2],
        ]).xy,
      ),
    ).toBe(false);
    // A pentagram turns one way at every vertex but winds twice.
    const star = [0, 1, 2, 3, 4].map((k) => [Math.cos((4 * Math.PI * k) / 5), Math.sin((4 * Math.PI * k) / 5)] as [number, number]);
    expect(isConvex(polygonFromPoints(star).xy)).toBe(false);
  });
});
