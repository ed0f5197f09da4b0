/**
 * The game's real-time clock, kept apart from the fixed-step engine the way
 * matter-js keeps its optional `Runner` apart from `Engine.update`: the
 * Simulation only steps; this turns wall-clock frames into whole steps
 * (pause, speed, carry, catch-up cap) and hands the views one frame per call.
 * Headless drivers (scenarios, the CLI, benches, evolution) never need it.
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { Telemetry } from '../streams/types';

/** What the runner drives: a fixed-step engine with a per-tick telemetry stream. */
export interface SteppedEngine {
  readonly physicsStepMs: number;
  step(): void;
  telemetry(): Telemetry;
  readonly telemetry$: Observable<Telemetry>;
}

/** One rendered frame's worth of simulation, for the views. */
export interface ViewFrame {
  /** The latest per-tick frame (the engine's own object: copy what you keep). */
  readonly telemetry: Telemetry;
  /** Simulated ms this frame stands for: real ms × speed, 0 while paused or for a single step. */
  readonly dtMs: number;
  /** Steps taken for this frame. */
  readonly steps: number;
  /** 1 for each neuron (circuit order) that spiked in any step since the previous frame: a view drawn once per frame misses none. */
  readonly spiked: Uint8Array;
}

/** Most simulated time one call may catch up at speed 1, ms: a hidden tab costs 25 steps, not a spiral of catch-up. */
export const MAX_CATCH_UP_MS = 250;

export class RealTimeRunner {
  /** One frame per advance() or step() call, emitted synchronously at its end (its arrays are reused: copy what you keep). */
  readonly frames$: Observable<ViewFrame>;
  private readonly frames = new Subject<ViewFrame>();
  private readonly tick: Subscription;
  private readonly spiked: Uint8Array;
  private paused_ = false;
  private speed_ = 1;
  private carryMs = 0;

  constructor(private readonly engine: SteppedEngine) {
    this.frames$ = this.frames.asObservable();
    this.spiked = new Uint8Array(engine.telemetry().spiked.length);
    // Per tick, not per spike: one OR over the flags of each step's frame.
    this.tick = engine.telemetry$.subscribe((t) => {
      const s = t.spiked;
      const acc = this.spiked;
      for (let i = 0; i < acc.length; i++) acc[i] |= s[i];
    });
  }

  get paused(): boolean {
    return this.paused_;
  }
  get speed(): number {
    return this.speed_;
  }

  pause(): void {
    this.paused_ = true;
  }
  resume(): void {
    this.paused_ = false;
  }

  /** Simulated ms per real ms (1 = real time, 0 = frozen). */
  setSpeed(speed: number): void {
    if (!(speed >= 0 && Number.isFinite(speed)))
      throw new RangeError(`RealTimeRunner.setSpeed: speed = ${speed} must be a finite number ≥ 0 (1 = real time, 0 = frozen)`);
    this.speed_ = speed;
  }

  /**
   * Adds realMs × speed to a carry and steps while it holds a whole step; the
   * remainder waits for the next call. Nothing happens (and nothing is
   * carried) while paused. The carry is capped at MAX_CATCH_UP_MS × max(1, speed).
   * Emits one frame either way; returns the steps taken.
   */
  advance(realMs: number): number {
    // A NaN here would poison the carry and stop the clock for good: refuse it.
    if (!(realMs >= 0 && Number.isFinite(realMs)))
      throw new RangeError(`RealTimeRunner.advance: realMs = ${realMs} must be a finite number ≥ 0 (wall-clock ms since the last call)`);
    let steps = 0;
    if (!this.paused_) {
      const stepMs = this.engine.physicsStepMs;
      this.carryMs = Math.min(this.carryMs + realMs * this.speed_, MAX_CATCH_UP_MS * Math.max(1, this.speed_));
      while (this.carryMs >= stepMs) {
        this.carryMs -= stepMs;
        this.engine.step();
        steps++;
      }
    }
    this.emit(this.paused_ ? 0 : realMs * this.speed_, steps);
    return steps;
  }

  /** Exactly one step, paused or not (the time bar's step button). */
  step(): void {
    this.engine.step();
    this.emit(0, 1);
  }

  /** Stops listening to the engine and completes frames$. */
  dispose(): void {
    this.tick.unsubscribe();
    this.frames.complete();
  }

  private emit(dtMs: number, steps: number): void {
    this.frames.next({ telemetry: this.engine.telemetry(), dtMs, steps, spiked: this.spiked });
    this.spiked.fill(0);
  }
}
