import { describe, expect, it } from 'vitest';
import { pillarCount, pillarField } from './pillars';
import type { PillarsSpec } from './schema';
import { seededRand } from './testing';

const spec: PillarsSpec = { type: 'pillars', from: [1, 1], to: [5, 4], spacing: 0.5, radius: 0.1, jitter: 0.05, layout: 'hex', seed: 3 };

describe('pillarField', () => {
  it('is the same forest for the same generator seed and a different one for another', () => {
    const a = pillarField(spec, seededRand(3));
    const b = pillarField(spec, seededRand(3));
    const c = pillarField(spec, seededRand(4));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.length).toBe(c.length);
  });

  it('keeps jitter within bounds, on a lattice of the given spacing, within the region', () => {
    const still = pillarField({ ...spec, jitter: 0 }, seededRand(1));
    const moved = pillarField(spec, seededRand(9));
    expect(moved.length).toBe(still.length);
    expect(still.length).toBeLessThanOrEqual(pillarCount(spec));
    still.forEach((p, k) => {
      expect(Math.abs(moved[k].x - p.x)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(moved[k].y - p.y)).toBeLessThanOrEqual(0.05);
      expect(p.x).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(5 + 1e-9);
      expect(p.y).toBeLessThanOrEqual(4 + 1e-9);
    });
    // Nearest neighbours on the hex lattice sit exactly one spacing apart.
    let nearest = Infinity;
    for (let i = 0; i < still.length; i++)
      for (let j = i + 1; j < still.length; j++) nearest = Math.min(nearest, Math.hypot(still[i].x - still[j].x, still[i].y - still[j].y));
    expect(nearest).toBeCloseTo(0.5, 9);
    // With spacing > 2r + 2·jitter, jittered pillars never touch.
    for (let i = 0; i < moved.length; i++)
      for (let j = i + 1; j < moved.length; j++) expect(Math.hypot(moved[i].x - moved[j].x, moved[i].y - moved[j].y)).toBeGreaterThan(0.2);
  });

  it('square layout fills a grid', () => {
    const sq = pillarField({ ...spec, layout: 'square', jitter: 0, from: [0, 0], to: [1, 1] }, seededRand(1));
    expect(sq.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [0.5, 0],
      [1, 0],
      [0, 0.5],
      [0.5, 0.5],
      [1, 0.5],
      [0, 1],
      [0.5, 1],
      [1, 1],
    ]);
  });
});
