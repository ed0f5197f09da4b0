/**
 * The part of a plate texture that falls inside a screen rectangle, for a
 * plate drawn in a panel smaller than the plate (the editor's live worm):
 * the texture is cropped rather than masked, which costs nothing per frame
 * and works the same under the WebGL and Canvas renderers.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * `shown`: where the whole texture (texW × texH px) is drawn on screen; `clip`: the panel. Returns the crop in
 * texture px, or null when the plate is wholly outside the panel.
 */
export function plateCrop(shown: Rect, texW: number, texH: number, clip: Rect): Rect | null {
  const x0 = Math.max(shown.x, clip.x);
  const y0 = Math.max(shown.y, clip.y);
  const x1 = Math.min(shown.x + shown.w, clip.x + clip.w);
  const y1 = Math.min(shown.y + shown.h, clip.y + clip.h);
  if (x1 <= x0 || y1 <= y0 || shown.w <= 0 || shown.h <= 0) return null;
  const kx = texW / shown.w;
  const ky = texH / shown.h;
  return { x: (x0 - shown.x) * kx, y: (y0 - shown.y) * ky, w: (x1 - x0) * kx, h: (y1 - y0) * ky };
}
