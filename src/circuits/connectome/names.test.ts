import { describe, expect, it } from 'vitest';
import { muscleBoundary, muscleSide, muscleSpan } from './body-map';
import { classifyName, similarKnown } from './names';
import { KNOWN_NEURONS, NEURON_CLASSES, NUMBERED_CLASSES } from './neuron-classes';

describe('the neuron class table', () => {
  it('holds the 302 neurons of the hermaphrodite in 118 classes, each name once', () => {
    expect(NEURON_CLASSES.length).toBe(118);
    const all = NEURON_CLASSES.flatMap((c) => c.members);
    expect(all.length).toBe(302);
    expect(new Set(all).size).toBe(302);
    expect(KNOWN_NEURONS.size).toBe(302);
  });

  it('has the ventral-cord motor neurons numbered in two digits, 75 in all', () => {
    expect(Object.fromEntries(NUMBERED_CLASSES)).toEqual({ AS: 11, DA: 9, DB: 7, DD: 6, VA: 12, VB: 11, VC: 6, VD: 13 });
    expect(KNOWN_NEURONS.has('DA01')).toBe(true);
    expect(KNOWN_NEURONS.has('VD13')).toBe(true);
    expect(KNOWN_NEURONS.has('DA1')).toBe(false);
  });

  it('gives the 26 GABA neurons (DD, VD, RME, AVL, DVB, RIS) GABA, and the touch cells and command neurons their roles', () => {
    const gaba = [...KNOWN_NEURONS.values()].filter((n) => n.class.transmitter === 'GABA').map((n) => n.id);
    expect(gaba.length).toBe(26);
    expect(gaba).toEqual(expect.arrayContaining(['DD01', 'VD13', 'RMED', 'RMEV', 'AVL', 'DVB', 'RIS']));
    const role = (id: string) => KNOWN_NEURONS.get(id)!.class.role;
    expect(['ALML', 'AVM', 'PLMR', 'PVDL', 'ASHL', 'ASEL', 'AFDR'].map(role)).toEqual(Array(7).fill('sensory'));
    expect(['AVAL', 'AVBR', 'AVDL', 'PVCR', 'AIYL', 'RIS'].map(role)).toEqual(Array(6).fill('inter'));
    expect(['DA01', 'VB11', 'DD06', 'VD01', 'AS11', 'SMDVL', 'RMEV'].map(role)).toEqual(Array(7).fill('motor'));
  });
});

describe('classifyName', () => {
  it('writes ventral-cord motor neurons with two digits whatever the table wrote', () => {
    for (const name of ['DA1', 'DA01', 'da1', ' DA001 ']) expect(classifyName(name)).toMatchObject({ kind: 'neuron', id: 'DA01' });
    expect(classifyName('VC6')).toMatchObject({ kind: 'neuron', id: 'VC06' });
    expect(classifyName('AS11')).toMatchObject({ kind: 'neuron', id: 'AS11' });
  });

  it('matches known neurons without regard to case and leaves other digits alone', () => {
    expect(classifyName('aval')).toMatchObject({ kind: 'neuron', id: 'AVAL' });
    expect(classifyName('IL1DL')).toMatchObject({ kind: 'neuron', id: 'IL1DL' });
    expect(classifyName('M2L')).toMatchObject({ kind: 'neuron', id: 'M2L' });
    expect(classifyName('I1R')).toMatchObject({ kind: 'neuron', id: 'I1R' });
  });

  it('reads White (MDL05) and Cook (dBWML5) body-wall muscle names', () => {
    expect(classifyName('MDL05')).toEqual({ kind: 'muscle', quadrant: 'DL', number: 5, name: 'MDL05' });
    expect(classifyName('MVR24')).toMatchObject({ kind: 'muscle', quadrant: 'VR', number: 24 });
    expect(classifyName('dBWMR1')).toMatchObject({ kind: 'muscle', quadrant: 'DR', number: 1 });
    expect(classifyName(' vBWML23 ')).toMatchObject({ kind: 'muscle', quadrant: 'VL', number: 23 });
    expect(classifyName('MDL25')).toMatchObject({ kind: 'invalid' });
    expect(classifyName('MDL00')).toMatchObject({ kind: 'invalid' });
  });

  it('knows the other cells of Cook 2019 and the NeuronsToMuscle sheet', () => {
    for (const name of ['pm1d', 'pm3vl', 'mc2dr', 'hyp', 'intestine', 'intL', 'sph', 'anal', 'um1aL', 'vm2pR', 'MANAL', 'MVULVA', 'NMJ', 'GLRDL', 'CEPshDL']) {
      expect(classifyName(name).kind, name).toBe('other');
    }
    // Neurons whose names look a little like those cells.
    for (const name of ['MCL', 'MI', 'M1', 'I2L']) expect(classifyName(name).kind, name).toBe('neuron');
  });

  it('keeps an unknown but usable name as an unknown neuron, and refuses names that cannot be ids', () => {
    const c = classifyName('myNeuron');
    expect(c).toEqual({ kind: 'neuron', id: 'myNeuron' });
    expect(classifyName('DA10')).toEqual({ kind: 'neuron', id: 'DA10' });
    expect(classifyName('AV AL')).toMatchObject({ kind: 'invalid' });
    expect(classifyName('')).toMatchObject({ kind: 'invalid', why: 'the name is empty' });
    expect(classifyName('-x')).toMatchObject({ kind: 'invalid' });
  });

  it('similarKnown suggests a neuron one edit away', () => {
    expect(similarKnown('AVAX')).toMatch(/^AVA[LR]$/);
    expect(similarKnown('ALMLL')).toBe('ALML');
    expect(similarKnown('QQQQ')).toBeUndefined();
  });
});

describe('the body map', () => {
  it('puts dorsal muscles on the left row and ventral on the right', () => {
    expect(muscleSide('DL')).toBe('left');
    expect(muscleSide('DR')).toBe('left');
    expect(muscleSide('VL')).toBe('right');
    expect(muscleSide('VR')).toBe('right');
  });

  it('spreads muscles 1..24 over the body, head to tail, sharing boundaries', () => {
    expect(muscleSpan(1)).toEqual({ from: 0, to: 0.0417 });
    expect(muscleSpan(12)).toEqual({ from: 0.4583, to: 0.5 });
    expect(muscleSpan(24)).toEqual({ from: 0.9583, to: 1 });
    for (let k = 1; k < 24; k++) expect(muscleSpan(k).to).toBe(muscleSpan(k + 1).from);
    expect(muscleBoundary(25)).toBe(1);
  });
});
