/**
 * Receptors that open channels (modulation.ts): an excitability receptor with
 * a reversal potential passes gain·C at its match point, less as V nears the
 * reversal, and never takes V past it, whatever the concentration; without
 * `reversalMv` it stays the current it was. Clear errors for fields that
 * cannot work.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from './network';
import type { NeuronSpec, ReceptorSpec } from './types';

/** A linear graded cell: C 1 pF, τ 10 ms (gL 0.1 nS), rest −65 mV. */
const cell = (id: string, params: Record<string, number> = {}): NeuronSpec => ({ id, model: 'graded', params: { gKNs: 0, ...params }, init: {} });
const GL_NS = 0.1;

function bathed(receptor: Omit<ReceptorSpec, 'neuron' | 'modulator' | 'effect'> | null, level: number, params: Record<string, number> = {}): Network {
  const n = Network.fromSpec({
    neurons: [cell('A', params)],
    synapses: [],
    modulators: [{ name: 'dopamine', from: [], release: 0, clearanceMs: 100 }],
    receptors: receptor ? [{ neuron: 'A', modulator: 'dopamine', effect: 'excitability', ...receptor }] : [],
  });
  n.setBath('dopamine', level);
  return n;
}

/** Each step's V over `steps` steps of `dtMs`. */
function trace(n: Network, steps: number, dtMs = 1): number[] {
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    n.step(dtMs);
    out.push(n.v[0]);
  }
  return out;
}

describe('receptor channels', () => {
  it('a small concentration moves V as the current does, to first order (DOP-3-like K⁺, MOD-1-like Cl⁻, excitatory cation)', () => {
    for (const [gain, reversalMv] of [
      [-2, -80],
      [-1, -70],
      [0.5, 0],
    ] as const) {
      const level = 0.02;
      const asCurrent = trace(bathed({ gain }, level), 300).at(-1)! + 65;
      const asChannels = trace(bathed({ gain, reversalMv }, level), 300).at(-1)! + 65;
      expect(Math.abs(asCurrent)).toBeGreaterThan(0.09);
      // Matched at rest: V∞ shift gain·C/(gL + g) against gain·C/gL, g = gain·C/(E − rest).
      const g = (gain * level) / (reversalMv + 65);
      expect(asChannels).toBeCloseTo((gain * level) / (GL_NS + g), 9);
      expect(asChannels / asCurrent).toBeGreaterThan(0.95);
      expect(asChannels / asCurrent).toBeLessThanOrEqual(1);
    }
  });

  it('a huge concentration takes V to the reversal and never past it; the same receptor as a current sinks V to −20 V', () => {
    const channels = trace(bathed({ gain: -1000, reversalMv: -80 }, 1000), 500, 5);
    expect(Math.min(...channels)).toBeGreaterThanOrEqual(-80);
    expect(channels.at(-1)).toBeCloseTo(-80, 3);
    const current = trace(bathed({ gain: -1000 }, 1000), 500, 5);
    expect(Math.min(...current)).toBeLessThan(-1000);
  });

  it('matched elsewhere than rest (matchMv): exactly gain·C at that potential', () => {
    // Held at −45 mV by its tonic current (rest −65, 2 pA × 10 GΩ), the cell gets gain·C from channels matched at −45.
    const held = trace(bathed(null, 0, { tonicPa: 2 }), 400).at(-1)!;
    expect(held).toBeCloseTo(-45, 6);
    const n = bathed({ gain: -0.01, reversalMv: -80, matchMv: -45 }, 1, { tonicPa: 2 });
    const shift = trace(n, 400).at(-1)! - held;
    const g = -0.01 / (-80 + 45);
    expect(shift).toBeCloseTo(-0.01 / (GL_NS + g), 9);
  });

  it('property: for any channel receptor and concentration, with a tonic drive, V stays between its start and the pull of drive and reversal at every step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -120, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom(0.1, 1, 5),
        (reversalMv, level, size, tonicPa, dtMs) => {
          fc.pre(Math.abs(reversalMv + 65) >= 2);
          const gain = Math.sign(reversalMv + 65) * size;
          const n = bathed({ gain, reversalMv }, level, { tonicPa });
          const vTonic = -65 + tonicPa / GL_NS;
          const lo = Math.min(-65, vTonic, reversalMv) - 1e-9;
          const hi = Math.max(-65, vTonic, reversalMv) + 1e-9;
          for (const v of trace(n, 200, dtMs)) {
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
          }
        },
      ),
    );
  });

  it('as V leaves the match point the channels pass less than the current, step by step', () => {
    const current = trace(bathed({ gain: -1 }, 1), 50);
    const channels = trace(bathed({ gain: -1, reversalMv: -80 }, 1), 50);
    for (let t = 5; t < 50; t++) {
      expect(current[t]).toBeLessThan(-66);
      expect(channels[t]).toBeGreaterThan(current[t]);
      expect(channels[t]).toBeLessThan(-65);
    }
  });
});

describe('bad receptor channels are refused before any step, naming the field and the fix', () => {
  it.each<[string, Omit<ReceptorSpec, 'neuron' | 'modulator'>, RegExp]>([
    [
      'a reversal on a gain receptor',
      { effect: 'gain', gain: 1, reversalMv: -80 },
      /receptors\[0\]: "reversalMv" belongs to an "excitability" receptor.*set "effect": "excitability"/,
    ],
    ['a reversal out of range', { effect: 'excitability', gain: -1, reversalMv: -200 }, /"reversalMv" must be a number in -120 .. 60 mV/],
    [
      'an inhibitory gain on excitatory channels',
      { effect: 'excitability', gain: -1, reversalMv: 0 },
      /a gain of -1 inhibits, but channels reversing at 0 mV excite a neuron at -65 mV; use a reversal below -65 mV/,
    ],
    ['a match point at the reversal', { effect: 'excitability', gain: -1, reversalMv: -80, matchMv: -79 }, /within 2 mV of "reversalMv" -80 mV/],
    [
      'a match point without a reversal',
      { effect: 'excitability', gain: -1, matchMv: -60 },
      /"matchMv" is the match point of a conductance receptor; give "reversalMv" too/,
    ],
  ])('%s', (_what, r, message) => {
    expect(() =>
      Network.fromSpec({
        neurons: [cell('A')],
        synapses: [],
        modulators: [{ name: 'dopamine', from: [], release: 0, clearanceMs: 100 }],
        receptors: [{ neuron: 'A', modulator: 'dopamine', ...r }],
      }),
    ).toThrow(message);
  });

  it('a transmitter neuron (the seed’s) takes no channels', () => {
    expect(() =>
      Network.fromSpec({
        neurons: [{ id: 'T', model: 'transmitter', params: {}, init: {} }],
        synapses: [],
        modulators: [{ name: 'dopamine', from: [], release: 0, clearanceMs: 100 }],
        receptors: [{ neuron: 'T', modulator: 'dopamine', effect: 'excitability', gain: -1, reversalMv: -80, matchMv: -60 }],
      }),
    ).toThrow(/T's model takes no conductance input/);
  });
});
