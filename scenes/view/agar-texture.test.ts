import { describe, expect, test } from 'vitest';
import { agarPixels } from './agar-texture';

describe('agarPixels', () => {
  test('a round dish is transparent outside its circle and opaque inside', () => {
    const px = agarPixels({ width: 64, height: 64, round: true });
    const alpha = (x: number, y: number) => px[4 * (y * 64 + x) + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
    expect(alpha(32, 1)).toBeGreaterThan(0);
  });

  test('same seed, same pixels; another seed, another plate', () => {
    const a = agarPixels({ width: 48, height: 32, round: false, seed: 3 });
    expect(agarPixels({ width: 48, height: 32, round: false, seed: 3 })).toEqual(a);
    expect(agarPixels({ width: 48, height: 32, round: false, seed: 4 })).not.toEqual(a);
  });

  test('the gel is textured (not flat) but stays near its base colour', () => {
    const px = agarPixels({ width: 128, height: 128, round: false, color: 0x5b5237 });
    const reds: number[] = [];
    for (let y = 20; y < 108; y++) for (let x = 20; x < 108; x++) reds.push(px[4 * (y * 128 + x)]);
    const min = Math.min(...reds);
    const max = Math.max(...reds);
    expect(max - min).toBeGreaterThan(4);
    expect(Math.abs(reds.reduce((a, b) => a + b, 0) / reds.length - 0x5b)).toBeLessThan(12);
  });

  test('water is blue and clear where agar is warm, with caustic ridges brighter than its mean', () => {
    const mean = (px: Uint8ClampedArray, c: number): number => {
      let sum = 0;
      for (let i = c; i < px.length; i += 4) sum += px[i];
      return sum / (px.length / 4);
    };
    const agar = agarPixels({ width: 96, height: 96, round: false });
    const water = agarPixels({ width: 96, height: 96, round: false, medium: 'water' });
    expect(mean(agar, 0)).toBeGreaterThan(mean(agar, 2));
    expect(mean(water, 2)).toBeGreaterThan(mean(water, 0) + 40);
    // Caustics: some pixels stand well above the water's mean brightness (a flat fill would not).
    const blues = Array.from({ length: 96 * 96 }, (_, i) => water[4 * i + 2]);
    expect(blues.filter((b) => b > mean(water, 2) + 12).length).toBeGreaterThan(20);
  });
});
