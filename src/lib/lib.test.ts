import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';
import { naturalCompare } from './natural-compare';

describe('naturalCompare', () => {
  it('orders digit runs as numbers and the rest by code unit, whatever the locale', () => {
    expect(['DA10', 'DA2', 'AVAR', 'AVAL', 'DA01'].sort(naturalCompare)).toEqual(['AVAL', 'AVAR', 'DA01', 'DA2', 'DA10']);
    expect(['VA10', 'VA9', 'VA1'].sort(naturalCompare)).toEqual(['VA1', 'VA9', 'VA10']);
    // Code units, not a locale's case folding: upper case sorts before lower case.
    expect(['ava', 'AVB', 'AVA'].sort(naturalCompare)).toEqual(['AVA', 'AVB', 'ava']);
    expect(naturalCompare('X', 'X')).toBe(0);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const v = { a: [{ b: 1 }], c: { d: [2] } };
    expect(deepFreeze(v)).toBe(v);
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(Object.isFrozen(v.c.d)).toBe(true);
    expect(() => {
      (v.c.d as number[]).push(3);
    }).toThrow(TypeError);
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze(3)).toBe(3);
  });
});
