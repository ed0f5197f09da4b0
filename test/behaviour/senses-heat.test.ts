/**
 * Proof: thermal avoidance, default noise. On the hot-zone arena, worms
 * started 1.75 mm from the 28 °C band and heading into it (5 starts, both
 * sides) mostly keep out of it; with AFD cut they mostly walk in.
 */
import { describe, expect, it } from 'vitest';
import { mean, runWorm, type Start } from './senses-runs';

const DURATION_MS = 40_000;
/** A run "avoids" the zone when its nose spends less than this fraction of the run inside. */
const AVOIDED = 0.2;

describe('thermal avoidance (hot-zone arena, 5 starts, default noise)', () => {
  const STARTS: Start[] = [
    { x: 3, y: 1.5, heading: 0 },
    { x: 3, y: 3, heading: 0 },
    { x: 3, y: 4.5, heading: 0 },
    { x: 9, y: 2, heading: Math.PI },
    { x: 9, y: 4, heading: Math.PI },
  ];
  it('keeps out of the hot zone in most runs, and better than with AFD cut', () => {
    const run = (ablate: readonly string[]) =>
      STARTS.map((start, i) => runWorm({ circuit: 'thermotaxis', arena: 'hot-zone', seed: i + 1, start, durationMs: DURATION_MS, ablate, zone: 'hot' }));
    const intact = run([]);
    const cut = run(['AFDL', 'AFDR']);
    const avoided = (rs: typeof intact) => rs.filter((r) => r.zoneFraction < AVOIDED).length;
    const summary = {
      intactInZone: intact.map((r) => +r.zoneFraction.toFixed(2)),
      cutInZone: cut.map((r) => +r.zoneFraction.toFixed(2)),
      intactAvoided: avoided(intact),
      cutAvoided: avoided(cut),
    };
    console.log('heat', JSON.stringify(summary));
    expect(summary.intactAvoided, JSON.stringify(summary)).toBeGreaterThanOrEqual(3);
    expect(summary.intactAvoided, JSON.stringify(summary)).toBeGreaterThan(summary.cutAvoided);
    expect(mean(intact.map((r) => r.zoneFraction)), JSON.stringify(summary)).toBeLessThan(mean(cut.map((r) => r.zoneFraction)));
  });
});
