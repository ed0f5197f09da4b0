import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { MODELS } from '../neural/models';
import { EditorModel } from './model';

// Adopting an evolved circuit (the Evolve panel): one undo step that brings the circuit back exactly.
describe('replaceDoc', () => {
  const start = () => new EditorModel({ models: MODELS, doc: getBuiltinCircuit('locomotion').doc, fileName: 'loco.json' });

  it('replaces the network as one undo step; undo restores the document exactly, redo the adopted one', () => {
    const m = start();
    m.select({ synapses: ['c:AVB>DB1'] });
    const before = JSON.stringify(m.doc);
    const evolved = { ...m.doc, synapses: (m.doc.synapses ?? []).map((s) => (s.from === 'AVB' && s.to === 'DB1' ? { ...s, weight: 3.25 } : s)) };
    const r = m.replaceDoc(evolved, 'Adopt evolved circuit');
    expect(r.ok).toBe(true);
    expect(m.doc.synapses?.find((s) => s.from === 'AVB' && s.to === 'DB1')?.weight).toBe(3.25);
    expect(m.undoLabel()).toBe('Adopt evolved circuit');
    expect(m.fileName).toBe('loco.json');
    expect([...m.selection.synapses]).toEqual(['c:AVB>DB1']);
    const after = JSON.stringify(m.doc);
    expect(m.undo()).toBe(true);
    expect(JSON.stringify(m.doc)).toBe(before);
    expect(m.canUndo()).toBe(false);
    m.redo();
    expect(JSON.stringify(m.doc)).toBe(after);
  });

  it('refuses an invalid document and changes nothing', () => {
    const m = start();
    const before = JSON.stringify(m.doc);
    const r = m.replaceDoc({ ...m.doc, synapses: [{ from: 'AVB', to: 'NOPE', kind: 'chemical', weight: 1 }] }, 'Adopt evolved circuit');
    expect(r.ok).toBe(false);
    expect(JSON.stringify(m.doc)).toBe(before);
    expect(m.canUndo()).toBe(false);
  });
});
