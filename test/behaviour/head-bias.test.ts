/**
 * A steady bias on one side of the head (what chemotaxis steering does
 * through SMB → RMD) makes the head dwell on that side; it must not freeze
 * the head oscillator. Before the SMD timers also tired their own side
 * (GAIT.timerFatigue, locomotion.ts), the biased side stayed on until its
 * timer filled and switched the other side on too; both timers then filled
 * and both RMDs stayed on for good, the body wave frozen (the full worm
 * stalled ~4 mm from the lawn in "Follow your nose", seeds 1, 2 and 4).
 */
import { describe, expect, it } from 'vitest';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { SENSES } from '../../src/circuits/builtin/senses';
import { createSimulation } from '../../src/sim/simulation';
import { SEEDS } from './measure';

/** Head sides' co-activation, flips, dwell on the unbiased side and distance crawled over 30 s, RMDD biased by `biasPa` (after 10 s). */
function biased(seed: number, biasPa: number) {
  const sim = createSimulation({ circuit: 'locomotion', seed });
  const ids = sim.neuronIds;
  const d = ids.indexOf('RMDD');
  const v = ids.indexOf('RMDV');
  // A constant current on top of RMDD's own drive, as SMB's output onto it (senses.ts: SMB → RMD).
  sim.setNeuronParam('RMDD', 'tonicPa', GAIT.headTonicPa + biasPa);
  sim.run(10_000);
  let both = 0;
  let ventral = 0;
  let flips = 0;
  let last = 0;
  const [x0, y0] = sim.headPosition();
  const steps = 30_000 / sim.physicsStepMs;
  for (let k = 0; k < steps; k++) {
    sim.step();
    const o = sim.telemetry().output;
    if (o[d] > 0.5 && o[v] > 0.5) both++;
    const side = o[d] > 0.5 && o[v] < 0.5 ? 1 : o[v] > 0.5 && o[d] < 0.5 ? -1 : 0;
    if (side === -1) ventral++;
    if (side !== 0 && last !== 0 && side !== last) flips++;
    if (side !== 0) last = side;
  }
  const [x1, y1] = sim.headPosition();
  return { both: both / steps, ventral: ventral / steps, flips, mm: Math.hypot(x1 - x0, y1 - y0) };
}

// Unbiased, 5 seeds: both 0, 31–32 flips, 2.4–3.2 mm in 30 s.
describe('a steady steering bias does not freeze the head', () => {
  it.each(SEEDS)('seed %i: half of full SMB steering on RMDD: the head dwells on that side but alternates, and the worm crawls on', (seed) => {
    const r = biased(seed, 0.5 * SENSES.smbToRmd);
    const summary = JSON.stringify(r);
    // Before the fix: both sides on 57–87 % of the time, 0.05–0.66 mm crawled. After: ~1 %, 2.9–3.6 mm.
    expect(r.both, summary).toBeLessThan(0.05);
    expect(r.ventral, summary).toBeGreaterThan(0.3);
    expect(r.flips, summary).toBeGreaterThanOrEqual(20);
    expect(r.mm, summary).toBeGreaterThan(2);
  });

  it.each(SEEDS)('seed %i: full SMB steering on RMDD: the head still alternates (it does not lock with both sides on)', (seed) => {
    const r = biased(seed, SENSES.smbToRmd);
    const summary = JSON.stringify(r);
    // Before the fix: both sides on 100 % of the time, no flip, 0.16–0.18 mm. After: 8–11 %, 81–108 flips (the
    // head flicks: a saturated bias is what compareTauMs in senses.ts smooths away), 0.8–1.3 mm.
    expect(r.both, summary).toBeLessThan(0.25);
    expect(r.ventral, summary).toBeGreaterThan(0.2);
    expect(r.flips, summary).toBeGreaterThanOrEqual(10);
    expect(r.mm, summary).toBeGreaterThan(0.5);
  });
});
