/**
 * Touch proofs (issue 4), 5 seeds each, on the 'touch-withdrawal' circuit:
 * anterior gentle touch → backward travel within 1.5 s that ends by itself;
 * posterior touch → faster forward crawling (escape.test.ts: harsh touch and
 * the seed's neurons).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, travel, worm } from './measure';

describe('touch withdrawal on the body', () => {
  const anterior = SEEDS.flatMap((seed) => [['touch-withdrawal', seed] as const, ['worm', seed] as const]);
  it.each(anterior)(
    '%s, seed %i: an anterior gentle touch starts backward travel within 1.5 s; it ends by itself and forward crawling resumes',
    (circuit, seed) => {
      const { sim, events } = worm(circuit, seed);
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

  it.each(SEEDS)('seed %i: a posterior gentle touch speeds forward crawling up', (seed) => {
    const { sim, events } = worm('touch-withdrawal', seed);
    sim.run(5000);
    const before = travel(sim, 4000);
    sim.poke(0.9, { kind: 'gentle' });
    const after = travel(sim, 4000);
    expect(after).toBeGreaterThan(before * 1.1);
    expect(events.some((e) => e.type === 'reversal-start')).toBe(false);
  });
});
