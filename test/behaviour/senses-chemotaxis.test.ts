/**
 * Proof: chemotaxis. On the food-gradient arena, from 5 starting positions
 * about 3 mm from the food (each side-on to it, the food on the worm's left
 * or right), the chemotaxis circuit ends closer to the food than the same
 * circuit with its chemosensors cut (ASEL, ASER, AWAL, AWAR ablated).
 * Default neural noise; one seed per start.
 */
import { describe, expect, it } from 'vitest';
import { mean, PROOF_TIMEOUT_MS, runWorm, type Start } from './senses-runs';

const STARTS: Start[] = [
  { x: 5.5, y: 6, heading: -Math.PI / 2 },
  { x: 9, y: 2.5, heading: Math.PI },
  { x: 9, y: 9.5, heading: 0 },
  { x: 6.5, y: 3.5, heading: Math.PI * 0.75 },
  { x: 6.5, y: 8.5, heading: -0.3 },
];
const DURATION_MS = 35_000;
const CHEMOSENSORS = ['ASEL', 'ASER', 'AWAL', 'AWAR'];

describe('chemotaxis (food-gradient arena, 5 starts, default noise)', () => {
  it(
    'brings the worm closer to the food than the same circuit with its chemosensors cut',
    () => {
      const run = (ablate: readonly string[]) =>
        STARTS.map((start, i) =>
          runWorm({ circuit: 'chemotaxis', arena: 'food-gradient', seed: 10 + i, start, durationMs: DURATION_MS, ablate, goal: 'at-food' }),
        );
      const intact = run([]);
      const cut = run(CHEMOSENSORS);
      // Chemotaxis index over the starts: (N closer − N farther) / N, closer or farther than the start.
      const ci = (rs: typeof intact) => rs.reduce((s, r) => s + Math.sign(r.startDistanceMm - r.endDistanceMm), 0) / rs.length;
      const summary = {
        intactEndMm: intact.map((r) => +r.endDistanceMm.toFixed(2)),
        cutEndMm: cut.map((r) => +r.endDistanceMm.toFixed(2)),
        intactCI: ci(intact),
        cutCI: ci(cut),
        intactReached: intact.filter((r) => r.reachedGoal).length,
        cutReached: cut.filter((r) => r.reachedGoal).length,
      };
      console.log('chemotaxis', JSON.stringify(summary));
      expect(mean(intact.map((r) => r.endDistanceMm)), JSON.stringify(summary)).toBeLessThan(mean(cut.map((r) => r.endDistanceMm)) - 1.5);
      expect(summary.intactCI, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.4);
      expect(summary.intactCI - summary.cutCI, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.4);
      expect(summary.intactReached, JSON.stringify(summary)).toBeGreaterThan(summary.cutReached + 1);
    },
    PROOF_TIMEOUT_MS,
  );
});
