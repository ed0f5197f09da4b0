import { describe, expect, test } from 'vitest';
import { ActivityLevels, selectActiveEdges } from './activity';
import { buildCircuitView } from './circuit-view';

describe('ActivityLevels', () => {
  test('counts only neurons whose quantised level changed', () => {
    const a = new ActivityLevels(3, 8);
    expect(a.update([0, 0.5, 1], null, 16)).toBe(2);
    expect(a.update([0.01, 0.52, 1], null, 16)).toBe(0);
    expect(a.update([0.3, 0.52, 1], null, 16)).toBe(1);
    expect(Array.from(a.level)).toEqual([2, 4, 8]);
  });

  test('a spike flashes to full level and fades over flashMs', () => {
    const a = new ActivityLevels(1, 8, 100);
    a.update([0], [1], 16);
    expect(a.level[0]).toBe(8);
    a.update([0], [0], 50);
    expect(a.level[0]).toBe(4);
    a.update([0], [0], 60);
    expect(a.level[0]).toBe(0);
  });

  test('NaN output draws as dark', () => {
    const a = new ActivityLevels(1);
    a.update([NaN], null, 16);
    expect(a.level[0]).toBe(0);
  });
});

describe('selectActiveEdges', () => {
  const v = buildCircuitView(
    ['a', 'b', 'c'],
    ['inter', 'inter', 'inter'],
    [
      { pre: 0, post: 1, kind: 0, sign: 1, weight: 1 },
      { pre: 1, post: 2, kind: 0, sign: 1, weight: 1 },
      { pre: 1, post: 0, kind: 0, sign: 1, weight: 1 },
      { pre: 2, post: 0, kind: 1, sign: 0, weight: 1 },
    ],
  );
  test('brightest presynaptic neurons first, silent ones never', () => {
    const out = new Int32Array(10);
    const n = selectActiveEdges(new Uint8Array([3, 8, 0]), 8, v.preStart, 1, 10, out);
    expect(Array.from(out.subarray(0, n)).map((e) => v.pre[e])).toEqual([1, 1, 0]);
  });
  test('respects the cap and the minimum level', () => {
    const out = new Int32Array(10);
    expect(selectActiveEdges(new Uint8Array([3, 8, 8]), 8, v.preStart, 1, 2, out)).toBe(2);
    expect(selectActiveEdges(new Uint8Array([3, 8, 8]), 8, v.preStart, 4, 10, out)).toBe(3);
  });
});
