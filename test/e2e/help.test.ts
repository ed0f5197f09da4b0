import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, overlays, ready, scene, shot, waitOverlay, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('the help overlay opens on a first visit, lists the shortcuts, and stays closed once dismissed', async () => {
  s = await openGame(inject('baseUrl'));
  const { page } = s;
  await ready(page);
  await waitOverlay(page, 'help', true);
  expect(await scene(page)).toBe('title');
  // The on-screen list shows the title's shortcuts and the global ones.
  const listed = await page.evaluate(() => window.neuroworm!.shortcuts().map((x) => `${x.label}:${x.description}`));
  expect(listed).toEqual(expect.arrayContaining(['Esc:Close help', '? / H:Help and shortcuts', 'P:Play', 'C:Challenges']));
  await shot(page, 'help-first-run');
  await click(page, 'Got it', 'help');
  await waitOverlay(page, 'help', false);

  await page.reload();
  await ready(page);
  await waitScene(page, 'title');
  await page.waitForTimeout(500);
  expect(await overlays(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('neuroworm:help-seen:v1'))).toBe('1');
  expect(s.errors).toEqual([]);
});

test('? and H open the help anywhere; Esc closes it without leaving the scene', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=gallery' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'gallery');
  await page.keyboard.press('?');
  await waitOverlay(page, 'help', true);
  // The list now shows the time controls of the scene under the overlay.
  const labels = await page.evaluate(() => window.neuroworm!.shortcuts().map((x) => x.label));
  expect(labels).toEqual(expect.arrayContaining(['Space', '.', '1–5', 'Esc']));
  await shot(page, 'help-over-gallery');
  await page.keyboard.press('Escape');
  await waitOverlay(page, 'help', false);
  expect(await scene(page)).toBe('gallery');
  await page.keyboard.press('h');
  await waitOverlay(page, 'help', true);
  // Clicking outside the panel closes it too.
  await page.mouse.click(8, 790);
  await waitOverlay(page, 'help', false);
  expect(await scene(page)).toBe('gallery');
  expect(s.errors).toEqual([]);
});

test('the header help button opens the help over a scene', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=settings' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'settings');
  await click(page, 'Help', 'settings');
  await waitOverlay(page, 'help', true);
  expect(s.errors).toEqual([]);
});
