/**
 * The game's look in one place: a dark palette, role and synapse colours shared
 * by every view, and text styles scaled by the player's text-size setting.
 */
import type Phaser from 'phaser';

export const palette = {
  bg: 0x0e131a,
  bgDeep: 0x0a0e13,
  panel: 0x161e28,
  panelHi: 0x1e2936,
  panelLo: 0x121921,
  border: 0x2d3b4c,
  borderHi: 0x4a6078,
  text: 0xe6edf5,
  textMuted: 0x9aabbd,
  textDim: 0x6b7c8f,
  accent: 0x3fd0bd,
  accentHi: 0x7ce8da,
  accentDim: 0x1f6f66,
  warning: 0xf2b84b,
  danger: 0xff6170,
  ok: 0x6fdc8c,
  focus: 0xffd479,
  // Neuron roles (nodes) and synapse types (edges): hues kept apart so they never read as each other.
  sensory: 0x46d2f0,
  inter: 0xc3a5ff,
  motor: 0xff86b8,
  excitatory: 0xff9a4a,
  inhibitory: 0x4f9dff,
  gap: 0x9be15d,
  // Plate and worm.
  agar: 0x5b5237,
  agarRim: 0xcfc4a0,
  worm: 0xf1e7cf,
  wormMid: 0xe2d4b2,
  wormEdge: 0xb5a27a,
  wormOutline: 0x2a2216,
  muscle: 0xff4d3d,
  food: 0xf4ecd2,
  heat: 0xff6a2b,
  cold: 0x53a8ff,
  toxin: 0xb45cff,
  odor: 0x39e0c4,
  goal: 0x7dff9c,
  wall: 0x1b232c,
  wallEdge: 0x55677a,
} as const;

/** '#rrggbb' for Phaser text styles and DOM. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** Linear mix of two 0xRRGGBB colours, t in 0..1. */
export function mix(a: number, b: number, t: number): number {
  const u = t < 0 ? 0 : Math.min(t, 1);
  const r = ((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * u;
  const g = ((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * u;
  const bl = (a & 255) + ((b & 255) - (a & 255)) * u;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

export const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
export const MONO = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

let textScale = 1;

/** Set once from the settings at boot (and when the player changes text size). */
export function setTextScale(scale: number): void {
  textScale = scale;
}

/** Font size in px after the player's text-size setting. */
export function fontPx(size: number): number {
  return Math.round(size * textScale);
}

/** Sharper text on high-density screens without making every canvas huge. */
const TEXT_RESOLUTION = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));

export interface TextOpts {
  color?: number;
  bold?: boolean;
  mono?: boolean;
  align?: 'left' | 'center' | 'right';
  wrapWidth?: number;
  lineSpacing?: number;
}

export function textStyle(size: number, opts: TextOpts = {}): Phaser.Types.GameObjects.Text.TextStyle {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: opts.mono ? MONO : FONT,
    fontSize: `${fontPx(size)}px`,
    color: css(opts.color ?? palette.text),
    fontStyle: opts.bold ? 'bold' : 'normal',
    align: opts.align ?? 'left',
    resolution: TEXT_RESOLUTION,
  };
  if (opts.wrapWidth) style.wordWrap = { width: opts.wrapWidth, useAdvancedWrap: true };
  if (opts.lineSpacing !== undefined) style.lineSpacing = opts.lineSpacing;
  return style;
}

export const ROLE_COLOR = { sensory: palette.sensory, inter: palette.inter, motor: palette.motor } as const;

/** An inset panel: a rounded fill with a 1 px border (the editor's body diagram and live worm). */
export function drawInsetPanel(g: Phaser.GameObjects.Graphics, r: { x: number; y: number; w: number; h: number }, fill: number): void {
  g.fillStyle(fill, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, 6);
  g.lineStyle(1, palette.border, 1);
  g.strokeRoundedRect(r.x, r.y, r.w, r.h, 6);
}
