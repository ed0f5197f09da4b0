import { describe, expect, it } from 'vitest';
import { circuitFromDoc, CircuitError, type CircuitDoc, type ModelTable } from '../circuits';
import { FAKE_MODELS } from '../circuits/fake-models';
import { CURRENT_VERSION } from '../circuits/versions';
import { hodgkinHuxleyModel } from '../neural/models/hodgkin-huxley';
import { izhikevichModel } from '../neural/models/izhikevich';
import { lifModel } from '../neural/models/lif';
import { screenToGraph } from './geometry';
import { EditorModel } from './model';
import { FIT_BOTTOM_PX } from './viewport';
import { blankDoc, templates } from './templates';
import type { EditorChange } from './types';

const REAL: ModelTable = { lif: lifModel, izhikevich: izhikevichModel, 'hodgkin-huxley': hodgkinHuxleyModel };

/** A small touch reflex: sensory S → inter I → motor M, with bindings. */
function reflexDoc(): CircuitDoc {
  return {
    format: 'neuroworm-circuit',
    version: CURRENT_VERSION,
    name: 'reflex',
    neurons: [
      { id: 'S', model: 'graded', role: 'sensory', position: { x: 0, y: 0 } },
      { id: 'I', model: 'graded', role: 'inter', position: { x: 0, y: 100 } },
      { id: 'M', model: 'graded', role: 'motor', transmitter: 'GABA', position: { x: 0, y: 200 } },
    ],
    synapses: [
      { from: 'S', to: 'I', kind: 'chemical', weight: 1 },
      { from: 'I', to: 'M', kind: 'electrical', weight: 0.5 },
    ],
    sensors: [{ neuron: 'S', sensor: 'touch', from: 0, to: 0.5, kind: 'gentle', gain: 1 }],
    muscles: [{ neuron: 'M', side: 'left', from: 0, to: 0.3, gain: 1 }],
  };
}

const editor = (doc: CircuitDoc = reflexDoc(), models: ModelTable = FAKE_MODELS) => new EditorModel({ models, doc, fileName: 'test.json' });

function refused(r: { ok: boolean; message?: string }): string {
  expect(r.ok).toBe(false);
  return (r as { message: string }).message;
}

describe('neurons', () => {
  it('adds neurons with generated ids N1, N2... or a given id, selects the new one, and undo removes it', () => {
    const m = editor(blankDoc());
    const a = m.addNeuron({ model: 'lif', role: 'inter', position: { x: 5, y: 6 } });
    const b = m.addNeuron({ model: 'graded', position: { x: 0, y: 0 } });
    expect(a).toEqual({ ok: true, value: 'N1' });
    expect(b).toEqual({ ok: true, value: 'N2' });
    expect(m.addNeuron({ id: 'AVAL', model: 'graded', position: { x: 1, y: 1 } })).toEqual({ ok: true, value: 'AVAL' });
    expect([...m.selection.neurons]).toEqual(['AVAL']);
    expect(m.doc.neurons[0]).toEqual({ id: 'N1', model: 'lif', role: 'inter', position: { x: 5, y: 6 } });
    m.undo();
    expect(m.doc.neurons.map((n) => n.id)).toEqual(['N1', 'N2']);
  });

  it('refuses a duplicate id, a malformed id, an unknown model or preset, a non-finite position', () => {
    const m = editor();
    expect(refused(m.addNeuron({ id: 'S', model: 'graded', position: { x: 0, y: 0 } }))).toContain('already a neuron "S"');
    expect(refused(m.addNeuron({ id: 'a b', model: 'graded', position: { x: 0, y: 0 } }))).toContain('not a valid neuron id');
    expect(refused(m.addNeuron({ model: 'hodgkin-huxley', position: { x: 0, y: 0 } }))).toMatch(/unknown model "hodgkin-huxley"; available: graded, lif/);
    expect(refused(m.addNeuron({ model: 'izhikevich', preset: 'bursty', position: { x: 0, y: 0 } }))).toContain('regular-spiking');
    expect(refused(m.addNeuron({ model: 'graded', position: { x: Number.NaN, y: 0 } }))).toContain('finite');
    expect(m.doc.neurons).toHaveLength(3);
    expect(m.canUndo()).toBe(false);
  });

  it('deletes neurons with their synapses and bindings; undo restores exactly', () => {
    const m = editor();
    const before = m.doc;
    expect(m.deleteNeurons(['I']).ok).toBe(true);
    expect(m.doc.neurons.map((n) => n.id)).toEqual(['S', 'M']);
    expect(m.doc.synapses).toEqual([]);
    expect(m.doc.sensors).toHaveLength(1);
    m.deleteNeurons(['S']);
    expect(m.doc.sensors).toEqual([]);
    m.undo();
    m.undo();
    expect(m.doc).toBe(before);
    expect(m.doc).toEqual(circuitFromDoc(reflexDoc(), 'x', FAKE_MODELS).doc);
  });

  it('renames a neuron in its synapses, bindings and the selection; refuses a clash', () => {
    const m = editor();
    m.select({ neurons: ['I'], synapses: ['e:I~M'] });
    expect(m.renameNeuron('I', 'AVA').ok).toBe(true);
    expect(m.doc.synapses).toEqual([
      { from: 'S', to: 'AVA', kind: 'chemical', weight: 1 },
      { from: 'AVA', to: 'M', kind: 'electrical', weight: 0.5 },
    ]);
    expect([...m.selection.neurons]).toEqual(['AVA']);
    expect([...m.selection.synapses]).toEqual(['e:AVA~M']);
    m.renameNeuron('S', 'ALM');
    expect(m.doc.sensors?.[0].neuron).toBe('ALM');
    m.renameNeuron('M', 'DA');
    expect(m.doc.muscles?.[0].neuron).toBe('DA');
    expect(refused(m.renameNeuron('DA', 'ALM'))).toContain('already a neuron "ALM"');
    expect(refused(m.renameNeuron('nobody', 'X'))).toContain('no neuron "nobody"');
  });

  it('changing the model resets params and preset to defaults; undo brings them back', () => {
    const m = editor(blankDoc());
    m.addNeuron({ id: 'A', model: 'izhikevich', preset: 'fast-spiking', position: { x: 0, y: 0 } });
    m.setNeuronParam('A', 'a', 0.5);
    m.setNeuronParam('A', 'v', -60, 'init');
    const tuned = m.neuron('A');
    m.setNeuronModel('A', 'lif');
    expect(m.neuron('A')).toEqual({ id: 'A', model: 'lif', position: { x: 0, y: 0 } });
    expect(m.inspectNeuron('A')?.params.every((r) => r.source === 'default')).toBe(true);
    m.undo();
    expect(m.neuron('A')).toBe(tuned);
  });

  it('sets params within the model range and refuses others with the param, value, range and unit', () => {
    const m = editor(blankDoc(), REAL);
    m.addNeuron({ id: 'A', model: 'lif', position: { x: 0, y: 0 } });
    expect(m.setNeuronParam('A', 'tauMs', 15).ok).toBe(true);
    expect(m.neuron('A')?.params).toEqual({ tauMs: 15 });
    const msg = refused(m.setNeuronParam('A', 'tauMs', 0));
    expect(msg).toContain('tauMs');
    expect(msg).toContain('0 ms is out of range');
    expect(msg).toContain('0.1 .. 1000 ms');
    expect(refused(m.setNeuronParam('A', 'tauMs', Number.NaN))).toContain('is not a number');
    expect(refused(m.setNeuronParam('A', 'tauMs', Number.POSITIVE_INFINITY))).toContain('not a finite number');
    expect(refused(m.setNeuronParam('A', 'tau', 3))).toContain('its parameters: tauMs, resistance');
    expect(refused(m.setNeuronParam('A', 'v', 500, 'init'))).toMatch(/v of A \(lif\): 500 mV is out of range; allowed: -100 \.\. 50 mV/);
    expect(m.neuron('A')?.params).toEqual({ tauMs: 15 });
    expect(m.neuron('A')?.init).toBeUndefined();
  });

  it('checks whole numbers and [excitatory, inhibitory] pairs', () => {
    const m = editor(blankDoc());
    m.addNeuron({ id: 'T', model: 'transmitter', position: { x: 0, y: 0 } });
    expect(refused(m.setNeuronParam('T', 'stepsToActivation', 2.5, 'init'))).toContain('2.5 is not a whole number; allowed: whole numbers 0 .. 1000 steps');
    expect(refused(m.setNeuronParam('T', 'threshold', 3))).toContain('is not a pair');
    expect(refused(m.setNeuronParam('T', 'threshold', [3, 101]))).toContain('threshold of T (transmitter) (inhibitory): 101 is out of range');
    expect(m.setNeuronParam('T', 'threshold', [3, 4]).ok).toBe(true);
    expect(m.inspectNeuron('T')?.params.find((r) => r.name === 'threshold')).toMatchObject({ value: [3, 4], source: 'neuron' });
    expect(m.clearNeuronParam('T', 'threshold').ok).toBe(true);
    expect(m.neuron('T')?.params).toBeUndefined();
  });

  it('inspector shows where each value comes from: the neuron, its preset, or the model default', () => {
    const m = editor(blankDoc());
    m.addNeuron({ id: 'Z', model: 'izhikevich', preset: 'fast-spiking', position: { x: 0, y: 0 } });
    m.setNeuronParam('Z', 'd', 3);
    const info = m.inspectNeuron('Z');
    expect(info?.presets).toEqual(['regular-spiking', 'fast-spiking']);
    expect(info?.params.map((r) => [r.name, r.value, r.source])).toEqual([
      ['a', 0.1, 'preset'],
      ['b', 0.2, 'preset'],
      ['c', -65, 'preset'],
      ['d', 3, 'neuron'],
    ]);
    expect(info?.init.find((r) => r.name === 'u')).toMatchObject({ value: -13, source: 'default' });
  });

  it('moves several neurons as one step and nudges the selection', () => {
    const m = editor();
    m.moveNeurons(['S', 'I'], 10, -5);
    expect(m.neuron('S')?.position).toEqual({ x: 10, y: -5 });
    expect(m.neuron('I')?.position).toEqual({ x: 10, y: 95 });
    expect(m.neuron('M')?.position).toEqual({ x: 0, y: 200 });
    m.select({ neurons: ['M'] });
    m.nudgeSelection(0, 10);
    expect(m.neuron('M')?.position).toEqual({ x: 0, y: 210 });
    m.undo();
    m.undo();
    expect(m.neuron('S')?.position).toEqual({ x: 0, y: 0 });
    expect(refused(m.moveNeurons(['S'], Number.POSITIVE_INFINITY, 0))).toContain('finite');
  });
});

describe('synapses', () => {
  it('connects, and refuses a duplicate with a message; a gap junction a↔b is the same as b↔a', () => {
    const m = editor();
    expect(m.connect({ from: 'I', to: 'S', kind: 'chemical', weight: 2, sign: 'inhibitory' })).toEqual({ ok: true, value: 'c:I>S' });
    expect([...m.selection.synapses]).toEqual(['c:I>S']);
    expect(refused(m.connect({ from: 'S', to: 'I', kind: 'chemical' }))).toContain('already a chemical synapse from "S" to "I"');
    expect(refused(m.connect({ from: 'M', to: 'I', kind: 'electrical' }))).toContain('already a gap junction between "M" and "I"');
    expect(refused(m.connect({ from: 'S', to: 'S', kind: 'electrical' }))).toContain('to itself');
    expect(refused(m.connect({ from: 'S', to: 'X', kind: 'chemical' }))).toContain('no neuron "X"');
    expect(refused(m.connect({ from: 'S', to: 'M', kind: 'chemical', weight: -1 }))).toContain(
      'weight of a chemical synapse from "S" to "M": -1 is out of range; allowed: ≥ 0',
    );
    expect(refused(m.connect({ from: 'S', to: 'M', kind: 'chemical', delayMs: 2000 }))).toContain('0 .. 1000 ms');
    expect(m.connect({ from: 'S', to: 'S', kind: 'chemical' }).ok).toBe(true); // an autapse is allowed
    expect(m.doc.synapses).toHaveLength(4);
  });

  it('edits weight, sign, delay and depression; null removes; gap junctions refuse chemical fields', () => {
    const m = editor();
    expect(m.updateSynapse('c:S>I', { weight: 3, sign: 'inhibitory', delayMs: 2, depression: { use: 0.1, recoveryMs: 500 } }).ok).toBe(true);
    expect(m.synapse('c:S>I')).toEqual({
      from: 'S',
      to: 'I',
      kind: 'chemical',
      weight: 3,
      sign: 'inhibitory',
      delayMs: 2,
      depression: { use: 0.1, recoveryMs: 500 },
    });
    m.updateSynapse('c:S>I', { sign: null, depression: null });
    expect(m.synapse('c:S>I')).toEqual({ from: 'S', to: 'I', kind: 'chemical', weight: 3, delayMs: 2 });
    expect(refused(m.updateSynapse('c:S>I', { depression: { use: 2, recoveryMs: 1 } }))).toContain('depression.use');
    expect(refused(m.updateSynapse('c:S>I', { depression: { use: 0.5, recoveryMs: 0 } }))).toContain('> 0 and ≤ 10000000 ms');
    expect(refused(m.updateSynapse('e:I~M', { sign: 'inhibitory' }))).toContain('change its kind to chemical first');
    expect(refused(m.updateSynapse('c:X>Y', { weight: 1 }))).toContain('no synapse');
  });

  it('edits a conductance synapse: the model and its fields survive other edits; current-based drops them', () => {
    const m = editor();
    // Before format version 2's editor fields, any edit rewrote the synapse without "model": a conductance synapse became current-based.
    expect(m.updateSynapse('c:S>I', { model: 'conductance', reversalMv: -75, tauMs: 0 }).ok).toBe(true);
    expect(m.updateSynapse('c:S>I', { weight: 0.05 }).ok).toBe(true);
    expect(m.synapse('c:S>I')).toEqual({ from: 'S', to: 'I', kind: 'chemical', weight: 0.05, model: 'conductance', reversalMv: -75, tauMs: 0 });
    expect(refused(m.updateSynapse('c:S>I', { releaseSlopeMv: 0.1 }))).toContain('0.5 .. 50 mV');
    m.updateSynapse('c:S>I', { model: null });
    expect(m.synapse('c:S>I')).toEqual({ from: 'S', to: 'I', kind: 'chemical', weight: 0.05 });
    expect(refused(m.updateSynapse('c:S>I', { reversalMv: -75 }))).toContain('make it conductance-based first');
  });

  it('retypes chemical ↔ electrical keeping ends and weight; refuses when that would duplicate', () => {
    const m = editor();
    m.updateSynapse('c:S>I', { sign: 'inhibitory', delayMs: 3 });
    m.select({ synapses: ['c:S>I'] });
    expect(m.retypeSynapse('c:S>I', 'electrical')).toEqual({ ok: true, value: 'e:I~S' });
    expect(m.synapse('e:I~S')).toEqual({ from: 'S', to: 'I', kind: 'electrical', weight: 1 });
    expect([...m.selection.synapses]).toEqual(['e:I~S']);
    m.connect({ from: 'M', to: 'I', kind: 'chemical' });
    m.retypeSynapse('e:I~M', 'chemical'); // I→M chemical: no clash with M→I
    expect(m.synapse('c:I>M')).toBeDefined();
    m.connect({ from: 'I', to: 'M', kind: 'electrical' });
    expect(refused(m.retypeSynapse('c:M>I', 'electrical'))).toContain('already a gap junction between "M" and "I"');
    m.connect({ from: 'M', to: 'M', kind: 'chemical' });
    expect(refused(m.retypeSynapse('c:M>M', 'electrical'))).toContain('to itself');
    m.undo();
    m.undo();
    m.undo();
    m.undo();
    m.undo();
    expect(m.synapse('c:S>I')).toEqual({ from: 'S', to: 'I', kind: 'chemical', weight: 1, sign: 'inhibitory', delayMs: 3 });
  });

  it('geometry marks inhibitory synapses by sign or GABA transmitter and bows a reciprocal pair apart', () => {
    const m = editor();
    m.connect({ from: 'M', to: 'I', kind: 'chemical' });
    m.connect({ from: 'I', to: 'S', kind: 'chemical', sign: 'inhibitory' });
    const g = m.geometry();
    const edge = (k: string) => g.edges.find((e) => e.key === k);
    expect(edge('c:M>I')?.sign).toBe('inhibitory'); // M is GABAergic
    expect(edge('c:S>I')?.sign).toBe('excitatory');
    expect(edge('c:I>S')?.sign).toBe('inhibitory');
    expect(edge('c:S>I')?.path.type).toBe('curve');
    expect(edge('c:I>S')?.path.type).toBe('curve');
    expect(edge('e:I~M')?.path.type).toBe('line');
    expect(m.edgeAt(0, 50)).toBeUndefined(); // both bows leave the straight line
    const bow = edge('c:S>I')?.path as { cx: number; cy: number };
    const mid = { x: (0 + 2 * bow.cx + 0) / 4, y: (0 + 2 * bow.cy + 100) / 4 };
    expect(m.edgeAt(mid.x, mid.y)).toBe('c:S>I');
    expect(m.neighbourhood('I')).toEqual({ incoming: ['c:S>I', 'c:M>I'], outgoing: ['c:I>S'], gap: ['e:I~M'] });
  });
});

describe('bindings and circuit details', () => {
  it('binds and unbinds sensors and muscles; refuses bad ranges naming the field', () => {
    const m = editor();
    expect(m.addSensor({ neuron: 'S', sensor: 'stretch', at: 0.4, side: 'left', gain: 2 })).toEqual({ ok: true, value: 1 });
    expect(m.addSensor({ neuron: 'S', sensor: 'chemical', side: 'right', response: 'on', gain: 1 }).ok).toBe(true);
    expect(m.addSensor({ neuron: 'S', sensor: 'tap', gain: 1 }).ok).toBe(true);
    expect(refused(m.addSensor({ neuron: 'S', sensor: 'touch', from: 0.2, to: 1.5, kind: 'harsh', gain: 1 }))).toContain(
      'to of the touch sensor of "S": 1.5 of the body length is out of range; allowed: 0 .. 1',
    );
    expect(refused(m.addSensor({ neuron: 'S', sensor: 'touch', from: 0.8, to: 0.2, kind: 'harsh', gain: 1 }))).toContain('"from" must be ≤ "to"');
    expect(refused(m.addSensor({ neuron: 'Q', sensor: 'tap', gain: 1 }))).toContain('no neuron "Q"');
    // A field only the schema knows is still refused: the whole circuit is validated.
    expect(refused(m.addSensor({ neuron: 'S', sensor: 'touch', from: 0, to: 1, kind: 'soft' as 'gentle', gain: 1 }))).toContain(
      '"soft" is not a valid touch kind',
    );
    expect(m.updateSensor(0, { neuron: 'S', sensor: 'touch', from: 0, to: 0.2, kind: 'any', side: 'left', gain: 1 }).ok).toBe(true);
    expect(m.doc.sensors?.[0]).toEqual({ neuron: 'S', sensor: 'touch', from: 0, to: 0.2, kind: 'any', side: 'left', gain: 1 });
    expect(m.removeSensor(1).ok).toBe(true);
    expect(m.doc.sensors?.map((b) => b.sensor)).toEqual(['touch', 'chemical', 'tap']);
    expect(m.addMuscle({ neuron: 'M', side: 'right', from: 0.3, to: 0.6, gain: -1 })).toEqual({ ok: true, value: 1 });
    expect(m.updateMuscle(0, { neuron: 'M', side: 'left', from: 0, to: 0.1, gain: 2 }).ok).toBe(true);
    expect(refused(m.updateMuscle(5, { neuron: 'M', side: 'left', from: 0, to: 0.1, gain: 2 }))).toContain('no muscles[5]');
    expect(m.removeMuscle(0).ok).toBe(true);
    expect(m.doc.muscles).toEqual([{ neuron: 'M', side: 'right', from: 0.3, to: 0.6, gain: -1 }]);
  });

  it('sets name, description and notes, refusing what the format refuses', () => {
    const m = editor();
    expect(m.setMeta({ name: 'Touch', description: 'd', notes: 'n' }).ok).toBe(true);
    expect(m.doc).toMatchObject({ name: 'Touch', description: 'd', editor: { notes: 'n' } });
    expect(refused(m.setMeta({ name: 'x'.repeat(201) }))).toContain('at most 200 characters');
    m.setMeta({ description: null, notes: null });
    expect(m.doc.description).toBeUndefined();
    expect(m.doc.editor).toBeUndefined();
  });
});

describe('warnings', () => {
  it('places lint warnings on neurons and bindings, and updates after edits', () => {
    const m = editor();
    expect(m.warnings()).toEqual([]);
    m.addNeuron({ id: 'MN', model: 'graded', role: 'motor', position: { x: 0, y: 0 } });
    const w = m.warnings();
    expect(w.find((x) => x.neuron === 'MN' && x.message.includes('drives no muscle'))).toBeDefined();
    expect(w.find((x) => x.neuron === 'MN' && x.message.includes('connected to nothing'))).toBeDefined();
    m.addMuscle({ neuron: 'S', side: 'left', from: 0.2, to: 0.2, gain: 1 });
    expect(
      m
        .warnings()
        .filter((x) => x.muscle === 1)
        .map((x) => x.neuron),
    ).toEqual(['S', 'S']); // role mismatch, empty range
    m.connect({ from: 'I', to: 'S', kind: 'chemical' });
    expect(m.warnings().some((x) => x.neuron === 'S' && x.message.includes('excite one another'))).toBe(true);
    m.updateSynapse('c:I>S', { sign: 'inhibitory' });
    expect(m.warnings().some((x) => x.message.includes('excite one another'))).toBe(false);
  });
});

describe('selection, copy and paste', () => {
  it('selects by replace, add and toggle, by box, all and none; ignores unknown ids', () => {
    const m = editor();
    const seen: EditorChange[] = [];
    m.changes$.subscribe((c) => seen.push(c));
    m.select({ neurons: ['S'] });
    m.select({ neurons: ['I', 'ghost'] }, 'add');
    expect([...m.selection.neurons]).toEqual(['S', 'I']);
    m.select({ neurons: ['S', 'M'] }, 'toggle');
    expect([...m.selection.neurons]).toEqual(['I', 'M']);
    m.selectInRect({ x: -10, y: -10, width: 20, height: 120 });
    expect([...m.selection.neurons]).toEqual(['S', 'I']);
    m.selectAll();
    expect(m.selection.neurons.size).toBe(3);
    expect(m.selection.synapses.size).toBe(2);
    m.clearSelection();
    m.clearSelection(); // no change, no event
    expect(seen.map((c) => c.kind)).toEqual(['selection', 'selection', 'selection', 'selection', 'selection', 'selection']);
  });

  it('copies selected neurons with the synapses among them and their bindings; paste renames and offsets', () => {
    const m = editor();
    m.select({ neurons: ['S', 'I'] });
    const text = m.copySelection() as string;
    const payload = JSON.parse(text);
    expect(payload.neurons.map((n: { id: string }) => n.id)).toEqual(['S', 'I']);
    expect(payload.synapses).toEqual([{ from: 'S', to: 'I', kind: 'chemical', weight: 1 }]); // not I↔M: M was not copied
    expect(payload.sensors).toHaveLength(1);
    expect(payload.muscles).toEqual([]);

    expect(m.paste(text)).toEqual({ ok: true, value: ['S_2', 'I_2'] });
    expect(m.neuron('S_2')?.position).toEqual({ x: 40, y: 40 });
    expect(m.synapse('c:S_2>I_2')).toBeDefined();
    expect(m.doc.sensors?.map((b) => b.neuron)).toEqual(['S', 'S_2']);
    expect([...m.selection.neurons]).toEqual(['S_2', 'I_2']);
    expect(m.paste(text)).toEqual({ ok: true, value: ['S_3', 'I_3'] });
    expect(m.neuron('S_3')?.position).toEqual({ x: 80, y: 80 });
    expect(m.paste(text, { at: { x: 1000, y: 1000 } }).ok).toBe(true);
    expect(m.neuron('S_4')?.position).toEqual({ x: 1000, y: 950 });
    m.undo();
    m.undo();
    m.undo();
    expect(m.doc.neurons.map((n) => n.id)).toEqual(['S', 'I', 'M']);
  });

  it('paste counts up a trailing number and accepts a whole circuit file; refuses junk', () => {
    const m = editor(blankDoc());
    m.addNeuron({ id: 'DA01', model: 'graded', position: { x: 0, y: 0 } });
    m.select({ neurons: ['DA01'] });
    expect(m.duplicateSelection()).toEqual({ ok: true, value: ['DA02'] });
    expect(m.duplicateSelection()).toEqual({ ok: true, value: ['DA03'] });
    expect(m.paste(JSON.stringify(reflexDoc())).ok).toBe(true);
    expect(m.doc.neurons.map((n) => n.id)).toEqual(['DA01', 'DA02', 'DA03', 'S', 'I', 'M']);
    expect(refused(m.paste('hello'))).toContain('does not hold neurons');
    const bad = JSON.stringify({ format: 'neuroworm-clipboard', version: 1, neurons: [{ id: 'Q', model: 'nope' }] });
    expect(refused(m.paste(bad))).toContain('unknown model "nope"');
    expect(refused(m.paste(JSON.stringify({ format: 'neuroworm-clipboard', version: 9, neurons: [] })))).toContain('newer Neuroworm');
  });

  it('a pasted circuit file of format version 1 keeps its meaning: its graded neurons stay linear (gKNs 0)', () => {
    const m = editor(blankDoc());
    const v1 = { format: 'neuroworm-circuit', version: 1, neurons: [{ id: 'A', model: 'graded', params: { tauMs: 5 } }] };
    expect(m.paste(JSON.stringify(v1)).ok).toBe(true);
    expect(m.neuron('A')?.params).toEqual({ tauMs: 5, gKNs: 0 });
    expect(refused(m.paste(JSON.stringify({ ...v1, version: 7 })))).toContain('newer Neuroworm');
  });

  it('deletes the selection (neurons and synapses) as one step', () => {
    const m = editor();
    m.select({ neurons: ['M'], synapses: ['c:S>I', 'e:I~M'] });
    expect(m.deleteSelection().ok).toBe(true);
    expect(m.doc.neurons.map((n) => n.id)).toEqual(['S', 'I']);
    expect(m.doc.synapses).toEqual([]);
    expect(m.selection.neurons.size + m.selection.synapses.size).toBe(0);
    m.undo();
    expect(m.doc.synapses).toHaveLength(2);
    expect([...m.selection.neurons]).toEqual(['M']);
  });

  it('search ranks exact, then prefix, then substring; ids before labels', () => {
    const m = editor(blankDoc());
    for (const [id, label] of [
      ['AVAR', undefined],
      ['XAVA', undefined],
      ['AVAL', undefined],
      ['AVA', undefined],
      ['N1', 'ava-like'],
      ['N2', 'the AVA cell'],
    ] as const) {
      m.addNeuron({ id, ...(label !== undefined && { label }), model: 'graded', position: { x: 0, y: 0 } });
    }
    expect(m.search('ava').map((h) => [h.id, h.match, h.field])).toEqual([
      ['AVA', 'exact', 'id'],
      ['AVAL', 'prefix', 'id'],
      ['AVAR', 'prefix', 'id'],
      ['N1', 'prefix', 'label'],
      ['XAVA', 'substring', 'id'],
      ['N2', 'substring', 'label'],
    ]);
    expect(m.search('  ')).toEqual([]);
    expect(m.search('zzz')).toEqual([]);
  });
});

describe('history', () => {
  it('a drag is one undo step; cancelling it leaves none', () => {
    const m = editor();
    const seen: EditorChange[] = [];
    m.changes$.subscribe((c) => seen.push(c));
    m.select({ neurons: ['S', 'I'] });
    m.beginDrag();
    for (let k = 1; k <= 20; k++) m.dragTo(k, 2 * k);
    m.endDrag();
    expect(m.neuron('S')?.position).toEqual({ x: 20, y: 40 });
    expect(seen.filter((c) => c.kind === 'doc').every((c) => !c.simulation)).toBe(true);
    expect(m.undoLabel()).toBe('Move 2 neurons');
    m.undo();
    expect(m.neuron('S')?.position).toEqual({ x: 0, y: 0 });
    expect(m.canUndo()).toBe(false);
    m.redo();
    expect(m.neuron('I')?.position).toEqual({ x: 20, y: 140 });

    // A click without movement leaves no undo step.
    m.beginDrag(['M']);
    m.dragTo(0, 0);
    m.endDrag();
    expect(m.undoLabel()).toBe('Move 2 neurons');
    expect(m.canRedo()).toBe(false);

    m.beginDrag(['M']);
    m.dragTo(50, 50);
    m.cancelDrag();
    expect(m.neuron('M')?.position).toEqual({ x: 0, y: 200 });
    expect(m.undoLabel()).toBe('Move 2 neurons');
  });

  it('a batch folds edits into one step; a new edit clears redo; the history is capped', () => {
    const m = new EditorModel({ models: FAKE_MODELS, doc: reflexDoc(), historyLimit: 3 });
    m.beginBatch('Tune I');
    m.setNeuronParam('I', 'tauMs', 5);
    m.setNeuronParam('I', 'tauMs', 6);
    m.setNeuronParam('I', 'restMv', -70);
    m.endBatch();
    expect(m.undoLabel()).toBe('Tune I');
    m.undo();
    expect(m.neuron('I')?.params).toBeUndefined();
    expect(m.canRedo()).toBe(true);
    m.addNeuron({ model: 'graded', position: { x: 0, y: 0 } });
    expect(m.canRedo()).toBe(false);
    for (let k = 0; k < 5; k++) m.moveNeurons(['S'], 1, 0);
    let undos = 0;
    while (m.undo()) undos++;
    expect(undos).toBe(3);
    expect(m.neuron('S')?.position).toEqual({ x: 2, y: 0 });
  });

  it('emits a change for each edit, undo and redo, flagged when the simulation is affected', () => {
    const m = editor();
    const seen: EditorChange[] = [];
    m.changes$.subscribe((c) => seen.push(c));
    m.setNeuronParam('I', 'tauMs', 5);
    m.moveNeurons(['I'], 1, 1);
    m.setMeta({ name: 'x' });
    m.undo();
    m.undo();
    m.undo();
    m.redo();
    expect(seen.map((c) => [c.label, c.simulation])).toEqual([
      ['Set I tauMs', true],
      ['Move 1 neuron', false],
      ['Edit circuit details', false],
      ['Undo Edit circuit details', false],
      ['Undo Move 1 neuron', false],
      ['Undo Set I tauMs', true],
      ['Redo Set I tauMs', true],
    ]);
    expect(m.setNeuronParam('I', 'tauMs', 5)).toEqual({ ok: true, value: undefined }); // same value: no step, no event
    expect(seen).toHaveLength(7);
  });

  it('keeps the document frozen so nothing can change it behind the history', () => {
    const m = editor();
    expect(() => {
      (m.doc.neurons as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (m.doc.neurons[0].position as { x: number }).x = 9;
    }).toThrow(TypeError);
  });
});

describe('files and templates', () => {
  it('imports a malformed file: returns the CircuitError, the current work stays untouched', () => {
    const m = editor();
    m.setNeuronParam('I', 'tauMs', 7);
    const before = m.doc;
    const undoLabel = m.undoLabel();
    const r = m.importText(
      '{ "format": "neuroworm-circuit", "version": 1, "neurons": [ { "id": "A", "model": "graded", "params": { "tauMs": -1 } } ] }',
      'bad.json',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(CircuitError);
    expect(r.error.issues[0]).toMatchObject({ path: ['neurons', 0, 'params', 'tauMs'], line: 1 });
    expect(r.message).toContain('bad.json');
    const syntax = m.importText('{ "format": ', 'cut.json');
    expect(syntax.ok).toBe(false);
    expect(m.doc).toBe(before);
    expect(m.fileName).toBe('test.json');
    expect(m.undoLabel()).toBe(undoLabel);
  });

  it('exports with the viewport and imports it back; an open is undoable', () => {
    const m = editor();
    m.setViewport({ x: 12, y: 34, zoom: 0.5 });
    const text = m.exportText();
    const m2 = editor(blankDoc());
    expect(m2.importText(text, 'reflex.json').ok).toBe(true);
    expect(m2.viewport).toEqual({ x: 12, y: 34, zoom: 0.5 });
    expect(m2.fileName).toBe('reflex.json');
    expect(m2.doc.neurons.map((n) => n.id)).toEqual(['S', 'I', 'M']);
    expect(m2.isDirty()).toBe(false);
    m2.undo();
    expect(m2.doc.neurons).toEqual([]);
    expect(m2.fileName).toBe('test.json');
  });

  it('lays out neurons that come without positions', () => {
    const doc = reflexDoc();
    for (const n of doc.neurons) delete n.position;
    const m = editor(doc);
    const y = (id: string) => m.neuron(id)?.position?.y as number;
    expect(y('S')).toBeLessThan(y('I'));
    expect(y('I')).toBeLessThan(y('M'));
    // One new neuron without a position goes below the rest.
    const partial = reflexDoc();
    partial.neurons.push({ id: 'X', model: 'graded' });
    const m2 = editor(partial);
    expect(m2.neuron('X')?.position?.y).toBeGreaterThan(200);
  });

  it('templates: blank first, then the built-ins given, then the motifs; loading one is undoable', () => {
    const builtin = circuitFromDoc(reflexDoc(), 'circuits/touch-reflex.json', FAKE_MODELS);
    const list = templates([builtin]);
    expect(list.map((t) => [t.id, t.name])).toEqual([
      ['blank', 'Blank circuit'],
      ['touch-reflex', 'reflex'],
      ['winner-takes-all', 'Winner takes all (lateral inhibition)'],
    ]);
    const m = editor(blankDoc());
    expect(m.loadTemplate(list[1]).ok).toBe(true);
    expect(m.doc.neurons).toHaveLength(3);
    expect(m.loadTemplate(list[0]).ok).toBe(true);
    expect(m.doc.neurons).toHaveLength(0);
    m.undo();
    expect(m.doc.neurons).toHaveLength(3);
  });

  it('the viewport zooms to fit, zooms around a point, pans, and centres on a neuron', () => {
    const m = editor();
    m.setScreenSize(800, 600);
    m.zoomToFit();
    expect(m.viewport.x).toBe(0);
    // Centred, above the room left under the circuit for names and the legend.
    expect(m.viewport.y).toBeCloseTo(100 + FIT_BOTTOM_PX / 2 / m.viewport.zoom, 9);
    const corner = screenToGraph(m.viewport, m.screen, { x: 0, y: 0 });
    const zoom = m.viewport.zoom;
    m.zoomAt(2, { x: 0, y: 0 });
    expect(m.viewport.zoom).toBeCloseTo(2 * zoom, 12);
    // The graph point that was at the screen's corner stays there.
    const after = screenToGraph(m.viewport, m.screen, { x: 0, y: 0 });
    expect(after.x).toBeCloseTo(corner.x, 9);
    expect(after.y).toBeCloseTo(corner.y, 9);
    const x = m.viewport.x;
    m.panBy(100, 0);
    expect(m.viewport.x).toBeCloseTo(x - 100 / m.viewport.zoom, 9);
    m.centerOn('M');
    expect(m.viewport).toMatchObject({ x: 0, y: 200 });
    const mm = m.minimap({ width: 200, height: 150 });
    expect(mm.view.width).toBeGreaterThan(0);
  });
});
