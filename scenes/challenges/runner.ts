import { filter, type Subscription } from 'rxjs';
import type { TouchStimulus } from '../../src/streams/types';
import type { SimClock, SimMeasures, SimOutputs } from '../../src/sim/types';

/** What a challenge reads of the simulation: its clock, the player's touches and the worm's events, and where the nose is. */
export type ChallengeSim = Pick<SimClock, 'timeMs'> & Pick<SimOutputs, 'stimuli$' | 'events$'> & Pick<SimMeasures, 'inZone' | 'distanceToFoodMm'>;
import type { Challenge } from './catalog';
import type { TouchCheck } from './touch-check';

export type RunStatus = 'running' | 'won' | 'lost';

/** What the HUD shows and what is saved when a run ends. */
export interface RunState {
  status: RunStatus;
  /** Simulated time since the start, ms. */
  elapsedMs: number;
  /** Current score (what the run would get if it were won now); 0 once lost. */
  score: number;
  touches: number;
  foods: number;
  /** Simulated ms with the nose in the penalty zone. */
  penaltyMs: number;
  reversals: number;
  /** Reversals that answered a gentle touch on the front half of the body (touch-reversals rule). */
  answered: number;
  /** touch-reversals rule: whether the circuit answers a head touch (checked against an untouched twin); null for other rules. */
  pathway: 'checking' | 'works' | 'cut' | null;
  /** Why the run ended, for the result card. */
  reason: string;
}

/** A gentle touch at or in front of this body position (0 nose .. 1 tail) asks for a reversal. */
const FRONT_HALF = 0.5;

/** Points at the start and at the time limit (the score falls linearly between them). */
export const SCORE_START = 1000;
export const SCORE_AT_LIMIT = 100;

/**
 * Runs one challenge on a simulation: counts the player's touches (pokes on
 * the stimulus stream) and the worm's reversals (behaviour events, from the
 * pose), which of them answered a touch, accumulates time in the penalty
 * zone, and decides win or loss from the simulation's own measurements
 * (inZone). Call update() after each advance; it does nothing once the run
 * has ended. A touch-reversals challenge is won only after setTouchCheck says
 * the circuit answers a head touch.
 */
export class ChallengeRun {
  private readonly subs: Subscription[] = [];
  private readonly startMs: number;
  private lastMs: number;
  private readonly state: RunState;
  /** When the last gentle front touch came, while no reversal has answered it yet. */
  private pendingTouchMs: number | null = null;
  private check: TouchCheck | null = null;

  constructor(
    readonly challenge: Challenge,
    private readonly sim: ChallengeSim,
  ) {
    this.startMs = sim.timeMs;
    this.lastMs = sim.timeMs;
    const pathway = challenge.win.kind === 'touch-reversals' ? 'checking' : null;
    this.state = { status: 'running', elapsedMs: 0, score: SCORE_START, touches: 0, foods: 0, penaltyMs: 0, reversals: 0, answered: 0, pathway, reason: '' };
    const running = () => this.state.status === 'running';
    this.subs.push(
      sim.stimuli$.pipe(filter((s): s is TouchStimulus => s.type === 'touch' && s.source === 'poke' && running())).subscribe((s) => {
        this.state.touches++;
        if (s.kind === 'gentle' && s.position <= FRONT_HALF) this.pendingTouchMs = sim.timeMs;
        if (challenge.forbiddenTouch?.includes(s.kind)) this.end('lost', `A ${s.kind} poke is against the rules here.`);
      }),
      sim.events$.pipe(filter((e) => e.type === 'reversal-start' && running())).subscribe((e) => {
        this.state.reversals++;
        const w = challenge.win;
        if (w.kind === 'touch-reversals' && this.pendingTouchMs !== null && e.timeMs - this.pendingTouchMs <= w.withinMs) {
          this.state.answered++;
          this.pendingTouchMs = null;
        }
      }),
    );
  }

  /** The result of the paired touch check of the circuit this run uses (touch-check.ts). */
  setTouchCheck(check: TouchCheck): void {
    this.check = check;
    if (this.state.pathway !== null) this.state.pathway = check.pass ? 'works' : 'cut';
  }

  /** The player dropped food (a cost in some challenges). */
  noteFood(): void {
    if (this.state.status === 'running') this.state.foods++;
  }

  get status(): RunStatus {
    return this.state.status;
  }

  /** Read the simulation and decide; returns the state (a live object: copy to keep). */
  update(): RunState {
    const s = this.state;
    if (s.status !== 'running') return s;
    const c = this.challenge;
    const now = this.sim.timeMs;
    const dt = now - this.lastMs;
    this.lastMs = now;
    s.elapsedMs = now - this.startMs;
    if (c.penaltyZone && dt > 0 && this.sim.inZone(c.penaltyZone.zone)) s.penaltyMs += dt;
    s.score = this.score();
    if (this.won()) this.end('won', winText(c));
    else if (s.elapsedMs >= c.timeLimitMs) this.end('lost', this.timeUpText());
    return s;
  }

  private won(): boolean {
    const w = this.challenge.win;
    if (w.kind === 'zone') return this.sim.inZone(w.zone);
    return this.state.pathway === 'works' && this.state.answered >= w.count;
  }

  private timeUpText(): string {
    const k = this.check;
    if (this.state.pathway === 'cut' && k)
      return `Time is up. The circuit does not answer a head touch yet: ${k.evoked} of ${k.probes} touches made a reversal an untouched twin did not make.`;
    return 'Time is up.';
  }

  private score(): number {
    const c = this.challenge;
    const s = this.state;
    const f = Math.min(1, s.elapsedMs / c.timeLimitMs);
    let points = SCORE_START - (SCORE_START - SCORE_AT_LIMIT) * f;
    points -= (c.touchCost ?? 0) * s.touches + (c.foodCost ?? 0) * s.foods;
    if (c.penaltyZone) points -= (c.penaltyZone.pointsPerS * s.penaltyMs) / 1000;
    return Math.max(0, Math.round(points));
  }

  private end(status: 'won' | 'lost', reason: string): void {
    const s = this.state;
    s.status = status;
    s.reason = reason;
    s.score = status === 'won' ? this.score() : 0;
  }

  dispose(): void {
    this.subs.forEach((x) => x.unsubscribe());
    this.subs.length = 0;
  }
}

function winText(c: Challenge): string {
  const w = c.win;
  if (w.kind === 'touch-reversals') return `The worm backed away from ${w.count} of your touches.`;
  return `The worm reached “${w.zone}”.`;
}
