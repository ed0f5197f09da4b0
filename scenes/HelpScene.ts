import Phaser from 'phaser';
import { app } from './app';
import { SCENES } from './keys';
import { Button } from './ui/Button';
import { GLOBAL_SCOPE } from './ui/shortcuts';
import { ShortcutList } from './ui/ShortcutList';
import { palette, textStyle } from './ui/theme';

const HOW_TO = [
  'Neuroworm is a worm whose every move comes from its nervous system.',
  '• Tap or click the worm to touch it gently; hold, shift-click or right-click for a harsh poke.',
  '• Touch its head and it backs away (ALM → AVD → AVA); touch its tail and it speeds forward.',
  '• Drag from the worm to push it; drag the agar to pan; the wheel zooms.',
  '• Tools: drop food, heat a spot, tap the plate, switch agar / water.',
  '• Watch the neurons light up on the right; click one to plot it on the oscilloscope.',
  '• Pause, step and change speed with the bar at the bottom.',
  '• Natural selection: worms with random circuits share a plate; the best eaters breed (C: the champion to the editor).',
  'Press ? or H any time to see this again.',
].join('\n');

/**
 * The help overlay: how to play and the keyboard shortcuts of the scene
 * underneath. Shown on a first visit; dismissing it is remembered.
 */
export class HelpScene extends Phaser.Scene {
  private under: string | undefined;
  private off: (() => void)[] = [];

  constructor() {
    super(SCENES.help);
  }

  create(data: { under?: string }): void {
    this.under = data?.under;
    const dim = this.add.rectangle(0, 0, 10, 10, palette.bgDeep, 0.78).setOrigin(0).setInteractive();
    dim.on('pointerup', () => this.close());
    const panel = this.add.graphics();
    // A click on the panel itself must not fall through to the dimmer and close it.
    const blocker = this.add.zone(0, 0, 10, 10).setOrigin(0).setInteractive();
    const title = this.add.text(0, 0, 'Welcome to Neuroworm', textStyle(26, { bold: true }));
    const body = this.add.text(0, 0, HOW_TO, textStyle(15, { color: palette.textMuted, lineSpacing: 6 }));
    const keysTitle = this.add.text(0, 0, 'Keyboard shortcuts', textStyle(16, { bold: true }));
    const list = new ShortcutList(this);
    const ok = new Button(this, 0, 0, { label: 'Got it', variant: 'primary', width: 140, height: 44, onClick: () => this.close() });

    const scopes = [SCENES.help, ...(this.under ? [this.under] : []), GLOBAL_SCOPE];
    const reg = app().shortcuts;
    this.off = [
      reg.register(SCENES.help, { keys: ['Escape'], label: 'Esc', description: 'Close help', run: () => this.close() }),
      reg.register(SCENES.help, { keys: ['Enter'], label: 'Enter', description: 'Close help', hidden: true, run: () => this.close() }),
    ];

    const layout = (): void => {
      const { width, height } = this.scale;
      dim.setSize(width, height);
      const w = Math.min(760, width - 32);
      const pad = 26;
      const inner = w - 2 * pad;
      body.setWordWrapWidth(inner, true);
      list.show(
        reg.list(scopes).filter((s) => s.scope !== SCENES.help || s.label === 'Esc'),
        inner,
      );
      const h = Math.min(height - 32, pad + title.height + 14 + body.height + 22 + keysTitle.height + 12 + list.contentHeight + 22 + 44 + pad);
      const x = Math.round((width - w) / 2);
      const y = Math.round(Math.max(16, (height - h) / 2));
      panel.clear();
      panel.fillStyle(palette.panel, 1);
      panel.fillRoundedRect(x, y, w, h, 16);
      panel.lineStyle(1, palette.borderHi, 1);
      panel.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 16);
      blocker.setPosition(x, y).setSize(w, h);
      if (blocker.input?.hitArea) (blocker.input.hitArea as Phaser.Geom.Rectangle).setSize(w, h);
      let cy = y + pad;
      title.setPosition(x + pad, cy);
      cy += title.height + 14;
      body.setPosition(x + pad, cy);
      cy += body.height + 22;
      keysTitle.setPosition(x + pad, cy);
      cy += keysTitle.height + 12;
      list.setPosition(x + pad, cy);
      ok.setPosition(x + w - pad - 70, y + h - pad - 22);
    };
    layout();
    this.scale.on('resize', layout);
    this.events.once('shutdown', () => {
      this.scale.off('resize', layout);
      this.off.forEach((f) => f());
    });
  }

  close(): void {
    app().storage.setHelpSeen(true);
    this.scene.stop();
  }
}
