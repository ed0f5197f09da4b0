import type Phaser from 'phaser';
import type { Settings } from './settings';
import { GameStorage, browserStore } from './storage';
import { ShortcutRegistry } from './ui/shortcuts';
import { setTextScale } from './ui/theme';

/**
 * The few things every scene shares: stored settings and progress, the
 * shortcut registry, which renderer booted. Set up once by main.ts.
 */
export interface App {
  readonly storage: GameStorage;
  readonly shortcuts: ShortcutRegistry;
  /** The renderer actually running (the setting applies after a reload); set by the boot scene. */
  renderer: 'webgl' | 'canvas';
  settings: Settings;
  /** The settings as they were at boot (renderer and multisampling apply only then). */
  readonly bootSettings: Readonly<Settings>;
  game: Phaser.Game | null;
}

let current: App | null = null;

export function initApp(renderer: 'webgl' | 'canvas', storage = new GameStorage(browserStore())): App {
  const settings = storage.loadSettings();
  setTextScale(settings.textScale);
  current = { storage, shortcuts: new ShortcutRegistry(), renderer, settings, bootSettings: { ...settings }, game: null };
  return current;
}

export function app(): App {
  if (!current) throw new Error('neuroworm: app() called before initApp() in scenes/main.ts');
  return current;
}

/** Changes settings, saves them, and applies what can apply live (text size). */
export function updateSettings(patch: Partial<Settings>): Settings {
  const a = app();
  a.settings = { ...a.settings, ...patch };
  a.storage.saveSettings(a.settings);
  setTextScale(a.settings.textScale);
  return a.settings;
}
