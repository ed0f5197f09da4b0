import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArenaError } from './errors';
import { ODOUR_NAMES } from './odours';
import { parseArena } from './parse';
import { PINNED_ODOUR_ARENA, seededRand } from './testing';
import { World } from './world';

const plate = { name: 'two odours', plate: { shape: 'rect', size: [10, 6] }, start: { at: [5, 3] } };
const world = (doc: object): World => new World(parseArena({ ...plate, ...doc }, 'odours.json'), { makeRand: seededRand });

describe('named odours', () => {
  it('keeps each odour in its own field: a butanone source does not smell of food, nor food of butanone', () => {
    const w = world({
      food: [{ at: [8, 3], radius: 0.5 }],
      chemicals: { sources: [{ at: [2, 3], radius: 0.3, emission: 0.2, odour: 'butanone' }] },
    });
    expect(w.concentration(2, 3, 'butanone')).toBeGreaterThan(0.05);
    expect(w.concentration(8, 3, 'butanone')).toBeLessThan(w.concentration(2, 3, 'butanone') / 3);
    expect(w.concentration(8, 3)).toBeGreaterThan(0.05);
    expect(w.concentration(2, 3, 'food')).toBeLessThan(w.concentration(8, 3) / 3);
    expect(w.concentration(5, 3, 'diacetyl')).toBe(0);
  });

  it('gives two sources of two odours equal fields mirrored about the middle', () => {
    const w = world({
      chemicals: {
        sources: [
          { at: [2, 3], radius: 0.3, emission: 0.2, odour: 'diacetyl' },
          { at: [8, 3], radius: 0.3, emission: 0.2, odour: 'isoamyl-alcohol' },
        ],
      },
    });
    for (const x of [1, 2.5, 4, 4.9]) expect(w.concentration(x, 3, 'diacetyl')).toBeCloseTo(w.concentration(10 - x, 3, 'isoamyl-alcohol'), 6);
  });

  it('lets food dropped at run time carry an odour, which diffuses from the next field update', () => {
    const w = world({ chemicals: { start: 'empty' } });
    w.addFood(3, 3, 1, { odour: 'benzaldehyde' });
    w.step(2000);
    expect(w.concentration(3, 3, 'benzaldehyde')).toBeGreaterThan(0);
    expect(w.concentration(3, 3)).toBe(0);
    expect(() => w.addFood(4, 3, 1, { odour: 'bananas' as never })).toThrow(
      /addFood: unknown odour "bananas"; the known odours are "food", .*"isoamyl-alcohol"/,
    );
    expect(() => w.concentration(3, 3, 'bananas')).toThrow(/unknown odour "bananas"/);
  });

  it('refuses an unknown odour name in an arena file, naming the field, the known odours and the nearest', () => {
    let error: unknown;
    try {
      parseArena({ ...plate, chemicals: { sources: [{ at: [2, 3], emission: 0.2, odour: 'butanon' }] } }, 'odours.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArenaError);
    const msg = (error as Error).message;
    expect(msg).toContain('odours.json');
    expect(msg).toMatch(/chemicals\.sources\[0\]\.odour/);
    expect(msg).toContain('unknown odour "butanon" (did you mean "butanone"?)');
    for (const name of ODOUR_NAMES) expect(msg).toContain(JSON.stringify(name));
  });

  // Recorded before odours had names (main at 98d4708): food, a point source, a fixed gradient, food dropped and eaten.
  it('leaves the default odour bit for bit as it was', () => {
    const w = new World(parseArena(PINNED_ODOUR_ARENA), { makeRand: seededRand });
    const h = createHash('sha256');
    for (let t = 0; t < 40; t++) {
      w.step(125);
      if (t === 20) w.addFood(4, 4.5, 1);
      w.eat(6, 3, 125);
      for (const [x, y] of [
        [1, 1],
        [2, 1.6],
        [4.7, 3],
        [5.8, 3.1],
        [4, 4],
      ])
        h.update(new Float64Array([w.concentration(x, y)]));
    }
    expect(h.digest('hex').slice(0, 16)).toBe('c3c4ae6ac04db5e5');
  });
});
