import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { GAIT } from '../circuits/builtin/locomotion';
import { MODELS } from '../neural/models';
import { applyGenes, decodeGenes, decodeValue, encodeValue, GeneProblems, reflect, resolveGenes } from './genes';
import type { FreeEntry } from './spec';

const loco = getBuiltinCircuit('locomotion');
const entry = (e: Partial<FreeEntry> & Pick<FreeEntry, 'what'>): FreeEntry => ({ range: [0.1, 10], scale: 'log', share: 'pair', ...e }) as FreeEntry;

describe('normalised coordinates', () => {
  it('reflect folds every number into [0, 1], continuously, with period 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const u = reflect(x);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
        expect(reflect(x + 2)).toBeCloseTo(u, 6);
        expect(reflect(-x)).toBeCloseTo(u, 6);
      }),
    );
    expect(reflect(1.25)).toBe(0.75);
    expect(reflect(-0.25)).toBe(0.25);
  });

  it('decodes into the range and encodes back (linear and log)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 1.01, max: 1000, noNaN: true }),
        fc.constantFrom('linear' as const, 'log' as const),
        (u, lo, k, scale) => {
          const hi = lo * k;
          const v = decodeValue(u, lo, hi, scale);
          expect(v).toBeGreaterThanOrEqual(lo * (1 - 1e-5));
          expect(v).toBeLessThanOrEqual(hi * (1 + 1e-5));
          // Values keep 6 significant digits, so the round trip is exact to that precision.
          expect(Math.abs(decodeValue(encodeValue(v, lo, hi, scale), lo, hi, scale) - v)).toBeLessThanOrEqual(Math.abs(v) * 2e-6);
        },
      ),
    );
    expect(decodeValue(0.5, 1, 100, 'log')).toBe(10);
    expect(decodeValue(0.5, 0, 3, 'linear')).toBe(1.5);
  });
});

describe('resolveGenes', () => {
  it('shares a value by class, by left/right–dorsal/ventral pair, or per neuron', () => {
    const byClass = resolveGenes(loco, [entry({ what: 'param', name: 'tauMs', of: ['DB', 'VB'], range: [15, 300], share: 'class' })], MODELS);
    expect(byClass.map((g) => [g.label, g.targets.length])).toEqual([
      ['tauMs DB', GAIT.units],
      ['tauMs VB', GAIT.units],
    ]);
    const pairs = resolveGenes(loco, [entry({ what: 'param', name: 'tauMs', of: ['RMD', 'DB'], range: [5, 300] })], MODELS);
    expect(pairs.map((g) => g.label)).toEqual(['tauMs RMD', ...Array.from({ length: GAIT.units }, (_, k) => `tauMs DB${k + 1}`)]);
    const all = resolveGenes(loco, [entry({ what: 'param', name: 'tauMs', of: ['DB', 'VB'], range: [15, 300], share: 'all' })], MODELS);
    expect(all).toHaveLength(1);
    expect(all[0].targets).toHaveLength(2 * GAIT.units);
  });

  it('groups synapses by their ends’ groups and reads the circuit’s own values', () => {
    const genes = resolveGenes(loco, [entry({ what: 'weight', kind: 'chemical', from: ['AVB'], to: ['DB', 'VB'], range: [0.2, 5], share: 'class' })], MODELS);
    expect(genes.map((g) => g.label)).toEqual(['weight AVB→DB', 'weight AVB→VB']);
    expect(decodeValue(genes[0].current, 0.2, 5, 'log')).toBeCloseTo(GAIT.unitDrive, 4);
    const signs = resolveGenes(loco, [entry({ what: 'sign', from: ['AVA'], to: ['AVB'] })], MODELS);
    expect(signs[0].sign).toBe(true);
    expect(signs[0].current).toBe(0.25); // AVA ⊣ AVB is inhibitory
  });

  it('writes decoded values into a copy of the document, leaving the base alone', () => {
    const genes = resolveGenes(
      loco,
      [
        entry({ what: 'param', name: 'tonicPa', of: ['AVB'], range: [0, 3], scale: 'linear' }),
        entry({ what: 'weight', from: ['AVB'], to: ['DB'], range: [0.2, 5], share: 'class' }),
        entry({ what: 'sign', from: ['AVA'], to: ['AVB'] }),
        entry({ what: 'muscleGain', of: ['DD'], range: [-2, -0.1], scale: 'linear', share: 'class' }),
        entry({ what: 'sensorGain', sensor: 'stretch', of: ['DB'], range: [0.01, 0.3], share: 'class' }),
      ],
      MODELS,
    );
    const before = JSON.stringify(loco.doc);
    const values = decodeGenes(genes, [0.5, 1, 0.9, 0, 0]);
    expect(values).toEqual([1.5, 5, 1, -2, 0.01]);
    const doc = applyGenes(loco.doc, genes, values);
    expect(JSON.stringify(loco.doc)).toBe(before);
    expect(doc.neurons.find((n) => n.id === 'AVB')!.params!.tonicPa).toBe(1.5);
    expect(doc.synapses!.filter((s) => s.from === 'AVB' && s.to.startsWith('DB')).every((s) => s.weight === 5)).toBe(true);
    expect(doc.synapses!.find((s) => s.from === 'AVA' && s.to === 'AVB')).toMatchObject({ sign: 'excitatory' });
    expect(doc.muscles!.filter((m) => m.neuron.startsWith('DD')).every((m) => m.gain === -2)).toBe(true);
    expect(doc.sensors!.filter((m) => m.neuron.startsWith('DB')).every((m) => m.gain === 0.01)).toBe(true);
  });

  it('lists every problem at once: unknown neurons and params, ranges outside the model, empty selections', () => {
    let err: unknown;
    try {
      resolveGenes(
        loco,
        [
          entry({ what: 'param', name: 'tauMs', of: ['AVX'], range: [1, 10] }),
          entry({ what: 'param', name: 'tau', of: ['AVB'], range: [1, 10] }),
          entry({ what: 'param', name: 'tauMs', of: ['AVB'], range: [0.01, 10] }),
          entry({ what: 'weight', from: ['AVA'], to: ['DB'], range: [1, 2] }),
        ],
        MODELS,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GeneProblems);
    const problems = (err as GeneProblems).problems;
    expect(problems.map((p) => p.path.join('.'))).toEqual(['free.0.of', 'free.1.param', 'free.2.range', 'free.3']);
    expect(problems[0].message).toMatch(/no neuron or class "AVX"/);
    expect(problems[1].fix).toMatch(/tauMs/);
    expect(problems[2].message).toMatch(/0\.1 \.\. 100000 ms/);
    expect(problems[3].message).toMatch(/selects nothing/);
  });
});
