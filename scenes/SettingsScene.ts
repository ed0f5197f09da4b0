import type Phaser from 'phaser';
import { app, updateSettings } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import type { Quality, RendererChoice } from './settings';
import { Button } from './ui/Button';
import { Choice } from './ui/Choice';
import { Slider } from './ui/Slider';
import { Toggle } from './ui/Toggle';
import { palette, textStyle } from './ui/theme';

/** Sound (off by default), renderer, quality, reduced motion, text size; saved at once. */
export class SettingsScene extends BaseScene {
  private rows: { obj: Phaser.GameObjects.Container & { setWidth(w: number): unknown }; h: number }[] = [];
  private sections: { text: Phaser.GameObjects.Text; before: number }[] = [];
  private reload!: Button;
  private resetHelp!: Button;
  private resetProgress!: Button;
  private status!: Phaser.GameObjects.Text;
  private confirmReset = false;
  private restartTimer: Phaser.Time.TimerEvent | null = null;

  constructor() {
    super(SCENES.settings);
  }

  protected build(): void {
    this.addHeader('Settings');
    this.confirmReset = false;
    const s = app().settings;
    const running = app().renderer;
    const sound = new Toggle(this, 0, 0, {
      label: 'Sound effects',
      hint: 'Off by default. This build has no sounds yet.',
      value: s.sound,
      onChange: (v) => updateSettings({ sound: v }),
    });
    const renderer = new Choice<RendererChoice>(this, 0, 0, {
      label: 'Renderer',
      hint: `Applies after a reload · running now: ${running === 'webgl' ? 'WebGL' : 'Canvas'}`,
      options: [
        { value: 'canvas', label: 'Canvas' },
        { value: 'webgl', label: 'WebGL' },
      ],
      value: s.renderer,
      onChange: (v) => {
        updateSettings({ renderer: v });
        this.refreshReload();
      },
    });
    const quality = new Choice<Quality>(this, 0, 0, {
      label: 'Drawing quality',
      hint: 'Low: flat body, fewer lit synapses, smaller plate texture',
      options: [
        { value: 'high', label: 'High' },
        { value: 'low', label: 'Low' },
      ],
      value: s.quality,
      onChange: (v) => {
        updateSettings({ quality: v });
        this.refreshReload();
      },
    });
    const motion = new Toggle(this, 0, 0, {
      label: 'Reduced motion',
      hint: 'No flashes, halos or sliding announcements',
      value: s.reducedMotion,
      onChange: (v) => updateSettings({ reducedMotion: v }),
    });
    const text = new Slider(this, 0, 0, {
      label: 'Text size',
      unit: '%',
      min: 80,
      max: 150,
      step: 5,
      value: Math.round(s.textScale * 100),
      onChange: (v) => {
        updateSettings({ textScale: v / 100 });
        // Re-create the texts at the new size once the slider settles.
        this.restartTimer?.remove();
        this.restartTimer = this.time.delayedCall(450, () => this.scene.restart());
      },
    });
    this.rows = [
      { obj: sound, h: 52 },
      { obj: renderer, h: renderer.rowHeight },
      { obj: quality, h: quality.rowHeight },
      { obj: motion, h: 52 },
      { obj: text, h: 54 },
    ];
    const section = (label: string, before: number): void => {
      this.sections.push({ text: this.add.text(0, 0, label.toUpperCase(), textStyle(12, { color: palette.accent, bold: true })), before });
    };
    this.sections = [];
    section('Sound', 0);
    section('Display', 1);
    section('Comfort', 3);
    this.reload = new Button(this, 0, 0, { label: 'Reload to apply', width: 190, height: 42, onClick: () => location.reload() });
    this.resetHelp = new Button(this, 0, 0, {
      label: 'Show help on next start',
      width: 230,
      height: 42,
      onClick: () => {
        app().storage.setHelpSeen(false);
        this.status.setText('The help will open the next time the game starts.');
      },
    });
    this.resetProgress = new Button(this, 0, 0, {
      label: 'Reset challenge progress',
      variant: 'danger',
      width: 230,
      height: 42,
      onClick: () => {
        if (!this.confirmReset) {
          this.confirmReset = true;
          this.resetProgress.setLabel('Click again to erase');
          return;
        }
        app().storage.resetProgress();
        this.confirmReset = false;
        this.resetProgress.setLabel('Reset challenge progress');
        this.status.setText('Challenge progress erased.');
      },
    });
    this.status = this.add.text(0, 0, '', textStyle(13, { color: palette.textMuted }));
    this.refreshReload();
  }

  private refreshReload(): void {
    const s = app().settings;
    this.reload.setEnabled(s.renderer !== app().renderer || s.quality !== app().bootSettings.quality);
  }

  protected layout(width: number, height: number): void {
    const colW = Math.min(620, width - 48);
    const x = width / 2;
    let y = HEADER_H + 28;
    const gapAfter = 10;
    this.rows.forEach((row, i) => {
      const sec = this.sections.find((s) => s.before === i);
      if (sec) {
        y += i === 0 ? 0 : 14;
        sec.text.setPosition(x - colW / 2, y);
        y += sec.text.height + 10;
      }
      row.obj.setWidth(colW);
      row.obj.setPosition(x, y + row.h / 2);
      y += row.h + gapAfter;
    });
    y += 18;
    const narrow = colW < 520;
    if (narrow) {
      this.reload.setPosition(x, y + 21);
      this.resetHelp.setPosition(x, y + 21 + 52);
      this.resetProgress.setPosition(x, y + 21 + 104);
      y += 104 + 42 + 12;
    } else {
      this.reload.setPosition(x - colW / 2 + 95, y + 21);
      this.resetHelp.setPosition(x + colW / 2 - 115, y + 21);
      this.resetProgress.setPosition(x + colW / 2 - 115, y + 21 + 52);
      y += 52 + 42 + 12;
    }
    this.status.setPosition(x - colW / 2, Math.min(y, height - 30));
  }
}
