import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('smoke: the editor opens from the menu', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'title');
  await click(page, 'Editor', 'title');
  await waitScene(page, 'editor');
  await page.waitForTimeout(1500);
  await shot(page, 'editor-smoke');
  const info = await page.evaluate(() => window.neuroworm!.info());
  console.log(JSON.stringify(info).slice(0, 1500));
  expect(s.errors).toEqual([]);
});
