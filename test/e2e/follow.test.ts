import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, control, ready, shot, waitScene } from './game';

/** The playground's camera keeps the worm in view (issue 12 §4: before, it crawled out of the default view in ~10 s). */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

async function bodyInView(page: Session['page']): Promise<{ inside: boolean; rect: Rect; px: number[] }> {
  const rect = (await page.evaluate(() => window.neuroworm!.info().plateRect)) as Rect;
  const { px } = await page.evaluate(() => window.neuroworm!.pose());
  let inside = true;
  for (let i = 0; i < px.length; i += 2) if (px[i] < rect.x || px[i] > rect.x + rect.w || px[i + 1] < rect.y || px[i + 1] > rect.y + rect.h) inside = false;
  return { inside, rect, px };
}

test('the camera follows the worm by default; C (or the button) lets it go', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=playground' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'playground');
  expect((await control(page, 'Follow worm')).selected).toBe(true);
  const start = await bodyInView(page);
  expect(start.inside).toBe(true);
  // Two minutes of crawling (about 18 mm at agar speed, several views' widths), a few frames between steps.
  for (let i = 0; i < 12; i++) {
    await page.evaluate(() => window.neuroworm!.advance(10_000));
    await page.waitForTimeout(150);
    const now = await bodyInView(page);
    expect(now.inside, `after ${(i + 1) * 10} s`).toBe(true);
  }
  await shot(page, 'playground-followed');

  // Off: the camera stays where it is while the worm crawls on.
  await page.keyboard.press('c');
  expect((await control(page, 'Follow worm')).selected).toBe(false);
  const cam = await page.evaluate(() => window.neuroworm!.info().camera);
  await page.evaluate(() => window.neuroworm!.advance(20_000));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.neuroworm!.info().camera)).toEqual(cam);
  // On again with the button: the worm is brought back into view.
  await click(page, 'Follow worm');
  await page.waitForTimeout(300);
  expect((await bodyInView(page)).inside).toBe(true);
  expect(s.errors).toEqual([]);
});
