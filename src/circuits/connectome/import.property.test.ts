import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCircuit, serializeCircuit } from '../circuit';
import { FAKE_MODELS } from '../fake-models';
import { importConnectome } from './import';
import { ConnectomeError } from './problems';

/** Neurons the random tables use: canonical id and the ways a table may write it. */
const NEURONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['AVAL', ['AVAL', 'aval']],
  ['AVBR', ['AVBR']],
  ['PVCL', ['PVCL', 'pvcl']],
  ['ALML', ['ALML']],
  ['AVM', ['AVM']],
  ['DA01', ['DA1', 'DA01', 'da1']],
  ['VB11', ['VB11']],
  ['DD03', ['DD3', 'DD03']],
  ['VC06', ['VC6', 'VC06']],
];

type Layout = 'cook' | 'varshney' | 'edgelist' | 'headerless';
type Kind = 'chemical' | 'electrical' | 'receive' | 'muscle';

interface Row {
  pre: number;
  post: number;
  kind: Kind;
  contacts: number;
  spellPre: number;
  spellPost: number;
  pad: number;
  /** Muscle: quadrant and number. */
  quadrant: number;
  muscle: number;
}

const row = fc.record({
  pre: fc.nat(NEURONS.length - 1),
  post: fc.nat(NEURONS.length - 1),
  kind: fc.constantFrom<Kind>('chemical', 'chemical', 'electrical', 'receive', 'muscle'),
  contacts: fc.nat(12),
  spellPre: fc.nat(2),
  spellPost: fc.nat(2),
  pad: fc.nat(3),
  quadrant: fc.nat(3),
  muscle: fc.integer({ min: 1, max: 24 }),
});

const table = fc.record({
  layout: fc.constantFrom<Layout>('cook', 'varshney', 'edgelist', 'headerless'),
  rows: fc.array(row, { minLength: 1, maxLength: 25 }),
});

const HEADERS: Record<Layout, string | undefined> = {
  cook: 'Source,Target,Weight,Type',
  varshney: 'Origin,Target,Type,Number of Connections,Neurotransmitter',
  edgelist: 'pre,post,type,contacts',
  headerless: undefined,
};
const TYPES: Record<Layout, Record<Kind, string[]>> = {
  cook: { chemical: ['chemical'], electrical: ['electrical'], receive: [], muscle: ['chemical'] },
  varshney: { chemical: ['Send', 'Sp'], electrical: ['GapJunction'], receive: ['R', 'Rp'], muscle: [] },
  edgelist: { chemical: ['chemical', 'S', 'Send'], electrical: ['gap', 'EJ', 'electrical'], receive: ['R'], muscle: ['NMJ', 'chemical'] },
  headerless: { chemical: ['chemical', 'Sp'], electrical: ['electrical', 'gj'], receive: ['Rp'], muscle: ['nmj'] },
};

const spell = (i: number, k: number): string => {
  const ways = NEURONS[i][1];
  return ways[k % ways.length];
};
const muscleName = (r: Row, cook: boolean): string => {
  const q = ['DL', 'DR', 'VL', 'VR'][r.quadrant];
  return cook ? `${q[0].toLowerCase()}BWM${q[1]}${r.muscle}` : `M${q}${String(r.muscle).padStart(2, '0')}`;
};

/** The rows a layout can hold (Cook has no R rows, a Connectome sheet no muscles). */
const usable = (layout: Layout, rows: Row[]): Row[] => rows.filter((r) => TYPES[layout][r.kind].length > 0);

/** Renders a table; returns its text and, per row, its line. */
function render(layout: Layout, rows: Row[]): { text: string; lines: number[] } {
  const out: string[] = [];
  const header = HEADERS[layout];
  if (header) out.push(header);
  const lines: number[] = [];
  for (const r of rows) {
    const types = TYPES[layout][r.kind];
    const type = types[(r.spellPre + r.pad) % types.length];
    const pad = ' '.repeat(r.pad);
    const pre = `${spell(r.pre, r.spellPre)}${layout === 'cook' ? pad : ''}`;
    const post = r.kind === 'muscle' ? muscleName(r, layout === 'cook') : `${layout === 'cook' ? pad : ''}${spell(r.post, r.spellPost)}${pad}`;
    const fields =
      layout === 'cook'
        ? [pre, post, String(r.contacts), type]
        : layout === 'varshney'
          ? [pre, post, type, String(r.contacts), r.kind === 'electrical' ? 'Generic_GJ' : 'Acetylcholine']
          : [pre, post, type, String(r.contacts)];
    out.push(fields.join(','));
    lines.push(out.length);
  }
  return { text: `${out.join('\n')}\n`, lines };
}

/** What the import should make of the rows, computed the simple way. */
function expected(rows: Row[]) {
  const chemical = new Map<string, number>();
  const gapDir = new Map<string, number>();
  const neurons = new Set<string>();
  const muscles = new Set<number>();
  for (const r of rows) {
    const pre = NEURONS[r.pre][0];
    neurons.add(pre);
    if (r.kind === 'muscle') {
      if (r.contacts > 0) muscles.add(r.pre);
      continue;
    }
    const post = NEURONS[r.post][0];
    neurons.add(post);
    if (r.kind === 'receive' || pre === post || r.contacts === 0) continue;
    const map = r.kind === 'chemical' ? chemical : gapDir;
    map.set(`${pre}>${post}`, (map.get(`${pre}>${post}`) ?? 0) + r.contacts);
  }
  const gaps = new Map<string, number>();
  for (const [k, n] of gapDir) {
    const [a, b] = k.split('>');
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    gaps.set(key, Math.max(gaps.get(key) ?? 0, n));
  }
  return { chemical, gaps, neurons, musclesDriven: muscles.size };
}

describe('connectome import, property-based', () => {
  it('any valid small table imports to the circuit its rows describe, and that circuit round-trips through the file format', () => {
    fc.assert(
      fc.property(table, ({ layout, rows: all }) => {
        const rows = usable(layout, all);
        fc.pre(rows.length > 0);
        const { text } = render(layout, rows);
        const r = importConnectome([{ name: 't.csv', text }], { models: FAKE_MODELS, weightScale: 1, muscleScale: 1 });
        const want = expected(rows);

        expect(new Set(r.circuit.doc.neurons.map((n) => n.id))).toEqual(want.neurons);
        const chem = new Map((r.circuit.doc.synapses ?? []).filter((s) => s.kind === 'chemical').map((s) => [`${s.from}>${s.to}`, s.weight]));
        expect(chem).toEqual(want.chemical);
        const gaps = new Map((r.circuit.doc.synapses ?? []).filter((s) => s.kind === 'electrical').map((s) => [`${s.from}-${s.to}`, s.weight]));
        expect(gaps).toEqual(want.gaps);
        expect(new Set((r.circuit.doc.muscles ?? []).map((m) => m.neuron)).size).toBe(want.musclesDriven);
        // Every chemical synapse of the touch cells onto AVB/PVC that exists is inhibitory.
        for (const s of r.circuit.doc.synapses ?? []) {
          if (s.kind === 'chemical' && (s.from === 'AVM' || s.from === 'ALML') && s.to === 'PVCL') expect(s.sign).toBe('inhibitory');
        }

        const text2 = serializeCircuit(r.circuit);
        const again = parseCircuit(text2, r.circuit.fileName, FAKE_MODELS);
        expect(again).toStrictEqual(r.circuit);
        expect(serializeCircuit(again)).toBe(text2);
      }),
      { numRuns: 200 },
    );
  });

  it('a corrupted row is refused with its line, and the import returns nothing', () => {
    const corruption = fc.constantFrom('contacts-word', 'contacts-negative', 'contacts-empty', 'type', 'pre-empty', 'pre-space', 'too-few', 'too-many');
    fc.assert(
      fc.property(table, corruption, fc.nat(), ({ layout, rows: all }, how, pick) => {
        const rows = usable(layout, all);
        fc.pre(rows.length > 0);
        const { text, lines } = render(layout, rows);
        const target = lines[pick % lines.length];
        const textLines = text.split('\n');
        const fields = textLines[target - 1].split(',');
        const contactsAt = layout === 'cook' ? 2 : 3;
        const typeAt = layout === 'cook' ? 3 : 2;
        if (how === 'contacts-word') fields[contactsAt] = 'many';
        if (how === 'contacts-negative') fields[contactsAt] = '-2';
        if (how === 'contacts-empty') fields[contactsAt] = ' ';
        if (how === 'type') fields[typeAt] = 'bogus';
        if (how === 'pre-empty') fields[0] = '  ';
        if (how === 'pre-space') fields[0] = 'AV AL';
        if (how === 'too-few') fields.splice(2);
        if (how === 'too-many') fields.push('extra', 'more'); // two: a headerless list may have a fifth (transmitter) column
        textLines[target - 1] = fields.join(',');
        let error: unknown;
        let result: unknown;
        try {
          result = importConnectome([{ name: 'bad.csv', text: textLines.join('\n') }], { models: FAKE_MODELS });
        } catch (e) {
          error = e;
        }
        expect(result).toBeUndefined();
        expect(error).toBeInstanceOf(ConnectomeError);
        const problems = (error as ConnectomeError).problems;
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) {
          expect(p.file).toBe('bad.csv');
          expect(p.line).toBe(target);
        }
        expect((error as Error).message).toContain(`bad.csv:${target}: `);
      }),
      { numRuns: 300 },
    );
  });
});
