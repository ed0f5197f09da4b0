import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, control, ready, scene, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const ENTRIES = [
  { label: 'Play', key: 'playground', letter: 'p' },
  { label: 'Challenges', key: 'challenges', letter: 'c' },
  { label: 'Editor', key: 'editor', letter: 'e' },
  { label: 'Neuron lab', key: 'neuron-lab', letter: 'n' },
  { label: 'Settings', key: 'settings', letter: 's' },
] as const;

test('the menu opens each scene by click and Esc comes back; screenshots of each', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'title');
  await shot(page, 'title');
  for (const e of ENTRIES) {
    await click(page, e.label, 'title');
    await waitScene(page, e.key);
    // Every scene has a header with a way back.
    expect((await control(page, 'Menu', e.key)).enabled).toBe(true);
    await page.waitForTimeout(400);
    await shot(page, e.key);
    await page.keyboard.press('Escape');
    await waitScene(page, 'title');
  }
  expect(s.errors).toEqual([]);
});

test('the Back button, letter shortcuts and arrow keys + Enter also navigate', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'title');
  for (const e of ENTRIES) {
    await page.keyboard.press(e.letter);
    await waitScene(page, e.key);
    await click(page, 'Menu', e.key);
    await waitScene(page, 'title');
  }
  // ↓ ↓ Enter: the second item (Challenges).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitScene(page, 'challenges');
  expect(s.errors).toEqual([]);
});

test('touch: tapping a menu button opens its scene, tapping Menu comes back', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, hasTouch: true, viewport: { width: 1024, height: 768 } });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'title');
  const play = await control(page, 'Challenges', 'title');
  await page.touchscreen.tap(play.x + play.width / 2, play.y + play.height / 2);
  await waitScene(page, 'challenges');
  const back = await control(page, 'Menu', 'challenges');
  await page.touchscreen.tap(back.x + back.width / 2, back.y + back.height / 2);
  await waitScene(page, 'title');
  expect(await scene(page)).toBe('title');
  expect(s.errors).toEqual([]);
});
