/**
 * A still worm for title art and test cards: an undulating centre line (a
 * crawling posture, wavelength ~0.65 body lengths) and the muscle pattern
 * that would hold it. Not a simulation: it never moves.
 */
export function illustrativePose(segments: number, lengthPx: number, amplitudePx: number, x0: number, y0: number, angle = 0): Float64Array {
  const pose = new Float64Array(2 * segments);
  const step = lengthPx / segments;
  const ca = Math.cos(angle);
  const sa = Math.sin(angle);
  // March along the body so the arc length stays ~lengthPx whatever the amplitude.
  let x = 0;
  let y = 0;
  for (let i = 0; i < segments; i++) {
    const s = i / (segments - 1);
    const ny = amplitudePx * Math.sin((2 * Math.PI * s) / 0.65) * (0.55 + 0.45 * s);
    if (i > 0) {
      const dy = ny - y;
      x += Math.sqrt(Math.max(step * step - dy * dy, step * step * 0.2));
    }
    y = ny;
    pose[2 * i] = x0 + x * ca - y * sa;
    pose[2 * i + 1] = y0 + x * sa + y * ca;
  }
  return pose;
}

/** Left row then right row, segments each: contraction on the inner side of each bend. */
export function illustrativeMuscles(segments: number): Float64Array {
  const m = new Float64Array(2 * segments);
  for (let i = 0; i < segments; i++) {
    const s = (i + 0.5) / segments;
    const c = Math.sin((2 * Math.PI * s) / 0.65);
    m[i] = Math.max(0, c) * 0.9;
    m[segments + i] = Math.max(0, -c) * 0.9;
  }
  return m;
}
