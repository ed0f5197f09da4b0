import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { info as editorInfo } from './editor-helpers';
import { click, measureFps, ready, scene, shot, waitScene } from './game';

/**
 * Natural selection (issue 17 §4) in the real browser: the menu opens it, a
 * generation passes at max speed, the chart gains a point, C opens the
 * champion in the editor over the player's circuit (Undo brings theirs back),
 * and the frame rate with 20 worms at 1× (the population runs in a Web Worker).
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface NatselInfo {
  generation: number;
  timeMs: number;
  chartPoints: number;
  history: { generation: number; best: number; median: number }[];
  alive: number;
  worms: number;
  paused: boolean;
  speed: number | 'max';
  wormSecondsPerS: number;
  error: string | null;
}
const natsel = (page: Page): Promise<NatselInfo> => page.evaluate(() => window.neuroworm!.info() as unknown as NatselInfo);

test('opens from the menu; at max speed a generation passes and the chart gains a point; C opens the champion in the editor, Undo brings back the player’s circuit', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'natsel=population:8,generationS:4,foodPatches:20,plateMm:14' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'title');
  await click(page, 'Natural selection', 'title');
  await waitScene(page, 'natural-selection');
  await page.waitForFunction(() => (window.neuroworm!.info() as { worms: number }).worms > 0);
  expect((await natsel(page)).worms).toBe(8);
  expect((await natsel(page)).chartPoints).toBe(0);
  // C before any generation ended: nothing to open, the scene says so.
  await page.keyboard.press('c');
  await page.waitForTimeout(300);
  expect(await scene(page)).toBe('natural-selection');
  await page.keyboard.press('4');
  expect((await natsel(page)).speed).toBe('max');
  await page.waitForFunction(() => (window.neuroworm!.info() as { chartPoints: number }).chartPoints >= 2, undefined, { timeout: 90_000 });
  const after = await natsel(page);
  expect(after.error).toBeNull();
  expect(after.history[0].generation).toBe(0);
  expect(after.history[0].best).toBeGreaterThanOrEqual(after.history[0].median);
  // Space pauses: simulated time stands still. A batch the worker was already stepping when the
  // pause arrived still lands (one frame, ~350 simulated ms at max speed), so read the time after it.
  await page.keyboard.press(' ');
  await page.waitForFunction(() => (window.neuroworm!.info() as { paused: boolean }).paused === true);
  await page.waitForTimeout(400);
  const t0 = (await natsel(page)).timeMs;
  await page.waitForTimeout(500);
  expect((await natsel(page)).timeMs).toBe(t0);
  expect((await natsel(page)).paused).toBe(true);
  await shot(page, 'natsel-small');
  // The champion's circuit, in the editor.
  await page.keyboard.press('c');
  await waitScene(page, 'editor');
  await page.waitForFunction(() => /champion/.test((window.neuroworm!.info() as { fileName: string }).fileName ?? ''));
  const ed = await editorInfo(page);
  expect(ed.name).toMatch(/Natural selection champion \(generation \d+, ate [\d.]+ food\)/);
  expect(ed.neurons).toContain('AVB');
  expect(ed.undoLabel).toMatch(/Open champion-generation-\d+\.json/);
  await page.waitForTimeout(400);
  await shot(page, 'natsel-champion-in-editor');
  // Undo: the player's circuit (the autosaved one the editor opened with) is back.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !/champion/i.test((window.neuroworm!.info() as { name: string }).name));
  // Back returns to the run, where it was.
  await page.keyboard.press('Escape');
  await waitScene(page, 'natural-selection');
  expect((await natsel(page)).chartPoints).toBeGreaterThanOrEqual(2);
  expect(s.errors).toEqual([]);
});

test('20 worms at 1×: frames per second while a generation runs; screenshot for docs/natural-selection.png', async () => {
  s = await openGame(inject('baseUrl'), {
    helpSeen: true,
    query: 'renderer=canvas&scene=natural-selection&natsel=population:20,generationS:15,foodPatches:14,predators:2,heatSpots:1,toxinPatches:1',
  });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'natural-selection');
  await page.waitForFunction(() => (window.neuroworm!.info() as { worms: number }).worms === 20);
  await page.waitForTimeout(1500);
  const t0 = (await natsel(page)).timeMs;
  const fps = await measureFps(page, 4000);
  const t1 = (await natsel(page)).timeMs;
  const drawMs = (await page.evaluate(() => window.neuroworm!.info().drawMsPerFrame)) as number;
  // Paused: the same scene drawn with the worker idle (what drawing alone costs).
  await page.keyboard.press(' ');
  await page.waitForTimeout(500);
  const pausedFps = await measureFps(page, 3000);
  await page.keyboard.press(' ');
  // The same page's title scene, measured right after: what the machine's load leaves any scene.
  await page.evaluate(() => window.neuroworm!.goto('title'));
  await waitScene(page, 'title');
  await page.waitForTimeout(1000);
  const titleFps = await measureFps(page, 3000);
  console.log(
    `natural selection, 20 worms at 1x: ${fps.toFixed(1)} fps (paused: ${pausedFps.toFixed(1)} fps; title scene right after: ${titleFps.toFixed(1)} fps); ` +
      `draw ${drawMs.toFixed(2)} ms per frame on the page; simulated ${((t1 - t0) / 1000).toFixed(2)} s in ~4 s of wall time`,
  );
  await page.evaluate(() => window.neuroworm!.goto('natural-selection'));
  await waitScene(page, 'natural-selection');
  // A report (the machine is shared); it must draw and the worms must live while it does.
  expect(fps).toBeGreaterThan(0);
  expect(t1).toBeGreaterThan(t0);
  // Max speed until two generations ended: the chart has a line to show.
  await page.keyboard.press('4');
  await page.waitForFunction(() => (window.neuroworm!.info() as { chartPoints: number }).chartPoints >= 3, undefined, { timeout: 110_000 });
  const rate = (await natsel(page)).wormSecondsPerS;
  // A default generation is 20 worms × 60 s = 1,200 worm-seconds.
  console.log(
    `natural selection at max speed: ${rate.toFixed(1)} worm-s per wall s = ${((rate * 60) / 1200).toFixed(2)} default generations (20 worms × 60 s) per minute`,
  );
  expect(rate).toBeGreaterThan(0);
  await page.keyboard.press('1');
  await page.waitForTimeout(2500);
  const path = await shot(page, 'natural-selection');
  copyFileSync(path, join(process.cwd(), 'docs', 'natural-selection.png'));
  expect(s.errors).toEqual([]);
});
