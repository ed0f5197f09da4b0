/**
 * Enhanced slowing (Sawin, Ranganathan & Horvitz 2000): a worm starved for
 * 30 min slows far more on food than a well-fed one (real: ~80–90 % slower
 * than off food, against ~50 % for the fed worm), through serotonin (NSM);
 * without NSM, or without serotonin (tph-1), only the basal slowing is left.
 * Five worms (seeds 1–5) in each condition.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS } from './measure';
import { mean, pathSpeed, STARVED_HOURS, without } from './modulation-slowing';

describe('enhanced slowing', () => {
  const fedOn = SEEDS.map((seed) => pathSpeed(seed, { lawn: true }));
  const starvedOff = SEEDS.map((seed) => pathSpeed(seed, { lawn: false, hoursOffFood: STARVED_HOURS }));
  const starvedOn = SEEDS.map((seed) => pathSpeed(seed, { lawn: true, hoursOffFood: STARVED_HOURS }));

  it('a starved worm off food crawls as a fed one does (above 0.1 mm/s)', () => {
    for (const v of starvedOff) expect(v).toBeGreaterThan(0.1);
  });

  // Per worm, speeds on the lawn differ by up to 1.4× with the same cells (the B-type units sit at their threshold
  // there, where the noise decides much): the comparisons between conditions are of the five worms' means.
  it('on food a starved worm slows to under 0.45 of its speed off food (measured 0.31 mean; real ~0.1–0.2), and the five to under 0.75 of fed worms on food (measured 0.55)', () => {
    expect(mean(starvedOn.map((v, i) => v / starvedOff[i]))).toBeLessThan(0.45);
    expect(mean(starvedOn) / mean(fedOn)).toBeLessThan(0.75);
  });

  it('with NSM ablated, or without serotonin (tph-1-like), the starved worm slows only as a fed one: the five within 0.8–1.4 of fed worms (measured 1.13), and over 1.5× the intact starved worms (measured 2.1)', () => {
    const tph1 = without('serotonin');
    for (const c of [{ ablate: ['NSM'] }, { circuit: tph1 }]) {
      const v = mean(SEEDS.map((seed) => pathSpeed(seed, { ...c, lawn: true, hoursOffFood: STARVED_HOURS })));
      expect(v / mean(fedOn)).toBeGreaterThan(0.8);
      expect(v / mean(fedOn)).toBeLessThan(1.4);
      expect(v / mean(starvedOn)).toBeGreaterThan(1.5);
    }
  });
});
