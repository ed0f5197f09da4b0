/**
 * Editing a circuit with modulators and receptors: deleting or renaming a
 * neuron carries its releases and receptors along (before this, a rename
 * left receptors naming the old id and a delete left a releaser that no
 * longer exists, so the edit was refused as an invalid circuit), and plastic
 * synapses keep their rule through both.
 */
import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits';
import { FAKE_MODELS } from '../circuits/fake-models';
import { CURRENT_VERSION } from '../circuits/versions';
import { EditorModel } from './model';

function doc(): CircuitDoc {
  return {
    format: 'neuroworm-circuit',
    version: CURRENT_VERSION,
    neurons: [
      { id: 'CEP', model: 'graded', position: { x: 0, y: 0 } },
      { id: 'ADE', model: 'graded', position: { x: 0, y: 50 } },
      { id: 'AVB', model: 'graded', position: { x: 0, y: 100 } },
    ],
    synapses: [{ from: 'CEP', to: 'AVB', kind: 'chemical', weight: 1, plastic: { rule: 'bcm' } }],
    modulators: [{ name: 'dopamine', from: ['CEP', 'ADE'], release: 1, clearanceMs: 1000 }],
    receptors: [
      { neuron: 'AVB', modulator: 'dopamine', effect: 'excitability', gain: -1 },
      { neuron: 'ADE', modulator: 'dopamine', effect: 'gain', gain: 0.5 },
    ],
  };
}

const editor = () => new EditorModel({ models: FAKE_MODELS, doc: doc(), fileName: 'volume.json' });

describe('editing neurons of a circuit with modulators', () => {
  it('a rename follows into the releasers and the receptors', () => {
    const m = editor();
    expect(m.renameNeuron('CEP', 'CEPDL')).toMatchObject({ ok: true });
    expect(m.renameNeuron('AVB', 'AVBL')).toMatchObject({ ok: true });
    expect(m.doc.modulators).toEqual([{ name: 'dopamine', from: ['CEPDL', 'ADE'], release: 1, clearanceMs: 1000 }]);
    expect(m.doc.receptors?.map((r) => r.neuron)).toEqual(['AVBL', 'ADE']);
    expect(m.doc.synapses?.[0]).toMatchObject({ from: 'CEPDL', to: 'AVBL', plastic: { rule: 'bcm' } });
  });
  it('a delete takes the neuron out of the releasers and removes its receptors; undo restores them', () => {
    const m = editor();
    expect(m.deleteNeurons(['ADE'])).toMatchObject({ ok: true });
    expect(m.doc.modulators?.[0].from).toEqual(['CEP']);
    expect(m.doc.receptors?.map((r) => r.neuron)).toEqual(['AVB']);
    m.undo();
    expect(m.doc).toEqual(doc());
  });
});
