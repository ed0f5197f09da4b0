import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { info, openEditor } from './editor-helpers';
import { click, ready, shot, waitScene } from './game';

/**
 * The default worm on conductance synapses (issue 14) as a player meets it: in the playground a head touch reverses it
 * with every membrane potential inside the range real worm neurons live in, and in water it swims. Screenshots of the
 * oscilloscope after the touch and of the worm swimming (issue 14's closing-note pictures). The old current-based worm
 * is still offered in the editor's New… list and plays.
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const hook = {
  pose: (p: Page) => p.evaluate(() => window.neuroworm!.pose()),
  advance: (p: Page, ms: number) => p.evaluate((m) => window.neuroworm!.advance(m), ms),
  activity: (p: Page) => p.evaluate(() => window.neuroworm!.activity()),
  behaviour: (p: Page) => p.evaluate(() => window.neuroworm!.behaviour() as { forwardMm: number; backwardMm: number }),
};

/**
 * Over `ms`, in steps: how far the body crawled forward and backward (the behaviour tracker's own distances, read from
 * the pose), its bending frequency at mid-body (sign changes of the curvature there, two per cycle), and the lowest
 * and highest V of any neuron on the way.
 */
async function run(page: Page, ms: number, stepMs = 50): Promise<{ forward: number; backward: number; hz: number; vMin: number; vMax: number }> {
  const bendSign = (mm: number[]) => {
    const m = Math.floor(mm.length / 4); // the middle point of the chain
    const [ax, ay, bx, by, cx, cy] = [mm[2 * m - 2], mm[2 * m - 1], mm[2 * m], mm[2 * m + 1], mm[2 * m + 2], mm[2 * m + 3]];
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    return Math.abs(cross) < 1e-4 ? 0 : Math.sign(cross);
  };
  const b0 = await hook.behaviour(page);
  let side = bendSign((await hook.pose(page)).mm);
  let flips = 0;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let t = 0; t < ms; t += stepMs) {
    await hook.advance(page, stepMs);
    const now = bendSign((await hook.pose(page)).mm);
    if (now !== 0 && side !== 0 && now !== side) flips++;
    if (now !== 0) side = now;
    for (const v of (await hook.activity(page)).v) [vMin, vMax] = [Math.min(vMin, v), Math.max(vMax, v)];
  }
  const b1 = await hook.behaviour(page);
  return { forward: b1.forwardMm - b0.forwardMm, backward: b1.backwardMm - b0.backwardMm, hz: flips / 2 / (ms / 1000), vMin, vMax };
}

test('the default worm, on conductances, in the playground: a head touch reverses it with V inside −90..+40 mV, and it swims in water; screenshots', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  // Boot loads the icons first: a scene opened before it is ready draws Phaser's missing-texture squares for them.
  await ready(page);
  await page.evaluate(() => window.neuroworm!.goto('playground'));
  await waitScene(page, 'playground');
  await page.waitForFunction(() => window.neuroworm!.activity().ids.includes('VD12'), null, { timeout: 10_000 });
  await page.keyboard.press(' '); // pause: the test steps the clock itself
  await page.waitForFunction(() => window.neuroworm!.info().paused === true, null, { timeout: 5000 });
  const crawl = await run(page, 3000);
  expect(crawl.forward - crawl.backward, 'crawls forward before the touch').toBeGreaterThan(0.05);
  expect(crawl.hz, 'bends at an agar pace').toBeLessThan(1);

  const p = await hook.pose(page);
  await page.mouse.click(p.px[0], p.px[1]);
  await page.waitForTimeout(100);
  const early = await run(page, 1000);
  await shot(page, 'playground-conductance-head-touch');
  const late = await run(page, 1500);
  expect(early.backward + late.backward, 'backs away from the touch').toBeGreaterThan(0.1);
  for (const r of [crawl, early, late]) {
    expect(r.vMin).toBeGreaterThanOrEqual(-90);
    expect(r.vMax).toBeLessThanOrEqual(40);
  }
  const said = await page.evaluate(() => window.neuroworm!.announcements());
  expect(
    said.some((x) => /^Reversal! (ALM|AVM) → /.test(x)),
    said.join(' | '),
  ).toBe(true);

  // A fresh worm for the swim: the touch's reversal ends in an omega turn, which in water can last through the window
  // (a run of this test read 0 Hz there). The playground restarts on the same circuit.
  await page.evaluate(() => window.neuroworm!.goto('playground'));
  await waitScene(page, 'playground');
  await page.waitForFunction(() => window.neuroworm!.activity().ids.includes('VD12'), null, { timeout: 10_000 });
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.neuroworm!.info().paused === true, null, { timeout: 5000 });
  await click(page, 'Water');
  await run(page, 2000); // the body adapts to the low drag
  const swim = await run(page, 3000);
  expect(swim.hz, 'swims: bends at least 1.6 times a second').toBeGreaterThanOrEqual(1.6);
  expect(swim.forward, 'and moves forward').toBeGreaterThan(swim.backward);
  expect(swim.vMin).toBeGreaterThanOrEqual(-90);
  expect(swim.vMax).toBeLessThanOrEqual(40);
  await shot(page, 'playground-conductance-swimming');
  expect(s.errors).toEqual([]);
});

test("the old current-based worm is offered in the editor's New… list and plays", async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await page.selectOption('select[aria-label="New circuit from template"]', 'worm-current');
  // Six motor units and the tail pair, without the tail D cell VD12 (the conductance worm's seventh unit).
  await page.waitForFunction(() => (window.neuroworm!.info() as { name: string }).name.startsWith('Worm on current'));
  const opened = await info(page);
  expect(opened.name).toBe('Worm on current synapses (the old default)');
  expect(opened.wormError).toBeNull();
  await page.click('button:has-text("Play ▶")');
  await waitScene(page, 'playground');
  // The playground runs the current worm: its tail pair, and no VD12.
  await page.waitForFunction(
    () => {
      const ids = window.neuroworm!.activity().ids;
      return ids.includes('DA9') && !ids.includes('VD12');
    },
    null,
    { timeout: 10_000 },
  );
  expect(s.errors).toEqual([]);
});
