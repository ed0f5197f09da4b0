import Phaser from 'phaser';
import { app } from './app';
import { BaseScene, openHelp } from './BaseScene';
import { SCENES } from './keys';
import { Button } from './ui/Button';
import { palette, textStyle } from './ui/theme';
import { illustrativeMuscles, illustrativePose } from './view/illustration';
import { WormRenderer } from './view/WormRenderer';

interface MenuItem {
  label: string;
  hint: string;
  key: string;
  go: () => void;
}

/** Title and main menu. ↑/↓ and Enter, or the letter keys, or a click/tap. */
export class TitleScene extends BaseScene {
  private title!: Phaser.GameObjects.Text;
  private subtitle!: Phaser.GameObjects.Text;
  private footer!: Phaser.GameObjects.Text;
  private worm!: WormRenderer;
  private buttons: Button[] = [];
  private focus = -1;

  constructor() {
    super(SCENES.title);
    this.backTo = null;
  }

  protected build(): void {
    this.title = this.add.text(0, 0, 'Neuroworm', textStyle(56, { bold: true })).setOrigin(0.5);
    this.subtitle = this.add.text(0, 0, 'Poke a worm. Watch it think. Rewire it.', textStyle(18, { color: palette.textMuted })).setOrigin(0.5);
    this.worm = new WormRenderer(this, { detailed: app().settings.quality === 'high' });
    const items: MenuItem[] = [
      { label: 'Play', hint: 'Poke the worm on an agar plate', key: 'P', go: () => this.scene.start(SCENES.playground) },
      { label: 'Challenges', hint: 'Seven environments to beat', key: 'C', go: () => this.scene.start(SCENES.challenges) },
      { label: 'Editor', hint: 'Design reflex circuits', key: 'E', go: () => this.scene.start(SCENES.editor) },
      { label: 'Neuron lab', hint: 'One neuron under current clamp', key: 'N', go: () => this.scene.start(SCENES.lab) },
      { label: 'Natural selection', hint: 'Worms evolve: the best eaters breed', key: 'W', go: () => this.scene.start(SCENES.natsel) },
      { label: 'Settings', hint: 'Sound, renderer, motion, text size', key: 'S', go: () => this.scene.start(SCENES.settings) },
      { label: 'Help', hint: 'How to play, keyboard shortcuts', key: '?', go: () => openHelp(this) },
    ];
    this.buttons = items.map(
      (it, i) =>
        new Button(this, 0, 0, {
          label: it.label,
          hint: it.hint,
          variant: i === 0 ? 'primary' : 'secondary',
          width: 320,
          height: 58,
          fontSize: 19,
          onClick: it.go,
        }),
    );
    this.focus = -1;
    items.forEach((it, i) => {
      if (it.key === '?') return;
      this.shortcut({ keys: [it.key.toLowerCase(), it.key], label: it.key, description: it.label, run: () => this.buttons[i].activate() });
    });
    this.shortcut({ keys: ['ArrowDown'], label: '↓ / ↑', description: 'Move through the menu', run: () => this.moveFocus(1) });
    this.shortcut({ keys: ['ArrowUp'], label: '↑', description: 'Previous menu item', hidden: true, run: () => this.moveFocus(-1) });
    this.shortcut({ keys: ['Enter'], label: 'Enter', description: 'Open the highlighted item', run: () => this.buttons[Math.max(0, this.focus)].activate() });
    this.footer = this.add
      .text(0, 0, '', textStyle(13, { color: palette.textDim, align: 'center' }))
      .setOrigin(0.5, 1)
      .setText(`? or H: help and shortcuts  ·  ↑ ↓ Enter: menu  ·  Esc: back  ·  renderer: ${app().renderer === 'webgl' ? 'WebGL' : 'Canvas'}`);
  }

  private moveFocus(d: number): void {
    const n = this.buttons.length;
    this.focus = this.focus < 0 ? (d > 0 ? 0 : n - 1) : (this.focus + d + n) % n;
    this.buttons.forEach((b, i) => b.setFocused(i === this.focus));
  }

  protected layout(width: number, height: number): void {
    const wide = width >= 980 && width / height > 1.2;
    const btnH = Phaser.Math.Clamp(Math.floor((height - 120) / 9), 46, 62);
    const btnW = Math.min(340, width - 48);
    const gap = Math.round(btnH * 0.22);
    const menuH = this.buttons.length * btnH + (this.buttons.length - 1) * gap;
    let artCx: number;
    let artCy: number;
    let artW: number;
    let menuX: number;
    let menuTop: number;
    if (wide) {
      artCx = width * 0.32;
      artW = Math.min(width * 0.46, 560);
      artCy = height * 0.48;
      this.title.setPosition(artCx, artCy - 150);
      this.subtitle.setPosition(artCx, artCy - 96);
      menuX = width * 0.72;
      menuTop = (height - menuH) / 2;
    } else {
      // One column, centred as a block: title, subtitle, worm, menu.
      artCx = width / 2;
      artW = Math.min(width * 0.8, 460);
      const artH = artW * 0.22;
      const block = 56 + 44 + artH + 48 + menuH;
      const top = Math.max(24, (height - 40 - block) / 2);
      this.title.setPosition(artCx, top + 28);
      this.subtitle.setPosition(artCx, top + 78);
      artCy = top + 100 + artH / 2;
      menuX = width / 2;
      menuTop = artCy + artH / 2 + 48;
    }
    this.title.setFontSize(Math.round(Phaser.Math.Clamp(width / 14, 36, 60)));
    this.buttons.forEach((b, i) => {
      b.resize(btnW, btnH);
      b.setPosition(menuX, menuTop + i * (btnH + gap) + btnH / 2);
    });
    const segments = 24;
    const pose = illustrativePose(segments, artW, artW * 0.07, artCx - artW / 2, wide ? artCy + 10 : artCy, wide ? -0.12 : -0.05);
    this.worm.drawPx(pose, artW * 0.036, illustrativeMuscles(segments), segments);
    this.footer.setPosition(width / 2, height - 14).setWordWrapWidth(width - 24, true);
  }
}
