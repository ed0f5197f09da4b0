import type Phaser from 'phaser';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { type LearnedWeight, withLearnedWeights } from '../../src/circuits/learned';
import type { CircuitDoc } from '../../src/circuits/types';
import type { Challenge } from '../challenges/catalog';
import { TEST_SEEDS } from '../challenges/learning-check';
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

type Taught = Extract<Challenge['win'], { kind: 'taught' }>;

/** The circuit and arena a Teach-the-worm challenge runs in its phase: the built-in worm on the teaching plate, or with its learned weights on the test plate. */
export function teachSetup(c: Challenge, taught: TaughtStart | undefined): { circuit: CircuitDoc | string; arena: string } | null {
  if (c.win.kind !== 'taught') return null;
  const worm = c.worm ?? 'learning-worm';
  if (!taught) return { circuit: worm, arena: c.arena };
  return { circuit: withLearnedWeights(getBuiltinCircuit(worm).doc, taught.weights), arena: c.win.testArena };
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
    const w = p.challenge.win as Taught;
    if (taught) {
      this.button = null;
      this.check(w, taught);
      p.announce({ title: 'The test: a fresh plate, no food', detail: 'Butanone is to the right. Watch; touch nothing.' });
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
    p.announce({ title: 'Teach the worm', detail: 'Food tool (F): drop food on the blue butanone spot, under the worm' });
  }

  private startTest(): void {
    const run = this.p.run();
    if (run?.status !== 'running' || !this.button) return;
    const weights = this.p.sim.plasticWeights().map(({ synapse, from, to, weight }) => ({ synapse, from, to, weight }));
    this.p.test({ weights, carry: run.carry() });
  }

  private check(w: Taught, taught: TaughtStart): void {
    const worm = this.p.challenge.worm ?? 'learning-worm';
    const naive = getBuiltinCircuit(worm).doc;
    const options = { arena: w.testArena, odour: w.odour, seeds: TEST_SEEDS, testMs: w.testMs, minIndex: w.minIndex, margin: w.margin };
    const failed = (m: string) => this.p.announce({ title: 'Could not run the test', detail: m.slice(0, 160), kind: 'warn' });
    this.worker = startLearningCheck(withLearnedWeights(naive, taught.weights), naive, options, (v) => this.p.run()?.setLesson(v), failed);
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
