/** The importer on the published tables the project ships in data/. */
import { describe, expect, it } from 'vitest';
import type { ChemicalSynapseSpec } from '../../neural/types';
import { parseCircuit, serializeCircuit } from '../circuit';
import { FAKE_MODELS } from '../fake-models';
import { importConnectome, type ConnectomeImport } from './import';
import { type PublishedTable, publishedTable } from './published-tables';
import { TOUCH_OVERRIDES } from './sign-overrides';

const load = (...names: PublishedTable[]): ConnectomeImport => importConnectome(names.map(publishedTable), { models: FAKE_MODELS });
const chemical = (r: ConnectomeImport) => (r.circuit.doc.synapses ?? []).filter((s): s is ChemicalSynapseSpec => s.kind === 'chemical');
/** Within ±2% of what the importer measured on these tables when the test was written. */
const near = (value: number, measured: number) => expect(Math.abs(value - measured)).toBeLessThanOrEqual(Math.ceil(measured * 0.02));

describe('the published wiring tables', () => {
  it('White/Varshney: 302 neurons, ~6,400 chemical synapses and ~900 gap junctions, AVA→DA, touch signs', () => {
    const r = load('connectome-white-varshney.csv');
    const s = r.summary;
    expect(s.tables).toEqual([{ name: 'connectome-white-varshney.csv', layout: 'varshney', header: true, rows: 3363 }]);
    expect(s.neurons).toBe(302);
    expect(s.neuronsInTables).toBe(299);
    expect(s.unconnectedAdded).toEqual(['CANL', 'CANR', 'VC06']);
    expect(s.unknownNeurons).toEqual([]);
    // Literature: ~6,400 chemical synapses and ~900 gap junctions (White et al. 1986; Varshney et al. 2011).
    expect(s.chemicalContacts).toBeGreaterThan(6200);
    expect(s.chemicalContacts).toBeLessThan(6700);
    expect(s.gapContacts).toBeGreaterThan(800);
    expect(s.gapContacts).toBeLessThan(1000);
    // Measured: 2279 connections of 6465 contacts; 552 junctions of 934 contacts (5 self junctions dropped).
    near(s.chemicalSynapses, 2279);
    near(s.chemicalContacts, 6465);
    near(s.gapJunctions, 552);
    near(s.gapContacts, 934);
    expect(s.dropped).toEqual([expect.objectContaining({ reason: 'self', rows: 5 })]);

    for (const ava of ['AVAL', 'AVAR']) {
      const das = chemical(r).filter((x) => x.from === ava && /^DA0\d$/.test(x.to));
      expect(das.length, `${ava}→DA`).toBeGreaterThanOrEqual(5);
    }
    const applied = s.signOverrides.filter((o) => o.source === 'built-in');
    expect(applied.length).toBeGreaterThanOrEqual(6);
    for (const o of TOUCH_OVERRIDES.entries) {
      const syn = chemical(r).find((x) => x.from === o.from && x.to === o.to);
      if (syn) expect(syn.sign, `${o.from}→${o.to}`).toBe('inhibitory');
    }
    const tx = (id: string) => r.circuit.doc.neurons.find((n) => n.id === id)?.transmitter;
    expect(['DD01', 'VD13', 'RMED', 'AVL', 'DVB', 'RIS'].map(tx)).toEqual(Array(6).fill('GABA'));
    expect(tx('AVAL')).toBe('acetylcholine');
    expect(tx('ALML')).toBe('glutamate');
    expect(s.sensorBindings).toBeGreaterThan(30);

    const again = parseCircuit(serializeCircuit(r.circuit), r.circuit.fileName, FAKE_MODELS);
    expect(again).toStrictEqual(r.circuit);
  });

  it('with the NeuronsToMuscle and Sensory sheets: dorsal cord motor neurons drive the left row, ventral the right, GABA ones relax', () => {
    const r = load('connectome-white-varshney.csv', 'neurons-to-muscle.csv', 'sensory-neurons.csv');
    const s = r.summary;
    expect(s.neurons).toBe(302);
    expect(s.unconnectedAdded).toEqual(['CANL', 'CANR']);
    // Measured: 256 bindings over 1811 contacts; MANAL and MVULVA rows dropped.
    near(s.muscleBindings, 256);
    near(s.muscleContacts, 1811);
    const muscles = r.circuit.doc.muscles ?? [];
    /** Every binding of the class's neurons is on `side` with the gain's sign (and there are some). */
    const drives = (re: RegExp, side: string, sign: number) => {
      const bs = muscles.filter((m) => re.test(m.neuron));
      expect(bs.length, String(re)).toBeGreaterThan(3);
      expect(
        bs.filter((m) => m.side !== side || Math.sign(m.gain) !== sign),
        String(re),
      ).toEqual([]);
    };
    drives(/^D[AB]\d\d$/, 'left', 1);
    drives(/^V[AB]\d\d$/, 'right', 1);
    drives(/^AS\d\d$/, 'left', 1);
    // DD relax the dorsal muscles while VA/VB (which excite DD) contract the ventral ones, and VD the reverse (White et al. 1976).
    drives(/^DD\d\d$/, 'left', -1);
    drives(/^VD\d\d$/, 'right', -1);
    expect(muscles.every((m) => m.from < m.to && m.from >= 0 && m.to <= 1)).toBe(true);
    // DA01 is near the head, DA09 near the tail.
    const start = (id: string) => Math.min(...muscles.filter((m) => m.neuron === id).map((m) => m.from));
    expect(start('DA01')).toBeLessThan(start('DA09'));
  });

  it('Cook 2019 edge list: 302 neurons, body-wall muscle targets as bindings, other cells dropped', () => {
    const r = load('herm_full_edgelist.csv');
    const s = r.summary;
    expect(s.tables[0]).toMatchObject({ layout: 'cook', rows: 7379 });
    expect(s.neurons).toBe(302);
    expect(s.unconnectedAdded).toEqual(['CANL', 'CANR']);
    expect(s.unknownNeurons).toEqual([]);
    // Measured: 3604 chemical connections, 1080 gap junctions, 521 muscle bindings.
    near(s.chemicalSynapses, 3604);
    near(s.gapJunctions, 1080);
    near(s.muscleBindings, 521);
    const reasons = Object.fromEntries(s.dropped.map((d) => [d.reason, d.rows]));
    expect(reasons['other-cell']).toBeGreaterThan(0);
    expect(reasons['not-from-neuron']).toBeGreaterThan(0);
    expect((r.circuit.doc.muscles ?? []).filter((m) => /^DD\d\d$/.test(m.neuron)).every((m) => m.gain < 0)).toBe(true);
    expect(chemical(r).some((x) => x.from === 'AVAL' && x.to === 'DA01')).toBe(true);
  });
});
