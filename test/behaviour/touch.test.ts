/**
 * Touch proofs (issues 4 and 14), 5 seeds each, on the 'touch-withdrawal'
 * circuit: anterior gentle touch during forward crawling → backward travel
 * within 1.5 s that ends by itself; posterior touch → forward crawling at
 * least 1.25× faster from anywhere on the back third; posterior touch during
 * a reversal → forward at once (escape.test.ts: harsh touch and the seed's
 * neurons).
 */
import { describe, expect, it } from 'vitest';
import { backwardMm, SEEDS, travel, worm } from './measure';

describe('touch withdrawal on the body', () => {
  const anterior = SEEDS.flatMap((seed) => [['touch-withdrawal', seed] as const, ['worm', seed] as const]);
  it.each(anterior)(
    '%s, seed %i: an anterior gentle touch starts backward travel within 1.5 s; it ends by itself and forward crawling resumes',
    (circuit, seed) => {
      const { sim, events } = worm(circuit, seed);
      // The full worm forages off food (spontaneous reversals, foraging.ts); this proof is about the reflex, so AWC, the foraging drive, is cut.
      if (circuit === 'worm') sim.ablate('AWC');
      sim.run(5000);
      const t0 = sim.timeMs;
      sim.poke(0.05, { kind: 'gentle' });
      sim.run(1500);
      const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
      expect(start, 'a reversal starts').toBeDefined();
      expect(start!.timeMs - t0).toBeLessThanOrEqual(1500);
      expect(sim.behaviour().alongMmPerS).toBeLessThan(0);
      sim.run(8500);
      const end = events.find((e) => e.type === 'reversal-end' && e.timeMs > start!.timeMs);
      expect(end, 'the reversal ends by itself').toBeDefined();
      expect(end!.timeMs - start!.timeMs).toBeGreaterThan(1000);
      expect(sim.behaviour().direction).toBe('forward');
      // …and it crawls again (in the full worm a saturated AIB once held RIV on and the worm stalled here).
      expect(travel(sim, 3000)).toBeGreaterThan(0.03);
    },
  );

  // Real worms speed up after a tail touch from anywhere on the back (PLM's field); a third of the body is tried here.
  const back = SEEDS.flatMap((seed) => [0.7, 0.85, 1].map((at) => [seed, at] as const));
  it.each(back)('seed %i: a posterior gentle touch at %f speeds forward crawling up at least 1.25×, without a reversal', (seed, at) => {
    const { sim, events } = worm('touch-withdrawal', seed);
    sim.run(5000);
    const before = travel(sim, 4000);
    sim.poke(at, { kind: 'gentle' });
    const after = travel(sim, 4000);
    expect(after / before).toBeGreaterThanOrEqual(1.25);
    expect(events.some((e) => e.type === 'reversal-start')).toBe(false);
  });

  it.each(SEEDS)('seed %i: a tail touch during a reversal turns it forward (PLM → PVC → AVB against AVA)', (seed) => {
    // The same nose-touch reversal with and without a tail touch 1.2 s into it.
    const trial = (tail: boolean) => {
      const { sim, events } = worm('touch-withdrawal', seed);
      sim.run(5000);
      sim.poke(0.05, { kind: 'gentle' });
      sim.run(1200);
      expect(sim.behaviour().direction, 'reversing when the tail is touched').toBe('backward');
      const t1 = sim.timeMs;
      if (tail) sim.poke(0.9, { kind: 'gentle' });
      const mm = backwardMm(sim, 3000);
      const end = events.find((e) => e.type === 'reversal-end' && e.timeMs >= t1);
      return { mm, endS: end ? (end.timeMs - t1) / 1000 : Infinity, direction: sim.behaviour().direction };
    };
    const alone = trial(false);
    const touched = trial(true);
    expect(touched.endS).toBeLessThan(1); // forward within a second of the tail touch
    expect(touched.endS).toBeLessThan(alone.endS);
    expect(touched.mm).toBeLessThan(0.5 * alone.mm);
    expect(touched.direction).toBe('forward');
  });
});
