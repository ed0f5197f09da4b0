import { filter, type Subscription } from 'rxjs';
import type { TouchStimulus } from '../../src/streams/types';
import type { SimClock, SimMeasures, SimOutputs } from '../../src/sim/types';

/** What a challenge reads of the simulation: its clock, the player's touches and the worm's events, and where the nose is. */
export type ChallengeSim = Pick<SimClock, 'timeMs'> & Pick<SimOutputs, 'stimuli$' | 'events$'> & Pick<SimMeasures, 'inZone' | 'distanceToFoodMm'>;
import { type Challenge, isTaught, lessonSign } from './catalog';
import type { LearningVerdict } from './learning-check';
import type { AblationVerdict, TouchCheck } from './touch-check';

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
  /** Neurons ablated now (the ablation rule). */
  ablated: string[];
  /** Ablations made in the run, undone ones included (each costs points). */
  ablations: number;
  /** ablation rule: what the paired check says of the current ablations; null for other rules. */
  verdict: 'none' | 'checking' | 'abolished' | 'kept' | null;
  /** taught rules: teaching (pairing the odour with food, or with hunger) or testing (the taught worm on a fresh plate); null for other rules. */
  phase: 'teaching' | 'testing' | null;
  /** taught rules: ms the nose spent on the odour spot while teaching (on a lawn; for taught-avoid, off food), and the whole trials that makes. */
  pairedMs: number;
  trials: number;
  /** taught rule: ms of the test phase so far. */
  testedMs: number;
  /** taught rule, testing: the index of the taught worm and of its untaught twin (learning-check.ts); null until known. */
  lesson: LearningVerdict | null;
  /** Why the run ended, for the result card. */
  reason: string;
}

/** What the teaching phase hands to the test (the scene restarts on the test plate with the learned weights). */
export interface TaughtCarry {
  pairedMs: number;
  elapsedMs: number;
  foods: number;
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
  private ablationVerdict: AblationVerdict | null = null;
  /** A gentle head touch came after the verdict (the ablation rule is won only when the player has seen it). */
  private touchedSinceVerdict = false;

  /** taught rule: the teaching phase's time, carried into the test (the run's clock goes on from it). */
  private readonly carriedMs: number;

  /** `taught`: this run is the test phase of a taught challenge, after the teaching it carries. */
  constructor(
    readonly challenge: Challenge,
    private readonly sim: ChallengeSim,
    taught?: TaughtCarry,
  ) {
    this.startMs = sim.timeMs;
    this.lastMs = sim.timeMs;
    const w = challenge.win;
    const pathway = w.kind === 'touch-reversals' ? 'checking' : null;
    const verdict = w.kind === 'ablation' ? 'none' : null;
    this.carriedMs = taught?.elapsedMs ?? 0;
    this.state = {
      status: 'running',
      elapsedMs: this.carriedMs,
      score: SCORE_START,
      touches: 0,
      foods: taught?.foods ?? 0,
      penaltyMs: 0,
      reversals: 0,
      answered: 0,
      pathway,
      ablated: [],
      ablations: 0,
      verdict,
      phase: isTaught(w) ? (taught ? 'testing' : 'teaching') : null,
      pairedMs: taught?.pairedMs ?? 0,
      trials: isTaught(w) && taught ? Math.floor(taught.pairedMs / w.trialMs) : 0,
      testedMs: 0,
      lesson: null,
      reason: '',
    };
    const running = () => this.state.status === 'running';
    this.subs.push(
      sim.stimuli$.pipe(filter((s): s is TouchStimulus => s.type === 'touch' && s.source === 'poke' && running())).subscribe((s) => {
        this.state.touches++;
        if (s.kind === 'gentle' && s.position <= FRONT_HALF) {
          this.pendingTouchMs = sim.timeMs;
          if (this.ablationVerdict) this.touchedSinceVerdict = true;
        }
        if (challenge.forbiddenTouch?.includes(s.kind)) this.end('lost', `A ${s.kind} poke is against the rules here.`);
        else if (this.state.phase === 'testing') this.end('lost', 'The test is the worm’s own: touching it during the test is against the rules.');
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

  /**
   * The neurons ablated now (after an ablation or an undo): the verdict is
   * asked for again (setAblationVerdict). Only a new ablation costs points.
   */
  noteAblations(ablated: readonly string[], added: boolean): void {
    const s = this.state;
    if (s.status !== 'running') return;
    if (added) s.ablations++;
    s.ablated = [...ablated];
    this.ablationVerdict = null;
    this.touchedSinceVerdict = false;
    if (s.verdict !== null) s.verdict = ablated.length ? 'checking' : 'none';
  }

  /** The paired check's verdict on the ablations (ignored if they changed since it was asked for). */
  setAblationVerdict(v: AblationVerdict): void {
    const s = this.state;
    if (s.verdict === null || v.ablated.join(',') !== s.ablated.join(',')) return;
    this.ablationVerdict = v;
    s.verdict = v.abolished ? 'abolished' : 'kept';
  }

  /** The player dropped food (a cost in some challenges; against the rules in a test phase). */
  noteFood(): void {
    if (this.state.status !== 'running') return;
    this.state.foods++;
    if (this.state.phase === 'testing') this.end('lost', 'The test plate has no food: dropping some during the test is against the rules.');
  }

  /** taught rules, testing: the taught worm and its untaught twin on the test plates (learning-check.ts). */
  setLesson(v: LearningVerdict): void {
    if (this.state.phase === 'testing') this.state.lesson = v;
  }

  /** What the test phase carries over from this teaching phase. */
  carry(): TaughtCarry {
    const s = this.state;
    return { pairedMs: s.pairedMs, elapsedMs: s.elapsedMs, foods: s.foods };
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
    s.elapsedMs = this.carriedMs + now - this.startMs;
    if (c.penaltyZone && dt > 0 && this.sim.inZone(c.penaltyZone.zone)) s.penaltyMs += dt;
    const w = c.win;
    if (isTaught(w)) {
      // Food: the nose on a lawn at the spot. Avoid: the (starved) nose at the spot with no food under it.
      const onFood = this.sim.distanceToFoodMm() === 0;
      if (s.phase === 'teaching' && dt > 0 && this.sim.inZone(w.pairZone) && onFood === (w.kind === 'taught')) s.pairedMs += dt;
      s.trials = Math.floor(s.pairedMs / w.trialMs);
    }
    s.score = this.score();
    if (s.phase === 'testing') {
      s.testedMs = now - this.startMs;
      this.judgeTest();
    } else if (this.won()) this.end('won', winText(c));
    else if (s.elapsedMs >= c.timeLimitMs) this.end('lost', this.timeUpText());
    return s;
  }

  /** The test ends when the player has watched it for testMs and the paired check has spoken. */
  private judgeTest(): void {
    const w = this.challenge.win;
    const s = this.state;
    if (!isTaught(w) || !s.lesson || s.testedMs < w.testMs) return;
    const seek = lessonSign(w) > 0;
    if (s.lesson.pass)
      this.end(
        'won',
        seek
          ? 'The worm learned: it heads for butanone more surely than its untaught twin.'
          : 'The worm learned: it keeps away from butanone, where its untaught twin does not.',
      );
    else
      this.end(
        'lost',
        `No sign of learning: the index needs ${seek ? `${fmtIndex(w.minIndex)} or more, and ${fmtIndex(w.margin)} above` : `${fmtIndex(-w.minIndex)} or less, and ${w.margin.toFixed(2)} below`} the untaught twin’s. ${s.trials < w.trials ? `Only ${s.trials} of ${w.trials} pairings were made.` : seek ? 'Pair the odour with food for longer.' : 'Keep the hungry worm in the odour for longer.'}`,
      );
  }

  private won(): boolean {
    const w = this.challenge.win;
    if (w.kind === 'zone') return this.sim.inZone(w.zone);
    if (isTaught(w)) return false;
    if (w.kind === 'ablation') return this.state.ablated.length === 1 && this.state.verdict === 'abolished' && this.touchedSinceVerdict;
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
    points -= (c.touchCost ?? 0) * s.touches + (c.foodCost ?? 0) * s.foods + (c.ablationCost ?? 0) * s.ablations;
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

/** An index with its sign (+0.50). */
export function fmtIndex(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;
}

function winText(c: Challenge): string {
  const w = c.win;
  if (w.kind === 'touch-reversals') return `The worm backed away from ${w.count} of your touches.`;
  if (w.kind === 'ablation') return 'Without that neuron the worm no longer backs away from a head touch; its intact control still does.';
  if (isTaught(w)) return 'The worm learned.';
  return `The worm reached “${w.zone}”.`;
}
