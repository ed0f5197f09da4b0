/**
 * Spontaneous behaviour off food (issue 14 §3), shared by spontaneous.test.ts
 * and the table in docs/biology.md: the full worm on an open field, no food,
 * nothing touched, its reversals and omega turns counted from the body's pose.
 */
import { OPEN_FIELD, worm } from './measure';

export interface Spontaneous {
  /** Reversals begun in each minute. */
  perMinute: number[];
  omegas: number;
  /** Duration of each reversal that ended, s. */
  durationsS: number[];
}

/** `circuit`: a built-in circuit's name (the default worm unless named). */
export function spontaneous(seed: number, minutes: number, ablate: readonly string[] = [], circuit = 'worm'): Spontaneous {
  const { sim, events } = worm(circuit, seed, 'agar', OPEN_FIELD);
  for (const id of ablate) sim.ablate(id);
  const perMinute: number[] = [];
  const count = () => events.filter((e) => e.type === 'reversal-start').length;
  for (let m = 0; m < minutes; m++) {
    const n0 = count();
    sim.run(60_000);
    perMinute.push(count() - n0);
  }
  const durationsS: number[] = [];
  for (const s of events) {
    if (s.type !== 'reversal-start') continue;
    const e = events.find((x) => x.type === 'reversal-end' && x.timeMs > s.timeMs);
    if (e) durationsS.push((e.timeMs - s.timeMs) / 1000);
  }
  return { perMinute, omegas: events.filter((e) => e.type === 'omega-turn').length, durationsS };
}
