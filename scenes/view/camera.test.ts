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
});
