import type Phaser from 'phaser';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { type LearnedWeight, withLearnedWeights } from '../../src/circuits/learned';
import type { CircuitDoc } from '../../src/circuits/types';
import { type Challenge, isTaught, type TaughtRule } from '../challenges/catalog';
import { lessonCheck } from '../challenges/learning-check';
import { startLearningCheck } from '../challenges/learning-check-client';
import type { ChallengeRun, TaughtCarry } from '../challenges/runner';
import type { GameSim } from '../sim-factory';
import { Button } from '../ui/Button';
import type { Announcement } from '../ui/Toast';

/** What the teaching phase hands to the test phase: the learned weights (nothing else of the worm) and the run so far. */
export interface TaughtStart {
  weights: LearnedWeight[];
  carry: TaughtCarry;
}

/**
 * The circuit, arena and feeding state a Teach-the-worm challenge runs in its
 * phase: the built-in worm on the teaching plate (starved for the aversive
 * lesson), or with its learned weights on the test plate (fed, as the check's
 * runs are).
 */
export function teachSetup(c: Challenge, taught: TaughtStart | undefined): { circuit: CircuitDoc | string; arena: string; hoursOffFood: number } | null {
  const w = c.win;
  if (!isTaught(w)) return null;
  const worm = c.worm ?? 'learning-worm';
  if (!taught) return { circuit: worm, arena: c.arena, hoursOffFood: w.kind === 'taught-avoid' ? w.hoursOffFood : 0 };
  return { circuit: withLearnedWeights(getBuiltinCircuit(worm).doc, taught.weights), arena: w.testArena, hoursOffFood: 0 };
}

export interface TeachParts {
  scene: Phaser.Scene;
  challenge: Challenge;
  sim: GameSim;
  run(): ChallengeRun | null;
  /** Restart the scene on the test plate with what was taught. */
  test(taught: TaughtStart): void;
  announce(a: Announcement): void;
  shortcut(key: string, description: string, run: () => void): void;
}

/**
 * The Teach-the-worm challenge's phase control in the playground. Teaching:
 * a Start-the-test button (N) takes the learned weights (the simulation's
 * own, as dopamine left them) to the test plate. Testing: the paired check
 * of the taught worm against its untaught twin runs in a worker and tells
 * the run its verdict.
 */
export class TeachPhase {
  private readonly button: Button | null;
  private worker: Worker | null = null;

  constructor(
    private readonly p: TeachParts,
    taught: TaughtStart | undefined,
  ) {
    const w = p.challenge.win as TaughtRule;
    const seek = w.kind === 'taught';
    if (taught) {
      this.button = null;
      this.check(w, taught);
      p.announce({
        title: 'The test: a fresh plate, no food',
        detail: `Butanone is to the right${seek ? '' : ', the worm is fed again'}. Watch; touch nothing.`,
      });
      return;
    }
    this.button = new Button(p.scene, 0, 0, {
      label: 'Start the test (N)',
      variant: 'primary',
      width: 170,
      height: 32,
      fontSize: 13,
      tooltip: 'Take the taught worm to a fresh test plate: butanone to one side, no food (N)',
      onClick: () => this.startTest(),
    }).setDepth(30);
    p.shortcut('n', 'Teach the worm: start the test', () => this.startTest());
    p.announce(
      seek
        ? { title: 'Teach the worm', detail: 'Food tool (F): drop food on the blue butanone spot, under the worm' }
        : { title: 'Teach the worm to avoid', detail: 'A starved worm in butanone: no food for 20 s' },
    );
  }

  private startTest(): void {
    const run = this.p.run();
    if (run?.status !== 'running' || !this.button) return;
    const weights = this.p.sim.plasticWeights().map(({ synapse, from, to, weight }) => ({ synapse, from, to, weight }));
    this.p.test({ weights, carry: run.carry() });
  }

  private check(w: TaughtRule, taught: TaughtStart): void {
    const worm = this.p.challenge.worm ?? 'learning-worm';
    const naive = getBuiltinCircuit(worm).doc;
    const failed = (m: string) => this.p.announce({ title: 'Could not run the test', detail: m.slice(0, 160), kind: 'warn' });
    this.worker = startLearningCheck(withLearnedWeights(naive, taught.weights), naive, lessonCheck(w), (v) => this.p.run()?.setLesson(v), failed);
  }

  /** The button's place: above the plate's bottom-right buttons. */
  layout(right: number, bottom: number): void {
    this.button?.setPosition(right - 85, bottom - 16);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
