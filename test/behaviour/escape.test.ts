/**
 * Escape proofs (issue 4), 5 seeds: a harsh head touch (ASH/PVD) gives a
 * reversal and then an omega-like ventral turn. Plus the seed article's two
 * neurons wired skin → FIRST → SECOND → muscles.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, worm } from './measure';

describe('harsh touch escape and the seed circuit on the body', () => {
  it.each(SEEDS)('seed %i: a harsh head touch gives a reversal and then an omega-like turn', (seed) => {
    const { sim, events } = worm('touch-withdrawal', seed);
    sim.run(3000);
    const t0 = sim.timeMs;
    sim.poke(0.1, { kind: 'harsh', force: 1 });
    sim.run(12_000);
    const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
    expect(start!.timeMs - t0).toBeLessThanOrEqual(1500);
    const omega = events.find((e) => e.type === 'omega-turn' && e.timeMs > start!.timeMs);
    expect(omega, 'an omega turn follows').toBeDefined();
  });

  it("the seed article's two neurons: a touch → FIRST → SECOND → the muscles contract", () => {
    const { sim } = worm('seed-two-neurons', 1);
    const peak = (ms: number) => {
      let m = 0;
      for (const end = sim.timeMs + ms; sim.timeMs < end; ) {
        sim.step();
        m = Math.max(m, ...sim.telemetry().muscles);
      }
      return m;
    };
    expect(peak(1900)).toBeLessThan(0.05);
    sim.poke(0.5, { kind: 'gentle' });
    // SECOND releases at most every 11 steps (speed 5 + recovery 5), ~2 ms of full drive each: ~0.17 activation at most.
    expect(peak(2000)).toBeGreaterThan(0.1);
  });
});
