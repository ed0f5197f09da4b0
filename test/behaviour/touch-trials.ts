/**
 * The touch rows of docs/biology.md's tables, shared by gait-table.ts (the teaching circuits) and worm-table.ts (a
 * whole built-in worm): each trial starts from a settled worm that `start` builds (the tables settle differently) and
 * reads the body's behaviour events only.
 */
import type { Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import { backwardMm } from './measure';

/** A settled worm and the behaviour events it emits from now on (a fresh one each call: trials must not share a worm). */
export type Start = () => { sim: Simulation; events: BehaviourEvent[] };

/** A gentle nose touch: seconds to the reversal's start and the reversal's length (NaN where none, or none ended within 10 s). */
export function anteriorTouch(start: Start): { latency: number; duration: number } {
  const { sim, events } = start();
  const t0 = sim.timeMs;
  sim.poke(0.05, { kind: 'gentle' });
  sim.run(10_000);
  const begun = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
  const end = begun && events.find((e) => e.type === 'reversal-end' && e.timeMs > begun.timeMs);
  return { latency: begun ? (begun.timeMs - t0) / 1000 : Number.NaN, duration: begun && end ? (end.timeMs - begun.timeMs) / 1000 : Number.NaN };
}

/**
 * A nose touch, then 1.2 s later a tail touch (or none): seconds from then until the reversal ends (Infinity if not
 * within 3 s) and the backward travel over those 3 s (mm).
 */
export function tailTouchDuringReversal(start: Start): Record<'alone' | 'touched', { mm: number; endS: number }> {
  const trial = (touch: boolean) => {
    const { sim, events } = start();
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(1200);
    const t1 = sim.timeMs;
    if (touch) sim.poke(0.9, { kind: 'gentle' });
    const mm = backwardMm(sim, 3000);
    const end = events.find((e) => e.type === 'reversal-end' && e.timeMs >= t1);
    return { mm, endS: end ? (end.timeMs - t1) / 1000 : Number.POSITIVE_INFINITY };
  };
  return { alone: trial(false), touched: trial(true) };
}

/** A harsh poke near the nose: seconds to the first omega turn after it (NaN if none within 12 s). */
export function harshOmega(start: Start): number {
  const { sim, events } = start();
  const t0 = sim.timeMs;
  sim.poke(0.1, { kind: 'harsh', force: 1 });
  sim.run(12_000);
  const omega = events.find((e) => e.type === 'omega-turn' && e.timeMs > t0);
  return omega ? (omega.timeMs - t0) / 1000 : Number.NaN;
}
