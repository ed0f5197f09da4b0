/**
 * A motor unit's stretch of the body, read from a simulation's arrays: joint j (1..nSeg−2, `kappa[j − 1]`) sits at body
 * fraction j / (nSeg − 1), segment i at (i + 0.5) / nSeg; a span is [from, to).
 */

/** The mean curvature of the joints inside the span (0 if none). */
export function spanBend(kappa: ArrayLike<number>, nSeg: number, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < kappa.length; j++) {
    const x = (j + 1) / (nSeg - 1);
    if (x >= from && x < to) {
      sum += kappa[j];
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** The mean of left − right muscle activation over the segments inside the span (`muscles`: left 0..nSeg−1, then right). */
export function spanMuscleSide(muscles: ArrayLike<number>, nSeg: number, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let seg = 0; seg < nSeg; seg++) {
    const x = (seg + 0.5) / nSeg;
    if (x >= from && x < to) {
      sum += muscles[seg] - muscles[nSeg + seg];
      n++;
    }
  }
  return n ? sum / n : 0;
}
