import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../lib/natural-compare';
import { copyId, nextNeuronId, parseSynapseKey, synapseKey } from './ids';
import { searchNeurons } from './search';

describe('ids', () => {
  it('synapse keys: gap junctions either way round are one key; keys parse back', () => {
    expect(synapseKey({ kind: 'electrical', from: 'B', to: 'A' })).toBe(synapseKey({ kind: 'electrical', from: 'A', to: 'B' }));
    expect(synapseKey({ kind: 'chemical', from: 'B', to: 'A' })).not.toBe(synapseKey({ kind: 'chemical', from: 'A', to: 'B' }));
    const id = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/);
    fc.assert(
      fc.property(id, id, fc.constantFrom('chemical' as const, 'electrical' as const), (from, to, kind) => {
        const p = parseSynapseKey(synapseKey({ kind, from, to }));
        expect(p?.kind).toBe(kind);
        expect(synapseKey(p as { kind: typeof kind; from: string; to: string })).toBe(synapseKey({ kind, from, to }));
      }),
    );
    expect(parseSynapseKey('AVAL')).toBeUndefined();
  });

  it('next ids count past the largest N<number>', () => {
    expect(nextNeuronId(new Set())).toBe('N1');
    expect(nextNeuronId(new Set(['N1', 'N7', 'NX', 'AVAL']))).toBe('N8');
  });

  it('copy ids count up a trailing number keeping its width, or add _2', () => {
    expect(copyId('AVAL', new Set())).toBe('AVAL');
    expect(copyId('AVAL', new Set(['AVAL', 'AVAL_2']))).toBe('AVAL_3');
    expect(copyId('DA01', new Set(['DA01', 'DA02']))).toBe('DA03');
    expect(copyId('N9', new Set(['N9']))).toBe('N10');
    expect(copyId('7', new Set(['7']))).toBe('7_2');
    const long = 'X'.repeat(64);
    expect(copyId(long, new Set([long])).length).toBeLessThanOrEqual(64);
  });

  it('natural order compares digit runs as numbers', () => {
    expect(['DA10', 'DA2', 'AVAR', 'AVAL', 'DA01'].sort(naturalCompare)).toEqual(['AVAL', 'AVAR', 'DA01', 'DA2', 'DA10']);
  });
});

describe('searchNeurons', () => {
  const neurons = [
    { id: 'RIAL', model: 'graded' as const },
    { id: 'AIA', model: 'graded' as const, label: 'amphid interneuron A' },
    { id: 'ASEL', model: 'graded' as const, label: 'salt (left)' },
    { id: 'AIAL', model: 'graded' as const },
    { id: 'AIAR', model: 'graded' as const },
  ];

  it('ranks exact, prefix, substring, case-insensitively, and limits the list', () => {
    expect(searchNeurons(neurons, 'aia').map((h) => h.id)).toEqual(['AIA', 'AIAL', 'AIAR']);
    expect(searchNeurons(neurons, 'IA').map((h) => [h.id, h.match])).toEqual([
      ['AIA', 'substring'],
      ['AIAL', 'substring'],
      ['AIAR', 'substring'],
      ['RIAL', 'substring'],
    ]);
    expect(searchNeurons(neurons, 'SALT')).toEqual([{ id: 'ASEL', label: 'salt (left)', match: 'prefix', field: 'label' }]);
    expect(searchNeurons(neurons, 'a', 2).map((h) => h.id)).toEqual(['AIA', 'AIAL']);
  });
});
