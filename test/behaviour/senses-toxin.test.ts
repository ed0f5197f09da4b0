/**
 * Proof: toxin avoidance, default noise. On the toxin-ring arena, worms
 * started at the centre in 5 directions do not cross the copper ring; with
 * ASH and ADL cut they do.
 */
import { describe, expect, it } from 'vitest';
import { PROOF_TIMEOUT_MS, runWorm, type Start } from './senses-runs';

const DURATION_MS = 40_000;

describe('toxin avoidance (toxin-ring arena, 5 headings, default noise)', () => {
  const STARTS: Start[] = [0, 1.3, 2.5, 3.8, 5].map((heading) => ({ x: 6, y: 6, heading }));
  it(
    'does not cross the copper ring in most runs; with ASH and ADL cut it does',
    () => {
      const run = (ablate: readonly string[]) =>
        STARTS.map((start, i) =>
          runWorm({ circuit: 'avoidance', arena: 'toxin-ring', seed: i + 1, start, durationMs: DURATION_MS, ablate, zone: 'copper', goal: 'escaped' }),
        );
      const intact = run([]);
      const cut = run(['ASHL', 'ASHR', 'ADL']);
      const crossed = (rs: typeof intact) => rs.filter((r) => r.reachedGoal).length;
      const summary = {
        intactCrossed: crossed(intact),
        cutCrossed: crossed(cut),
        intactInToxin: intact.map((r) => +r.zoneFraction.toFixed(3)),
        cutInToxin: cut.map((r) => +r.zoneFraction.toFixed(3)),
      };
      console.log('toxin', JSON.stringify(summary));
      expect(summary.intactCrossed, JSON.stringify(summary)).toBeLessThanOrEqual(1);
      expect(summary.cutCrossed, JSON.stringify(summary)).toBeGreaterThanOrEqual(3);
    },
    PROOF_TIMEOUT_MS,
  );
});
