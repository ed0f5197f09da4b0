/**
 * Interval-dependent habituation on the default worm (issue 19), the long
 * interval: 8 plate taps 60 s apart habituate less than taps 10 s apart
 * (habituation-interval-short.test.ts), and the loss lasts: 2 min after the
 * last tap the response is still down, where the 10 s-trained worms are back,
 * because spaced taps wear the touch cells' slow pool (Rankin & Broster 1992;
 * recovery depends on the interval, Wicks & Rankin 1996). 5 individuals; a
 * silent worm fails (no first response).
 */
import { describe, expect, it } from 'vitest';
import { mean, probe, train } from './habituation-interval';
import { SEEDS } from './measure';

describe('tap habituation at a 60 s interval (default worm)', () => {
  it('5 worms: the last 5 of 8 taps average over half the first response, and 2 min later it is still below 85 %', () => {
    const rows = SEEDS.map((seed) => {
      const t = train('worm', seed, 60_000, 8);
      const first = t.responses[0];
      return { first, depth: mean(t.responses.slice(-5)) / first, recovered: probe(t, 120_000) / first };
    });
    for (const r of rows) expect(r.first).toBeGreaterThan(0.2);
    const depth = mean(rows.map((r) => r.depth));
    const recovered = mean(rows.map((r) => r.recovered));
    expect(depth, `depths ${rows.map((r) => r.depth.toFixed(2))}`).toBeGreaterThan(0.5); // real: ~60–80 % at 60 s
    expect(recovered, `recoveries ${rows.map((r) => r.recovered.toFixed(2))}`).toBeLessThan(0.85);
  }, 600_000);
});
