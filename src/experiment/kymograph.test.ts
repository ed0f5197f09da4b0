import { describe, expect, it } from 'vitest';
import type { Poses } from '../scenario/runner';
import { curvatureAlong, kymographOf, kymographScale, kymographSvg } from './kymograph';

/** Points along an arc of radius r, counter-clockwise (bending left), spaced ds apart. */
function arc(r: number, n: number, ds: number, dir = 1): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (dir * i * ds) / r;
    x.push(r * Math.sin(Math.abs(a)) * 1);
    y.push(dir * r * (1 - Math.cos(a)));
  }
  return { x, y };
}

describe('kymographs', () => {
  it('curvature along an arc is 1/r, signed by the side it bends to; a straight body has none', () => {
    const left = arc(0.5, 20, 0.05);
    for (const k of curvatureAlong(left.x, left.y)) expect(k).toBeCloseTo(2, 2);
    const right = arc(0.5, 20, 0.05, -1);
    for (const k of curvatureAlong(right.x, right.y)) expect(k).toBeCloseTo(-2, 2);
    const straight = curvatureAlong([0, 0.1, 0.2, 0.3], [0, 0, 0, 0]);
    expect(Array.from(straight)).toEqual([0, 0]);
  });

  it('a wave travelling head to tail shows as a band whose peak reaches the tail later than the nose', () => {
    // Body along x, lateral displacement y = A sin(k s - w t): a wave moving toward larger s (the tail).
    const n = 21;
    const poses: Poses = { t: [], x: [], y: [] };
    for (let step = 0; step < 100; step++) {
      const t = step * 20;
      poses.t.push(t);
      poses.x.push(Array.from({ length: n }, (_, i) => i * 0.05));
      poses.y.push(Array.from({ length: n }, (_, i) => 0.05 * Math.sin(2 * Math.PI * (i / 15 - t / 1000))));
    }
    const ky = kymographOf(poses);
    const peakTime = (row: number) => {
      let best = 0;
      for (let c = 1; c < 50; c++) if (ky.k[c]![row]! > ky.k[best]![row]!) best = c;
      return best;
    };
    // The crest reaches a point further down the body later (within one period).
    expect(peakTime(10)).toBeGreaterThan(peakTime(2));
  });

  it('keeps at most maxColumns samples and the first maxMs', () => {
    const poses: Poses = { t: [], x: [], y: [] };
    for (let i = 0; i < 2000; i++) {
      poses.t.push(i * 50);
      poses.x.push([0, 1, 2]);
      poses.y.push([0, 0, 0]);
    }
    const ky = kymographOf(poses, 100, 30_000);
    expect(ky.t.length).toBeLessThanOrEqual(100);
    expect(ky.t[ky.t.length - 1]!).toBeLessThanOrEqual(30_000);
    expect(ky.t[0]).toBe(0);
  });

  it('the colour scale ignores the rare deepest bend, and a flat body draws white cells', () => {
    const ky = { t: [0, 1], k: [Float64Array.from({ length: 100 }, (_, i) => (i === 0 ? 40 : 2)), new Float64Array(100)] };
    expect(kymographScale([ky])).toBe(2);
    const svg = kymographSvg({ t: [0], k: [new Float64Array(3)] }, 0, 0, 30, 30, 1, 'x');
    expect(svg.match(/fill="rgb\(255,255,255\)"/g)).toHaveLength(3);
  });
});
