import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../types';
import { scaleCellSize } from './cell-size';
import { buildWorm } from './generate';
import { GAIT } from './locomotion';
import { buildConductance } from './membrane';

const TINY: CircuitDoc = {
  format: 'neuroworm-circuit',
  version: 1,
  neurons: [
    { id: 'S', model: 'graded', params: { capacitance: 1, tauMs: 20 } },
    { id: 'AVA', model: 'graded', params: { capacitance: 15, tauMs: 300, tonicPa: 0.5 } },
    { id: 'M', model: 'graded', params: { capacitance: 0.5, tauMs: 10 } },
  ],
  synapses: [
    { from: 'S', to: 'AVA', kind: 'chemical', weight: 2 },
    { from: 'AVA', to: 'M', kind: 'chemical', weight: 3 },
    { from: 'AVA', to: 'M', kind: 'electrical', weight: 0.1 },
  ],
  sensors: [{ neuron: 'AVA', sensor: 'touch', from: 0, to: 1, kind: 'gentle', gain: 4 }],
  muscles: [],
  receptors: [
    { neuron: 'AVA', modulator: 'dopamine', effect: 'excitability', gain: -1 },
    { neuron: 'AVA', modulator: 'dopamine', effect: 'plasticity', gain: 300 },
  ],
};

describe('scaleCellSize: a neuron k times larger answers its inputs as before', () => {
  it('scales capacitance (τ kept, so the leak), tonic current, chemical inputs, sensors and excitability receptors; not its outputs, junctions or other receptors', () => {
    const big = scaleCellSize(TINY, 'AVA', 4);
    const ava = big.neurons.find((n) => n.id === 'AVA')?.params;
    expect(ava).toEqual({ capacitance: 60, tauMs: 300, tonicPa: 2 });
    expect(big.synapses?.map((s) => s.weight)).toEqual([8, 3, 0.1]);
    expect(big.sensors?.[0].gain).toBe(16);
    expect(big.receptors?.map((r) => r.gain)).toEqual([-4, 300]);
    expect(big.neurons.find((n) => n.id === 'M')?.params).toEqual({ capacitance: 0.5, tauMs: 10 });
    expect(TINY.neurons[1].params?.capacitance).toBe(15); // the input is not changed
    expect(scaleCellSize(TINY, 'AVA', 1)).toBe(TINY);
  });

  it('scales the membrane conductances it is told to (a graded cell’s K⁺ rectifier), and refuses one that is not explicit', () => {
    const doc: CircuitDoc = { ...TINY, neurons: TINY.neurons.map((n) => (n.id === 'AVA' ? { ...n, params: { ...n.params, gKNs: 0.5 } } : n)) };
    expect(scaleCellSize(doc, 'AVA', 4, ['gKNs']).neurons.find((n) => n.id === 'AVA')?.params).toEqual({ capacitance: 60, tauMs: 300, tonicPa: 2, gKNs: 2 });
    expect(() => scaleCellSize(doc, 'AVA', 4, ['plateauNs'])).toThrow(/AVA has no explicit params.plateauNs to scale/);
  });

  it('refuses a factor that is not positive and finite, and a cell without an explicit capacitance', () => {
    expect(() => scaleCellSize(TINY, 'AVA', 0)).toThrow(/size of AVA = 0: must be a positive finite factor/);
    expect(() => scaleCellSize(TINY, 'AVB', 2)).toThrow(/AVB is not in the document with an explicit params.capacitance/);
  });
});

describe('GAIT.avaSizeScale on the built worms', () => {
  const avaInputs = (doc: CircuitDoc) => (doc.synapses ?? []).filter((s) => s.to === 'AVA' && s.kind === 'chemical').map((s) => [s.from, s.weight] as const);
  const avaParams = (doc: CircuitDoc) => doc.neurons.find((n) => n.id === 'AVA')?.params;

  it('sizes the conductance worm’s AVA after every layer is built: each chemical input onto it ×k (AVB, AVD, PLM, RIM, ASH), its junctions not', () => {
    const at = (k: number) => buildConductance(() => buildWorm({ membrane: 'current' }), { gait: { units: 7, aGapNs: 0.03, avaSizeScale: k } });
    const [one, five] = [at(1), at(5)];
    expect(avaParams(five)?.capacitance).toBe(5 * (avaParams(one)?.capacitance as number));
    expect(avaParams(five)?.tauMs).toBe(avaParams(one)?.tauMs);
    const [before, after] = [avaInputs(one), avaInputs(five)];
    expect(before.map(([from]) => from).sort()).toEqual(['ASHL', 'ASHR', 'AVB', 'AVD', 'PLM', 'RIM']);
    after.forEach(([from, g], i) => {
      expect(from).toBe(before[i][0]);
      expect(g).toBeCloseTo(5 * before[i][1], 12);
    });
    const gaps = (doc: CircuitDoc) => (doc.synapses ?? []).filter((s) => s.kind === 'electrical' && s.from === 'AVA').map((s) => s.weight);
    expect(gaps(five)).toEqual(gaps(one));
    expect(gaps(five)).toHaveLength(12);
  });

  it.each([
    ['avaSizeScale', 5, [0.5, Number.NaN]],
    ['avbSizeScale', 6, [0, 101]],
  ] as const)('GAIT.%s leaves the current-based worm as shipped, and out of range names the field and the range', (field, k, bad) => {
    const shipped = { ...GAIT };
    const doc = buildWorm({ membrane: 'current' });
    try {
      Object.assign(GAIT, { [field]: k });
      expect(buildWorm({ membrane: 'current' })).toEqual(doc);
      for (const v of bad) {
        Object.assign(GAIT, { [field]: v });
        expect(() => buildWorm({ membrane: 'current' })).toThrow(new RegExp(`GAIT.${field} = ${v}: must be 1..100`));
      }
    } finally {
      Object.assign(GAIT, shipped);
    }
  });
});

describe('GAIT.avbSizeScale on the built worms', () => {
  const avb = (doc: CircuitDoc) => doc.neurons.find((n) => n.id === 'AVB')?.params;
  const into = (doc: CircuitDoc) => (doc.synapses ?? []).filter((s) => s.to === 'AVB' && s.kind === 'chemical').map((s) => [s.from, s.weight] as const);

  it('sizes the conductance worm’s AVB as AVA: capacitance and tonic current ×k (τ kept), each chemical input and MOD-1 ×k, its fourteen junctions not', () => {
    const at = (k: number) => buildConductance(() => buildWorm({ membrane: 'current' }), { gait: { units: 7, unitGapNs: 0.004, avbSizeScale: k } });
    const [one, six] = [at(1), at(6)];
    expect(avb(six)?.capacitance).toBeCloseTo(6 * (avb(one)?.capacitance as number), 12);
    expect(avb(six)?.tauMs).toBe(avb(one)?.tauMs);
    expect(avb(six)?.tonicPa).toBeCloseTo(6 * (avb(one)?.tonicPa as number), 12);
    const [before, after] = [into(one), into(six)];
    expect(before.length).toBeGreaterThan(0);
    after.forEach(([from, g], i) => {
      expect(from).toBe(before[i][0]);
      expect(g).toBeCloseTo(6 * before[i][1], 12);
    });
    const mod1 = (doc: CircuitDoc) => doc.receptors?.find((r) => r.neuron === 'AVB' && r.label === 'MOD-1')?.gain as number;
    expect(mod1(six)).toBeCloseTo(6 * mod1(one), 12);
    const gaps = (doc: CircuitDoc) => (doc.synapses ?? []).filter((s) => s.kind === 'electrical' && s.from === 'AVB').map((s) => s.weight);
    expect(gaps(six)).toEqual(gaps(one));
    expect(gaps(six)).toHaveLength(14);
  });
});
