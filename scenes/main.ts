import Phaser from 'phaser';
import { TitleScene } from './TitleScene';

// Boots the game; scenes draw the simulation from src/ and forward input to it.
new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: '#10151c',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  scene: [TitleScene],
});
