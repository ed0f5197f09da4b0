/**
 * Math.hypot of two numbers, the same bits as V8's, without its cost.
 *
 * Why: V8 does not inline Math.hypot; each call goes to a builtin that
 * copies its arguments to a new array and boxes its result, ~40 bytes of
 * garbage a call and ~7 KB per 10 ms step of the worm (docs/benchmarks.md).
 * This is V8's algorithm (the larger magnitude m scales both, so one term is
 * exactly 1; then √(1 + r²)·m), checked bit for bit against Math.hypot by
 * hypot.test.ts, so trajectories do not change. Other engines compute
 * Math.hypot their own way; this gives every engine V8's bits.
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  if (Number.isNaN(ax) || Number.isNaN(ay)) return Number.NaN; // when no argument is infinite
  const m = Math.max(ax, ay);
  if (m === 0) return 0;
  const r = Math.min(ax, ay) / m;
  return Math.sqrt(1 + r * r) * m;
}
