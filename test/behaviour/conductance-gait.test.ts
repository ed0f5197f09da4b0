/**
 * The conductance-converted default worm's crawl, read steadily (open field,
 * AWC cut, 12 s settle, 12 s window: conductance-measure.ts). At the working
 * point the last round found best by reading 4–16 s, every B-unit's losing
 * side sits near its release midpoint and the crawl falls into a short-wave
 * mode (λ ≈ 0.32) by 12–28 s; a plateau in the B-units (GAIT.unitSelfExcitation,
 * Boyle, Berri & Cohen 2012) lets each hold the side it has switched to and
 * keeps the long wave. Seeds 1–3 (one shared run per seed and variant).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { convertedWorm, steadyGait } from './conductance-measure';

/** The earlier best point (docs/biology.md, "Best working point found", measured at 4–16 s). */
const EARLIER_BEST = {
  headStretchGain: 0.0844,
  headDrive: 0.352,
  avbTonicPa: 1.53,
  unitDrive: 2.18,
  senseReach: 0.225,
  stretchGain: 0.129,
  headTonicPa: 0.652,
  avbSlopeMv: 7.54,
};
const shipped = { ...GAIT };

function steadyLambda(extra: Partial<typeof GAIT>, seed: number): number {
  Object.assign(GAIT, shipped, EARLIER_BEST, extra);
  const circuit = convertedWorm();
  return steadyGait(circuit, seed, 'agar').lambda;
}

describe('B-units that hold their side (converted worm)', () => {
  afterEach(() => {
    Object.assign(GAIT, shipped);
  });

  it.each([1, 2, 3])('seed %i: without the plateau the steady crawl is short-waved; with it the wave stays long', (seed) => {
    const without = steadyLambda({}, seed);
    const withPlateau = steadyLambda({ unitSelfExcitation: 1 }, seed);
    expect(without).toBeLessThan(0.45);
    expect(withPlateau).toBeGreaterThanOrEqual(0.55);
    expect(withPlateau).toBeLessThanOrEqual(0.8);
  });
});
