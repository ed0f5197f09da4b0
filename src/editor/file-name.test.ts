import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits';
import { FAKE_MODELS } from '../circuits/fake-models';
import { EditorModel } from './model';
import { templates } from './templates';

const doc: CircuitDoc = {
  format: 'neuroworm-circuit',
  version: 1,
  name: 'reflex',
  neurons: [
    { id: 'S', model: 'graded', role: 'sensory', position: { x: 0, y: 0 } },
    { id: 'M', model: 'graded', role: 'motor', position: { x: 0, y: 200 } },
  ],
  synapses: [{ from: 'S', to: 'M', kind: 'chemical', weight: 1 }],
};
const editor = () => new EditorModel({ models: FAKE_MODELS, doc, fileName: 'test.json' });

describe('the file name follows the circuit name', () => {
  it('a blank circuit renamed "My first reflex" saves as my-first-reflex.json (before: blank.json); undo takes both back', () => {
    const m = editor();
    const blank = templates().find((t) => t.id === 'blank')!;
    expect(m.loadTemplate(blank).ok).toBe(true);
    expect(m.setMeta({ name: 'My first reflex' }).ok).toBe(true);
    expect(m.fileName).toBe('my-first-reflex.json');
    m.undo();
    expect(m.doc.name).toBe('Untitled circuit');
    expect(m.fileName).not.toBe('my-first-reflex.json');
    m.redo();
    expect(m.fileName).toBe('my-first-reflex.json');
  });

  it('so does a file named after its circuit; a file the player named otherwise keeps its name', () => {
    const m = editor();
    const text = m.exportText();
    expect(m.importText(text, 'reflex.json').ok).toBe(true);
    m.setMeta({ name: 'Touch reflex, v2' });
    expect(m.fileName).toBe('touch-reflex-v2.json');
    expect(m.importText(text, 'my-experiment-3.json').ok).toBe(true);
    m.setMeta({ name: 'Something else' });
    expect(m.fileName).toBe('my-experiment-3.json');
  });

  it('a name with nothing to spell a file with gives circuit.json', () => {
    const m = editor();
    m.setMeta({ name: 'reflex' });
    expect(m.importText(m.exportText(), 'reflex.json').ok).toBe(true);
    m.setMeta({ name: '★ ★' });
    expect(m.fileName).toBe('circuit.json');
  });
});
