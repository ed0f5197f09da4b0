import type Phaser from 'phaser';
import { app } from '../app';
import type { Challenge } from '../challenges/catalog';
import type { ChallengeRun, RunState } from '../challenges/runner';
import type { Toast } from '../ui/Toast';
import { palette, textStyle } from '../ui/theme';
import { hudText, type ResultActions, ResultCard } from './ResultCard';

export interface ChallengeHudParts {
  scene: Phaser.Scene;
  toast: Pick<Toast, 'announce'>;
  /** Called once when the run ends (pause the clock). */
  ended(): void;
  actions(c: Challenge): ResultActions;
}

/**
 * A challenge's HUD on the plate (goal, time, score, the counts its rules
 * care about) and, when the run ends, the result card and the saved record.
 */
export class ChallengeHud {
  private readonly text: Phaser.GameObjects.Text;
  private at = 0;
  private card: ResultCard | null = null;
  private plate = { x: 0, y: 0, w: 1, h: 1 };

  constructor(
    private readonly p: ChallengeHudParts,
    private readonly shown: boolean,
  ) {
    this.text = p.scene.add.text(0, 0, '', textStyle(14, { color: palette.text, mono: true })).setDepth(40);
  }

  get result(): ResultCard | null {
    return this.card;
  }

  /** Reads the run after the simulation moved; ends it with a result card when won or lost. */
  check(run: ChallengeRun | null): void {
    if (!run || this.card) return;
    const s = run.update();
    const now = this.p.scene.time.now;
    if (s.status === 'running' && now - this.at < 200) return;
    this.at = now;
    this.text.setText(hudText(run.challenge, s));
    if (s.status !== 'running') this.finish(run.challenge, { ...s });
  }

  private finish(c: Challenge, s: RunState): void {
    this.p.ended();
    const best = app().storage.recordResult(c.id, { won: s.status === 'won', score: s.score, timeMs: s.elapsedMs });
    const won = s.status === 'won';
    this.p.toast.announce({ title: won ? `Challenge won · ${s.score} points` : 'Challenge lost', detail: s.reason, kind: won ? 'good' : 'warn' });
    this.card = new ResultCard(this.p.scene, c, s, best.newBestScore, this.p.actions(c));
    this.card.layout(this.plate);
  }

  /** Bottom-left of the plate, clear of the Follow worm button in its corner. */
  layout(plate: { x: number; y: number; w: number; h: number }): void {
    this.plate = plate;
    this.text
      .setPosition(plate.x + 10, plate.y + plate.h - 10)
      .setOrigin(0, 1)
      .setWordWrapWidth(plate.w - 20 - 140, true)
      .setBackgroundColor(this.shown ? 'rgba(11,16,22,0.78)' : 'rgba(0,0,0,0)')
      .setPadding(this.shown ? 8 : 0);
    this.card?.layout(plate);
  }
}
