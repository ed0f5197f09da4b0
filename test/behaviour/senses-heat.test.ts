/**
 * Proof: thermal avoidance, default noise. On the hot-zone arena, worms
 * started 1.75 mm from the 28 °C band and heading into it (5 starts, both
 * sides) mostly keep out of it; with AFD cut they mostly walk in.
 */
import { describe, expect, it } from 'vitest';
import { mean, PROOF_TIMEOUT_MS, runWorm, type Start } from './senses-runs';

const DURATION_MS = 40_000;
/**
 * A run avoids the hot zone when the nose never meets the full heat: the band
 * rises 20 → 28 °C over its 0.5 mm edge; 27.8 °C is ~0.1 mm short of the
 * plateau. Feeling the edge and backing off counts as avoiding; walking in
 * does not.
 */
const AVOIDED_BELOW_C = 27.8;

describe('thermal avoidance (hot-zone arena, 5 starts, default noise)', () => {
  const STARTS: Start[] = [
    { x: 3, y: 1.5, heading: 0 },
    { x: 3, y: 3, heading: 0 },
    { x: 3, y: 4.5, heading: 0 },
    { x: 9, y: 2, heading: Math.PI },
    { x: 9, y: 4, heading: Math.PI },
  ];
  it(
    'backs off before the full heat in most runs, and spends less time in the band than with AFD cut',
    () => {
      const run = (ablate: readonly string[]) =>
        STARTS.map((start, i) => runWorm({ circuit: 'thermotaxis', arena: 'hot-zone', seed: i + 1, start, durationMs: DURATION_MS, ablate, zone: 'hot' }));
      const intact = run([]);
      const cut = run(['AFDL', 'AFDR']);
      const avoided = (rs: typeof intact) => rs.filter((r) => r.maxTemperatureC < AVOIDED_BELOW_C).length;
      const summary = {
        intactMaxC: intact.map((r) => +r.maxTemperatureC.toFixed(1)),
        cutMaxC: cut.map((r) => +r.maxTemperatureC.toFixed(1)),
        intactInZone: intact.map((r) => +r.zoneFraction.toFixed(2)),
        cutInZone: cut.map((r) => +r.zoneFraction.toFixed(2)),
        intactAvoided: avoided(intact),
        cutAvoided: avoided(cut),
      };
      console.log('heat', JSON.stringify(summary));
      expect(summary.intactAvoided, JSON.stringify(summary)).toBeGreaterThanOrEqual(4);
      // Without AFD the same worms spend clearly longer in the band (a cut worm may still miss it by wandering off).
      expect(mean(intact.map((r) => r.zoneFraction)), JSON.stringify(summary)).toBeLessThan(0.7 * mean(cut.map((r) => r.zoneFraction)));
    },
    PROOF_TIMEOUT_MS,
  );
});
