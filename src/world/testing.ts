/**
 * Test support only (never imported by simulation code): a small seeded
 * generator (mulberry32) standing in for the project's RNG, which the
 * simulation passes to World as `makeRand`; and the arena the odour tests
 * pinned bit for bit before odours had names (main at 98d4708).
 */
export function seededRand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Food, a point source and a fixed gradient on a small plate: the odour tests' pinned arena file. */
export const PINNED_ODOUR_ARENA = {
  name: 'pin',
  plate: { shape: 'rect', size: [8, 6] },
  food: [{ at: [6, 3], radius: 0.5, emission: 0.3, eatRate: 0.5 }],
  chemicals: {
    start: 'empty',
    sources: [{ at: [2, 1.5], radius: 0.3, emission: 0.2 }],
    gradients: [{ type: 'linear', from: [0, 0], to: [8, 0], fromValue: 0, toValue: 0.01 }],
  },
  start: { at: [3.2, 3], headingDeg: 0 },
} as const;
