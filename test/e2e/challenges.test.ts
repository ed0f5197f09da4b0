import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { info } from './editor-helpers';
import { click, control, controls, ready, scene, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const SAVED = {
  'neuroworm:progress:v1': JSON.stringify({ 'reach-food': { completed: true, attempts: 3, bestScore: 80, bestTimeMs: 42_500 } }),
};

test('the list shows every challenge with saved progress; an intro card opens and Esc closes it first', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, storage: SAVED, query: 'scene=challenges' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'challenges');
  const cards = (await controls(page)).filter((c) => c.kind === 'card');
  expect(cards.length).toBeGreaterThanOrEqual(6);
  const food = cards.find((c) => c.label === 'Follow your nose')!;
  expect(food.selected).toBe(true);
  expect(food.value).toBe('✓ Completed · best 42.5 s · score 80 · 3 tries');
  expect(cards.find((c) => c.label === 'Pillar forest')!.value).toBe('Not tried yet');
  await shot(page, 'challenges-progress');

  await click(page, 'Rewire the reflex', 'challenges');
  await page.waitForTimeout(400);
  // The simulation is in the build, so Start is live; this one also offers the editor.
  expect((await control(page, 'Start challenge')).enabled).toBe(true);
  expect((await control(page, 'Open the editor')).enabled).toBe(true);
  await shot(page, 'challenge-intro');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  expect(await scene(page)).toBe('challenges');
  expect((await controls(page)).some((c) => c.label === 'Start challenge')).toBe(false);
  await page.keyboard.press('Escape');
  await waitScene(page, 'title');
  expect(s.errors).toEqual([]);
});

test('the intro card opens the editor on the broken circuit (before the fix: the intact worm, and the challenge was won unchanged)', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=challenges' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'challenges');
  await click(page, 'Rewire the reflex', 'challenges');
  await page.waitForTimeout(300);
  await click(page, 'Open the editor', 'challenges');
  await waitScene(page, 'editor');
  const st = await info(page);
  expect(st.synapses).not.toContain('chemical:ALM>AVD');
  expect(st.synapses).not.toContain('chemical:AVD>AVA');
  expect(st.synapses).toContain('chemical:ALM>AVB');
  expect(st.status).toMatch(/cut/);
  expect(await page.locator('button', { hasText: 'Start challenge' }).count()).toBe(1);
  await shot(page, 'rewire-editor');
  expect(s.errors).toEqual([]);
});
