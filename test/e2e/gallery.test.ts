import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { control, ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** The renderer test card drives every drawing component with synthetic data (no simulation). */
test('time bar: Space pauses, "." steps once, 1–5 pick the speed', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=gallery' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'gallery');
  const t = () => page.evaluate(() => window.neuroworm!.simTimeMs());
  const t0 = await t();
  await page.waitForTimeout(300);
  expect(await t()).toBeGreaterThan(t0);

  await page.keyboard.press(' ');
  expect((await control(page, 'Pause')).selected).toBe(true);
  const paused = await t();
  await page.waitForTimeout(300);
  expect(await t()).toBe(paused);
  await page.keyboard.press('.');
  await page.waitForTimeout(150);
  expect(await t()).toBe(paused + 10);

  await page.keyboard.press('5');
  expect((await control(page, '8×')).selected).toBe(true);
  expect((await control(page, '1×')).selected).toBe(false);
  await page.keyboard.press(' ');
  const resumed = await t();
  await page.waitForTimeout(500);
  // At 8× at least 8 × (some frames) ms pass; far more than at 1×.
  expect((await t()) - resumed).toBeGreaterThan(1000);
  expect(s.errors).toEqual([]);
});

test('neural view: 302 neurons and ~7,300 synapses draw; clicking a neuron probes it; the announcement is spoken', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=gallery' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'gallery');
  await page.waitForTimeout(800);
  const info = await page.evaluate(() => window.neuroworm!.info());
  expect(info.neurons).toBe(302);
  expect(info.synapses).toBeGreaterThan(7000);
  expect(info.edgeRedraws).toBeGreaterThan(0);
  expect(info.activeEdges).toBeLessThanOrEqual(1500);

  const p = await page.evaluate(() => window.neuroworm!.neuronScreen('I50'));
  expect(p).not.toBeNull();
  await page.mouse.move(p!.x, p!.y);
  await page.mouse.click(p!.x, p!.y);
  await page.waitForTimeout(200);
  expect((await page.evaluate(() => window.neuroworm!.info())).probes).toContain('I50');
  await shot(page, 'gallery-probe');
  // Clicking it again removes the probe.
  await page.mouse.click(p!.x, p!.y);
  await page.waitForTimeout(100);
  expect((await page.evaluate(() => window.neuroworm!.info())).probes).not.toContain('I50');

  expect(await page.evaluate(() => window.neuroworm!.announcements())).toContain('Reversal! ALM → AVD → AVA (example)');
  expect(await page.locator('#announcer').textContent()).toBe('Reversal! ALM → AVD → AVA (example)');
  expect(s.errors).toEqual([]);
});
