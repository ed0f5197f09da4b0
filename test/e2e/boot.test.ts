import { expect, inject, test } from 'vitest';
import { openGame } from './browser';

test('the game boots in headless Chromium with a canvas and no console errors', async () => {
  const s = await openGame(inject('baseUrl'));
  try {
    await s.page.waitForSelector('canvas', { timeout: 30_000 });
    const box = await s.page.locator('canvas').boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
