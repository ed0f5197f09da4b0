/**
 * The habituation experiment of habituation-train.test.ts: 30 plate taps 5 s apart, then 2 min of rest and
 * one more tap; the response to each tap is the distance reversed in 3 s.
 * On an open field: on the 10 mm plate the worm reached the rim by the 9th tap
 * and its wall reversals were read as tap responses.
 */
import { backwardMm, OPEN_FIELD, worm } from './measure';

/**
 * Rest before the recovery tap. 60 s until the two-pool rule (issue 19): after 30 taps at 5 s the fast
 * pool (τ 30 s) is still short a minute later (3 of 5 worms under 0.6 of the first: 0.47–0.55); real worms trained at
 * short intervals take minutes to recover (Rankin & Broster 1992).
 */
export const REST_MS = 120_000;

export function tapTrain(seed: number): { responses: number[]; rested: number } {
  const { sim } = worm('habituation', seed, 'agar', OPEN_FIELD);
  sim.run(5000);
  const responses: number[] = [];
  for (let k = 0; k < 30; k++) {
    sim.tapPlate(1);
    responses.push(backwardMm(sim, 3000));
    sim.run(2000);
  }
  sim.run(REST_MS);
  sim.tapPlate(1);
  return { responses, rested: backwardMm(sim, 3000) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** First three, last three responses and the rested one (mm). */
export function summary(r: { responses: number[]; rested: number }): { first: number; last: number; rested: number } {
  return { first: mean(r.responses.slice(0, 3)), last: mean(r.responses.slice(-3)), rested: r.rested };
}
