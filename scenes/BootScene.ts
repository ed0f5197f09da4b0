import Phaser from 'phaser';
import { app } from './app';
import { openHelp } from './BaseScene';
import { SCENES } from './keys';
import { markReady } from './testing-hook';
import { palette, textStyle } from './ui/theme';

const ICONS = ['play', 'pause', 'step', 'back', 'help', 'gear', 'keyboard'] as const;

/** Loads the SVG icons, makes the runtime textures, then opens the first scene (and the help on a first visit). */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  preload(): void {
    this.cameras.main.setBackgroundColor(palette.bg);
    const { width, height } = this.scale;
    const label = this.add.text(width / 2, height / 2, 'Loading…', textStyle(16, { color: palette.textMuted })).setOrigin(0.5);
    this.load.on('progress', (p: number) => label.setText(`Loading… ${Math.round(p * 100)}%`));
    for (const name of ICONS) this.load.svg(`icon-${name}`, `icons/${name}.svg`, { width: 48, height: 48 });
  }

  create(): void {
    const a = app();
    a.game = this.game;
    a.renderer = this.game.renderer.type === Phaser.CANVAS ? 'canvas' : 'webgl';
    // ?scene=<key> opens another scene first (tests, screenshots, links).
    // ?challenge=<id> with scene=playground starts that challenge.
    const query = new URLSearchParams(location.search);
    const wanted = query.get('scene');
    const challenge = query.get('challenge');
    const known = Object.values(SCENES) as string[];
    const first = wanted && known.includes(wanted) && wanted !== SCENES.boot && wanted !== SCENES.help ? wanted : SCENES.title;
    this.scene.start(first, first === SCENES.playground && challenge ? { challenge } : undefined);
    if (!a.storage.helpSeen()) {
      const target = this.scene.get(first);
      target.events.once('create', () => openHelp(target));
    }
    markReady();
  }
}
