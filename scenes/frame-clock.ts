/**
 * Real milliseconds since the last frame, from the wall clock. Phaser's own
 * delta is smoothed towards its 60 fps target, so on a slow or loaded machine
 * a clock fed with it runs slower than real time (and speed ratios drift).
 * Capped so a hidden tab or a long hitch does not jump the world ahead.
 */
export class FrameClock {
  private last = 0;

  constructor(private readonly capMs = 250) {}

  /** Call once per frame with performance.now(); the first call returns 0. */
  delta(now: number): number {
    const d = this.last === 0 ? 0 : Math.min(this.capMs, Math.max(0, now - this.last));
    this.last = now;
    return d;
  }

  /** Forget the last frame (after a pause in rendering, e.g. a scene restart). */
  reset(): void {
    this.last = 0;
  }
}
