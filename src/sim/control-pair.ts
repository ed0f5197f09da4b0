/**
 * A treated worm beside its control (issue 15 §6): two simulations of the
 * same options (circuit, arena, seed, individual) stepped together, every
 * tool the player uses on the treated worm given to the control too, at the
 * same place on its body — the same body position, side, kind and force for
 * a touch; food and heat at the same place relative to its nose and heading —
 * so the only difference between them is what was done to the treated worm's
 * nervous system (ablations). Everything read (outputs, measures) is the
 * treated worm's; the control is read through `control`.
 */
import type { TouchStimulus } from '../streams/types';
import type { PokeOptions, PokeTarget } from './poke';
import type { Medium, SimClock, SimOutputs, SimTools } from './types';

/** What a worm of a pair must offer: the clock, the tools, and its pose (where its head is and points). */
export type PairWorm = SimClock & SimTools & Pick<SimOutputs, 'telemetry'>;

/** Heading of the head (nose → the second segment, reversed), rad. */
function headFrame(w: PairWorm): { x: number; y: number; th: number } {
  const p = w.telemetry().pose;
  return { x: p[0], y: p[1], th: Math.atan2(p[1] - p[3], p[0] - p[2]) };
}

/** The point that is where (x, y) is to `from`'s head, relative to `to`'s head. */
export function samePlaceRelativeToHead(from: PairWorm, to: PairWorm, x: number, y: number): [number, number] {
  const a = headFrame(from);
  const b = headFrame(to);
  const dx = x - a.x;
  const dy = y - a.y;
  // In `from`'s head frame: along the heading and to its left.
  const along = dx * Math.cos(a.th) + dy * Math.sin(a.th);
  const left = -dx * Math.sin(a.th) + dy * Math.cos(a.th);
  return [b.x + along * Math.cos(b.th) - left * Math.sin(b.th), b.y + along * Math.sin(b.th) + left * Math.cos(b.th)];
}

export class ControlPair<T extends PairWorm = PairWorm> implements SimClock, SimTools {
  /** Food or heat the control could not get (its mirrored place was off the plate or in a wall). */
  missed = 0;

  constructor(
    readonly treated: T,
    readonly control: PairWorm,
    /** Whether food may be put at a point of the control's plate. */
    private readonly controlIsFree: (xMm: number, yMm: number) => boolean = () => true,
  ) {
    if (treated.physicsStepMs !== control.physicsStepMs || treated.timeMs !== control.timeMs) {
      throw new RangeError(
        `ControlPair: both worms must share the clock (steps ${treated.physicsStepMs} / ${control.physicsStepMs} ms, times ${treated.timeMs} / ${control.timeMs} ms)`,
      );
    }
  }

  get timeMs(): number {
    return this.treated.timeMs;
  }
  get physicsStepMs(): number {
    return this.treated.physicsStepMs;
  }
  step(): void {
    this.treated.step();
    this.control.step();
  }
  run(ms: number): void {
    if (!(ms >= 0 && Number.isFinite(ms))) throw new RangeError(`ControlPair.run: ms = ${ms} must be a finite number ≥ 0 (simulated milliseconds)`);
    const end = this.timeMs + ms - 1e-9;
    while (this.timeMs < end) this.step();
  }

  /** The treated worm is touched as asked; the control gets the same touch at the same body position and side. */
  poke(at: PokeTarget, opts: PokeOptions = {}): TouchStimulus | null {
    const t = this.treated.poke(at, opts);
    if (t) this.control.poke(t.position, { side: t.side, kind: t.kind, force: t.force });
    return t;
  }
  tapPlate(force?: number): void {
    this.treated.tapPlate(force);
    this.control.tapPlate(force);
  }
  dropFood(xMm: number, yMm: number, amount?: number): void {
    this.treated.dropFood(xMm, yMm, amount);
    const [x, y] = samePlaceRelativeToHead(this.treated, this.control, xMm, yMm);
    if (this.controlIsFree(x, y)) this.control.dropFood(x, y, amount);
    else this.missed++;
  }
  heatSpot(xMm: number, yMm: number, deltaC: number, radiusMm?: number): void {
    this.treated.heatSpot(xMm, yMm, deltaC, radiusMm);
    const [x, y] = samePlaceRelativeToHead(this.treated, this.control, xMm, yMm);
    this.control.heatSpot(x, y, deltaC, radiusMm);
  }
  setMedium(medium: Medium): void {
    this.treated.setMedium(medium);
    this.control.setMedium(medium);
  }
}
