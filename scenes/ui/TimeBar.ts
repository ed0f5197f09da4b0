import Phaser from 'phaser';
import { Button } from './Button';
import type { ShortcutRegistry } from './shortcuts';
import { palette, textStyle } from './theme';

/** Speeds offered, keys 1–5. */
export const SPEEDS = [0.25, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

export interface TimeBarCallbacks {
  onPauseChange(paused: boolean): void;
  /** Advance one fixed step while paused. */
  onStep(): void;
  onSpeedChange(speed: Speed): void;
}

export function speedLabel(s: number): string {
  return s < 1 ? `${s}×`.replace(/^0/, '') : `${s}×`;
}

/**
 * Pause / step / speed controls with a clock readout. It owns no clock: it
 * shows the state it is given and calls back; the scene advances the
 * simulation through its real-time runner (src/sim/runner.ts).
 */
export class TimeBar extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly pauseBtn: Button;
  private readonly stepBtn: Button;
  private readonly speedBtns: Button[];
  private readonly clock: Phaser.GameObjects.Text;
  private paused = false;
  private speed: Speed = 1;
  private boxW = 520;
  readonly barHeight = 52;

  constructor(
    scene: Phaser.Scene,
    private readonly cb: TimeBarCallbacks,
  ) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.add(this.bg);
    this.pauseBtn = new Button(scene, 0, 0, {
      label: '',
      name: 'Pause',
      icon: 'icon-pause',
      width: 44,
      height: 38,
      tooltip: 'Pause / resume (Space)',
      onClick: () => this.togglePause(),
    });
    this.stepBtn = new Button(scene, 0, 0, {
      label: '',
      name: 'Step',
      icon: 'icon-step',
      width: 44,
      height: 38,
      tooltip: 'One step (.) — pauses first',
      onClick: () => this.step(),
    });
    this.speedBtns = SPEEDS.map(
      (s, i) =>
        new Button(scene, 0, 0, {
          label: speedLabel(s),
          width: 50,
          height: 38,
          fontSize: 14,
          tooltip: `Speed ${speedLabel(s)} (${i + 1})`,
          onClick: () => this.setSpeed(s, true),
        }),
    );
    this.clock = scene.add.text(0, 0, 't = 0.00 s', textStyle(15, { mono: true, color: palette.textMuted })).setOrigin(0, 0.5);
    this.add([this.pauseBtn, this.stepBtn, ...this.speedBtns, this.clock]);
    scene.add.existing(this);
    this.refresh();
  }

  /** Registers Space, '.', and 1–5 in a scope of the shortcut registry; returns the unregister function. */
  bindShortcuts(registry: ShortcutRegistry, scope: string): () => void {
    const offs = [
      registry.register(scope, { keys: [' '], label: 'Space', description: 'Pause / resume', run: () => this.togglePause() }),
      registry.register(scope, { keys: ['.'], label: '.', description: 'Step once (pauses)', run: () => this.step() }),
      registry.register(scope, {
        keys: SPEEDS.map((_, i) => String(i + 1)),
        label: '1–5',
        description: `Speed ${SPEEDS.map(speedLabel).join(' / ')}`,
        run: (key) => this.setSpeed(SPEEDS[Number(key) - 1], true),
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get currentSpeed(): Speed {
    return this.speed;
  }

  togglePause(): void {
    this.setPaused(!this.paused, true);
  }

  setPaused(paused: boolean, notify = false): void {
    this.paused = paused;
    this.refresh();
    if (notify) this.cb.onPauseChange(paused);
  }

  step(): void {
    if (!this.paused) this.setPaused(true, true);
    this.cb.onStep();
  }

  setSpeed(speed: Speed, notify = false): void {
    this.speed = speed;
    this.refresh();
    if (notify) this.cb.onSpeedChange(speed);
  }

  setTime(timeMs: number): void {
    this.clock.setText(`t = ${(timeMs / 1000).toFixed(2)} s`);
  }

  setEnabled(enabled: boolean): void {
    [this.pauseBtn, this.stepBtn, ...this.speedBtns].forEach((b) => b.setEnabled(enabled));
  }

  /** Lays the bar out centred at (cx, cy) within a width. */
  place(cx: number, cy: number, width: number): void {
    this.setPosition(Math.round(cx), Math.round(cy));
    this.boxW = Math.min(width, 640);
    const compact = this.boxW < 470;
    const bw = compact ? 40 : 50;
    const clockW = compact ? 0 : 130;
    this.clock.setVisible(!compact);
    const total = 44 + 6 + 44 + 14 + SPEEDS.length * (bw + 4) + (compact ? 0 : 14 + clockW);
    let x = -total / 2;
    this.pauseBtn.setPosition(x + 22, 0);
    x += 50;
    this.stepBtn.setPosition(x + 22, 0);
    x += 58;
    this.speedBtns.forEach((b) => {
      b.resize(bw, 38);
      b.setPosition(x + bw / 2, 0);
      x += bw + 4;
    });
    this.clock.setPosition(x + 14, 0);
    const g = this.bg;
    g.clear();
    g.fillStyle(palette.panel, 0.95);
    g.fillRoundedRect(-total / 2 - 10, -this.barHeight / 2, total + 20, this.barHeight, 12);
    g.lineStyle(1, palette.border, 1);
    g.strokeRoundedRect(-total / 2 - 10, -this.barHeight / 2, total + 20, this.barHeight, 12);
  }

  private refresh(): void {
    // The pause button shows what it will do: resume (▶) while paused.
    const icon = this.paused ? 'icon-play' : 'icon-pause';
    (this.pauseBtn.list.find((o) => o instanceof Phaser.GameObjects.Image) as Phaser.GameObjects.Image | undefined)?.setTexture(icon);
    this.pauseBtn.setSelected(this.paused);
    this.speedBtns.forEach((b, i) => b.setSelected(SPEEDS[i] === this.speed));
  }
}
