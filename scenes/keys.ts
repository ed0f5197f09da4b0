/** Scene keys, the names tests and the hook use (window.neuroworm.scene()). */
export const SCENES = {
  boot: 'boot',
  title: 'title',
  playground: 'playground',
  challenges: 'challenges',
  editor: 'editor',
  lab: 'neuron-lab',
  settings: 'settings',
  help: 'help',
  gallery: 'gallery',
  natsel: 'natural-selection',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** Scenes drawn over another scene (they do not count as "the current scene"). */
export const OVERLAYS: readonly string[] = [SCENES.help];
