import Phaser from 'phaser';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('title');
  }

  create(): void {
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2, 'Neuroworm', { fontFamily: 'sans-serif', fontSize: '48px', color: '#e8f0f8' })
      .setOrigin(0.5);
  }
}
