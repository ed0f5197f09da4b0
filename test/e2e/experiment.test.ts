import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, ready, shot, waitScene } from './game';

/**
 * The playground as a laboratory (issue 15 §6): the Ablate tool kills a
 * neuron clicked in the neural view (laser flash, list, Ctrl+Z undo) and the
 * worm without AVA stops backing away from a head touch; "Add control worm"
 * puts an intact worm of the same seed beside it that feels the same touch
 * and still backs away.
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Experiment {
  ablated: string[];
  ablatedList: string;
  flashes: number;
  control: { behaviour: { direction: string; alongMmPerS: number }; pose: number[] } | null;
  reversals: { yours: number; control: number };
  touches: { yours: number; control: number };
  neuronsShown: string;
}

const hook = {
  experiment: (p: Page) => p.evaluate(() => window.neuroworm!.info().experiment as unknown) as Promise<Experiment>,
  advance: (p: Page, ms: number) => p.evaluate((m) => window.neuroworm!.advance(m), ms),
  pose: (p: Page) => p.evaluate(() => window.neuroworm!.pose()),
  behaviour: (p: Page) => p.evaluate(() => window.neuroworm!.behaviour() as { direction: string; alongMmPerS: number }),
  info: (p: Page) => p.evaluate(() => window.neuroworm!.info()),
};

async function openPlayground(): Promise<Session> {
  const session = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=playground' });
  await ready(session.page);
  await waitScene(session.page, 'playground');
  await session.page.keyboard.press(' '); // pause: the test steps the clock itself
  return session;
}

/** Ablate tool (K), click the neuron in the neural view. */
async function ablate(page: Page, id: string): Promise<void> {
  await page.keyboard.press('k');
  const node = await page.evaluate((n) => window.neuroworm!.neuronScreen(n), id);
  expect(node, `${id} is drawn in the neural view`).not.toBeNull();
  await page.mouse.click(node!.x, node!.y);
}

/** Touch tool (T), a gentle click on the nose of the player's worm. */
async function touchHead(page: Page): Promise<void> {
  await page.keyboard.press('t');
  const p = await hook.pose(page);
  await page.mouse.click(p.px[0], p.px[1]);
  await page.waitForTimeout(100);
}

describe('ablation and the control worm', () => {
  test('the Ablate tool: a laser flash at AVA, AVA in the list, no reversal to a head touch; Ctrl+Z brings AVA back and the reversal with it', async () => {
    s = await openPlayground();
    const { page } = s;
    await hook.advance(page, 2000);
    await ablate(page, 'AVA');
    await page.waitForTimeout(120);
    await shot(page, 'ablate-flash');
    let e = await hook.experiment(page);
    expect(e.ablated).toEqual(['AVA']);
    expect(e.flashes).toBe(1);
    expect(e.ablatedList).toMatch(/Ablated: AVA/);
    const said = await page.evaluate(() => window.neuroworm!.announcements());
    expect(said.some((x) => /AVA ablated/.test(x))).toBe(true);
    // AVA's output is 0 from now on, and a head touch no longer sends the worm back.
    await touchHead(page);
    await hook.advance(page, 3000);
    e = await hook.experiment(page);
    expect(e.touches.yours).toBe(1);
    expect(e.reversals.yours).toBe(0);
    const act = await page.evaluate(() => window.neuroworm!.activity());
    expect(act.output[act.ids.indexOf('AVA')]).toBe(0);
    await shot(page, 'ablate-list');
    // Undo: the experiment starts again without the ablation.
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window.neuroworm?.info().experiment as { ablated?: string[] } | undefined)?.ablated?.length === 0, null, {
      timeout: 15_000,
    });
    await page.waitForTimeout(300);
    await page.keyboard.press(' ');
    e = await hook.experiment(page);
    expect(e.ablatedList).toBe('');
    await hook.advance(page, 2000);
    await touchHead(page);
    await hook.advance(page, 3000);
    e = await hook.experiment(page);
    expect(e.reversals.yours).toBeGreaterThanOrEqual(1);
    expect(s.errors).toEqual([]);
  });

  test('a control worm beside the ablated one: both feel the same head touch; only the control backs away', async () => {
    s = await openPlayground();
    const { page } = s;
    await click(page, 'Add control worm');
    await page.waitForFunction(() => (window.neuroworm?.info().experiment as { control?: unknown } | undefined)?.control != null, null, {
      timeout: 15_000,
    });
    await page.waitForTimeout(300);
    await page.keyboard.press(' ');
    await hook.advance(page, 2000);
    await ablate(page, 'AVA');
    await touchHead(page);
    await hook.advance(page, 1500);
    const e = await hook.experiment(page);
    expect(e.touches).toEqual({ yours: 1, control: 1 });
    expect(e.reversals.control).toBeGreaterThanOrEqual(1);
    expect(e.reversals.yours).toBe(0);
    expect(e.control!.behaviour.alongMmPerS).toBeLessThan(0);
    expect((await hook.behaviour(page)).alongMmPerS).toBeGreaterThan(0);
    const path = await shot(page, 'control-worm-beside-ablated');
    copyFileSync(path, join(process.cwd(), 'test-results', 'control-worm.png'));
    // V: the neural view shows the control's neurons (AVA alive there).
    await page.keyboard.press('v');
    expect((await hook.experiment(page)).neuronsShown).toBe('control');
    await hook.advance(page, 100);
    await shot(page, 'control-worm-neurons');
    expect(s.errors).toEqual([]);
  });
});
