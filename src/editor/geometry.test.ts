import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits';
import {
  buildGeometry,
  distanceToPath,
  edgeAt,
  fitView,
  graphToScreen,
  minimap,
  minimapToGraph,
  NODE_RADIUS,
  nodeAt,
  nodesInRect,
  rectFromPoints,
  screenToGraph,
  visibleRect,
} from './geometry';

const doc = (): CircuitDoc => ({
  format: 'neuroworm-circuit',
  version: 1,
  neurons: [
    { id: 'A', model: 'graded', position: { x: 0, y: 0 } },
    { id: 'B', model: 'graded', position: { x: 100, y: 0 } },
    { id: 'C', model: 'graded', position: { x: 100, y: 100 } },
    { id: 'D', model: 'graded', position: { x: 110, y: 100 } },
  ],
  synapses: [
    { from: 'A', to: 'B', kind: 'chemical', weight: 1 },
    { from: 'B', to: 'C', kind: 'electrical', weight: 1 },
    { from: 'A', to: 'A', kind: 'chemical', weight: 1 },
  ],
});

describe('hit tests', () => {
  it('nodeAt finds the nearest disc containing the point, nothing outside', () => {
    const g = buildGeometry(doc());
    expect(nodeAt(g, 3, 4)).toBe('A');
    expect(nodeAt(g, 0, NODE_RADIUS + 0.5)).toBeUndefined();
    expect(nodeAt(g, 104, 100)).toBe('C');
    expect(nodeAt(g, 106, 100)).toBe('D');
  });

  it('edgeAt measures distance to lines, loops and curves', () => {
    const g = buildGeometry(doc());
    expect(edgeAt(g, 50, 4)).toBe('c:A>B');
    expect(edgeAt(g, 50, 7)).toBeUndefined();
    expect(edgeAt(g, 103, 50)).toBe('e:B~C');
    const loop = g.edges.find((e) => e.key === 'c:A>A')?.path as { type: string; cx: number; cy: number; r: number };
    expect(loop.type).toBe('loop');
    expect(edgeAt(g, loop.cx, loop.cy - loop.r)).toBe('c:A>A');
    expect(edgeAt(g, loop.cx, loop.cy)).toBeUndefined(); // the loop's middle is not on it
  });

  it('distance to a curve is the distance to the Bézier, within a tenth of a unit', () => {
    const path = { type: 'curve' as const, x1: 0, y1: 0, cx: 50, cy: 40, x2: 100, y2: 0 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), (t, off) => {
        // A point at a known distance along the curve's normal.
        const u = 1 - t;
        const px = 2 * u * t * 50 + t * t * 100;
        const py = 2 * u * t * 40;
        const dx = 2 * u * 50 + 2 * t * 50;
        const dy = 2 * u * 40 - 2 * t * 40;
        const len = Math.hypot(dx, dy);
        const d = distanceToPath(path, px - (dy / len) * off, py + (dx / len) * off);
        expect(d).toBeLessThanOrEqual(Math.abs(off) + 0.1);
        if (Math.abs(off) < 15) expect(d).toBeGreaterThanOrEqual(Math.abs(off) - 0.1);
      }),
    );
  });

  it('nodesInRect takes a drag rectangle in any direction', () => {
    const g = buildGeometry(doc());
    expect(nodesInRect(g, rectFromPoints({ x: 120, y: 120 }, { x: 50, y: -10 }))).toEqual(['B', 'C', 'D']);
    expect(nodesInRect(g, rectFromPoints({ x: -1, y: -1 }, { x: 1, y: 1 }))).toEqual(['A']);
  });
});

describe('viewport', () => {
  it('fitView shows every node disc with the padding, centred', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -5000, max: 5000, noNaN: true }), y: fc.double({ min: -5000, max: 5000, noNaN: true }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 2000 }),
        (points, w, h) => {
          const v = fitView(points, w, h);
          const seen = visibleRect(v, { width: w, height: h });
          for (const p of points) {
            // Unless the minimum zoom binds, every disc is inside the screen.
            if (v.zoom > 0.02) {
              expect(p.x - NODE_RADIUS).toBeGreaterThanOrEqual(seen.x - 1e-6);
              expect(p.x + NODE_RADIUS).toBeLessThanOrEqual(seen.x + seen.width + 1e-6);
              expect(p.y - NODE_RADIUS).toBeGreaterThanOrEqual(seen.y - 1e-6);
              expect(p.y + NODE_RADIUS).toBeLessThanOrEqual(seen.y + seen.height + 1e-6);
            }
          }
          expect(v.zoom).toBeLessThanOrEqual(1.5);
        },
      ),
    );
    expect(fitView([], 800, 600)).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('screen and graph coordinates convert back and forth', () => {
    const v = { x: 10, y: -20, zoom: 2.5 };
    const screen = { width: 800, height: 600 };
    expect(graphToScreen(v, screen, { x: 10, y: -20 })).toEqual({ x: 400, y: 300 });
    const p = { x: 123.5, y: -77 };
    const back = screenToGraph(v, screen, graphToScreen(v, screen, p));
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });

  it('minimap holds the nodes and the viewport rectangle, and maps clicks back to the graph', () => {
    const g = buildGeometry(doc());
    const m = minimap(g.bounds, { x: 1000, y: 0, zoom: 1 }, { width: 400, height: 300 }, { width: 200, height: 100 });
    expect(m.view.x + m.view.width).toBeLessThanOrEqual(200 + 1e-9);
    expect(m.view.x).toBeGreaterThanOrEqual(0);
    expect(m.view.y).toBeGreaterThanOrEqual(-1e-9);
    expect(m.view.y + m.view.height).toBeLessThanOrEqual(100 + 1e-9);
    expect(m.view.width / m.view.height).toBeCloseTo(400 / 300, 9);
    const centre = minimapToGraph(m, { x: m.view.x + m.view.width / 2, y: m.view.y + m.view.height / 2 });
    expect(centre.x).toBeCloseTo(1000, 6);
    expect(centre.y).toBeCloseTo(0, 6);
  });
});
