import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from '../neural/network';
import type { NetworkSpec } from '../neural/types';
import { TRANSMITTER_GAP_LIMIT } from './stability';

/** Transmitter neurons with random parameters, joined by random gap junctions scaled so the largest sum onto one neuron is `sum`. */
const network = (sum: number) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: 9 }),
      cells: fc.array(
        fc.record({
          threshold: fc.double({ min: -5, max: 20, noNaN: true }),
          returnability: fc.double({ min: 0, max: 1, noNaN: true }),
          speed: fc.integer({ min: 0, max: 200 }),
          recovery: fc.integer({ min: 0, max: 200 }),
          e: fc.double({ min: 0, max: 1, noNaN: true }),
          i: fc.double({ min: -1, max: 0, noNaN: true }),
          sta: fc.integer({ min: 0, max: 5 }),
        }),
        { minLength: 9, maxLength: 9 },
      ),
      gaps: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }),
      drive: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }),
    })
    .map(({ n, cells, gaps, drive }): { spec: NetworkSpec; drive: number[] } | null => {
      const pairs = new Map<string, [number, number, number]>();
      for (const [a0, b0, g] of gaps) {
        const a = a0 % n;
        const b = b0 % n;
        if (a !== b) pairs.set(`${Math.min(a, b)}-${Math.max(a, b)}`, [a, b, g]);
      }
      if (pairs.size === 0) return null;
      const total = new Array<number>(n).fill(0);
      for (const [a, b, g] of pairs.values()) {
        total[a] += g;
        total[b] += g;
      }
      const k = sum / Math.max(...total);
      return {
        spec: {
          neurons: cells.slice(0, n).map((c, i) => ({
            id: `n${i}`,
            model: 'transmitter',
            params: { threshold: c.threshold, returnability: c.returnability, speed: c.speed, recovery: c.recovery, reproductivity: [c.e, c.i] },
            init: { stepsToActivation: c.sta, stepsToRecovery: 0, accumulated: [0, 0] },
          })),
          synapses: [...pairs.values()].map(([a, b, g]) => ({ kind: 'electrical', from: `n${a}`, to: `n${b}`, weight: g * k })),
        },
        drive: drive.slice(0, n),
      };
    })
    .filter((x): x is { spec: NetworkSpec; drive: number[] } => x !== null);

function finiteFor(spec: NetworkSpec, drive: number[], steps: number): boolean {
  const net = Network.fromSpec(spec);
  for (let s = 0; s < steps; s++) {
    // A drive that alternates in sign every step excites the fastest (least stable) mode.
    drive.forEach((d, i) => (net.input[i] = s % 2 ? d : -d));
    net.step(1);
    for (let i = 0; i < net.size; i++) if (!Number.isFinite(net.v[i]) || Math.abs(net.v[i]) > 1e12) return false;
  }
  return true;
}

describe('the transmitter model’s gap-junction limit (the loader refuses above it)', () => {
  it('at the limit, random networks with random parameters stay finite for 5,000 steps', () => {
    fc.assert(
      fc.property(network(TRANSMITTER_GAP_LIMIT), ({ spec, drive }) => finiteFor(spec, drive, 5000)),
      { numRuns: 40 },
    );
  });

  it('above it they diverge: six neurons all-to-all at 1 each (a sum of 5) go non-finite', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const spec: NetworkSpec = {
      neurons: ids.map((id) => ({
        id,
        model: 'transmitter',
        params: { threshold: 10, returnability: 0.1, speed: 5, recovery: 5, reproductivity: [0.5, -0.1] },
        init: { stepsToActivation: 5, stepsToRecovery: 0, accumulated: [0, 0] },
      })),
      synapses: ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ kind: 'electrical' as const, from: a, to: b, weight: 1 }))),
    };
    expect(finiteFor(spec, [1, 0, 0, 0, 0, 0], 5000)).toBe(false);
    // The same network at the limit (1/5 each) does not.
    expect(finiteFor({ ...spec, synapses: spec.synapses.map((s) => ({ ...s, weight: 0.2 })) }, [1, 0, 0, 0, 0, 0], 5000)).toBe(true);
  });
});
