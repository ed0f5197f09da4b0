import { z } from 'zod';

/** Which Phaser renderer to boot with; switching needs a page reload. */
export const RENDERERS = ['webgl', 'canvas'] as const;
export type RendererChoice = (typeof RENDERERS)[number];

/** Drawing detail: `low` skips body shading, dims fewer synapses and uses smaller textures. */
export const QUALITIES = ['high', 'low'] as const;
export type Quality = (typeof QUALITIES)[number];

export const SettingsSchema = z.object({
  sound: z.boolean(),
  renderer: z.enum(RENDERERS),
  quality: z.enum(QUALITIES),
  reducedMotion: z.boolean(),
  /** Multiplier on every font size, for tablets and tired eyes. */
  textScale: z.number().min(0.8).max(1.5),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Sound is off until the player turns it on (issue 6). Canvas is the default
 * renderer: in headless Chromium with software GL it drew the title at ~7× and
 * the full neural view at ~6× the WebGL frame rate (docs/game.md).
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sound: false,
  renderer: 'canvas',
  quality: 'high',
  reducedMotion: false,
  textScale: 1,
});

/**
 * Settings from stored JSON: unknown fields dropped, missing or invalid ones
 * replaced by defaults field by field, so one bad value never resets the rest.
 */
export function parseSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const shape = SettingsSchema.shape;
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const parsed = shape[key].safeParse(rec[key]);
    if (parsed.success) (out as Record<keyof Settings, unknown>)[key] = parsed.data;
  }
  return out;
}
