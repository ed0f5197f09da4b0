/** Body fractions (0 nose .. 1 tail) to segment indices, shared by every controller. */

/** Segments whose centres lie in [from, to]; never empty: a range narrower than a segment picks the nearest one. */
export function segmentsInRange(from: number, to: number, segments: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < segments; i++) {
    const c = (i + 0.5) / segments;
    if (c >= from && c <= to) out.push(i);
  }
  if (out.length === 0) out.push(segmentAt((from + to) / 2, segments));
  return out;
}

/** The segment containing body fraction f. */
export function segmentAt(f: number, segments: number): number {
  return Math.min(segments - 1, Math.max(0, Math.floor(f * segments)));
}
