import type Phaser from 'phaser';
import { palette, textStyle } from './theme';

export interface Announcement {
  /** Headline, e.g. "Reversal!". */
  title: string;
  /** The neurons that did it, e.g. ["ALM", "AVD", "AVA"], shown as a chain. */
  chain?: readonly string[];
  /** Extra line, e.g. "anterior gentle touch". */
  detail?: string;
  kind?: 'info' | 'good' | 'warn';
}

/** Text of an announcement as one line, e.g. "Reversal! ALM → AVD → AVA". */
export function announcementText(a: Announcement): string {
  const chain = a.chain?.length ? ` ${a.chain.join(' → ')}` : '';
  const detail = a.detail ? ` (${a.detail})` : '';
  return `${a.title}${chain}${detail}`;
}

/**
 * Brief announcements at the top of the screen ("Reversal! ALM → AVD → AVA"),
 * one at a time, queued, also written to an aria-live region for screen
 * readers. With reduced motion they appear and go without sliding.
 */
export class Toast {
  private readonly box: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly chain: Phaser.GameObjects.Text;
  private readonly queue: Announcement[] = [];
  private showing = false;
  private centerX = 0;
  private top = 16;
  /** Everything announced since the scene started, newest last (for the test hook). */
  readonly history: string[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly opts: { reducedMotion: boolean; durationMs?: number },
  ) {
    this.bg = scene.add.graphics();
    this.title = scene.add.text(0, 0, ' ', textStyle(18, { bold: true })).setOrigin(0.5, 0);
    this.chain = scene.add.text(0, 0, ' ', textStyle(15, { mono: true, color: palette.accentHi })).setOrigin(0.5, 0);
    this.box = scene.add.container(0, 0, [this.bg, this.title, this.chain]).setDepth(9_000).setVisible(false);
  }

  setPosition(centerX: number, top: number): void {
    this.centerX = centerX;
    this.top = top;
    if (this.showing) this.box.setPosition(centerX, top);
  }

  announce(a: Announcement): void {
    const line = announcementText(a);
    this.history.push(line);
    const live = document.getElementById('announcer');
    if (live) live.textContent = line;
    this.queue.push(a);
    if (!this.showing) this.next();
  }

  private next(): void {
    const a = this.queue.shift();
    if (!a) {
      this.showing = false;
      this.box.setVisible(false);
      return;
    }
    this.showing = true;
    this.title.setText(a.title);
    const chainLine = [a.chain?.join('  →  '), a.detail].filter(Boolean).join('   ·   ');
    this.chain.setText(chainLine);
    this.title.setPosition(0, 10);
    this.chain.setPosition(0, 14 + this.title.height);
    const w = Math.max(this.title.width, this.chain.width) + 40;
    const h = 22 + this.title.height + (chainLine ? this.chain.height : 0);
    const accent = a.kind === 'warn' ? palette.warning : a.kind === 'good' ? palette.ok : palette.accent;
    this.bg.clear();
    this.bg.fillStyle(palette.bgDeep, 0.94);
    this.bg.fillRoundedRect(-w / 2, 0, w, h, 10);
    this.bg.lineStyle(2, accent, 1);
    this.bg.strokeRoundedRect(-w / 2, 0, w, h, 10);
    this.bg.fillStyle(accent, 1);
    this.bg.fillRoundedRect(-w / 2, 0, 6, h, { tl: 10, bl: 10, tr: 0, br: 0 });
    const hold = this.opts.durationMs ?? 2600;
    this.box.setVisible(true).setAlpha(1).setPosition(this.centerX, this.top);
    if (this.opts.reducedMotion) {
      this.scene.time.delayedCall(hold, () => this.next());
      return;
    }
    this.box.setAlpha(0).setY(this.top - 14);
    this.scene.tweens.add({ targets: this.box, alpha: 1, y: this.top, duration: 180, ease: 'Quad.easeOut' });
    this.scene.tweens.add({
      targets: this.box,
      alpha: 0,
      delay: hold,
      duration: 260,
      onComplete: () => this.next(),
    });
  }
}
