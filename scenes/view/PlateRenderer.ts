import Phaser from 'phaser';
import { palette } from '../ui/theme';
import { agarPixels } from './agar-texture';
import { arenaBox, type ArenaView, type ShapeView } from './arena-view';
import type { WorldCamera } from './camera';
import { clipPolygon, type Point, plateCrop, type Rect } from './plate-crop';

let plateSerial = 0;

function rgba(color: number, a: number): string {
  return `rgba(${(color >> 16) & 255},${(color >> 8) & 255},${color & 255},${a})`;
}

const ZONE_COLOR = { heat: palette.heat, cold: palette.cold, toxin: palette.toxin, goal: palette.goal } as const;

/**
 * Draws an arena on an agar plate. The gel, odour glows, zone fills and
 * bacterial lawns are painted once into one texture, clipped to the plate
 * (so nothing glows past the dish), and repainted only when the arena changes
 * (e.g. food dropped). Zone outlines, walls and pillars are vector graphics
 * re-placed when the camera changes (call layout()).
 */
export class PlateRenderer {
  private readonly layer: Phaser.GameObjects.Container;
  private readonly plate: Phaser.GameObjects.Image;
  private readonly lines: Phaser.GameObjects.Graphics;
  private readonly plateKey = `plate-${plateSerial++}`;
  private arena: ArenaView | null = null;
  /** The bare gel, generated once per arena size (the slow part). */
  private gel: HTMLCanvasElement | null = null;
  private texW = 0;
  private texH = 0;
  /** Walls and obstacles drawn at the last layout (whole or cut at the panel's edge), for tests. */
  solidsShown = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly opts: { quality: 'high' | 'low'; depth?: number } = { quality: 'high' },
  ) {
    this.layer = scene.add.container(0, 0).setDepth(opts.depth ?? 0);
    this.plate = scene.add.image(0, 0, '__DEFAULT').setOrigin(0.5).setVisible(false);
    this.lines = scene.add.graphics();
    this.layer.add([this.plate, this.lines]);
    scene.events.once('shutdown', () => this.destroy());
  }

  get container(): Phaser.GameObjects.Container {
    return this.layer;
  }

  get current(): ArenaView | null {
    return this.arena;
  }

  setArena(arena: ArenaView): void {
    const [x0, y0, x1, y1] = arenaBox(arena);
    const aspect = (x1 - x0) / (y1 - y0);
    const maxPx = this.opts.quality === 'high' ? 1024 : 512;
    const w = Math.round(aspect >= 1 ? maxPx : maxPx * aspect);
    const h = Math.round(aspect >= 1 ? maxPx / aspect : maxPx);
    const round = arena.bounds.kind === 'circle';
    const prev = this.arena;
    const sameGel = prev && this.gel && w === this.texW && h === this.texH && (prev.bounds.kind === 'circle') === round && prev.medium === arena.medium;
    this.arena = arena;
    if (!sameGel) {
      this.texW = w;
      this.texH = h;
      const gel = document.createElement('canvas');
      gel.width = w;
      gel.height = h;
      const ctx = gel.getContext('2d')!;
      const img = ctx.createImageData(w, h);
      img.data.set(agarPixels({ width: w, height: h, round, ...(arena.medium !== undefined && { medium: arena.medium }) }));
      ctx.putImageData(img, 0, 0);
      this.gel = gel;
    }
    this.paint();
  }

  /** Adds a bacterial lawn (a player dropping food) and repaints. */
  addFood(x: number, y: number, r: number, amount = 1): void {
    if (!this.arena) return;
    this.setArena({ ...this.arena, food: [...(this.arena.food ?? []), { x, y, r, amount }] });
  }

  /** Composites gel + glows + zone fills + lawns into the plate texture. */
  private paint(): void {
    const a = this.arena;
    if (!a || !this.gel) return;
    const w = this.texW;
    const h = this.texH;
    const [x0, y0, x1] = arenaBox(a);
    const k = w / (x1 - x0);
    const X = (x: number): number => (x - x0) * k;
    const Y = (y: number): number => (y - y0) * k;
    if (this.scene.textures.exists(this.plateKey)) this.scene.textures.remove(this.plateKey);
    const tex = this.scene.textures.createCanvas(this.plateKey, w, h);
    if (!tex) throw new Error(`plate: could not create canvas texture ${this.plateKey}`);
    const ctx = tex.getContext();
    ctx.drawImage(this.gel, 0, 0);
    ctx.save();
    // Clip to the gel so glows stop at the dish wall.
    ctx.beginPath();
    if (a.bounds.kind === 'circle') ctx.arc(w / 2, h / 2, Math.min(w, h) / 2 - 2, 0, Math.PI * 2);
    else ctx.rect(2, 2, w - 4, h - 4);
    ctx.clip();
    const glow = (x: number, y: number, r: number, color: number, stops: [number, number][]): void => {
      const g = ctx.createRadialGradient(X(x), Y(y), 0, X(x), Y(y), r * k);
      for (const [at, al] of stops) g.addColorStop(at, rgba(color, al));
      ctx.fillStyle = g;
      ctx.fillRect(X(x) - r * k, Y(y) - r * k, 2 * r * k, 2 * r * k);
    };
    for (const o of a.odors ?? [])
      glow(o.x, o.y, 2.5 * o.sigma, o.color ?? palette.odor, [
        [0, 0.32 * (o.peak ?? 1)],
        [0.4, 0.16 * (o.peak ?? 1)],
        [1, 0],
      ]);
    for (const z of a.zones ?? []) {
      const color = ZONE_COLOR[z.kind];
      const i = z.intensity ?? 1;
      this.fillZone(ctx, z.shape, color, i, X, Y, k, glow);
    }
    // A named odour spot carries its name, so two tints can be told apart without a legend.
    ctx.font = `${Math.max(11, Math.round(0.3 * k))}px sans-serif`;
    ctx.textAlign = 'center';
    for (const o of a.odors ?? []) {
      if (o.label === undefined) continue;
      ctx.fillStyle = rgba(o.color ?? palette.odor, 0.95);
      ctx.fillText(o.label, X(o.x), Y(o.y) + 1.2 * o.sigma * k + 12);
    }
    for (const f of a.food ?? []) {
      const am = f.amount ?? 1;
      // A lawn: translucent cream, thickest at its rim (where worms like to gather).
      glow(f.x, f.y, f.r, palette.food, [
        [0, 0.22 * am],
        [0.72, 0.32 * am],
        [0.9, 0.55 * am],
        [0.97, 0.25 * am],
        [1, 0],
      ]);
    }
    ctx.restore();
    tex.refresh();
    this.plate.setTexture(this.plateKey).setVisible(true);
  }

  private fillZone(
    ctx: CanvasRenderingContext2D,
    s: ShapeView,
    color: number,
    intensity: number,
    X: (x: number) => number,
    Y: (y: number) => number,
    k: number,
    glow: (x: number, y: number, r: number, color: number, stops: [number, number][]) => void,
  ): void {
    if (s.kind === 'circle') {
      glow(s.x, s.y, s.r * 1.1, color, [
        [0, 0.5 * intensity],
        [0.6, 0.3 * intensity],
        [1, 0],
      ]);
    } else if (s.kind === 'ring') {
      ctx.strokeStyle = rgba(color, 0.3 * intensity);
      ctx.lineWidth = (s.outer - s.inner) * k;
      ctx.beginPath();
      ctx.arc(X(s.x), Y(s.y), ((s.inner + s.outer) / 2) * k, 0, Math.PI * 2);
      ctx.stroke();
    } else if (s.kind === 'polygon') {
      ctx.fillStyle = rgba(color, 0.2 * intensity);
      ctx.beginPath();
      for (let i = 0; i < s.points.length; i += 2) ctx.lineTo(X(s.points[i]), Y(s.points[i + 1]));
      ctx.closePath();
      ctx.fill();
    } else {
      ctx.fillStyle = rgba(color, 0.2 * intensity);
      ctx.fillRect(X(s.x), Y(s.y), s.width * k, s.height * k);
    }
  }

  /**
   * Re-places everything for the camera (after resize, pan or zoom). With `clip` (a panel smaller than the plate)
   * the painted plate is cropped to it and the walls and obstacles are cut at its edge; the zones' outlines are left out.
   */
  layout(cam: WorldCamera, clip?: Rect): void {
    const a = this.arena;
    if (!a) return;
    const [x0, y0, x1, y1] = arenaBox(a);
    const w = (x1 - x0) * cam.pxPerMm;
    const h = (y1 - y0) * cam.pxPerMm;
    this.plate.setPosition(cam.screenX((x0 + x1) / 2), cam.screenY((y0 + y1) / 2));
    this.plate.setDisplaySize(w, h);

    const g = this.lines;
    g.clear();
    if (clip) {
      const crop = plateCrop({ x: this.plate.x - w / 2, y: this.plate.y - h / 2, w, h }, this.texW, this.texH, clip);
      this.plate.setVisible(crop !== null);
      if (crop) this.plate.setCrop(crop.x, crop.y, crop.w, crop.h);
      // The zones' dashed outlines cannot be cut; their fills are in the cropped texture.
      this.drawSolids(cam, clip);
      return;
    }
    const k = cam.pxPerMm;
    for (const z of a.zones ?? []) {
      const color = ZONE_COLOR[z.kind];
      const s = z.shape;
      if (s.kind === 'circle') dashedCircle(g, cam.screenX(s.x), cam.screenY(s.y), s.r * k, color, 0.85);
      else if (s.kind === 'ring') {
        dashedCircle(g, cam.screenX(s.x), cam.screenY(s.y), s.inner * k, color, 0.85);
        dashedCircle(g, cam.screenX(s.x), cam.screenY(s.y), s.outer * k, color, 0.85);
      } else if (s.kind === 'polygon') {
        g.lineStyle(1.5, color, 0.85);
        g.strokePoints(screenPoints(cam, s.points), true);
      } else {
        g.lineStyle(1.5, color, 0.85);
        g.strokeRect(cam.screenX(s.x), cam.screenY(s.y), s.width * k, s.height * k);
      }
    }
    this.drawSolids(cam, clip);
  }

  /**
   * Walls and obstacles. Drawn as themselves where wholly in view (no clip, or inside it: the playground's
   * every-frame case, nothing allocated), left out where wholly outside the clip, and only where one crosses the
   * clip's edge (the editor's close-up) as a polygon cut there, so the walls the worm bumps into show there too.
   */
  private drawSolids(cam: WorldCamera, clip?: Rect): void {
    const a = this.arena;
    if (!a) return;
    const g = this.lines;
    const k = cam.pxPerMm;
    this.solidsShown = 0;
    /** Draws one shape (cut at the clip where it crosses it); whether any of it is in view. */
    const fill = (shape: Shape, color: number, alpha: number, edge: boolean): boolean => {
      const box = boundsOf(shape);
      if (clip && !overlaps(box, clip)) return false;
      g.fillStyle(color, alpha);
      if (edge) g.lineStyle(1, palette.wallEdge, 0.9);
      if (!clip || inside(box, clip)) {
        drawShape(g, shape, color, alpha, edge);
        return true;
      }
      const cut = clipPolygon(outline(shape), clip);
      if (cut.length < 3) return false;
      const shown = cut.map((p) => new Phaser.Math.Vector2(p.x, p.y));
      g.fillPoints(shown, true);
      if (edge) g.strokePoints(shown, true);
      return true;
    };
    const count = (shown: boolean): void => {
      if (shown) this.solidsShown++;
    };
    for (const w of a.walls ?? []) {
      const r = Math.max(2, w.thickness * k) / 2;
      count(fill({ kind: 'capsule', ax: cam.screenX(w.x1), ay: cam.screenY(w.y1), bx: cam.screenX(w.x2), by: cam.screenY(w.y2), r }, palette.wall, 1, false));
    }
    for (const o of a.obstacles ?? []) {
      if (o.kind === 'circle') {
        const x = cam.screenX(o.x);
        const y = cam.screenY(o.y);
        const r = o.r * k;
        if (this.opts.quality === 'high') fill({ kind: 'circle', x: x + r * 0.12, y: y + r * 0.16, r }, 0x000000, 0.28, false);
        count(fill({ kind: 'circle', x, y, r }, palette.wall, 1, true));
        fill({ kind: 'circle', x: x - r * 0.18, y: y - r * 0.2, r: r * 0.62 }, 0x2a3642, 1, false);
      } else if (o.kind === 'polygon') count(fill({ kind: 'polygon', points: screenPoints(cam, o.points) }, palette.wall, 1, true));
      else {
        const x = cam.screenX(o.x);
        const y = cam.screenY(o.y);
        count(fill({ kind: 'rect', x, y, w: o.width * k, h: o.height * k }, palette.wall, 1, true));
      }
    }
  }

  destroy(): void {
    this.layer.destroy();
    if (this.scene.textures.exists(this.plateKey)) this.scene.textures.remove(this.plateKey);
    this.gel = null;
  }
}

function screenPoints(cam: WorldCamera, xy: readonly number[]): Phaser.Math.Vector2[] {
  const out: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push(new Phaser.Math.Vector2(cam.screenX(xy[i]), cam.screenY(xy[i + 1])));
  return out;
}

/** A wall or obstacle on screen (px). */
type Shape =
  | { kind: 'circle'; x: number; y: number; r: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number }
  | { kind: 'polygon'; points: Phaser.Math.Vector2[] }
  /** A wall segment with round ends, `r` either side of it. */
  | { kind: 'capsule'; ax: number; ay: number; bx: number; by: number; r: number };

function boundsOf(s: Shape): Rect {
  switch (s.kind) {
    case 'circle':
      return { x: s.x - s.r, y: s.y - s.r, w: 2 * s.r, h: 2 * s.r };
    case 'rect':
      return { x: s.x, y: s.y, w: s.w, h: s.h };
    case 'capsule': {
      const [x0, y0] = [Math.min(s.ax, s.bx) - s.r, Math.min(s.ay, s.by) - s.r];
      return { x: x0, y: y0, w: Math.abs(s.bx - s.ax) + 2 * s.r, h: Math.abs(s.by - s.ay) + 2 * s.r };
    }
    case 'polygon': {
      const xs = s.points.map((p) => p.x);
      const ys = s.points.map((p) => p.y);
      const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
      return { x: x0, y: y0, w: Math.max(...xs) - x0, h: Math.max(...ys) - y0 };
    }
  }
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Rect, b: Rect): boolean => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** Fills a shape as itself (the fill style set to `color`, the edge's line style set when `edge`), and strokes it with `edge`. */
function drawShape(g: Phaser.GameObjects.Graphics, s: Shape, color: number, alpha: number, edge: boolean): void {
  switch (s.kind) {
    case 'circle':
      g.fillCircle(s.x, s.y, s.r);
      if (edge) g.strokeCircle(s.x, s.y, s.r);
      return;
    case 'rect':
      g.fillRect(s.x, s.y, s.w, s.h);
      if (edge) g.strokeRect(s.x, s.y, s.w, s.h);
      return;
    case 'polygon':
      g.fillPoints(s.points, true);
      if (edge) g.strokePoints(s.points, true);
      return;
    case 'capsule': {
      // A line as thick as the wall with a round cap at each end, in the fill colour.
      g.lineStyle(2 * s.r, color, alpha);
      g.lineBetween(s.ax, s.ay, s.bx, s.by);
      g.fillCircle(s.ax, s.ay, s.r);
      g.fillCircle(s.bx, s.by, s.r);
      return;
    }
  }
}

/** A shape as one polygon, for cutting at the clip: circles and caps fine enough to look round (about 3 px a side). */
function outline(s: Shape): Point[] {
  const arc = (x: number, y: number, r: number, from: number, turn: number): Point[] => {
    const n = Math.max(4, Math.min(96, Math.round((turn * r) / 3)));
    return Array.from({ length: n + 1 }, (_, i) => ({ x: x + r * Math.cos(from + (i / n) * turn), y: y + r * Math.sin(from + (i / n) * turn) }));
  };
  switch (s.kind) {
    case 'circle':
      return arc(s.x, s.y, s.r, 0, 2 * Math.PI).slice(1);
    case 'rect':
      return [
        { x: s.x, y: s.y },
        { x: s.x + s.w, y: s.y },
        { x: s.x + s.w, y: s.y + s.h },
        { x: s.x, y: s.y + s.h },
      ];
    case 'polygon':
      return s.points;
    case 'capsule': {
      const heading = Math.atan2(s.by - s.ay, s.bx - s.ax);
      return [...arc(s.bx, s.by, s.r, heading - Math.PI / 2, Math.PI), ...arc(s.ax, s.ay, s.r, heading + Math.PI / 2, Math.PI)];
    }
  }
}

function dashedCircle(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, color: number, alpha: number): void {
  const dashes = Math.max(12, Math.round((2 * Math.PI * r) / 10)) & ~1;
  g.lineStyle(1.5, color, alpha);
  for (let i = 0; i < dashes; i += 2) {
    const a0 = (i / dashes) * Math.PI * 2;
    const a1 = ((i + 1) / dashes) * Math.PI * 2;
    g.beginPath();
    g.arc(cx, cy, r, a0, a1, false);
    g.strokePath();
  }
}
