/**
 * Spontaneous behaviour off food (issue 14 §3), 5 seeds: the full worm on an
 * open field, nothing touched, reverses on its own at the real worm's rate,
 * less and less over the minutes (local search, then dispersal: Zhao et al.
 * 2003; Gray, Hill & Bargmann 2005), with reversals of real length and omega
 * turns after some of them. The reversals come from the turn relay's own
 * fluctuations lifted by AWC (foraging.ts); with AWC cut there are none, and
 * a silent circuit makes none either.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS } from './measure';
import { type Spontaneous, spontaneous } from './spontaneous';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('spontaneous reversals and omega turns off food', () => {
  let runs: Spontaneous[] = [];
  it('five worms, five minutes each: 1–3 reversals a minute early, fewer later, reversals of seconds, omega turns after some', () => {
    runs = SEEDS.map((seed) => spontaneous(seed, 5));
    const early = mean(runs.flatMap((r) => r.perMinute.slice(0, 2)));
    const late = mean(runs.flatMap((r) => r.perMinute.slice(3)));
    const summary = JSON.stringify(runs.map((r) => ({ perMinute: r.perMinute, omegas: r.omegas })));
    expect(early, summary).toBeGreaterThanOrEqual(1);
    expect(early, summary).toBeLessThanOrEqual(3);
    expect(late, summary).toBeLessThan(0.75 * early);
    // Every worm reverses on its own at least once.
    for (const r of runs)
      expect(
        r.perMinute.reduce((a, b) => a + b, 0),
        summary,
      ).toBeGreaterThanOrEqual(1);
    // Reversals last from under a second to several seconds (real: mostly 1–3 head swings, long ones up to ~10 s).
    const durations = runs.flatMap((r) => r.durationsS).sort((a, b) => a - b);
    expect(durations[Math.floor(durations.length / 2)]).toBeGreaterThanOrEqual(0.5);
    expect(durations[Math.floor(durations.length / 2)]).toBeLessThanOrEqual(3);
    expect(durations[durations.length - 1]).toBeLessThan(15);
    // Omega turns follow some reversals, in most worms.
    expect(runs.filter((r) => r.omegas > 0).length, summary).toBeGreaterThanOrEqual(3);
    const omegas = runs.reduce((a, r) => a + r.omegas, 0);
    const reversals = runs.reduce((a, r) => a + r.perMinute.reduce((x, y) => x + y, 0), 0);
    expect(omegas).toBeLessThan(reversals);
  }, 600_000);

  it('without AWC (the foraging drive) the worm does not reverse on its own', () => {
    const cut = SEEDS.slice(0, 2).map((seed) => spontaneous(seed, 2, ['AWC']));
    expect(cut.reduce((a, r) => a + r.perMinute.reduce((x, y) => x + y, 0), 0)).toBe(0);
  }, 300_000);
});
