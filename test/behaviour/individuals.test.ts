/**
 * Individuals (issue 15 §2): 20 seeds drawn as individuals (src/sim/individual.ts)
 * answer a gentle head touch with reversal latencies that spread like a
 * population's, within the real worm's "within ~1 s" (Chalfie et al. 1985;
 * Wicks & Rankin 1995; docs/individuals.md), where 20 clones differ only by
 * neural noise (which, since the gait core, sets the phase of the body wave and
 * the state a touch meets: sd ~30 ms, a third of the individuals' ~110 ms).
 * The spread comes through the neurons: the same individuals without AVA do not
 * reverse at all.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/sim/simulation';

/** Latency (ms) from a gentle touch at 0.05 body length to the reversal the pose shows, or null within 3 s. */
function latency(seed: number, individual: boolean, ablate?: string): number | null {
  const sim = createSimulation({ circuit: 'touch-withdrawal', seed, individual });
  if (ablate) sim.ablate(ablate);
  const starts: number[] = [];
  sim.events$.subscribe((e) => e.type === 'reversal-start' && starts.push(e.timeMs));
  sim.run(5000);
  const t0 = sim.timeMs;
  sim.poke(0.05, { kind: 'gentle' });
  sim.run(3000);
  const t = starts.find((s) => s >= t0);
  return t === undefined ? null : t - t0;
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const stats = (xs: number[]): { mean: number; sd: number } => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
};

/** The 20 individuals' latencies, computed once for the two tests that read them. */
let individualsLat: (number | null)[] | undefined;
const individuals = (): (number | null)[] => {
  individualsLat ??= SEEDS.map((s) => latency(s, true));
  return individualsLat;
};

describe('a population of individuals', () => {
  it('20 individuals all reverse to a head touch, with latencies that spread (sd ≥ 40 ms) inside the real worm’s ~1 s', () => {
    const lat = individuals();
    expect(lat.every((l) => l !== null)).toBe(true);
    const ls = lat as number[];
    const { mean, sd } = stats(ls);
    expect(sd).toBeGreaterThanOrEqual(40);
    expect(Math.min(...ls)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...ls)).toBeLessThanOrEqual(1000);
    expect(mean).toBeGreaterThan(500);
    expect(mean).toBeLessThan(900);
  });

  it('20 clones (the default) spread at most half as much as 20 individuals: seeds alone are noise, not individuals', () => {
    const clones = SEEDS.map((s) => latency(s, false));
    expect(clones.every((l) => l !== null)).toBe(true);
    const ind = individuals().filter((l): l is number => l !== null);
    expect(stats(clones as number[]).sd).toBeLessThanOrEqual(0.5 * stats(ind).sd);
  });

  it('the spread is the neurons’: the same individuals without AVA never reverse', () => {
    for (const s of SEEDS.slice(0, 5)) expect(latency(s, true, 'AVA')).toBeNull();
  });
});
