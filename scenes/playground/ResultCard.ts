import type Phaser from 'phaser';
import { type Challenge, isTaught } from '../challenges/catalog';
import { fmtIndex, type RunState } from '../challenges/runner';
import { formatTime } from '../format';
import { Button } from '../ui/Button';
import { palette, textStyle } from '../ui/theme';

export interface ResultActions {
  again(): void;
  list(): void;
  /** Shown only for a challenge won in the editor. */
  editor(): void;
}

/** The card over the plate when a challenge ends: won or lost, why, the score, and what to do next. */
export class ResultCard {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly container: Phaser.GameObjects.Container;
  private readonly buttons: Button[];

  constructor(scene: Phaser.Scene, c: Challenge, s: RunState, newBest: boolean, a: ResultActions) {
    const won = s.status === 'won';
    this.bg = scene.add.graphics();
    this.title = scene.add
      .text(0, 0, won ? 'Well done!' : 'Not this time', textStyle(26, { bold: true, color: won ? palette.ok : palette.warning }))
      .setOrigin(0.5, 0);
    const w = c.win;
    const lines = [
      s.reason,
      ...(isTaught(w) ? [lessonLine(s, w.trials)] : []),
      `Time ${formatTime(s.elapsedMs)} · score ${s.score}${newBest && won ? ' · new best!' : ''}`,
      `${s.touches} touches · ${s.foods} food drops · ${s.reversals} reversals${s.penaltyMs > 0 ? ` · ${formatTime(s.penaltyMs)} in the ${c.penaltyZone?.zone} zone` : ''}`,
    ];
    this.body = scene.add.text(0, 0, lines.join('\n'), textStyle(15, { color: palette.textMuted, lineSpacing: 6, align: 'center' })).setOrigin(0.5, 0);
    const again = new Button(scene, 0, 0, { label: 'Try again', variant: 'primary', width: 150, height: 42, onClick: () => a.again() });
    const list = new Button(scene, 0, 0, { label: 'All challenges', width: 160, height: 42, onClick: () => a.list() });
    const editor = c.needsEditor ? new Button(scene, 0, 0, { label: 'Open the editor', width: 170, height: 42, onClick: () => a.editor() }) : null;
    this.buttons = [again, list, ...(editor ? [editor] : [])];
    this.container = scene.add.container(0, 0, [this.bg, this.title, this.body]).setDepth(850);
    this.buttons.forEach((b) => b.setDepth(851));
  }

  /** Centres the card on the plate, as tall as its text (which wraps, and grows with the text size) needs. */
  layout(p: { x: number; y: number; w: number; h: number }): void {
    const w = Math.min(520, p.w - 24);
    this.body.setWordWrapWidth(w - 32, true);
    const buttonH = 42;
    const h = 16 + this.title.height + 12 + this.body.height + 18 + buttonH + 16;
    const x = p.x + (p.w - w) / 2;
    const y = p.y + Math.max(8, (p.h - h) / 2);
    const bg = this.bg;
    bg.clear();
    bg.fillStyle(palette.panel, 0.96);
    bg.fillRoundedRect(x, y, w, h, 14);
    bg.lineStyle(1, palette.borderHi, 1);
    bg.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 14);
    this.title.setPosition(x + w / 2, y + 16);
    this.body.setPosition(x + w / 2, y + 16 + this.title.height + 12);
    const n = this.buttons.length;
    const widths = this.buttons.map((b) => b.width);
    const total = widths.reduce((acc, b) => acc + b, 0) + 10 * (n - 1);
    let bx = x + (w - total) / 2;
    this.buttons.forEach((b, i) => {
      b.setPosition(bx + widths[i] / 2, y + h - 16 - buttonH / 2);
      bx += widths[i] + 10;
    });
  }

  /** Where the text ends and the buttons begin, px (for layout checks). */
  get textBottom(): number {
    return this.body.y + this.body.height;
  }

  get buttonsTop(): number {
    return Math.min(...this.buttons.map((b) => b.y - b.height / 2));
  }
}

/** Teach the worm (to seek or to avoid): the taught worm's chemotaxis index against its untaught twin's, and the pairings made. */
function lessonLine(s: RunState, trials: number): string {
  const l = s.lesson;
  const index = l ? `chemotaxis index: taught ${fmtIndex(l.taught)} · untaught twin ${fmtIndex(l.naive)} (${l.runs} runs each)` : 'no test made';
  return `${index} · pairings ${s.trials}/${trials}`;
}

/** The challenge HUD's two lines: the goal, then time, score and the counts the rules care about. */
export function hudText(c: Challenge, s: RunState): string {
  const parts = [`${formatTime(s.elapsedMs)} / ${formatTime(c.timeLimitMs)}`, `score ${s.score}`];
  if (c.touchCost || c.forbiddenTouch) parts.push(`touches ${s.touches}`);
  if (c.foodCost) parts.push(`food ${s.foods}`);
  if (c.penaltyZone) parts.push(`in ${c.penaltyZone.zone} ${formatTime(s.penaltyMs)}`);
  if (c.win.kind === 'touch-reversals') {
    const pathway = s.pathway === 'works' ? 'touch pathway works' : s.pathway === 'cut' ? 'touch pathway still cut' : 'checking the circuit…';
    parts.push(`touches answered ${s.answered}/${c.win.count} · ${pathway}`);
  }
  const w = c.win;
  if (isTaught(w)) {
    const seek = w.kind === 'taught';
    const next = s.trials >= w.trials ? 'N: start the test' : seek ? 'F: drop food on the butanone spot' : 'no food: let it starve in the butanone';
    if (s.phase === 'teaching')
      parts.push(
        `TEACHING · pairings ${s.trials}/${w.trials} (${formatTime(s.pairedMs)} ${seek ? 'of the nose on food at the spot' : 'starved in the butanone'}) · ${next}`,
      );
    else
      parts.push(
        `TEST ${formatTime(Math.min(s.testedMs, w.testMs))} / ${formatTime(w.testMs)} · touch nothing · ${s.lesson ? lessonLine(s, w.trials) : 'testing an untaught twin too…'}`,
      );
  }
  if (c.win.kind === 'ablation') {
    const v = {
      none: 'nothing ablated yet (K, then click a neuron)',
      checking: 'checking against the control…',
      abolished: 'reversal abolished: touch the head to see it',
      kept: 'this worm still backs away',
    };
    parts.push(`ablated ${s.ablated.join(', ') || '—'} · ${v[s.verdict ?? 'none']}`);
  }
  return `Goal: ${c.goal}\n${parts.join(' · ')}`;
}
