/**
 * World → screen mapping for the plate: millimetres to pixels with pan and
 * zoom, inside a viewport rectangle of the canvas. World y grows the same way
 * as screen y (down), like matter-js; set `yUp` if a world says otherwise.
 * Pure math, no Phaser, so it is unit-tested in Node.
 */
export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class WorldCamera {
  /** Pixels per millimetre at zoom 1 (set by fit()). */
  basePxPerMm = 100;
  zoom = 1;
  /** World point shown at the viewport's centre, mm. */
  centerXMm = 0;
  centerYMm = 0;
  viewport: Viewport = { x: 0, y: 0, width: 1, height: 1 };
  minZoom = 0.25;
  maxZoom = 40;

  constructor(readonly yUp = false) {}

  get pxPerMm(): number {
    return this.basePxPerMm * this.zoom;
  }

  setViewport(x: number, y: number, width: number, height: number): this {
    this.viewport = { x, y, width: Math.max(1, width), height: Math.max(1, height) };
    return this;
  }

  /** Show the world box whole, centred, with a margin in px; resets zoom to 1. */
  fit(minXMm: number, minYMm: number, maxXMm: number, maxYMm: number, marginPx = 16): this {
    const w = Math.max(1e-9, maxXMm - minXMm);
    const h = Math.max(1e-9, maxYMm - minYMm);
    const availW = Math.max(1, this.viewport.width - 2 * marginPx);
    const availH = Math.max(1, this.viewport.height - 2 * marginPx);
    this.basePxPerMm = Math.min(availW / w, availH / h);
    this.zoom = 1;
    this.centerXMm = (minXMm + maxXMm) / 2;
    this.centerYMm = (minYMm + maxYMm) / 2;
    return this;
  }

  screenX(xMm: number): number {
    return this.viewport.x + this.viewport.width / 2 + (xMm - this.centerXMm) * this.pxPerMm;
  }

  screenY(yMm: number): number {
    const d = (yMm - this.centerYMm) * this.pxPerMm;
    return this.viewport.y + this.viewport.height / 2 + (this.yUp ? -d : d);
  }

  worldX(px: number): number {
    return this.centerXMm + (px - this.viewport.x - this.viewport.width / 2) / this.pxPerMm;
  }

  worldY(py: number): number {
    const d = (py - this.viewport.y - this.viewport.height / 2) / this.pxPerMm;
    return this.centerYMm + (this.yUp ? -d : d);
  }

  /** Maps interleaved x,y mm (e.g. Telemetry.pose) into px, reusing `out` (length ≥ points.length). */
  mapPoints(points: ArrayLike<number>, out: Float32Array | Float64Array | number[]): void {
    for (let i = 0; i + 1 < points.length; i += 2) {
      out[i] = this.screenX(points[i]);
      out[i + 1] = this.screenY(points[i + 1]);
    }
  }

  panByPx(dxPx: number, dyPx: number): this {
    this.centerXMm -= dxPx / this.pxPerMm;
    this.centerYMm -= (this.yUp ? -dyPx : dyPx) / this.pxPerMm;
    return this;
  }

  /** Zooms by a factor keeping the world point under (px, py) fixed on screen. */
  zoomAt(factor: number, px: number, py: number): this {
    const wx = this.worldX(px);
    const wy = this.worldY(py);
    this.zoom = Math.min(this.maxZoom, Math.max(this.minZoom, this.zoom * factor));
    this.centerXMm += wx - this.worldX(px);
    this.centerYMm += wy - this.worldY(py);
    return this;
  }

  /**
   * Keeps a world box (the worm's body) in the middle of the view: when part
   * of it strays into the outer `margin` (a fraction of the view on each
   * side), the camera moves `rate` of the way to bring it back, so it glides;
   * a box wholly out of view is brought back at once. A box too big for the
   * middle is centred. Returns whether the camera moved.
   */
  keepInView(minXMm: number, minYMm: number, maxXMm: number, maxYMm: number, margin = 0.2, rate = 0.15): boolean {
    const v = this.viewport;
    const x0 = this.screenX(minXMm);
    const x1 = this.screenX(maxXMm);
    const y0 = Math.min(this.screenY(minYMm), this.screenY(maxYMm));
    const y1 = Math.max(this.screenY(minYMm), this.screenY(maxYMm));
    const away = x1 < v.x || x0 > v.x + v.width || y1 < v.y || y0 > v.y + v.height;
    const k = away ? 1 : rate;
    const shift = (lo: number, hi: number, start: number, size: number): number => {
      const a = start + size * margin;
      const b = start + size * (1 - margin);
      if (hi - lo > b - a) return (a + b) / 2 - (lo + hi) / 2;
      if (lo < a) return a - lo;
      if (hi > b) return b - hi;
      return 0;
    };
    const dx = shift(x0, x1, v.x, v.width);
    const dy = shift(y0, y1, v.y, v.height);
    if (dx === 0 && dy === 0) return false;
    this.panByPx(dx * k, dy * k);
    return true;
  }

  /** keepInView for the box around interleaved x,y points (a pose). */
  keepPointsInView(points: ArrayLike<number>, margin?: number, rate?: number): boolean {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i + 1 < points.length; i += 2) {
      x0 = Math.min(x0, points[i]);
      x1 = Math.max(x1, points[i]);
      y0 = Math.min(y0, points[i + 1]);
      y1 = Math.max(y1, points[i + 1]);
    }
    return Number.isFinite(x0) && Number.isFinite(y0) && this.keepInView(x0, y0, x1, y1, margin, rate);
  }

  containsScreen(px: number, py: number): boolean {
    const v = this.viewport;
    return px >= v.x && px <= v.x + v.width && py >= v.y && py <= v.y + v.height;
  }
}
