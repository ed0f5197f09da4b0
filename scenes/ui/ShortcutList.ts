import Phaser from 'phaser';
import type { ShortcutInfo } from './shortcuts';
import { palette, textStyle } from './theme';

/** The on-screen list of keyboard shortcuts: key caps and what they do, in one or two columns. */
export class ShortcutList extends Phaser.GameObjects.Container {
  private readonly g: Phaser.GameObjects.Graphics;
  private items: Phaser.GameObjects.Text[] = [];
  contentHeight = 0;

  constructor(scene: Phaser.Scene) {
    super(scene, 0, 0);
    this.g = scene.add.graphics();
    this.add(this.g);
    scene.add.existing(this);
  }

  /** Lays the list out from the container's origin in a box of the given width. */
  show(shortcuts: readonly ShortcutInfo[], width: number): this {
    this.items.forEach((t) => t.destroy());
    this.items = [];
    this.g.clear();
    const columns = width > 560 ? 2 : 1;
    const colW = width / columns;
    const rowH = 30;
    const perCol = Math.ceil(shortcuts.length / columns);
    shortcuts.forEach((s, i) => {
      const col = Math.floor(i / perCol);
      const row = i % perCol;
      const x = col * colW;
      const y = row * rowH;
      const key = this.scene.add.text(0, 0, s.label, textStyle(13, { mono: true, bold: true })).setOrigin(0.5);
      const capW = Math.max(30, key.width + 14);
      this.g.fillStyle(palette.panelHi, 1);
      this.g.fillRoundedRect(x, y + 2, capW, rowH - 6, 5);
      this.g.lineStyle(1, palette.borderHi, 1);
      this.g.strokeRoundedRect(x, y + 2, capW, rowH - 6, 5);
      this.g.lineStyle(2, palette.border, 1);
      this.g.lineBetween(x + 3, y + rowH - 4, x + capW - 3, y + rowH - 4);
      key.setPosition(x + capW / 2, y + (rowH - 4) / 2);
      const desc = this.scene.add.text(x + capW + 10, y + (rowH - 4) / 2, s.description, textStyle(14, { color: palette.textMuted })).setOrigin(0, 0.5);
      this.items.push(key, desc);
      this.add([key, desc]);
    });
    this.contentHeight = perCol * rowH;
    return this;
  }
}
