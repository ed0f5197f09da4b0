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

  // Speed is a ratio of simulated to wall time: compare 1× and 8× over the same
  // wall window (a loaded machine slows both alike; absolute rates are the bench's job).
  await page.keyboard.press('2');
  expect((await control(page, '1×')).selected).toBe(true);
  await page.keyboard.press(' ');
  const rate = async () => {
    const [a, w0] = await page.evaluate(() => [window.neuroworm!.simTimeMs(), performance.now()]);
    await page.waitForTimeout(600);
    const [b, w1] = await page.evaluate(() => [window.neuroworm!.simTimeMs(), performance.now()]);
    return (b - a) / (w1 - w0);
  };
  const at1 = await rate();
  await page.keyboard.press('5');
  expect((await control(page, '8×')).selected).toBe(true);
  expect((await control(page, '1×')).selected).toBe(false);
  const at8 = await rate();
  expect(at1).toBeGreaterThan(0);
  expect(at8).toBeGreaterThan(3 * at1);
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
