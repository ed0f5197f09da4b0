import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rangeTable } from '../text/ranges';
import { parseArena } from './parse';
import { ARENA_RANGES } from './ranges';

const doc = readFileSync(new URL('../../docs/world.md', import.meta.url), 'utf8');

describe('docs/world.md', () => {
  it('prints the ranges the arena schema checks, from the same table', () => {
    expect(doc).toContain(rangeTable(ARENA_RANGES));
  });

  it('the schema holds numbers to them: far outside physics is refused, NaN too', () => {
    const arena = (extra: object) => ({ name: 'x', plate: { shape: 'dish', diameter: 10 }, start: { at: [5, 5] }, ...extra });
    expect(() => parseArena(arena({ food: [{ at: [5, 5], amount: 1e308 }] }))).toThrow(/food\[0\]\.amount: must be ≤ 100 \(got 1e\+308\)/);
    expect(() => parseArena(arena({ temperature: { spots: [{ at: [5, 5], radius: 1, deltaC: 1e308 }] } }))).toThrow(
      /temperature\.spots\[0\]\.deltaC: must be ≤ 50/,
    );
    expect(() => parseArena(arena({ plate: { shape: 'dish', diameter: Number.NaN } }))).toThrow(/plate\.diameter: expected a number, got NaN/);
  });
});
