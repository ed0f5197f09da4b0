/**
 * The habituation experiment shared by the two habituation test files (split
 * so each file stays fast): 30 plate taps 5 s apart, then 60 s of rest and
 * one more tap; the response to each tap is the distance reversed in 3 s.
 * On an open field: on the 10 mm plate the worm reached the rim by the 9th tap
 * and its wall reversals were read as tap responses.
 */
import { backwardMm, OPEN_FIELD, worm } from './measure';

export function tapTrain(seed: number): { responses: number[]; rested: number } {
  const { sim } = worm('habituation', seed, 'agar', OPEN_FIELD);
  sim.run(5000);
  const responses: number[] = [];
  for (let k = 0; k < 30; k++) {
    sim.tapPlate(1);
    responses.push(backwardMm(sim, 3000));
    sim.run(2000);
  }
  sim.run(60_000);
  sim.tapPlate(1);
  return { responses, rested: backwardMm(sim, 3000) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** First three, last three responses and the rested one (mm). */
export function summary(r: { responses: number[]; rested: number }): { first: number; last: number; rested: number } {
  return { first: mean(r.responses.slice(0, 3)), last: mean(r.responses.slice(-3)), rested: r.rested };
}
