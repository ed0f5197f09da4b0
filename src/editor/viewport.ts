/**
 * The editor's camera (tldraw keeps it in a manager of its own): the viewport
 * (the graph point at the canvas's centre and the zoom) and the canvas size,
 * with pan, zoom, fit and the minimap. Every change notifies through `changed`.
 */
import { clampZoom, fitView, minimap, zoomAround, type MinimapGeometry } from './geometry';
import type { Point, Rect, ScreenSize, Viewport } from './types';

/** Margin a fit leaves around the circuit, px. */
export const FIT_PADDING_PX = 40;
/** Further room a fit leaves under the circuit for the bottom row's names and the canvas's legend, px. */
export const FIT_BOTTOM_PX = 28;

export class ViewportManager {
  private view: Viewport = { x: 0, y: 0, zoom: 1 };
  private size: ScreenSize;

  constructor(
    private readonly nodes: () => readonly Point[],
    private readonly bounds: () => Rect | undefined,
    private readonly changed: () => void,
    size: ScreenSize,
  ) {
    this.size = size;
  }

  get value(): Viewport {
    return this.view;
  }

  get screen(): ScreenSize {
    return this.size;
  }

  /** Sets the view as a document opens it (its saved view, or a fit), without notifying. */
  replace(v: Viewport): void {
    this.view = v;
  }

  /** The canvas size in px (call on resize); fits and zooms use it. */
  setScreenSize(width: number, height: number): void {
    this.size = { width, height };
  }

  set(v: Viewport): void {
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y) || !Number.isFinite(v.zoom) || v.zoom <= 0) return;
    this.view = { x: v.x, y: v.y, zoom: clampZoom(v.zoom) };
    this.changed();
  }

  /** Pan by a drag of (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    this.set({ x: this.view.x - dx / this.view.zoom, y: this.view.y - dy / this.view.zoom, zoom: this.view.zoom });
  }

  /** Zoom by factor around a screen point (the pointer; default the centre). */
  zoomAt(factor: number, screenPoint: Point = { x: this.size.width / 2, y: this.size.height / 2 }): void {
    this.set(zoomAround(this.view, this.size, screenPoint, factor));
  }

  /** Show every neuron. */
  zoomToFit(): void {
    this.set(this.fit());
  }

  /** Centre on a graph point, keeping the zoom. */
  centerOn(p: Point): void {
    this.set({ ...this.view, x: p.x, y: p.y });
  }

  minimap(mapSize: ScreenSize): MinimapGeometry {
    return minimap(this.bounds(), this.view, this.size, mapSize);
  }

  /** The viewport that shows every neuron, with room under them for names and the legend. */
  fit(): Viewport {
    return fitView(this.nodes(), this.size.width, this.size.height, { padding: FIT_PADDING_PX, bottom: FIT_BOTTOM_PX });
  }

  /** Width / height of the part of the canvas a fit fills: the automatic layout suits it. */
  aspect(): number {
    return Math.max(1, this.size.width - 2 * FIT_PADDING_PX) / Math.max(1, this.size.height - 2 * FIT_PADDING_PX - FIT_BOTTOM_PX);
  }
}
