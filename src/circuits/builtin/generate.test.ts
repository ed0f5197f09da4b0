import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { circuitFromDoc, lintCircuit, serializeCircuit } from '../index';
import { builtinDocs } from './generate';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from './index';

describe('built-in circuits', () => {
  const docs = builtinDocs();

  it.each(Object.keys(docs))('%s.json is exactly what generate.ts produces (run `npx tsx src/circuits/builtin/generate.ts` after changing a layer)', (name) => {
    const committed = readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8');
    expect(committed).toBe(serializeCircuit(circuitFromDoc(docs[name], `${name}.json`)));
  });

  it('every generated circuit is registered, and every registered one is generated', () => {
    expect([...BUILTIN_CIRCUIT_NAMES].sort()).toEqual(Object.keys(docs).sort());
  });

  it.each(Object.keys(docs))('%s says what it models and what it simplifies', (name) => {
    const d = getBuiltinCircuit(name).doc.description ?? '';
    expect(d.length).toBeGreaterThan(100);
    expect(d).toMatch(/Simplifi/);
  });

  it('keeps the hooks other layers use: AVA, AVB, RMDD, RMDV in every graded worm; FIRST and SECOND in the seed circuit', () => {
    for (const name of ['locomotion', 'touch-withdrawal', 'habituation', 'worm']) {
      const ids = getBuiltinCircuit(name).network.neurons.map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining(['AVA', 'AVB', 'RMDD', 'RMDV']));
    }
    expect(getBuiltinCircuit('seed-two-neurons').network.neurons.map((n) => n.id)).toEqual(['FIRST', 'SECOND']);
  });

  it("habituation lives on the touch cells' synapses only where the circuit says so", () => {
    const depressing = (name: string) =>
      getBuiltinCircuit(name)
        .doc.synapses?.filter((s) => s.kind === 'chemical' && s.depression)
        .map((s) => `${s.from}>${s.to}`);
    expect(depressing('habituation')).toEqual(['ALM>AVD', 'AVM>AVD', 'PLM>PVC']);
    expect(depressing('worm')).toEqual(['ALM>AVD', 'AVM>AVD', 'PLM>PVC']);
    expect(depressing('touch-withdrawal')).toEqual([]);
  });

  it('draws no warnings beyond stretch receptors on motor neurons (B- and A-type motor neurons are proprioceptive)', () => {
    for (const name of Object.keys(docs)) {
      const other = lintCircuit(getBuiltinCircuit(name)).filter((w) => !/^sensor bound to .* whose role is "motor"/.test(w.message));
      expect(other, name).toEqual([]);
    }
  });
});
