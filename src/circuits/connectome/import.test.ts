import { describe, expect, it } from 'vitest';
import { parseCircuit, serializeCircuit } from '../circuit';
import { FAKE_MODELS } from '../fake-models';
import { lintCircuit } from '../lint';
import type { ChemicalSynapseSpec } from '../../neural/types';
import type { MuscleBinding, SensorBinding } from '../types';
import { DEFAULT_MUSCLE_SCALE, DEFAULT_WEIGHT_SCALE, importConnectome, type ConnectomeImport, type ImportOptions } from './import';
import { ConnectomeError, type ImportProblem } from './problems';
import { parseSignOverrides } from './sign-overrides';
import { formatSummary, formatWarnings } from './summary';

/** Scales 1 unless a test says otherwise, so weights and gains read as the merged contact counts. */
const run = (tables: Record<string, string>, options: ImportOptions = {}): ConnectomeImport =>
  importConnectome(
    Object.entries(tables).map(([name, text]) => ({ name, text })),
    { models: FAKE_MODELS, weightScale: 1, muscleScale: 1, ...options },
  );

/** The problems of a refused import. */
function refused(tables: Record<string, string>, options: ImportOptions = {}): readonly ImportProblem[] {
  try {
    run(tables, options);
  } catch (e) {
    if (e instanceof ConnectomeError) return e.problems;
    throw e;
  }
  throw new Error('the import was accepted');
}

const chem = (r: ConnectomeImport, from: string, to: string) =>
  r.circuit.doc.synapses?.find((s): s is ChemicalSynapseSpec => s.kind === 'chemical' && s.from === from && s.to === to);
const gap = (r: ConnectomeImport, x: string, y: string) =>
  r.circuit.doc.synapses?.filter((s) => s.kind === 'electrical' && ((s.from === x && s.to === y) || (s.from === y && s.to === x))) ?? [];
const neuron = (r: ConnectomeImport, id: string) => r.circuit.doc.neurons.find((n) => n.id === id);
const musclesOf = (r: ConnectomeImport, id: string): MuscleBinding[] => (r.circuit.doc.muscles ?? []).filter((m) => m.neuron === id);
const sensorsOf = (r: ConnectomeImport, id: string): SensorBinding[] => (r.circuit.doc.sensors ?? []).filter((m) => m.neuron === id);

const COOK = `Source,Target,Weight,Type
ALML , AVDL          ,3,chemical
AVM  , AVBL          ,2,chemical
AVDL , AVAL          ,10,chemical
AVAL , DA01          ,5,chemical
AVAL , AVDL          ,4,electrical
AVDL , AVAL          ,4,electrical
AVBL , DB01          ,2,electrical
DB01 , AVBL          ,3,electrical
DA01 , dBWML5        ,6,chemical
DA01 , dBWMR5        ,4,chemical
DD01 , vBWML5        ,2,chemical
DD01 , vBWML6        ,2,chemical
DD01 , dBWML8        ,1,electrical
dBWML1 , dBWML2      ,15,electrical
AVAL , pm1d          ,1,chemical
ADFR , ADFR          ,1,chemical
`;

const VARSHNEY = `Origin,Target,Type,Number of Connections,Neurotransmitter
AVAL,DA1,Send,2,FMRFamide
AVAL,DA1,Sp,1,FMRFamide
DA1,AVAL,R,2,FMRFamide
DA1,AVAL,Rp,1,FMRFamide
AVAL,DA1,GapJunction,2,Generic_GJ
DA1,AVAL,GapJunction,2,Generic_GJ
ALML,PVCL,Send,1,Glutamate
PVCL,AVBL,Send,5,Glutamate
DD1,VB1,Send,3,GABA
VA8,VA8,GapJunction,1,Generic_GJ
`;

const MUSCLES = `Neuron,Muscle,Number of Connections,Neurotransmitter
DA1,MDL05,3,Acetylcholine
DA1,MDR05,3,Acetylcholine
DA1,MDL06,6,Acetylcholine
DA1,MDL08,6,Acetylcholine
VD1,MVL01,2,GABA
VD1,MVR01,1,GABA
HSNL,MVULVA,5,"Serotonin, Acetylcholine"
CEPVL,MVL03,1,
`;

const SENSORY = `Neuron,Landmark,Landmark Position,Weight,Neurotransmitter,Neuropeptides,Function
ASHL,Sensory,0,1,Glutamate,"NLP-3, FLP-21","osmosensory, mechanosensory"
AVG,SensoryNB,1,1,Glutamate,,
`;

describe('importConnectome: Cook 2019 edge list', () => {
  const r = run({ 'cook.csv': COOK });

  it('detects the layout, trims the padding and keeps one neuron per cell', () => {
    expect(r.summary.tables).toEqual([{ name: 'cook.csv', layout: 'cook', header: true, rows: 16 }]);
    expect(r.circuit.doc.neurons.map((n) => n.id).sort()).toEqual(['ADFR', 'ALML', 'AVAL', 'AVBL', 'AVDL', 'AVM', 'DA01', 'DB01', 'DD01']);
    expect(r.summary.unconnectedAdded).toEqual([]);
  });

  it('weights chemical synapses by their contacts and merges a gap junction listed from both sides into one', () => {
    expect(chem(r, 'AVDL', 'AVAL')?.weight).toBe(10);
    expect(chem(r, 'AVAL', 'DA01')?.weight).toBe(5);
    expect(gap(r, 'AVAL', 'AVDL')).toEqual([{ from: 'AVAL', to: 'AVDL', kind: 'electrical', weight: 4 }]);
    // Listed 2 one way and 3 the other: the junction has the larger count.
    expect(gap(r, 'AVBL', 'DB01').map((s) => s.weight)).toEqual([3]);
    expect(r.summary).toMatchObject({ chemicalSynapses: 4, chemicalContacts: 20, gapJunctions: 2, gapContacts: 7 });
  });

  it('turns muscle targets into bindings: dorsal muscles on the left row, ventral on the right, GABA neurons relaxing', () => {
    // DA01 → dBWML5 (6) and dBWMR5 (4): both dorsal, muscle 5 of 24.
    expect(musclesOf(r, 'DA01')).toEqual([{ neuron: 'DA01', side: 'left', from: 0.1667, to: 0.2083, gain: 10 }]);
    // DD01 → vBWML5 and vBWML6, 2 each: one binding over both; DD is GABAergic (built-in list: Cook has no transmitter column).
    expect(musclesOf(r, 'DD01')).toEqual([{ neuron: 'DD01', side: 'right', from: 0.1667, to: 0.25, gain: -2 }]);
    expect(neuron(r, 'DD01')?.transmitter).toBe('GABA');
    expect(r.summary.muscleContacts).toBe(14);
  });

  it('drops muscle gap junctions, muscle-to-muscle rows, other cells and self-connections, counting each with its line', () => {
    expect(r.summary.droppedRows).toBe(4);
    expect(r.summary.dropped).toEqual([
      { reason: 'self', rows: 1, examples: ['cook.csv:17'] },
      { reason: 'not-from-neuron', rows: 1, examples: ['cook.csv:15'] },
      { reason: 'other-cell', rows: 1, examples: ['cook.csv:16'] },
      { reason: 'muscle-gap', rows: 1, examples: ['cook.csv:14'] },
    ]);
    expect(r.warnings).toEqual([{ file: 'cook.csv', line: 17, message: 'synapse from ADFR to itself: dropped' }]);
  });

  it('applies the built-in touch sign (AVM→AVBL inhibitory) and leaves other signs to the transmitter', () => {
    expect(chem(r, 'AVM', 'AVBL')?.sign).toBe('inhibitory');
    expect(chem(r, 'ALML', 'AVDL')?.sign).toBeUndefined();
    expect(r.summary.signOverrides).toEqual([{ from: 'AVM', to: 'AVBL', sign: 'inhibitory', source: 'built-in' }]);
  });

  it('binds the touch cells to the skin and to plate taps', () => {
    expect(sensorsOf(r, 'ALML')).toEqual([
      { neuron: 'ALML', sensor: 'touch', from: 0.05, to: 0.5, kind: 'gentle', gain: 1 },
      { neuron: 'ALML', sensor: 'tap', gain: 1 },
    ]);
    expect(sensorsOf(r, 'AVM')[0]).toMatchObject({ sensor: 'touch', side: 'right', kind: 'gentle' });
    expect(r.summary.sensorBindings).toBe(4);
  });

  it('lays neurons out in layers, sensory → inter → motor, and round-trips through the file format', () => {
    const x = (id: string) => neuron(r, id)!.position!.x;
    expect(x('ALML')).toBeLessThan(x('AVAL'));
    expect(x('AVAL')).toBeLessThan(x('DA01'));
    const roles = r.circuit.doc.neurons.map((n) => n.role);
    expect(roles).toEqual([...roles].sort((a, b) => ['sensory', 'inter', 'motor'].indexOf(a!) - ['sensory', 'inter', 'motor'].indexOf(b!)));
    expect(new Set(r.circuit.doc.neurons.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(9);
    const again = parseCircuit(serializeCircuit(r.circuit), r.circuit.fileName, FAKE_MODELS);
    expect(again).toStrictEqual(r.circuit);
    expect(r.circuit.doc.neurons.every((n) => n.model === 'graded' && n.params === undefined)).toBe(true);
  });
});

describe('importConnectome: White/Varshney sheets', () => {
  const r = run({ 'connectome.csv': VARSHNEY, 'muscles.csv': MUSCLES, 'sensory.csv': SENSORY });

  it('adds S and Sp rows, skips R and Rp rows, and writes motor neurons with two digits', () => {
    expect(chem(r, 'AVAL', 'DA01')?.weight).toBe(3);
    expect(chem(r, 'DA01', 'AVAL')).toBeUndefined();
    expect(gap(r, 'AVAL', 'DA01').map((s) => s.weight)).toEqual([2]);
    expect(r.summary.dropped.find((d) => d.reason === 'receive')).toEqual({ reason: 'receive', rows: 2, examples: ['connectome.csv:4', 'connectome.csv:5'] });
    expect(neuron(r, 'VB01')).toBeDefined();
    expect(neuron(r, 'DA1')).toBeUndefined();
  });

  it("takes transmitters from the Neurotransmitter column, but a neuropeptide label gives way to the neuron's known fast transmitter", () => {
    expect(neuron(r, 'DD01')?.transmitter).toBe('GABA');
    expect(neuron(r, 'PVCL')?.transmitter).toBe('glutamate'); // the table's classical label is kept
    expect(neuron(r, 'AVAL')?.transmitter).toBe('acetylcholine'); // FMRFamide in the sheet
    expect(r.summary.transmitters.replaced).toEqual(['AVAL']);
    expect(neuron(r, 'HSNL')?.transmitter).toBe('acetylcholine'); // "Serotonin, Acetylcholine" in the muscle sheet
    expect(neuron(r, 'CEPVL')?.transmitter).toBe('dopamine'); // empty cell: the built-in list
  });

  it('applies the touch override ALML→PVCL', () => {
    expect(chem(r, 'ALML', 'PVCL')?.sign).toBe('inhibitory');
    expect(chem(r, 'PVCL', 'AVBL')?.sign).toBeUndefined();
  });

  it('folds dorsal left and right muscles onto the left row, merges runs of equal contacts, and drops the vulval muscles', () => {
    expect(musclesOf(r, 'DA01')).toEqual([
      { neuron: 'DA01', side: 'left', from: 0.1667, to: 0.25, gain: 6 },
      { neuron: 'DA01', side: 'left', from: 0.2917, to: 0.3333, gain: 6 },
    ]);
    expect(musclesOf(r, 'VD01')).toEqual([{ neuron: 'VD01', side: 'right', from: 0, to: 0.0417, gain: -3 }]);
    expect(r.summary.dropped.find((d) => d.reason === 'other-cell')).toEqual({ reason: 'other-cell', rows: 1, examples: ['muscles.csv:8'] });
  });

  it('uses the Sensory sheet for unknown roles only: AVG stays an interneuron', () => {
    expect(neuron(r, 'ASHL')?.role).toBe('sensory');
    expect(neuron(r, 'AVG')?.role).toBe('inter');
    expect(sensorsOf(r, 'ASHL').map((s) => s.sensor)).toEqual(['touch', 'toxin']);
  });

  it('drops the self gap junction with a warning naming its line', () => {
    expect(r.warnings).toContainEqual({ file: 'connectome.csv', line: 11, message: 'gap junction from VA08 to itself: dropped' });
  });

  it('summarises in words', () => {
    const text = formatSummary(r.summary);
    expect(text).toMatch(/^connectome\.csv: varshney layout, 10 rows\nmuscles\.csv: muscles layout, 8 rows\nsensory\.csv: sensory layout, 2 rows\n/);
    expect(text).toMatch(/chemical synapses: 4 \(12 contacts\)/);
    expect(text).toMatch(/sign overrides applied: 1 \(1 built-in: ALML→PVCL inh; 0 yours\)/);
    expect(formatWarnings(r.warnings)).toBe('warning: connectome.csv:11: gap junction from VA08 to itself: dropped\n');
  });
});

describe('importConnectome: generic edge lists', () => {
  it('reads a header in any order with synonyms, and a table with no header', () => {
    const a = run({ 'a.csv': 'type,pre,post,contacts\nchemical,AVAL,AVBL,2\ngap,AVBL,AVAL,1\n' });
    expect(a.summary.tables[0]).toMatchObject({ layout: 'edgelist', header: true, rows: 2 });
    expect(chem(a, 'AVAL', 'AVBL')?.weight).toBe(2);
    expect(gap(a, 'AVAL', 'AVBL').map((s) => s.weight)).toEqual([1]);
    const b = run({ 'b.csv': 'AVAL,AVBL,chemical,1.5\nAVBL,AVAL,e,2,\n' });
    expect(b.summary.tables[0]).toMatchObject({ layout: 'edgelist', header: false, rows: 2 });
    expect(chem(b, 'AVAL', 'AVBL')?.weight).toBe(1.5);
  });

  it('imports a name that is none of the 302 with a warning, and makes it a motor neuron if it drives muscles', () => {
    const r = run({ 'x.csv': 'pre,post,type,contacts\nAVAX,AVBL,chemical,1\nMYMN,MDL03,nmj,2\n' });
    expect(r.warnings.filter((w) => !w.serious)).toEqual([
      {
        file: 'x.csv',
        line: 2,
        message: '"AVAX" is not one of the 302 C. elegans neurons (did you mean "AVAL"?); imported as a neuron with a role guessed from its rows',
      },
      { file: 'x.csv', line: 3, message: '"MYMN" is not one of the 302 C. elegans neurons; imported as a neuron with a role guessed from its rows' },
    ]);
    expect(neuron(r, 'AVAX')?.role).toBe('inter');
    expect(neuron(r, 'MYMN')?.role).toBe('motor');
    expect(r.summary.unknownNeurons).toEqual(['AVAX', 'MYMN']);
  });

  it('adds the known unconnected neurons when asked, or when the tables name most of the 302', () => {
    const small = 'pre,post,type,contacts\nAVAL,AVBL,chemical,1\n';
    expect(run({ 's.csv': small }).summary.neurons).toBe(2);
    const all = run({ 's.csv': small }, { addUnconnected: true });
    expect(all.summary.neurons).toBe(302);
    expect(all.summary.unconnectedAdded).toContain('CANL');
    expect(all.summary.unconnectedAdded).toContain('VC06');
    expect(lintCircuit(all.circuit).some((w) => /connected to nothing/.test(w.message))).toBe(true);
  });
});

describe('importConnectome: options', () => {
  const TABLE = 'pre,post,type,contacts\nAVAL,AVBL,chemical,1\nAVAL,DA01,chemical,3\nAVBL,DB01,gap,2\nDA01,MDL01,nmj,4\nDD01,MVL01,nmj,1\n';

  it('--min-contacts drops weak connections (after merging) and counts their rows', () => {
    const r = run({ 't.csv': TABLE }, { minContacts: 2 });
    expect(chem(r, 'AVAL', 'AVBL')).toBeUndefined();
    expect(chem(r, 'AVAL', 'DA01')?.weight).toBe(3);
    expect(gap(r, 'AVBL', 'DB01')).toHaveLength(1);
    expect(musclesOf(r, 'DD01')).toEqual([]);
    expect(r.summary.dropped).toEqual([{ reason: 'min-contacts', rows: 2, examples: ['t.csv:2', 't.csv:6'] }]);
  });

  it('without scales, weights and gains are contacts × DEFAULT_WEIGHT_SCALE / DEFAULT_MUSCLE_SCALE', () => {
    const r = importConnectome([{ name: 't.csv', text: TABLE }], { models: FAKE_MODELS });
    expect([DEFAULT_WEIGHT_SCALE, DEFAULT_MUSCLE_SCALE]).toEqual([0.04, 0.05]);
    expect(chem(r, 'AVAL', 'DA01')?.weight).toBe(0.12);
    expect(gap(r, 'AVBL', 'DB01')[0].weight).toBe(0.08);
    expect(musclesOf(r, 'DA01')[0].gain).toBe(0.2);
    expect(musclesOf(r, 'DD01')[0].gain).toBe(-0.05);
  });

  it('--weight-scale and --muscle-scale scale weights and gains without float noise', () => {
    const r = run({ 't.csv': TABLE }, { weightScale: 0.1, muscleScale: 0.25 });
    expect(chem(r, 'AVAL', 'DA01')?.weight).toBe(0.3);
    expect(gap(r, 'AVBL', 'DB01')[0].weight).toBe(0.2);
    expect(musclesOf(r, 'DA01')[0].gain).toBe(1);
    expect(musclesOf(r, 'DD01')[0].gain).toBe(-0.25);
  });

  it('refuses bad option values and an unknown model, all at once', () => {
    const problems = refused({ 't.csv': TABLE }, { weightScale: 0, muscleScale: Number.NaN, minContacts: -1, model: 'lif-x' as never });
    expect(problems.map((p) => p.field)).toEqual([
      'weightScale (--weight-scale)',
      'muscleScale (--muscle-scale)',
      'minContacts (--min-contacts)',
      'model (--model)',
    ]);
    expect(problems[3].message).toMatch(/unknown neuron model "lif-x"; allowed: graded, lif, izhikevich, transmitter/);
  });

  it('refuses a name longer than a circuit name may be', () => {
    expect(refused({ 't.csv': TABLE }, { name: 'x'.repeat(201) })).toEqual([
      { file: 'import options', field: 'name (--name)', message: '201 characters; a circuit name is at most 200' },
    ]);
  });

  it('keeps the description short however many sign overrides a file holds', () => {
    const many = Array.from({ length: 500 }, () => ({ from: 'AVAL', to: 'DA01', sign: 'inhibitory' as const }));
    const r = run({ 't.csv': TABLE }, { signOverrides: { file: 'many.json', entries: many } });
    expect(r.circuit.doc.description).toMatch(/with 1 sign override \(AVAL→DA01 inhibitory\)\./);
    const wide = Array.from({ length: 30 }, (_, k) => `AVAL,N${k},chemical,1`).join('\n');
    const entries = Array.from({ length: 30 }, (_, k) => ({ from: 'AVAL', to: `N${k}`, sign: 'inhibitory' as const }));
    const r2 = run({ 'w.csv': `pre,post,type,contacts\n${wide}\n` }, { signOverrides: { file: 'o.json', entries } });
    expect(r2.circuit.doc.description).toMatch(/with 30 sign overrides\./);
    expect(r2.summary.signOverrides).toHaveLength(30);
  });

  it('uses the chosen model for every neuron', () => {
    const r = run({ 't.csv': TABLE }, { model: 'lif' });
    expect(r.circuit.network.neurons.every((n) => n.model === 'lif')).toBe(true);
  });

  it('zero-contact rows never become synapses', () => {
    const r = run({ 't.csv': 'pre,post,type,contacts\nAVAL,AVBL,chemical,0\n' });
    expect(r.circuit.doc.synapses).toEqual([]);
    expect(r.summary.dropped).toEqual([{ reason: 'zero', rows: 1, examples: ['t.csv:2'] }]);
  });
});

describe('sign overrides', () => {
  const TOUCH = 'pre,post,type,contacts\nAVM,AVBL,chemical,2\nALML,PVCL,chemical,1\nAVDL,AVAL,chemical,4\n';

  it("a user's file adds signs and wins over the built-in ones; names are normalised", () => {
    const file = parseSignOverrides(
      '[\n  { "from": "AVDL", "to": "AVAL", "sign": "excitatory" },\n  { "from": "avm", "to": "AVBL", "sign": "excitatory" }\n]',
      'signs.json',
    );
    expect(file.lines).toEqual([2, 3]);
    const r = run({ 't.csv': TOUCH }, { signOverrides: file });
    expect(chem(r, 'AVDL', 'AVAL')?.sign).toBe('excitatory');
    expect(chem(r, 'AVM', 'AVBL')?.sign).toBe('excitatory');
    expect(chem(r, 'ALML', 'PVCL')?.sign).toBe('inhibitory');
    expect(r.summary.signOverrides).toEqual([
      { from: 'ALML', to: 'PVCL', sign: 'inhibitory', source: 'built-in' },
      { from: 'AVDL', to: 'AVAL', sign: 'excitatory', source: 'user' },
      { from: 'AVM', to: 'AVBL', sign: 'excitatory', source: 'user' },
    ]);
  });

  it('touchOverrides: false leaves the touch synapses to their transmitter', () => {
    const r = run({ 't.csv': TOUCH }, { touchOverrides: false });
    expect(chem(r, 'AVM', 'AVBL')?.sign).toBeUndefined();
    expect(r.summary.signOverrides).toEqual([]);
  });

  it('an override naming a neuron the circuit lacks is an error at its line; one for a missing synapse is a warning', () => {
    const file = parseSignOverrides(
      '[{ "from": "AVDL", "to": "AVAX", "sign": "inhibitory" },\n {"from": "AVAL", "to": "AVDL", "sign": "inhibitory"}]',
      'signs.json',
    );
    const problems = refused({ 't.csv': TOUCH }, { signOverrides: file });
    expect(problems).toEqual([
      {
        file: 'signs.json',
        line: 1,
        field: '[0].to',
        message: '"AVAX" is not a neuron of the imported circuit (did you mean "AVAL"?); name a neuron the tables contain',
      },
    ]);
    const ok = parseSignOverrides('[{"from": "AVAL", "to": "AVDL", "sign": "inhibitory"}]', 'signs.json');
    expect(run({ 't.csv': TOUCH }, { signOverrides: ok }).warnings.filter((w) => !w.serious)).toEqual([
      { file: 'signs.json', line: 1, field: '[0]', message: 'no chemical synapse from AVAL to AVDL in the tables; this sign override changes nothing' },
    ]);
  });

  it('parseSignOverrides names the line and field of every mistake', () => {
    const text = '[\n {"from": "A", "to": "B", "sign": "inh"},\n {"from": "A", "sign": "excitatory", "weight": 2},\n 3\n]';
    try {
      parseSignOverrides(text, 's.json');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectomeError);
      expect((e as ConnectomeError).problems).toEqual([
        { file: 's.json', line: 2, field: '[0].sign', message: '"inh"; a sign is "excitatory" or "inhibitory"' },
        { file: 's.json', line: 3, field: '[1].weight', message: 'unknown field; allowed: from, to, sign' },
        { file: 's.json', line: 3, field: '[1].to', message: 'missing; write the postsynaptic neuron\'s name, e.g. "AVM"' },
        {
          file: 's.json',
          line: 4,
          field: '[2]',
          message: 'expected an object {"from", "to", "sign"}, e.g. [{ "from": "AVM", "to": "AVBL", "sign": "inhibitory" }]',
        },
      ]);
    }
    expect(() => parseSignOverrides('{"from": 1', 's.json')).toThrow(/s\.json:1: not valid JSON/);
    expect(() => parseSignOverrides('{}', 's.json')).toThrow(/expected a list of sign overrides/);
  });
});

describe('malformed tables are refused whole, every problem named with its file, line and column', () => {
  it('reports each bad row of a Varshney sheet at once', () => {
    const text = `Origin,Target,Type,Number of Connections,Neurotransmitter
AVAL,DA1,Send,2,Acetylcholine
AVAL,DA2,Send,two,Acetylcholine
AVAL,,Send,1,Acetylcholine
AVAL,DA3,Sned,1,Acetylcholine
AVAL,DA4,Send
AVAL,DA5,Send,1,Acetylcholine,extra
AV AL,DA6,Send,1,Acetylcholine
AVAL,DA7,Send,-1,Acetylcholine
AVAL,MDL30,Send,1,Acetylcholine
`;
    const problems = refused({ 'bad.csv': text });
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'Number of Connections'],
      [4, 'Target'],
      [5, 'Type'],
      [6, undefined],
      [7, undefined],
      [8, 'Origin'],
      [9, 'Number of Connections'],
      [10, 'Target'],
    ]);
    expect(problems.every((p) => p.file === 'bad.csv')).toBe(true);
    expect(problems[0].message).toBe('"two" is not a number; write the number of synapses (a number ≥ 0)');
    expect(problems[1].message).toBe('empty; write the postsynaptic cell name');
    expect(problems[2].message).toMatch(/^"Sned" is not a synapse type; use chemical \(also Send, S, Sp\)/);
    expect(problems[3].message).toMatch(
      /^3 fields, but this table has 5 columns \(Origin, Target, Type, Number of Connections, Neurotransmitter\); fill in the missing fields/,
    );
    expect(problems[4].message).toMatch(/^6 fields, .*remove the extra fields/);
    expect(problems[5].message).toMatch(/^"AV AL" is not a usable name: .*no spaces/);
    expect(problems[6].message).toMatch(/^-1 is negative; .*--sign-overrides/);
    expect(problems[7].message).toMatch(/^"MDL30" is not a usable name: body-wall muscles are numbered 1 to 24/);
    try {
      run({ 'bad.csv': text });
    } catch (e) {
      expect((e as Error).message).toMatch(/^bad\.csv: 8 problems; nothing was imported:\n {2}bad\.csv:3: Number of Connections: "two" is not a number/);
    }
  });

  it('refuses an unknown header, a forced layout that does not match, an empty table and broken CSV', () => {
    expect(refused({ 'h.csv': 'a,b,c\n1,2,3\n' })[0]).toMatchObject({
      file: 'h.csv',
      line: 1,
      message: expect.stringMatching(/matches no known wiring-table layout; expected one of: Cook 2019/),
    });
    expect(refused({ 'c.csv': COOK }, { format: 'varshney' })[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/is not the varshney layout \(expected Origin,Target,Type,Number of Connections,Neurotransmitter\)/),
    });
    expect(refused({ 'e.csv': '\n\n' })[0].message).toMatch(/^the table is empty/);
    expect(refused({ 'q.csv': 'pre,post,type,contacts\nAVAL,"AVBL,chemical,1\n' })[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/never closed/),
    });
  });

  it('refuses a muscle sheet whose muscle column names a neuron, and collects problems across tables', () => {
    const problems = refused({ 'm.csv': 'Neuron,Muscle,Number of Connections,Neurotransmitter\nDA1,AVAL,1,Acetylcholine\n', 'c.csv': 'x\n' });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['m.csv:2', 'c.csv:1']);
    expect(problems[0].message).toMatch(/"AVAL" is not a muscle; write a body-wall muscle as MDL01\.\.MVR24/);
  });

  it('skips blank lines and # comments, and keeps counting lines through them', () => {
    const problems = refused({ 'g.csv': '# my table\npre,post,type,contacts\n\nAVAL,AVBL,chemical,x\n' });
    expect(problems).toEqual([{ file: 'g.csv', line: 4, field: 'contacts', message: '"x" is not a number; write the number of synapses (a number ≥ 0)' }]);
  });

  it('warns about an unknown transmitter and imports the row', () => {
    const r = run({ 'v.csv': 'Origin,Target,Type,Number of Connections,Neurotransmitter\nAVAL,AVBL,Send,1,Glutamine\n' });
    expect(r.warnings[0]).toMatchObject({
      file: 'v.csv',
      line: 2,
      field: 'Neurotransmitter',
      message: expect.stringMatching(/^"Glutamine": unknown transmitter/),
    });
    expect(chem(r, 'AVAL', 'AVBL')?.weight).toBe(1);
  });
});
