/**
 * Habituation on food is slower, not absent (Kindt et al. 2007: dopamine from
 * CEP/ADE/PDE acting on DOP-1 in the touch cells slows tap habituation on
 * food). 5 worms of the default worm, each settled 60 s on a lawn or on a bare
 * open field, then 10 plate taps 10 s apart; the depth is the mean of the last
 * five responses over the first. The lawn's sustained dopamine reaches DOP-1
 * through its adaptation (touch.ts): without it the pools refilled 300 times as
 * fast on food and the worms did not habituate at all (last five 1.24 of the
 * first, 0.71–1.42; off food 0.20). A silent worm fails (no first response).
 */
import { describe, expect, it } from 'vitest';
import { lawnTrain, mean } from './habituation-interval';
import { OPEN_FIELD, SEEDS } from './measure';
import { LAWN } from './modulation-slowing';

function depth(seed: number, lawn: boolean): { first: number; depth: number } {
  const r = lawnTrain('worm', seed, lawn ? LAWN : OPEN_FIELD).responses;
  return { first: r[0], depth: mean(r.slice(-5)) / r[0] };
}

describe('tap habituation on food (default worm, 10 taps at 10 s)', () => {
  it('5 worms: on a lawn they still habituate (last five under 85 % of the first), but less than off food (by at least 0.2)', () => {
    const off = SEEDS.map((seed) => depth(seed, false));
    const lawn = SEEDS.map((seed) => depth(seed, true));
    const shown = `off ${off.map((r) => r.depth.toFixed(2))}; lawn ${lawn.map((r) => r.depth.toFixed(2))}`;
    for (const r of [...off, ...lawn]) expect(r.first, shown).toBeGreaterThan(0.2);
    const onFood = mean(lawn.map((r) => r.depth));
    const offFood = mean(off.map((r) => r.depth));
    expect(onFood, shown).toBeLessThan(0.85); // present (measured 1.24 before DOP-1 adapted)
    expect(onFood - offFood, shown).toBeGreaterThan(0.2); // slower
  }, 600_000);
});
