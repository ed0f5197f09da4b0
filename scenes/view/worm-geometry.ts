/**
 * The worm's outline from its centre line: a Catmull-Rom curve through the
 * segment centres (extended half a segment past each end, so the nose and tail
 * tips lie beyond the first and last centres), a width profile with a round
 * nose and a pointed tail, and per-sample normals. All arrays are allocated
 * once and reused every frame. Pure math in whatever units the pose is in.
 *
 * Sides: `left` is the side at +90° from the heading (head direction)
 * measured counter-clockwise in a y-up frame, i.e. (−hy, hx). When the pose is
 * in y-down screen pixels of a y-down world this is still the world's left.
 */

/** Fraction of a half-width the nose keeps as its cap radius. */
const NOSE_CAP = 0.62;
/** Samples spent on the rounded nose cap (angle-spaced so the cap is round). */
const CAP_SAMPLES = 7;

export interface WidthProfile {
  /** Body position where the head has widened to full width, 0..1. */
  headEnd: number;
  /** Body position where the tail starts tapering, 0..1. */
  tailStart: number;
  /** Exponent of the tail taper (<1 fuller, >1 thinner). */
  tailPower: number;
}

export const DEFAULT_PROFILE: Readonly<WidthProfile> = Object.freeze({ headEnd: 0.16, tailStart: 0.68, tailPower: 0.9 });

export class WormOutline {
  /** Number of cross-sections. */
  readonly count: number;
  /** Body position of each sample, 0 = nose tip, 1 = tail tip. */
  readonly s: Float32Array;
  readonly cx: Float32Array;
  readonly cy: Float32Array;
  /** Unit left normal per sample. */
  readonly nx: Float32Array;
  readonly ny: Float32Array;
  /** Half-width per sample, same units as the pose. */
  readonly r: Float32Array;
  /** Total centre-line length of the last compute(), tip to tip. */
  length = 0;

  constructor(
    bodySamples = 48,
    readonly profile: WidthProfile = DEFAULT_PROFILE,
  ) {
    if (bodySamples < 4) throw new Error(`WormOutline: bodySamples must be ≥ 4 (got ${bodySamples})`);
    this.count = CAP_SAMPLES + bodySamples;
    this.s = new Float32Array(this.count);
    this.cx = new Float32Array(this.count);
    this.cy = new Float32Array(this.count);
    this.nx = new Float32Array(this.count);
    this.ny = new Float32Array(this.count);
    this.r = new Float32Array(this.count);
  }

  /**
   * Computes the outline for `pose` (x,y interleaved centres, head first) with
   * maximum half-width `halfWidth`. Returns false (and leaves the arrays
   * unusable) if the pose has fewer than 2 points or any non-finite value.
   */
  compute(pose: ArrayLike<number>, halfWidth: number): boolean {
    const n = pose.length >> 1;
    if (n < 2) return false;
    for (let i = 0; i < 2 * n; i++) if (!Number.isFinite(pose[i])) return false;

    // Body length along the polyline of centres plus half a segment at each end.
    let poly = 0;
    for (let i = 1; i < n; i++) poly += Math.hypot(pose[2 * i] - pose[2 * i - 2], pose[2 * i + 1] - pose[2 * i - 1]);
    const seg = poly / (n - 1);
    this.length = poly + seg;
    const capR = Math.min(NOSE_CAP * halfWidth, this.length * 0.05);
    const capS = this.length > 0 ? capR / this.length : 0;

    const { s, cx, cy, nx, ny, r, count } = this;
    const bodySamples = count - CAP_SAMPLES;
    for (let k = 0; k < count; k++) {
      let sk: number;
      let rk: number;
      if (k < CAP_SAMPLES) {
        // Quarter circle: d = capR(1 − cos θ), r = capR sin θ.
        const theta = (k / CAP_SAMPLES) * (Math.PI / 2);
        sk = capS * (1 - Math.cos(theta));
        rk = capR * Math.sin(theta);
      } else {
        const t = (k - CAP_SAMPLES) / (bodySamples - 1);
        sk = capS + t * (1 - capS);
        rk = this.widthAt(sk, halfWidth, capR, capS);
      }
      s[k] = sk;
      r[k] = rk;
      // Curve parameter u runs from −0.5 (nose tip) to n − 0.5 (tail tip) in segment units.
      this.evalCurve(pose, n, -0.5 + sk * n, k);
    }
    // A zero tangent (coincident centres) borrows the neighbour's normal.
    for (let k = 0; k < count; k++) {
      if (nx[k] === 0 && ny[k] === 0) {
        const j = k > 0 ? k - 1 : 1;
        nx[k] = nx[j];
        ny[k] = ny[j];
      }
    }
    for (let k = count - 1; k >= 0; k--) {
      if (nx[k] === 0 && ny[k] === 0 && k + 1 < count) {
        nx[k] = nx[k + 1];
        ny[k] = ny[k + 1];
      }
    }
    return Number.isFinite(cx[0]) && Number.isFinite(cy[count - 1]);
  }

  /** Half-width at body position s past the nose cap. */
  private widthAt(sk: number, halfWidth: number, capR: number, capS: number): number {
    const { headEnd, tailStart, tailPower } = this.profile;
    if (sk <= headEnd) {
      const t = (sk - capS) / Math.max(1e-9, headEnd - capS);
      const ease = Math.sin((Math.min(1, Math.max(0, t)) * Math.PI) / 2);
      return capR + (halfWidth - capR) * ease;
    }
    if (sk >= tailStart) {
      const t = Math.max(0, (1 - sk) / (1 - tailStart));
      return halfWidth * t ** tailPower;
    }
    return halfWidth;
  }

  /** Centre and left normal at parameter u of the Catmull-Rom curve through the centres (phantom points past the ends). */
  private evalCurve(pose: ArrayLike<number>, n: number, u: number, k: number): void {
    let i = Math.floor(u);
    if (i < -1) i = -1;
    if (i > n - 1) i = n - 1;
    const t = u - i;
    const px = (j: number): number => pointX(pose, n, j);
    const py = (j: number): number => pointY(pose, n, j);
    const x0 = px(i - 1),
      x1 = px(i),
      x2 = px(i + 1),
      x3 = px(i + 2);
    const y0 = py(i - 1),
      y1 = py(i),
      y2 = py(i + 1),
      y3 = py(i + 2);
    const t2 = t * t;
    const t3 = t2 * t;
    this.cx[k] = 0.5 * (2 * x1 + (x2 - x0) * t + (2 * x0 - 5 * x1 + 4 * x2 - x3) * t2 + (3 * x1 - x0 - 3 * x2 + x3) * t3);
    this.cy[k] = 0.5 * (2 * y1 + (y2 - y0) * t + (2 * y0 - 5 * y1 + 4 * y2 - y3) * t2 + (3 * y1 - y0 - 3 * y2 + y3) * t3);
    // Derivative points head → tail; the heading is its opposite.
    const dx = 0.5 * (x2 - x0 + 2 * (2 * x0 - 5 * x1 + 4 * x2 - x3) * t + 3 * (3 * x1 - x0 - 3 * x2 + x3) * t2);
    const dy = 0.5 * (y2 - y0 + 2 * (2 * y0 - 5 * y1 + 4 * y2 - y3) * t + 3 * (3 * y1 - y0 - 3 * y2 + y3) * t2);
    const len = Math.hypot(dx, dy);
    if (len < 1e-12) {
      this.nx[k] = 0;
      this.ny[k] = 0;
      return;
    }
    const hx = -dx / len;
    const hy = -dy / len;
    this.nx[k] = -hy;
    this.ny[k] = hx;
  }

  leftX(k: number): number {
    return this.cx[k] + this.nx[k] * this.r[k];
  }
  leftY(k: number): number {
    return this.cy[k] + this.ny[k] * this.r[k];
  }
  rightX(k: number): number {
    return this.cx[k] - this.nx[k] * this.r[k];
  }
  rightY(k: number): number {
    return this.cy[k] - this.ny[k] * this.r[k];
  }
}

/** Centre j of the pose, with phantom points mirrored past the ends (j = −1 and j ≥ n). */
function pointX(pose: ArrayLike<number>, n: number, j: number): number {
  if (j < 0) return pose[0] - j * (pose[0] - pose[2]);
  if (j >= n) return pose[2 * n - 2] + (j - n + 1) * (pose[2 * n - 2] - pose[2 * n - 4]);
  return pose[2 * j];
}

function pointY(pose: ArrayLike<number>, n: number, j: number): number {
  if (j < 0) return pose[1] - j * (pose[1] - pose[3]);
  if (j >= n) return pose[2 * n - 1] + (j - n + 1) * (pose[2 * n - 1] - pose[2 * n - 3]);
  return pose[2 * j + 1];
}

/**
 * Activation at body position s (0 nose .. 1 tail) of one muscle row, linearly
 * interpolated between segment centres. `muscles` holds 2 × segments values,
 * left row then right row (Telemetry.muscles); side 0 = left, 1 = right.
 */
export function muscleAt(muscles: ArrayLike<number>, segments: number, side: 0 | 1, s: number): number {
  if (segments <= 0) return 0;
  const f = s * segments - 0.5;
  const i0 = Math.max(0, Math.min(segments - 1, Math.floor(f)));
  const i1 = Math.min(segments - 1, i0 + 1);
  const t = Math.max(0, Math.min(1, f - i0));
  const base = side * segments;
  const a = muscles[base + i0] * (1 - t) + muscles[base + i1] * t;
  return a > 0 ? Math.min(a, 1) : 0;
}
