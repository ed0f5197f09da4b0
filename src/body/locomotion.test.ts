import { beforeAll, describe, expect, it } from 'vitest';
import { measureCrawl, type CrawlResult } from './crawlProbe';
import { createPhysics } from './physics';
import { writeTravellingWave } from './waveDrive';
import { WormBody } from './wormBody';

// A prescribed bending wave (a body test input, not the worm's behaviour):
// 0.4 Hz, 0.65 body lengths, full activation — the real worm's crawling gait.
const CRAWL = { frequencyHz: 0.4, wavelength: 0.65 } as const;
const SECONDS = 16;

describe('locomotion from a travelling bending wave', () => {
  let forward: CrawlResult;
  beforeAll(() => {
    forward = measureCrawl({ medium: 'agar' }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS);
  });

  it('a head-to-tail wave on agar crawls forward at a real worm speed (0.1–0.3 mm/s)', () => {
    expect(forward.speedMmS).toBeGreaterThan(0.1);
    expect(forward.speedMmS).toBeLessThan(0.3);
    expect(forward.bodyLengthsPerS).toBeCloseTo(forward.speedMmS, 12); // 1 mm worm
    // Mostly straight ahead: the net path is the forward path.
    expect(forward.speedMmS / forward.netSpeedMmS).toBeGreaterThan(0.95);
    // With a real worm's bending (curvature peaks ~5–10 /mm) and no stretching.
    expect(forward.maxCurvature).toBeGreaterThan(5);
    expect(forward.maxCurvature).toBeLessThan(15);
    expect(forward.minLengthRatio).toBeGreaterThan(0.99);
    expect(forward.maxLengthRatio).toBeLessThan(1.01);
  });

  it('a tail-to-head wave crawls backward about as fast', () => {
    const backward = measureCrawl({ medium: 'agar' }, { ...CRAWL, direction: 'tail-to-head' }, SECONDS);
    expect(backward.speedMmS).toBeLessThan(-0.1);
    expect(Math.abs(backward.speedMmS / forward.speedMmS)).toBeGreaterThan(0.8);
  });

  it('isotropic drag (ratio 1) gives almost no net motion', () => {
    const iso = measureCrawl({ dragNormal: 1e5, dragRatio: 1 }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS);
    expect(Math.abs(iso.netSpeedMmS)).toBeLessThan(forward.speedMmS / 100);
    expect(iso.maxCurvature).toBeGreaterThan(5); // it does wiggle; the wiggle just goes nowhere
  });

  it('more anisotropy, more thrust: speed grows with the drag ratio', () => {
    const r3 = measureCrawl({ dragNormal: 1e5, dragRatio: 3 }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS);
    const r10 = measureCrawl({ dragNormal: 1e5, dragRatio: 10 }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS);
    expect(r3.speedMmS).toBeGreaterThan(0);
    expect(r10.speedMmS).toBeGreaterThan(r3.speedMmS);
    expect(forward.speedMmS).toBeGreaterThan(r10.speedMmS);
  });

  it('in water (ratio 1.5) a 1.8 Hz wave slips far more than on agar', () => {
    const swim = measureCrawl({ medium: 'water' }, { frequencyHz: 1.8, wavelength: 0.65, direction: 'head-to-tail' }, 8);
    expect(swim.speedMmS).toBeGreaterThan(0);
    // Efficiency = speed / wave speed: ~0.7 crawling on agar, well under 0.15 swimming.
    expect(forward.efficiency).toBeGreaterThan(0.5);
    expect(swim.efficiency).toBeLessThan(0.15);
  });

  it('the gait does not depend on the step or (much) on the segment count', () => {
    const fine = measureCrawl({ medium: 'agar' }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS, 5);
    expect(Math.abs(fine.speedMmS / forward.speedMmS - 1)).toBeLessThan(0.02);
    const many = measureCrawl({ medium: 'agar', segments: 40 }, { ...CRAWL, direction: 'head-to-tail' }, SECONDS);
    expect(Math.abs(many.speedMmS / forward.speedMmS - 1)).toBeLessThan(0.1);
  });

  it('the medium is read every step: switched mid-run, the body moves as one that started there', () => {
    // Speed over 2–4 s after the switch, against the same window of a body started in the new medium.
    const wave = { frequencyHz: 1.8, wavelength: 1, direction: 'head-to-tail' } as const;
    const speed = (start: 'agar' | 'water', switchTo: 'agar' | 'water') => {
      const body = new WormBody(createPhysics(), { medium: start });
      const act = new Float64Array(2 * body.segments);
      const run = (ms: number) => {
        for (const end = body.timeMs + ms; body.timeMs < end - 1e-9; ) {
          body.setActivations(writeTravellingWave(act, body.segments, body.timeMs, wave));
          body.step(10);
        }
      };
      run(3000);
      body.setMedium(switchTo);
      expect(body.medium).toBe(switchTo);
      run(2000);
      const a = body.centroid();
      run(2000);
      const b = body.centroid();
      return Math.hypot(b[0] - a[0], b[1] - a[1]) / 2;
    };
    for (const [from, to] of [
      ['agar', 'water'],
      ['water', 'agar'],
    ] as const) {
      const switched = speed(from, to);
      const native = speed(to, to);
      expect(Math.abs(switched / native - 1), `${from} → ${to}`).toBeLessThan(0.1);
    }
    // The two media really move this wave differently (agar ~0.16 mm/s, water ~0.20), so the comparison above means something.
    expect(Math.abs(speed('agar', 'agar') / speed('water', 'water') - 1)).toBeGreaterThan(0.15);
  });
});
