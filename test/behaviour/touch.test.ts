/**
 * Touch proofs (issue 4), 5 seeds each, on the 'touch-withdrawal' circuit:
 * anterior gentle touch → backward travel within 1.5 s that ends by itself;
 * posterior touch → faster forward crawling; harsh head touch → reversal then
 * an omega-like turn. Plus the seed's two neurons driving the body.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, travel, worm } from './measure';

describe('touch withdrawal on the body', () => {
  it.each(SEEDS)('seed %i: an anterior gentle touch starts backward travel within 1.5 s; it ends by itself and forward crawling resumes', (seed) => {
    const { sim, events } = worm('touch-withdrawal', seed);
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
  });

  it.each(SEEDS)('seed %i: a posterior gentle touch speeds forward crawling up', (seed) => {
    const { sim, events } = worm('touch-withdrawal', seed);
    sim.run(5000);
    const before = travel(sim, 4000);
    sim.poke(0.9, { kind: 'gentle' });
    const after = travel(sim, 4000);
    expect(after).toBeGreaterThan(before * 1.1);
    expect(events.some((e) => e.type === 'reversal-start')).toBe(false);
  });

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

  it('the seed article\'s two neurons: a touch → FIRST → SECOND → the muscles contract', () => {
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
