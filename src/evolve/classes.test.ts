import { describe, expect, it } from 'vitest';
import { KNOWN_NEURONS, NEURON_CLASSES } from '../circuits/connectome/neuron-classes';
import { classOf, groupBy, shareKey } from './classes';

describe('neuron classes for sharing', () => {
  it('puts every one of the 302 neurons in its connectome class', () => {
    for (const [id, known] of KNOWN_NEURONS) expect(classOf(id), id).toBe(known.class.name);
  });

  it('reads the built-in circuits’ short names (one cell per class, unpadded numbers)', () => {
    expect(['AVB', 'RMDD', 'RMDV', 'SMDD', 'DB1', 'VB8', 'DA9', 'VA12', 'DD3', 'ALM', 'PLM'].map(classOf)).toEqual([
      'AVB',
      'RMD',
      'RMD',
      'SMD',
      'DB',
      'VB',
      'DA',
      'VA',
      'DD',
      'ALM',
      'PLM',
    ]);
  });

  it('keeps names that are not the worm’s as their own class', () => {
    expect(classOf('first')).toBe('first');
    expect(classOf('ABCL')).toBe('ABCL');
    // A class name that ends like a suffix is the class, not a cell of a shorter one.
    expect(classOf('AVD')).toBe('AVD');
    expect(classOf('AVL')).toBe('AVL');
    expect(classOf('AVDL')).toBe('AVD');
  });

  it('pairs left/right and dorsal/ventral cells but not numbered ones', () => {
    expect(shareKey('AVAL', 'pair')).toBe('AVA');
    expect(shareKey('RMDDL', 'pair')).toBe('RMD');
    expect(shareKey('DB3', 'pair')).toBe('DB3');
    expect(shareKey('DB3', 'class')).toBe('DB');
    expect(shareKey('DB3', 'neuron')).toBe('DB3');
    expect(shareKey('DB3', 'all')).toBe('*');
  });

  it('groups in order of first appearance', () => {
    const g = groupBy(['AVAL', 'DB1', 'AVAR', 'DB2'], 'class');
    expect([...g.entries()]).toEqual([
      ['AVA', ['AVAL', 'AVAR']],
      ['DB', ['DB1', 'DB2']],
    ]);
    expect(
      groupBy(
        NEURON_CLASSES.flatMap((c) => c.members),
        'class',
      ).size,
    ).toBe(NEURON_CLASSES.length);
  });
});
