/**
 * Basal slowing (Sawin, Ranganathan & Horvitz 2000): a well-fed worm slows on
 * a bacterial lawn (real: about half its speed off food) through dopamine from
 * the mechanosensory CEP, ADE and PDE; without them, or without dopamine
 * (cat-2), it does not slow. Five worms (seeds 1–5) in each condition.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS } from './measure';
import { DOPAMINERGIC, mean, pathSpeed, without } from './modulation-slowing';

describe('basal slowing', () => {
  const off = SEEDS.map((seed) => pathSpeed(seed, { lawn: false }));

  it('a well-fed worm crawls on the bare plate (measured 0.15–0.20 mm/s)', () => {
    for (const v of off) expect(v).toBeGreaterThan(0.1);
  });

  it('slows on the lawn: each worm below 0.8 of its speed off food, the five below 0.7 (measured 0.40–0.70, mean 0.54)', () => {
    const ratio = SEEDS.map((seed, i) => pathSpeed(seed, { lawn: true }) / off[i]);
    for (const r of ratio) expect(r).toBeLessThan(0.8);
    expect(mean(ratio)).toBeLessThan(0.7);
  });

  it('with CEP, ADE and PDE ablated it does not slow (each above 0.85)', () => {
    for (const [i, seed] of SEEDS.entries()) expect(pathSpeed(seed, { lawn: true, ablate: DOPAMINERGIC }) / off[i]).toBeGreaterThan(0.85);
  });

  it('without dopamine (cat-2-like) it does not slow (each above 0.85)', () => {
    const cat2 = without('dopamine');
    for (const [i, seed] of SEEDS.entries()) expect(pathSpeed(seed, { circuit: cat2, lawn: true }) / off[i]).toBeGreaterThan(0.85);
  });
});
