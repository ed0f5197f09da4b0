import Phaser from 'phaser';
import { app } from './app';
import { SCENES } from './keys';
import { Button } from './ui/Button';
import type { ShortcutSpec } from './ui/shortcuts';
import { HEADER_H } from './ui/metrics';
import { palette, textStyle } from './ui/theme';

export { HEADER_H } from './ui/metrics';

/**
 * What every full-screen scene shares: dark background, a header with Back and
 * Help, Esc to go back, shortcuts scoped to the scene (removed when it stops),
 * and layout(width, height) called at start and on every window resize.
 */
export abstract class BaseScene extends Phaser.Scene {
  /** Where Esc and the Back button go; null for the title. */
  protected backTo: string | null = SCENES.title;
  private offs: (() => void)[] = [];
  private headerParts: { back: Button | null; help: Button; title: Phaser.GameObjects.Text; bar: Phaser.GameObjects.Graphics } | null = null;

  create(data?: unknown): void {
    this.offs = [];
    this.headerParts = null;
    this.cameras.main.setBackgroundColor(palette.bg);
    this.build(data);
    if (this.backTo) {
      this.shortcut({ keys: ['Escape'], label: 'Esc', description: 'Back', run: () => this.goBack() });
    }
    const onResize = (): void => this.relayout();
    this.scale.on('resize', onResize);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      this.offs.forEach((off) => off());
      this.offs = [];
    });
    this.relayout();
  }

  /** Create the scene's objects (positions come later, in layout). */
  protected abstract build(data?: unknown): void;

  /** Place everything for a canvas of this size. */
  protected abstract layout(width: number, height: number): void;

  relayout(): void {
    const { width, height } = this.scale;
    this.layoutHeader(width);
    this.layout(width, height);
  }

  /** Registers a shortcut for as long as this scene runs. */
  protected shortcut(spec: ShortcutSpec): void {
    this.offs.push(app().shortcuts.register(this.scene.key, spec));
  }

  /** Keeps an unregister function until the scene stops. */
  protected onShutdown(off: () => void): void {
    this.offs.push(off);
  }

  goBack(): void {
    if (this.backTo) this.scene.start(this.backTo);
  }

  protected get reducedMotion(): boolean {
    return app().settings.reducedMotion;
  }

  /** The header bar: Back (to backTo), the scene's title, and Help. */
  protected addHeader(title: string): void {
    const bar = this.add.graphics().setDepth(900);
    const back = this.backTo
      ? new Button(this, 0, 0, { label: 'Menu', icon: 'icon-back', width: 100, height: 38, fontSize: 14, tooltip: 'Back (Esc)', onClick: () => this.goBack() })
      : null;
    back?.setDepth(901);
    const help = new Button(this, 0, 0, {
      label: '',
      name: 'Help',
      icon: 'icon-help',
      width: 42,
      height: 38,
      tooltip: 'Help and keyboard shortcuts (? or H)',
      onClick: () => openHelp(this),
    }).setDepth(901);
    const text = this.add
      .text(0, 0, title, textStyle(20, { bold: true }))
      .setOrigin(0, 0.5)
      .setDepth(901);
    this.headerParts = { back, help, title: text, bar };
  }

  private layoutHeader(width: number): void {
    const h = this.headerParts;
    if (!h) return;
    h.bar.clear();
    h.bar.fillStyle(palette.panelLo, 1);
    h.bar.fillRect(0, 0, width, HEADER_H);
    h.bar.lineStyle(1, palette.border, 1);
    h.bar.lineBetween(0, HEADER_H - 0.5, width, HEADER_H - 0.5);
    h.back?.setPosition(12 + 50, HEADER_H / 2);
    h.title.setPosition(h.back ? 126 : 16, HEADER_H / 2);
    h.help.setPosition(width - 12 - 21, HEADER_H / 2);
  }
}

/** Opens the help overlay over a scene (or closes it if open). */
export function openHelp(from: Phaser.Scene): void {
  const mgr = from.game.scene;
  if (mgr.isActive(SCENES.help)) {
    mgr.stop(SCENES.help);
    return;
  }
  const under = mgr
    .getScenes(true, true)
    .map((s) => s.sys.settings.key)
    .find((k) => k !== SCENES.help && k !== SCENES.boot);
  mgr.start(SCENES.help, { under });
  mgr.bringToTop(SCENES.help);
}
