/**
 * The experiment measures that accumulate over a run (issue 15 §4): time on
 * food, reversals and omega turns. Fed once per physics step from the
 * behaviour tracker's events (which read the pose, never the neurons) and
 * from where the nose is; definitions and units in docs/simulation.md,
 * "Experiment measures".
 */
import type { BehaviourEvent } from '../streams/types';

export class RunMeasures {
  private onFoodMs = 0;
  private omegas = 0;
  /** Start times of the reversals so far, ms (the tracker dates a reversal from when backward motion began). */
  private readonly reversalStarts: number[] = [];

  /** One physics step of dtMs ended: its behaviour events, and whether the nose was on food at its end. */
  update(events: readonly BehaviourEvent[], noseOnFood: boolean, dtMs: number): void {
    if (noseOnFood) this.onFoodMs += dtMs;
    for (const e of events) {
      if (e.type === 'reversal-start') this.reversalStarts.push(e.timeMs);
      else if (e.type === 'omega-turn') this.omegas++;
    }
  }

  /** Simulated time the nose spent on a food patch with food left, ms. */
  get timeOnFoodMs(): number {
    return this.onFoodMs;
  }

  get reversalCount(): number {
    return this.reversalStarts.length;
  }

  get omegaTurnCount(): number {
    return this.omegas;
  }

  /**
   * Reversals that started in the last windowMs before nowMs (the whole run
   * when windowMs is not given), per minute of that window; 0 before any time
   * has passed.
   */
  reversalsPerMinute(nowMs: number, windowMs: number = nowMs): number {
    if (!(windowMs >= 0 && Number.isFinite(windowMs))) throw new RangeError(`reversalsPerMinute: windowMs = ${windowMs} must be a finite number ≥ 0 (ms)`);
    const span = Math.min(windowMs, nowMs);
    if (span <= 0) return 0;
    const from = nowMs - span;
    let n = 0;
    for (let i = this.reversalStarts.length - 1; i >= 0 && this.reversalStarts[i] >= from; i--) n++;
    return n / (span / 60_000);
  }
}
