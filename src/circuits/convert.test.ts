import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradedOutput } from '../neural/models/graded';
import { Network } from '../neural/network';
import type { NeuronSpec, SynapseSpec } from '../neural/types';
import { getBuiltinCircuit } from './builtin/index';
import { circuitFromDoc } from './circuit';
import { buildLearningWorm, buildWorm, builtinDocs } from './builtin/generate';
import { conductanceFor, toConductanceCircuit, toConductanceDoc, toConductanceReceptor, toConductanceSynapse } from './convert';

/** The default worm's cells on current-based synapses, senses and receptors: what the conversion starts from. */
const currentWorm = () => circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)');

const graded = (id: string, params: Record<string, number>, transmitter: NeuronSpec['transmitter'] = 'acetylcholine'): NeuronSpec => ({
  id,
  model: 'graded',
  transmitter,
  params: { capacitance: 1, tauMs: 10, restMv: -65, vHalfMv: -45, slopeMv: 5, tonicPa: 0, gKNs: 0, kHalfMv: -15, kSlopeMv: 8, eKMv: -80, ...params },
  init: { v: -65 },
});

/** The current a synapse passes into its postsynaptic neuron in one step, with the presynaptic neuron clamped at vPre and the postsynaptic one at vPost. */
function synapticCurrent(pre: NeuronSpec, post: NeuronSpec, s: SynapseSpec, vPre: number, vPost: number): number {
  const net = Network.fromSpec({
    neurons: [
      { ...pre, init: { v: vPre } },
      { ...post, init: { v: vPost } },
    ],
    synapses: [s],
  });
  net.step(1e-9);
  const j = 1;
  return net.current[j] - net.conductance[j] * net.v[j];
}

describe('current-based → conductance-based synapses', () => {
  it('converts plastic synapses too, keeping their rule (the rule scales g) and converting its bounds as the weight: the learning worm converts and loads', () => {
    // The current-based learning worm (the shipped one is built on conductances already).
    const { doc, network } = circuitFromDoc(buildLearningWorm({ membrane: 'current' }), 'learning-worm (current)');
    const converted = toConductanceCircuit(doc, network);
    const plastic = (converted.synapses ?? []).filter((s) => s.kind === 'chemical' && s.plastic !== undefined);
    const before = (doc.synapses ?? []).filter((s) => s.kind === 'chemical' && s.plastic !== undefined);
    expect(plastic.length).toBe(before.length);
    expect(plastic.filter((s) => s.kind === 'chemical' && s.plastic?.rule === 'three-factor').length).toBe(2);
    plastic.forEach((s, i) => {
      const was = before[i];
      if (s.kind !== 'chemical' || was.kind !== 'chemical' || !s.plastic || !was.plastic) throw new Error('not plastic');
      expect(s.model).toBe('conductance');
      expect({ ...s.plastic, params: undefined }).toEqual({ ...was.plastic, params: undefined });
      // Parameters in weight units (wMin, wMax, forgetTo) scale by g/w, the same factor as the weight; the rest
      // (rates × wMax, τs, tags) stay. AIA → AIY: 0.9 pA naive, bounds 0..3 pA; AIA → RIM starts at 0.
      const perWeight = conductanceFor(1, s.reversalMv ?? Number.NaN, network.neurons.find((n) => n.id === s.to)?.params?.vHalfMv as number);
      if (was.weight > 0) expect(s.weight / was.weight).toBeCloseTo(perWeight, 12);
      for (const [name, x] of Object.entries(was.plastic.params ?? {}))
        expect(s.plastic.params?.[name], name).toBeCloseTo(['wMin', 'wMax', 'forgetTo'].includes(name) ? (x as number) * perWeight : (x as number), 12);
    });
    const site = plastic.find((s) => s.from === 'AIA' && s.to === 'AIY');
    expect(site?.kind === 'chemical' && site.plastic?.params?.forgetTo).toBeCloseTo(site?.weight ?? Number.NaN, 12);
    expect(() => circuitFromDoc(converted, 'learning-worm (conductance)')).not.toThrow();
  });

  it('g = w / |E_rev − V_rest|', () => {
    expect(conductanceFor(2, 0, -65)).toBeCloseTo(2 / 65, 15);
    expect(conductanceFor(2, -75, -65)).toBeCloseTo(0.2, 15);
    expect(() => conductanceFor(1, -75, -74)).toThrow(/-74 mV is within 2 mV of the reversal potential -75 mV.*keep this synapse current-based/);
    // A neuron resting below the chloride reversal: "inhibition" would depolarise it.
    const s: SynapseSpec = { from: 'A', to: 'B', kind: 'chemical', weight: 1 };
    expect(() => toConductanceSynapse(s, graded('A', {}, 'GABA'), graded('B', { restMv: -85 }), 'rest')).toThrow(
      /B's rest \(-85 mV\) .* would excite, not inhibit/,
    );
  });

  it('passes the same current at the postsynaptic match point (rest or midpoint) with the presynaptic V at its release midpoint, either sign', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: -72, max: -40, noNaN: true }),
        fc.double({ min: -60, max: -20, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.boolean(),
        fc.constantFrom('rest' as const, 'midpoint' as const),
        fc.constantFrom(1, 0.4, 2.5),
        (w, match, vHalf, slope, inhibitory, matchAt, releaseMax) => {
          // The pre cell's release ceiling (releaseMax) scales the current either way.
          const pre = graded('A', { vHalfMv: vHalf, slopeMv: slope, releaseMax }, inhibitory ? 'GABA' : 'acetylcholine');
          const post = graded('B', { restMv: match, vHalfMv: match });
          const current: SynapseSpec = { from: 'A', to: 'B', kind: 'chemical', weight: w };
          const cond = toConductanceSynapse(current, pre, post, matchAt);
          expect(cond.model).toBe('conductance');
          expect(cond.releaseHalfMv).toBe(vHalf);
          expect(cond.releaseSlopeMv).toBe(slope / 2);
          const expected = (inhibitory ? -1 : 1) * w * gradedOutput(vHalf, vHalf, slope, releaseMax);
          expect(synapticCurrent(pre, post, current, vHalf, match)).toBeCloseTo(expected, 4);
          expect(synapticCurrent(pre, post, cond, vHalf, match)).toBeCloseTo(expected, 4);
        },
      ),
    );
  });

  it('keeps delays, depression and an explicit sign; leaves gap junctions and non-graded ends alone', () => {
    const pre = graded('A', {}, 'glutamate');
    const post = graded('B', {});
    const s: SynapseSpec = { from: 'A', to: 'B', kind: 'chemical', weight: 1, sign: 'inhibitory', delayMs: 2, depression: { use: 0.1, recoveryMs: 500 } };
    expect(toConductanceSynapse(s, pre, post)).toMatchObject({ sign: 'inhibitory', delayMs: 2, depression: { use: 0.1, recoveryMs: 500 }, reversalMv: -75 });
    expect(() => toConductanceSynapse(s, { id: 'A', model: 'lif', params: {}, init: {} }, post)).toThrow(/not between graded neurons/);
  });

  it('turns touch-withdrawal into a valid circuit of conductance synapses, gap junctions kept, the rectifier on where asked', () => {
    const { doc, network } = getBuiltinCircuit('touch-withdrawal');
    expect(circuitFromDoc(toConductanceCircuit(doc, network), 'tw').network.neurons.every((n) => n.model !== 'graded' || n.params?.gKNs === 0)).toBe(true);
    const converted = circuitFromDoc(toConductanceCircuit(doc, network, { rectifier: true }), 'touch-withdrawal (conductance)');
    const chemical = converted.network.synapses.filter((s) => s.kind === 'chemical');
    expect(chemical.length).toBe(doc.synapses!.filter((s) => s.kind === 'chemical').length);
    for (const s of chemical) expect(s.model).toBe('conductance');
    expect(converted.network.synapses.filter((s) => s.kind === 'electrical')).toEqual(doc.synapses!.filter((s) => s.kind === 'electrical'));
    for (const n of converted.network.neurons) if (n.model === 'graded') expect(n.params?.gKNs).toBe(0.5);
    // From the generator's version-1 document in one call (how the built-ins switch): the same circuit.
    expect(circuitFromDoc(toConductanceDoc(builtinDocs()['touch-withdrawal'], { rectifier: true }), 'x').network).toEqual(converted.network);
    // The shipped circuit itself is untouched.
    expect(getBuiltinCircuit('touch-withdrawal').network.synapses.some((s) => s.kind === 'chemical' && s.model === 'conductance')).toBe(false);
  });

  it("transduction: every sensor on a graded neuron becomes conductance-transduced, matched at rest for sensory cells and at the synapses' match point for the rest", () => {
    const { doc, network } = currentWorm();
    const plain = toConductanceCircuit(doc, network);
    expect(plain.sensors).toEqual(doc.sensors); // off unless asked
    const converted = circuitFromDoc(toConductanceCircuit(doc, network, { transduction: true }), 'worm (conductance)');
    const byId = new Map(converted.network.neurons.map((n) => [n.id, n]));
    expect(converted.sensors.length).toBe(doc.sensors?.length);
    for (const b of converted.sensors) {
      const n = byId.get(b.neuron)!;
      expect(b.transduction, b.neuron).toBe('conductance');
      expect(b.matchMv, b.neuron).toBe(n.role === 'sensory' ? n.params.restMv : n.params.vHalfMv);
    }
    // Both kinds are there: sensory cells (touch, fields) and tonically driven ones (the gait's stretch receptors).
    expect(converted.sensors.some((b) => byId.get(b.neuron)!.role === 'sensory')).toBe(true);
    expect(converted.sensors.some((b) => b.sensor === 'stretch' && byId.get(b.neuron)!.role !== 'sensory')).toBe(true);
    // A binding that names its own match point keeps it (a sensory cell that works lifted off its rest).
    const own = structuredClone(doc);
    const k = own.sensors!.findIndex((b) => byId.get(b.neuron)!.role === 'sensory');
    own.sensors![k] = { ...own.sensors![k], transduction: 'conductance', matchMv: -45 };
    const kept = toConductanceCircuit(own, network, { transduction: true }).sensors!;
    expect(kept[k].matchMv).toBe(-45);
    expect(kept[k + 1]).toEqual(converted.doc.sensors![k + 1]);
  });

  it('transduction: every excitability receptor on a graded neuron opens channels at the same match point (DOP-3 K⁺ −80, MOD-1 Cl⁻ −70 mV); others stay as they are', () => {
    const { doc, network } = currentWorm();
    expect(toConductanceCircuit(doc, network).receptors).toEqual(doc.receptors); // off unless asked
    const converted = circuitFromDoc(toConductanceCircuit(doc, network, { transduction: true }), 'worm (conductance)');
    const byId = new Map(converted.network.neurons.map((n) => [n.id, n]));
    // The excitability receptors; DOP-1 on the touch cells is a plasticity receptor and stays as it is.
    const receptors = (converted.doc.receptors ?? []).filter((r) => r.effect === 'excitability');
    expect(receptors.filter((r) => r.label === 'DOP-3').length).toBeGreaterThanOrEqual(10);
    expect(converted.doc.receptors?.filter((r) => r.label === 'DOP-1').every((r) => r.reversalMv === undefined)).toBe(true);
    for (const r of receptors) {
      expect(r.reversalMv, `${r.label} on ${r.neuron}`).toBe(r.label === 'DOP-3' ? -80 : -70);
      expect(r.matchMv).toBe(byId.get(r.neuron)!.params.vHalfMv);
      expect(r.gain).toBe(doc.receptors!.find((x) => x.neuron === r.neuron && x.label === r.label)!.gain);
    }
    // The worm converted is untouched.
    expect(doc.receptors!.every((r) => r.reversalMv === undefined)).toBe(true);
  });

  it('a receptor: by the sign of its gain where its label is unknown; refused where channels cannot pass its current', () => {
    const n = graded('A', {});
    const base = { neuron: 'A', modulator: 'm', effect: 'excitability' as const };
    expect(toConductanceReceptor({ ...base, gain: 1 }, n)).toEqual({ ...base, gain: 1, reversalMv: 0, matchMv: -45 });
    expect(toConductanceReceptor({ ...base, gain: -1 }, n, 'rest')).toEqual({ ...base, gain: -1, reversalMv: -70, matchMv: -65 });
    expect(toConductanceReceptor({ ...base, effect: 'gain', gain: -1 }, n)).toEqual({ ...base, effect: 'gain', gain: -1 });
    expect(() => toConductanceReceptor({ ...base, gain: -1 }, graded('B', { vHalfMv: -72 }))).toThrow(
      /receptor for m on B: at its midpoint \(-72 mV\) channels reversing at -70 mV cannot pass a hyperpolarising current/,
    );
  });

  it('plastic synapses become conductances: the habituation circuit converts, loads and its touch synapses open conductance', () => {
    const { doc, network } = getBuiltinCircuit('habituation');
    const converted = circuitFromDoc(toConductanceCircuit(doc, network), 'habituation (conductance)');
    const plastic = converted.doc.synapses?.filter((s) => s.kind === 'chemical' && s.plastic !== undefined) ?? [];
    expect(plastic.map((s) => `${s.from}>${s.to}`)).toEqual(['ALM>AVD', 'AVM>AVD', 'PLM>PVC']);
    for (const s of plastic) expect(s.kind === 'chemical' && s.model).toBe('conductance');
  });
});
