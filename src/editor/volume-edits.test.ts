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
import { adaptationText, DEFAULT_ADAPTATION_MS, withAdaptation } from './volume-ops';

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

describe('editing what learns and what modulates', () => {
  it('changing the weight of a plastic synapse keeps its rule (before the fix, cleanSynapse dropped "plastic" on every synapse edit)', () => {
    const m = editor();
    expect(m.updateSynapse('c:CEP>AVB', { weight: 1.5 })).toMatchObject({ ok: true });
    expect(m.doc.synapses?.[0]).toMatchObject({ weight: 1.5, plastic: { rule: 'bcm' } });
  });
  it('a new synapse can be made plastic in the one connect step', () => {
    const m = editor();
    expect(m.connect({ from: 'ADE', to: 'AVB', kind: 'chemical', weight: 2, plastic: { rule: 'stdp' } })).toMatchObject({ ok: true });
    expect(m.doc.synapses?.[1]).toEqual({ from: 'ADE', to: 'AVB', kind: 'chemical', weight: 2, plastic: { rule: 'stdp' } });
    m.undo();
    expect(m.doc.synapses).toHaveLength(1);
  });
  it('setting a rule is one undo step, drops the delay a plastic synapse cannot have, and undo brings it back', () => {
    const m = editor();
    m.connect({ from: 'ADE', to: 'AVB', kind: 'chemical', weight: 2, delayMs: 5 });
    expect(m.setPlastic('c:ADE>AVB', { rule: 'three-factor', params: { rate: 0.001 }, bounds: 'soft' })).toMatchObject({ ok: true });
    expect(m.doc.synapses?.[1]).toEqual({
      from: 'ADE',
      to: 'AVB',
      kind: 'chemical',
      weight: 2,
      plastic: { rule: 'three-factor', params: { rate: 0.001 }, bounds: 'soft' },
    });
    expect(m.undoLabel()).toBe('Make synapse learn (three-factor)');
    m.undo();
    expect(m.doc.synapses?.[1]).toMatchObject({ delayMs: 5 });
    expect(m.doc.synapses?.[1].kind === 'chemical' && m.doc.synapses[1].plastic).toBeUndefined();
  });
  it('a conductance synapse made plastic stays a conductance (its rule scales g): model and reversal kept', () => {
    const m = editor();
    m.connect({ from: 'ADE', to: 'AVB', kind: 'chemical', weight: 0.02, model: 'conductance', reversalMv: -75, tauMs: 3 });
    expect(m.setPlastic('c:ADE>AVB', { rule: 'short-term' })).toMatchObject({ ok: true });
    expect(m.doc.synapses?.[1]).toEqual({
      from: 'ADE',
      to: 'AVB',
      kind: 'chemical',
      weight: 0.02,
      model: 'conductance',
      reversalMv: -75,
      tauMs: 3,
      plastic: { rule: 'short-term' },
    });
  });
  it('a rule parameter out of range is refused with the range, and nothing changes', () => {
    const m = editor();
    const r = m.setPlastic('c:CEP>AVB', { rule: 'bcm', params: { theta0: 3 } });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain('theta0 of the plastic synapse CEP → AVB (bcm): 3 is out of range; allowed: 0 .. 1');
    expect(m.doc).toEqual(doc());
    expect(m.setPlastic('c:CEP>AVB', { rule: 'stdp', params: { wMax: 0.5 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('outside the plastic bounds'),
    });
    expect(m.setPlastic('c:CEP>AVB', { rule: 'bcm', bounds: 'soft' })).toMatchObject({ ok: false, message: expect.stringContaining('soft') });
  });
  it('null stops learning; a gap junction cannot learn', () => {
    const m = editor();
    expect(m.setPlastic('c:CEP>AVB', null)).toMatchObject({ ok: true });
    expect(m.doc.synapses?.[0]).toEqual({ from: 'CEP', to: 'AVB', kind: 'chemical', weight: 1 });
    m.connect({ from: 'CEP', to: 'ADE', kind: 'electrical' });
    expect(m.setPlastic('e:ADE~CEP', { rule: 'bcm' })).toMatchObject({ ok: false, message: expect.stringContaining('change its kind to chemical first') });
  });
  it('modulators: add, rename (receptors follow), remove (its receptors go), each one undo step', () => {
    const m = editor();
    expect(m.putModulator(undefined, { name: 'serotonin', from: ['ADE'], release: 2, clearanceMs: 500 })).toMatchObject({ ok: true });
    expect(m.putModulator(undefined, { name: 'serotonin', from: ['CEP'], release: 1, clearanceMs: 500 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('already a modulator "serotonin"'),
    });
    expect(m.putModulator('dopamine', { name: 'DA', from: ['CEP'], release: 1, clearanceMs: 1000 })).toMatchObject({ ok: true });
    expect(m.doc.receptors?.map((r) => r.modulator)).toEqual(['DA', 'DA']);
    expect(m.putModulator('DA', null)).toMatchObject({ ok: true });
    expect(m.doc.modulators?.map((x) => x.name)).toEqual(['serotonin']);
    expect(m.doc.receptors).toEqual([]);
    m.undo();
    m.undo();
    m.undo();
    expect(m.doc).toEqual(doc());
  });
  it('modulator fields out of range and unknown releasers are refused with the range or the missing neuron', () => {
    const m = editor();
    expect(m.putModulator('dopamine', { name: 'dopamine', from: ['CEP'], release: 1, clearanceMs: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('clearanceMs of modulator "dopamine": 0 ms is out of range; allowed: 1 .. 10000000 ms'),
    });
    expect(m.putModulator('dopamine', { name: 'dopamine', from: ['PDE'], release: 1, clearanceMs: 10 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown neuron "PDE"'),
    });
    expect(m.putModulator(undefined, { name: '5-HT', from: [], release: 1, clearanceMs: 10 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('starting with a letter'),
    });
  });
  it('receptors: add, change the sign, remove; an undeclared modulator or a gain out of range is refused', () => {
    const m = editor();
    expect(m.putReceptor(undefined, { neuron: 'CEP', modulator: 'dopamine', effect: 'plasticity', gain: 2 })).toMatchObject({ ok: true });
    expect(m.putReceptor(2, { neuron: 'CEP', modulator: 'dopamine', effect: 'plasticity', gain: -2 })).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[2]).toEqual({ neuron: 'CEP', modulator: 'dopamine', effect: 'plasticity', gain: -2 });
    expect(m.putReceptor(undefined, { neuron: 'CEP', modulator: 'serotonin', effect: 'gain', gain: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('declared: dopamine'),
    });
    expect(m.putReceptor(0, { neuron: 'AVB', modulator: 'dopamine', effect: 'gain', gain: 1e5 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('-10000 .. 10000'),
    });
    expect(m.putReceptor(0, null)).toMatchObject({ ok: true });
    expect(m.doc.receptors).toHaveLength(2);
  });
  it('an adapting receptor keeps its adaptation through edits; out of range it is refused with the range', () => {
    const m = editor();
    const dop1 = { neuron: 'CEP', modulator: 'dopamine', effect: 'plasticity' as const, gain: 300, adaptation: 0.995, adaptationMs: 20_000 };
    expect(m.putReceptor(undefined, dop1)).toMatchObject({ ok: true });
    expect(m.putReceptor(2, { ...dop1, gain: 200 })).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[2]).toEqual({ ...dop1, gain: 200 });
    expect(m.putReceptor(2, { ...dop1, adaptation: 2 })).toMatchObject({ ok: false, message: expect.stringContaining('0 .. 1') });
  });
  it('the receptor card’s adaptation: a value makes the receptor adapt with a time constant the file needs; 0 removes both; each one undo step', () => {
    const m = editor();
    const dop3 = m.doc.receptors?.[0];
    if (!dop3) throw new Error('fixture has a receptor');
    expect(m.putReceptor(0, withAdaptation(dop3, 0.9))).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[0]).toEqual({ ...dop3, adaptation: 0.9, adaptationMs: DEFAULT_ADAPTATION_MS });
    const adapting = m.doc.receptors?.[0] ?? dop3;
    expect(m.putReceptor(0, { ...adapting, adaptationMs: 5000 })).toMatchObject({ ok: true });
    // A new value keeps the time constant the player set.
    expect(m.putReceptor(0, withAdaptation(m.doc.receptors?.[0] ?? dop3, 0.5))).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[0]).toEqual({ ...dop3, adaptation: 0.5, adaptationMs: 5000 });
    expect(m.putReceptor(0, withAdaptation(m.doc.receptors?.[0] ?? dop3, 0))).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[0]).toEqual(dop3);
    m.undo();
    expect(m.doc.receptors?.[0]).toEqual({ ...dop3, adaptation: 0.5, adaptationMs: 5000 });
    m.undo();
    m.undo();
    m.undo();
    expect(m.doc).toEqual(doc());
  });
  it('committing a receptor unchanged is no edit: one undo step takes back the real change (a field’s Enter then blur committed it twice, and Undo took back only the empty second step)', () => {
    const m = editor();
    const dop3 = m.doc.receptors?.[0];
    if (!dop3) throw new Error('fixture has a receptor');
    const changed = { ...dop3, gain: -2 };
    expect(m.putReceptor(0, changed)).toMatchObject({ ok: true });
    expect(m.putReceptor(0, { ...changed })).toMatchObject({ ok: true });
    m.undo();
    expect(m.doc).toEqual(doc());
  });
  it('adaptation out of range, junk, or half of the pair is refused with the field, the range and the fix; nothing changes', () => {
    const m = editor();
    const dop3 = m.doc.receptors?.[0];
    if (!dop3) throw new Error('fixture has a receptor');
    expect(m.putReceptor(0, withAdaptation(dop3, 1.5))).toMatchObject({
      ok: false,
      message: expect.stringContaining('adaptation of the dopamine receptor on "AVB": 1.5 is out of range; allowed: 0 .. 1'),
    });
    expect(m.putReceptor(0, withAdaptation(dop3, Number.NaN))).toMatchObject({
      ok: false,
      message: expect.stringContaining('adaptation of the dopamine receptor'),
    });
    expect(m.putReceptor(0, { ...dop3, adaptation: 0.5, adaptationMs: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('adaptation time of the dopamine receptor on "AVB": 0 ms is out of range; allowed: 1 .. 10000000 ms'),
    });
    expect(m.putReceptor(0, { ...dop3, adaptation: 0.5 })).toMatchObject({ ok: false, message: expect.stringContaining('give "adaptationMs"') });
    expect(m.doc).toEqual(doc());
  });
  it('what adaptation means, in one line: none, or how strongly a held level acts and over what time', () => {
    const dop1 = { neuron: 'CEP', modulator: 'dopamine', effect: 'plasticity' as const, gain: 300 };
    expect(adaptationText(dop1)).toBe('does not adapt: a sustained level acts as fully as a brief rise');
    expect(adaptationText({ ...dop1, adaptation: 0.995, adaptationMs: 20_000 })).toBe(
      'adapts: a level held well beyond 20 s acts 0.5 % as strongly as a brief rise (it reads C − 0.995 × C’s mean over 20 s)',
    );
    expect(adaptationText({ ...dop1, adaptation: 0.5, adaptationMs: 250 })).toMatch(/acts 50 % as strongly .* over 250 ms/);
  });
  it('receptor channels: a reversal and match point in mV on an excitability receptor; out of range refused with the range; another effect drops them', () => {
    const m = editor();
    const dop3 = { neuron: 'AVB', modulator: 'dopamine', effect: 'excitability' as const, gain: -1 };
    expect(m.putReceptor(0, { ...dop3, reversalMv: -80, matchMv: -50 })).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[0]).toEqual({ ...dop3, reversalMv: -80, matchMv: -50 });
    expect(m.putReceptor(0, { ...dop3, reversalMv: -300 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/reversal of the dopamine receptor on "AVB": -300 mV is out of range; allowed: -120 .. 60 mV/),
    });
    expect(m.putReceptor(0, { ...dop3, reversalMv: -80, matchMv: 100 })).toMatchObject({ ok: false, message: expect.stringContaining('match point') });
    expect(m.putReceptor(0, { ...dop3, effect: 'gain', reversalMv: -80, matchMv: -50 })).toMatchObject({ ok: true });
    expect(m.doc.receptors?.[0]).toEqual({ ...dop3, effect: 'gain' });
  });
});
