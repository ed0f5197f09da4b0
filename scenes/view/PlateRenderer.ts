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
   * Walls (capsules) and obstacles as filled polygons, cut at `clip` where the panel is smaller than the plate, so a
   * player sees the walls the worm bumps into in the editor's close-up as in the playground.
   */
  private drawSolids(cam: WorldCamera, clip?: Rect): void {
    const a = this.arena;
    if (!a) return;
    const g = this.lines;
    const k = cam.pxPerMm;
    this.solidsShown = 0;
    /** Draws a polygon (cut at the clip); whether any of it is in view. */
    const fill = (pts: Point[], color: number, alpha: number, edge: boolean): boolean => {
      const cut = clip ? clipPolygon(pts, clip) : pts;
      if (cut.length < 3) return false;
      const shown = cut.map((p) => new Phaser.Math.Vector2(p.x, p.y));
      g.fillStyle(color, alpha);
      g.fillPoints(shown, true);
      if (edge) {
        g.lineStyle(1, palette.wallEdge, 0.9);
        g.strokePoints(shown, true);
      }
      return true;
    };
    const count = (shown: boolean): void => {
      if (shown) this.solidsShown++;
    };
    for (const w of a.walls ?? []) {
      const t = Math.max(2, w.thickness * k);
      count(fill(capsule(cam.screenX(w.x1), cam.screenY(w.y1), cam.screenX(w.x2), cam.screenY(w.y2), t / 2), palette.wall, 1, false));
    }
    for (const o of a.obstacles ?? []) {
      if (o.kind === 'circle') {
        const cx = cam.screenX(o.x);
        const cy = cam.screenY(o.y);
        const r = o.r * k;
        if (this.opts.quality === 'high') fill(disc(cx + r * 0.12, cy + r * 0.16, r), 0x000000, 0.28, false);
        count(fill(disc(cx, cy, r), palette.wall, 1, true));
        fill(disc(cx - r * 0.18, cy - r * 0.2, r * 0.62), 0x2a3642, 1, false);
      } else if (o.kind === 'polygon') count(fill(screenPoints(cam, o.points), palette.wall, 1, true));
      else {
        const x = cam.screenX(o.x);
        const y = cam.screenY(o.y);
        const [w, h] = [o.width * k, o.height * k];
        const corners = [
          { x, y },
          { x: x + w, y },
          { x: x + w, y: y + h },
          { x, y: y + h },
        ];
        count(fill(corners, palette.wall, 1, true));
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

/** A circle as a polygon fine enough to look round at its size on screen (about 3 px per side). */
function disc(cx: number, cy: number, r: number): Point[] {
  const n = Math.max(12, Math.min(96, Math.round((2 * Math.PI * r) / 3)));
  return Array.from({ length: n }, (_, i) => ({ x: cx + r * Math.cos((i / n) * 2 * Math.PI), y: cy + r * Math.sin((i / n) * 2 * Math.PI) }));
}

/** A wall segment with round ends, `r` px either side of it, as one polygon. */
function capsule(ax: number, ay: number, bx: number, by: number, r: number): Point[] {
  const heading = Math.atan2(by - ay, bx - ax);
  const n = Math.max(4, Math.min(24, Math.round((Math.PI * r) / 3)));
  const cap = (x: number, y: number, from: number): Point[] =>
    Array.from({ length: n + 1 }, (_, i) => ({ x: x + r * Math.cos(from + (i / n) * Math.PI), y: y + r * Math.sin(from + (i / n) * Math.PI) }));
  return [...cap(bx, by, heading - Math.PI / 2), ...cap(ax, ay, heading + Math.PI / 2)];
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
