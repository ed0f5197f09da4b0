import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WorldCamera } from './camera';

const coord = fc.double({ min: -100, max: 100, noNaN: true });

describe('WorldCamera', () => {
  test('fit shows the box centred and whole', () => {
    const cam = new WorldCamera().setViewport(100, 50, 800, 400).fit(-5, -5, 5, 5, 0);
    expect(cam.pxPerMm).toBeCloseTo(40);
    expect(cam.screenX(0)).toBeCloseTo(500);
    expect(cam.screenY(0)).toBeCloseTo(250);
    expect(cam.screenY(-5)).toBeCloseTo(50);
    expect(cam.screenY(5)).toBeCloseTo(450);
  });

  test('screen ↔ world round-trips for any pan and zoom, y down or up', () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, fc.double({ min: 0.3, max: 30, noNaN: true }), fc.boolean(), (x, y, px, py, z, yUp) => {
        const cam = new WorldCamera(yUp).setViewport(10, 20, 640, 480).fit(-2, -2, 2, 2);
        cam.panByPx(px, py);
        cam.zoomAt(z, 320, 240);
        expect(cam.worldX(cam.screenX(x))).toBeCloseTo(x, 6);
        expect(cam.worldY(cam.screenY(y))).toBeCloseTo(y, 6);
      }),
    );
  });

  test('zoomAt keeps the world point under the pointer still', () => {
    const cam = new WorldCamera().setViewport(0, 0, 1000, 800).fit(0, 0, 10, 8);
    const wx = cam.worldX(730);
    const wy = cam.worldY(120);
    cam.zoomAt(3, 730, 120);
    expect(cam.screenX(wx)).toBeCloseTo(730);
    expect(cam.screenY(wy)).toBeCloseTo(120);
    expect(cam.zoom).toBe(3);
  });

  test('zoom is clamped', () => {
    const cam = new WorldCamera().setViewport(0, 0, 100, 100).fit(0, 0, 1, 1);
    cam.zoomAt(1e6, 50, 50);
    expect(cam.zoom).toBe(cam.maxZoom);
    cam.zoomAt(1e-9, 50, 50);
    expect(cam.zoom).toBe(cam.minZoom);
  });

  test('panning by pixels moves the picture by those pixels', () => {
    const cam = new WorldCamera(true).setViewport(0, 0, 400, 400).fit(-1, -1, 1, 1);
    const x0 = cam.screenX(0.3);
    const y0 = cam.screenY(0.7);
    cam.panByPx(25, -40);
    expect(cam.screenX(0.3) - x0).toBeCloseTo(25);
    expect(cam.screenY(0.7) - y0).toBeCloseTo(-40);
  });

  test('mapPoints maps an interleaved pose', () => {
    const cam = new WorldCamera().setViewport(0, 0, 200, 200).fit(0, 0, 2, 2, 0);
    const out = new Float32Array(4);
    cam.mapPoints(new Float64Array([0, 0, 2, 1]), out);
    expect(Array.from(out)).toEqual([0, 0, 200, 100]);
  });

  test('keepInView glides the camera after a body that strays to the edge, and jumps to one out of view', () => {
    const cam = new WorldCamera().setViewport(0, 0, 400, 300).fit(-2, -1.5, 2, 1.5, 0);
    // A 1 mm body walking right at 0.01 mm (1 px) per frame for 1000 frames: it never strays past the middle 60 %
    // by more than the glide's lag (1 px × 0.85 / 0.15 ≈ 6 px).
    for (let f = 0; f < 1000; f++) {
      const x = -0.5 + 0.01 * f;
      cam.keepInView(x, -0.1, x + 1, 0.1);
      const left = cam.screenX(x);
      const right = cam.screenX(x + 1);
      expect(left).toBeGreaterThanOrEqual(0.2 * 400 - 6);
      expect(right).toBeLessThanOrEqual(0.8 * 400 + 6);
    }
    // In the middle: the camera stays.
    const cx = cam.centerXMm;
    expect(cam.keepInView(cx - 0.2, -0.1, cx + 0.2, 0.1)).toBe(false);
    expect(cam.centerXMm).toBe(cx);
    // Teleported far away: back in the middle part at once.
    cam.keepInView(500, 500, 501, 500.2);
    expect(cam.screenX(500)).toBeGreaterThanOrEqual(0.2 * 400 - 1e-6);
    expect(cam.screenX(501)).toBeLessThanOrEqual(0.8 * 400 + 1e-6);
  });
});
