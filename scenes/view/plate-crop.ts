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

export interface Point {
  x: number;
  y: number;
}

/**
 * The part of a convex or concave polygon inside `clip` (Sutherland–Hodgman, one pass per edge of the
 * rectangle): the walls and obstacles of a plate larger than its panel are cut at the panel's edge,
 * as its texture is cropped. Empty when the polygon lies wholly outside.
 */
export function clipPolygon(points: readonly Point[], clip: Rect): Point[] {
  const x1 = clip.x + clip.w;
  const y1 = clip.y + clip.h;
  const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
    [(p) => p.x >= clip.x, (a, b) => at(a, b, (clip.x - a.x) / (b.x - a.x))],
    [(p) => p.x <= x1, (a, b) => at(a, b, (x1 - a.x) / (b.x - a.x))],
    [(p) => p.y >= clip.y, (a, b) => at(a, b, (clip.y - a.y) / (b.y - a.y))],
    [(p) => p.y <= y1, (a, b) => at(a, b, (y1 - a.y) / (b.y - a.y))],
  ];
  let out = points.slice();
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[(i + input.length - 1) % input.length];
      const b = input[i];
      if (inside(b)) {
        if (!inside(a)) out.push(cross(a, b));
        out.push(b);
      } else if (inside(a)) out.push(cross(a, b));
    }
    if (out.length === 0) break;
  }
  return out.length >= 3 ? out : [];
}

function at(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
