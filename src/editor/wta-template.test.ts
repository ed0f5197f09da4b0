/**
 * The winner-takes-all template chooses: equal odour on both sides of the
 * nose, the two choice cells starting a hair apart (a seeded draw, as
 * individuals differ), and after 2 s one is on and the other off. The same
 * circuit without the two cross-inhibitory synapses does not choose: both
 * end on. Five individuals (seeds 1..5) and a fast-check property over any
 * equal odour strong enough to drive the channels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circuitFromDoc } from '../circuits/circuit';
import type { CircuitDoc } from '../circuits/types';
import { MODELS } from '../neural/models/index';
import { Network } from '../neural/network';
import { Rng } from '../neural/rng';
import { templates } from './templates';
import { winnerTakesAllDoc } from './wta-template';

function choose(doc: CircuitDoc, seed: number, odourPa: number): { left: number; right: number } {
  const rng = new Rng(seed);
  const d = structuredClone(doc);
  for (const n of d.neurons) if (n.id === 'CHL' || n.id === 'CHR') n.init = { v: -55 + rng.uniform(-0.5, 0.5) };
  const net = Network.fromSpec(circuitFromDoc(d, 'wta.json', MODELS).network);
  net.input[net.indexOf('AWAL')] = odourPa;
  net.input[net.indexOf('AWAR')] = odourPa;
  for (let t = 0; t < 2000; t += 0.5) net.step(0.5);
  return { left: net.output[net.indexOf('CHL')], right: net.output[net.indexOf('CHR')] };
}

const withoutLateralInhibition = (doc: CircuitDoc): CircuitDoc => ({
  ...doc,
  synapses: (doc.synapses ?? []).filter((s) => !(s.kind === 'chemical' && s.sign === 'inhibitory')),
});

describe('winner-takes-all template', () => {
  it('is offered in the editor after the built-in circuits', () => {
    expect(templates([]).map((t) => t.id)).toEqual(['blank', 'winner-takes-all']);
  });

  it('with equal odour on both sides, each of 5 individuals commits to one side: the winner on (> 0.9), the loser off (< 0.05); both sides win sometimes', () => {
    const winners = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      const { left, right } = choose(winnerTakesAllDoc(), seed, 0.3);
      expect(Math.max(left, right), `seed ${seed}`).toBeGreaterThan(0.9);
      expect(Math.min(left, right), `seed ${seed}`).toBeLessThan(0.05);
      winners.add(left > right ? 'left' : 'right');
    }
    expect(winners.size).toBe(2);
  });

  it('the same circuit without the lateral inhibition does not choose: both channels end on', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { left, right } = choose(withoutLateralInhibition(winnerTakesAllDoc()), seed, 0.3);
      expect(Math.min(left, right), `seed ${seed}`).toBeGreaterThan(0.5);
    }
  });

  it('chooses for any equal odour that drives the channels (0.2 .. 2 pA into AWA)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 2, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (odour, seed) => {
        const { left, right } = choose(winnerTakesAllDoc(), seed, odour);
        return Math.max(left, right) > 0.9 && Math.min(left, right) < 0.05;
      }),
      { numRuns: 25 },
    );
  });
});
