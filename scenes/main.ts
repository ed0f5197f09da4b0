import Phaser from 'phaser';
import { app, initApp } from './app';
import { BootScene } from './BootScene';
import { openHelp } from './BaseScene';
import { ChallengesScene } from './ChallengesScene';
import { EditorScene } from './EditorScene';
import { GalleryScene } from './GalleryScene';
import { HelpScene } from './HelpScene';
import { NatselScene } from './natsel/NatselScene';
import { NeuronLabScene } from './NeuronLabScene';
import { PlaygroundScene } from './PlaygroundScene';
import { SettingsScene } from './SettingsScene';
import { TitleScene } from './TitleScene';
import { installTestingHook } from './testing-hook';
import { GLOBAL_SCOPE } from './ui/shortcuts';
import { palette } from './ui/theme';

// Boots the game; scenes draw the simulation from src/ and forward input to it.
// ?renderer=webgl|canvas overrides the saved setting for this visit.
const params = new URLSearchParams(location.search);
const a = initApp('webgl');
const asked = params.get('renderer');
const renderer = asked === 'canvas' || asked === 'webgl' ? asked : a.settings.renderer;

const game = new Phaser.Game({
  // AUTO falls back to Canvas where WebGL is missing; the boot scene records what ran.
  type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
  parent: 'game',
  backgroundColor: palette.bg,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  // Multisampling costs half the frame rate in software WebGL; only the high-quality setting pays for it.
  render: { antialias: true, antialiasGL: a.settings.quality === 'high', powerPreference: 'high-performance' },
  input: { activePointers: 3 },
  disableContextMenu: true,
  banner: false,
  scene: [BootScene, TitleScene, PlaygroundScene, ChallengesScene, EditorScene, NeuronLabScene, NatselScene, SettingsScene, GalleryScene, HelpScene],
});
a.game = game;
installTestingHook(game);

// One keyboard listener for the whole game: the top-most active scene's
// shortcuts win, then the global ones (help).
app().shortcuts.register(GLOBAL_SCOPE, {
  keys: ['?', 'h', 'H'],
  label: '? / H',
  description: 'Help and shortcuts',
  run: () => {
    const top = game.scene.getScenes(true, true)[0];
    if (top) openHelp(top);
  },
});

window.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement | null;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
  const scopes = [...game.scene.getScenes(true, true).map((s) => s.sys.settings.key), GLOBAL_SCOPE];
  if (app().shortcuts.handle(e, scopes)) e.preventDefault();
});
