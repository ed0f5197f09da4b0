/**
 * Interval-dependent habituation on the default worm (issue 19), the short
 * interval: 10 plate taps 10 s apart habituate deep, and the response is back
 * 2 min later, because the touch cells' fast pool carries this habituation
 * (Rankin & Broster 1992: short intervals habituate deeper and recover faster).
 * The long interval is habituation-interval-long.test.ts; the full-length
 * figures: habituation-interval-table.ts. 5 individuals; a silent worm fails
 * (no first response), and so does one whose touch synapses do not depress.
 */
import { describe, expect, it } from 'vitest';
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { CircuitDoc } from '../../src/circuits/types';
import { mean, probe, train } from './habituation-interval';
import { SEEDS } from './measure';

function shortInterval(circuit: Parameters<typeof train>[0]) {
  return SEEDS.map((seed) => {
    const t = train(circuit, seed, 10_000, 10);
    const first = t.responses[0];
    return { first, depth: mean(t.responses.slice(-5)) / first, recovered: probe(t, 120_000) / first };
  });
}

/** The default worm with its touch synapses fixed (no short-term rule). */
function withoutPools(): CircuitDoc {
  const doc = buildWorm();
  const fixed = (doc.synapses ?? []).map((s) => {
    if (s.kind !== 'chemical') return s;
    const { plastic: _, ...rest } = s;
    return rest;
  });
  return { ...doc, synapses: fixed };
}

describe('tap habituation at a 10 s interval (default worm)', () => {
  it('5 worms: the last 5 of 10 taps average under half the first response, and 2 min later it is back above 80 %', () => {
    const rows = shortInterval('worm');
    for (const r of rows) expect(r.first).toBeGreaterThan(0.2); // a clear first reversal (mm in 3 s)
    const depth = mean(rows.map((r) => r.depth));
    const recovered = mean(rows.map((r) => r.recovered));
    expect(depth, `depths ${rows.map((r) => r.depth.toFixed(2))}`).toBeLessThan(0.5); // real: ~20–40 % at 10 s
    expect(recovered, `recoveries ${rows.map((r) => r.recovered.toFixed(2))}`).toBeGreaterThan(0.8);
  });

  it('the decrement is the touch synapses’ pools: without them the same taps keep at least 70 % of the first response', () => {
    const rows = shortInterval(circuitFromDoc(withoutPools(), 'worm without short-term pools'));
    expect(mean(rows.map((r) => r.depth))).toBeGreaterThan(0.7);
  });
});
