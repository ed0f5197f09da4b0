import type Phaser from 'phaser';
import { app } from './app';
import type { SimulationFactory } from '../src/sim/factory';
import type { LinkedSimulation } from './sim-factory';
import { provideSimulation } from './sim-link';
import { OVERLAYS, SCENES } from './keys';
import type { Settings } from './settings';
import { visibleControls, type ControlInfo } from './ui/controls';
import { GLOBAL_SCOPE, type ShortcutInfo } from './ui/shortcuts';

/**
 * What a scene that runs a simulation exposes to tests. The scene registers
 * one with provideProbe() and it is dropped when the scene stops. Methods the
 * scene cannot support are left out; the hook then throws a clear error.
 */
export interface SceneProbe {
  /** Simulated time, ms. */
  simTimeMs?(): number;
  /** Segment centres in mm (x,y interleaved, head first) and the same points in canvas px. */
  pose?(): { mm: number[]; px: number[] };
  /** Neuron ids in circuit order with their latest output (0..1) and V (mV). */
  activity?(): { ids: string[]; output: number[]; v: number[] };
  /** Advance the simulation by ms of simulated time (whole fixed steps), then redraw. */
  advance?(ms: number): void;
  /** The simulation's behaviour snapshot (from the pose): direction, speeds, heading. */
  behaviour?(): Record<string, unknown>;
  loadCircuit?(circuit: unknown): Promise<void> | void;
  loadScenario?(scenario: unknown): Promise<void> | void;
  /** Screen px of a neuron's node in the neural view (to click it), or null. */
  neuronScreen?(id: string): { x: number; y: number } | null;
  /** Screen px of the middle of a synapse's drawn path in the editor's graph (to click it), or null. */
  synapseScreen?(key: string): { x: number; y: number } | null;
  /** Announcements shown so far ("Reversal! ALM → AVD → AVA"). */
  announcements?(): string[];
  /** Anything else a scene wants tests to read (e.g. neural view stats). */
  info?(): Record<string, unknown>;
}

export interface NeurowormHook {
  readonly version: 1;
  /** True once the boot scene has started the first scene. */
  ready: boolean;
  /** Key of the current full-screen scene (overlays excluded), e.g. "title". */
  scene(): string;
  /** Active overlays, e.g. ["help"]. */
  overlays(): string[];
  /** Switch to a scene (as the menu would). */
  goto(key: string): void;
  /** Visible buttons, toggles, sliders, choices and cards with their canvas-pixel bounds. */
  controls(): ControlInfo[];
  /** The first visible control whose label matches exactly. */
  control(label: string): ControlInfo | undefined;
  /** Shortcuts active right now, as the on-screen list shows them. */
  shortcuts(): ShortcutInfo[];
  settings(): Settings;
  renderer(): 'webgl' | 'canvas';
  /** Phaser's measured frames per second. */
  fps(): number;
  simTimeMs(): number;
  pose(): { mm: number[]; px: number[] };
  activity(): { ids: string[]; output: number[]; v: number[] };
  advance(ms: number): void;
  behaviour(): Record<string, unknown>;
  loadCircuit(circuit: unknown): Promise<void>;
  loadScenario(scenario: unknown): Promise<void>;
  neuronScreen(id: string): { x: number; y: number } | null;
  synapseScreen(key: string): { x: number; y: number } | null;
  announcements(): string[];
  info(): Record<string, unknown>;
  /** Game objects drawn with Phaser's missing-texture square (a texture used before it loaded), as "scene: type name". */
  missingTextures(): string[];
  /**
   * Substitutes the simulation scenes get from sim-link (a scripted test
   * double). Takes effect for scenes started afterwards.
   */
  provideSimulation(factory: SimulationFactory<LinkedSimulation>): void;
}

declare global {
  interface Window {
    neuroworm?: NeurowormHook;
  }
}

let probe: { key: string; probe: SceneProbe } | null = null;
let hook: NeurowormHook | null = null;

/** Called by a scene in create(); removed automatically when that scene shuts down. */
export function provideProbe(scene: Phaser.Scene, p: SceneProbe): void {
  const key = scene.sys.settings.key;
  probe = { key, probe: p };
  scene.events.once('shutdown', () => {
    if (probe?.key === key) probe = null;
  });
}

export function markReady(): void {
  if (hook) hook.ready = true;
}

function activeKeys(game: Phaser.Game): string[] {
  return game.scene.getScenes(true, true).map((s) => s.sys.settings.key);
}

function need<K extends keyof SceneProbe>(name: K): NonNullable<SceneProbe[K]> {
  const fn = probe?.probe[name];
  if (!fn) {
    const where = probe ? `scene "${probe.key}"` : 'the current scene';
    throw new Error(`neuroworm.${String(name)}: not available in ${where} (this scene runs no simulation)`);
  }
  return fn as NonNullable<SceneProbe[K]>;
}

interface Drawn {
  type: string;
  name: string;
  texture?: { key: string };
  list?: Drawn[];
}

function missingTextures(game: Phaser.Game): string[] {
  const found: string[] = [];
  const walk = (key: string, objects: readonly Drawn[]) => {
    for (const o of objects) {
      if (o.texture?.key === '__MISSING') found.push(`${key}: ${o.type} ${o.name}`.trim());
      if (o.list) walk(key, o.list);
    }
  };
  for (const scene of game.scene.getScenes(true, true)) walk(scene.sys.settings.key, scene.children.list as unknown as Drawn[]);
  return found;
}

/** Installs window.neuroworm (documented in docs/game.md). */
export function installTestingHook(game: Phaser.Game): NeurowormHook {
  hook = {
    version: 1,
    ready: false,
    scene: () => activeKeys(game).find((k) => !OVERLAYS.includes(k) && k !== SCENES.boot) ?? '',
    overlays: () => activeKeys(game).filter((k) => OVERLAYS.includes(k)),
    goto: (key) => {
      // Stopping the boot scene mid-load would cancel its icon loads, and the scene opened draws missing textures.
      if (!hook?.ready) throw new Error(`neuroworm.goto("${key}"): the game is still loading; wait for neuroworm.ready first`);
      for (const k of activeKeys(game)) if (k !== key) game.scene.stop(k);
      game.scene.start(key);
    },
    controls: () => visibleControls(),
    control: (label) => visibleControls().find((c) => c.label === label),
    shortcuts: () => app().shortcuts.list([...activeKeys(game), GLOBAL_SCOPE]),
    settings: () => ({ ...app().settings }),
    renderer: () => app().renderer,
    fps: () => game.loop.actualFps,
    simTimeMs: () => need('simTimeMs')(),
    pose: () => need('pose')(),
    activity: () => need('activity')(),
    advance: (ms) => need('advance')(ms),
    behaviour: () => need('behaviour')(),
    loadCircuit: async (c) => need('loadCircuit')(c),
    loadScenario: async (s) => need('loadScenario')(s),
    neuronScreen: (id) => need('neuronScreen')(id),
    synapseScreen: (key) => need('synapseScreen')(key),
    announcements: () => probe?.probe.announcements?.() ?? [],
    info: () => ({ scene: probe?.key ?? null, ...(probe?.probe.info?.() ?? {}) }),
    missingTextures: () => missingTextures(game),
    provideSimulation: (factory) => provideSimulation(factory),
  };
  window.neuroworm = hook;
  return hook;
}
