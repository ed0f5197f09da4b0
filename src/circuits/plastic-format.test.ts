/**
 * Plastic synapses, modulators and receptors in circuit files: they load into
 * the network, round-trip, are refused with file, line, field, range and fix,
 * and a run's learned weights save into a file that reloads with them.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../neural/network';
import { parseCircuit, serializeCircuit } from './circuit';
import { formatPath } from '../text/diagnostics';
import { CircuitError } from './errors';
import { withLearnedWeights } from './learned';
import { CURRENT_VERSION } from './versions';

const FILE = 'learner.json';

// biome-ignore lint/suspicious/noExplicitAny: documents are mutated generically in these tests
type Doc = Record<string, any>;

function base(): Doc {
  return {
    format: 'neuroworm-circuit',
    version: CURRENT_VERSION,
    neurons: [
      { id: 'PRE', model: 'lif' },
      { id: 'POST', model: 'lif' },
      { id: 'CEPDL', model: 'graded', transmitter: 'dopamine', params: { tonicPa: 30 } },
      { id: 'AVA', model: 'graded' },
    ],
    synapses: [
      { from: 'PRE', to: 'POST', kind: 'chemical', weight: 0.1, plastic: { rule: 'stdp', params: { aPlus: 0.05, wMax: 0.2 }, bounds: 'soft' } },
      { from: 'CEPDL', to: 'AVA', kind: 'chemical', weight: 1, plastic: { rule: 'bcm' } },
      { from: 'AVA', to: 'CEPDL', kind: 'chemical', weight: 1, plastic: { rule: 'short-term', params: { useFast: 0.1 } } },
    ],
    modulators: [{ name: 'dopamine', from: ['CEPDL'], release: 1, clearanceMs: 500 }],
    receptors: [
      { neuron: 'AVA', modulator: 'dopamine', effect: 'excitability', gain: -2, label: 'DOP-3' },
      { neuron: 'POST', modulator: 'dopamine', effect: 'plasticity', gain: 1 },
    ],
  };
}

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

function refusal(doc: Doc): CircuitError {
  try {
    parseCircuit(text(doc), FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(CircuitError);
    return e as CircuitError;
  }
  throw new Error('expected a refusal');
}

describe('plastic synapses and volume transmission in a circuit file', () => {
  it('load into the network spec, compile, and round-trip through a save', () => {
    const c = parseCircuit(text(base()), FILE);
    expect(c.network.modulators).toEqual(base().modulators);
    expect(c.network.receptors).toEqual(base().receptors);
    const net = Network.fromSpec(c.network);
    expect(net.modulators).toEqual(['dopamine']);
    expect(net.plasticWeights().map((p) => p.rule)).toEqual(['stdp', 'bcm']);
    expect(parseCircuit(serializeCircuit(c), FILE).doc).toEqual(c.doc);
  });

  it('a receptor that opens channels (reversalMv, matchMv) loads, compiles and round-trips; one that cannot pass its current is refused by name', () => {
    const d = base();
    Object.assign(d.receptors[0], { reversalMv: -80, matchMv: -50 });
    const c = parseCircuit(text(d), FILE);
    expect(c.network.receptors?.[0]).toMatchObject({ reversalMv: -80, matchMv: -50 });
    expect(Network.fromSpec(c.network).modulators).toEqual(['dopamine']);
    expect(parseCircuit(serializeCircuit(c), FILE).doc).toEqual(c.doc);
    d.receptors[0].reversalMv = 0;
    expect(() => Network.fromSpec(parseCircuit(text(d), FILE).network)).toThrow(/receptors\[0\]: a gain of -2 inhibits, but channels reversing at 0 mV excite/);
  });

  it('old files mean what they meant: no plastic field, no modulators, the same network spec', () => {
    const d = base();
    d.synapses = d.synapses.map(({ plastic: _p, ...s }: Doc) => s);
    delete d.modulators;
    delete d.receptors;
    const c = parseCircuit(text(d), FILE);
    expect(c.network).not.toHaveProperty('modulators');
    expect(Network.fromSpec(c.network).schedule.some((s) => /learn|modulators/.test(s.name))).toBe(false);
  });

  it.each<[string, (d: Doc) => void, string, RegExp]>([
    [
      'an unknown rule',
      (d) => (d.synapses[0].plastic.rule = 'stpd'),
      'synapses[0].plastic.rule',
      /unknown rule "stpd"; allowed: "stdp", "bcm", "three-factor" or "short-term"/,
    ],
    [
      'a parameter out of range',
      (d) => (d.synapses[0].plastic.params.tauPlusMs = -1),
      'synapses[0].plastic.params.tauPlusMs',
      /-1 is out of range; allowed: 0.1 .. 10000 ms/,
    ],
    [
      'a parameter of another rule',
      (d) => (d.synapses[1].plastic.params = { aPlus: 1 }),
      'synapses[1].plastic.params.aPlus',
      /unknown field "aPlus"; allowed fields here: rate, tauThetaMs/,
    ],
    ['soft bounds on bcm', (d) => (d.synapses[1].plastic.bounds = 'soft'), 'synapses[1].plastic.bounds', /soft bounds are for stdp and three-factor/],
    [
      'a weight outside the bounds',
      (d) => (d.synapses[0].weight = 0.5),
      'synapses[0].weight',
      /"weight" 0.5 lies outside the plastic bounds 0 .. 0.2; move it inside or widen/,
    ],
    [
      'a delayed plastic synapse (a conductance one too)',
      (d) => Object.assign(d.synapses[1], { model: 'conductance', delayMs: 3 }),
      'synapses[1].delayMs',
      /a plastic synapse takes no delay; remove "delayMs" or "plastic"/,
    ],
    [
      'a receptor of an undeclared modulator',
      (d) => (d.receptors[0].modulator = 'dopamin'),
      'receptors[0].modulator',
      /unknown modulator "dopamin" \(did you mean "dopamine"\?\); declared: dopamine/,
    ],
    ['a releaser that is no neuron', (d) => (d.modulators[0].from = ['CEPDX']), 'modulators[0].from[0]', /unknown neuron "CEPDX" \(did you mean "CEPDL"\?\)/],
    ['a clearance of 0 ms', (d) => (d.modulators[0].clearanceMs = 0), 'modulators[0].clearanceMs', /0 is out of range; allowed: 1 .. 10000000 ms/],
    [
      'a receptor effect that does not exist',
      (d) => (d.receptors[0].effect = 'mood'),
      'receptors[0].effect',
      /allowed: "excitability", "gain", "plasticity" or "release"/,
    ],
    ['two modulators of one name', (d) => d.modulators.push({ ...d.modulators[0] }), 'modulators[1].name', /duplicate modulator "dopamine"/],
    [
      'receptor channels on a plasticity receptor',
      (d) => (d.receptors[1].reversalMv = -80),
      'receptors[1].reversalMv',
      /belongs to an "excitability" receptor.*remove it or set "effect": "excitability"/,
    ],
    ['a receptor reversal out of range', (d) => (d.receptors[0].reversalMv = -200), 'receptors[0].reversalMv', /-200 is out of range; allowed: -120 .. 60 mV/],
    [
      'a receptor match point without a reversal',
      (d) => (d.receptors[0].matchMv = -50),
      'receptors[0].matchMv',
      /match point of a conductance receptor; give "reversalMv" too/,
    ],
  ])('refuses %s, with the file, line and fix', (_what, mutate, path, message) => {
    const d = base();
    mutate(d);
    const err = refusal(d);
    const found = err.issues.filter((i) => formatPath(i.path) === path);
    expect(found, err.message).toHaveLength(1);
    expect(found[0].message).toMatch(message);
    expect(found[0].line).toBeGreaterThan(0);
    expect(err.message).toContain(`${FILE}:${found[0].line}`);
  });

  it('saves learned weights: the saved file reloads with them, and refuses weights from another circuit', () => {
    const c = parseCircuit(text(base()), FILE);
    const net = Network.fromSpec(c.network);
    for (let t = 0; t < 300; t++) {
      net.input.fill(0);
      if (t % 20 === 0) net.input[0] = 1000;
      if (t % 20 === 2) net.input[1] = 1000;
      net.step(1);
    }
    const learned = net.plasticWeights();
    expect(learned[0].weight).toBeGreaterThan(0.1);
    const saved = parseCircuit(serializeCircuit({ ...c, doc: withLearnedWeights(c.doc, learned) }), FILE);
    expect(Network.fromSpec(saved.network).plasticWeights()).toEqual(learned);
    expect(c.doc.synapses?.[0].weight).toBe(0.1);
    expect(() => withLearnedWeights(c.doc, [{ ...learned[0], synapse: 2 }])).toThrow(/matches no plastic synapse of this circuit/);
  });
});
