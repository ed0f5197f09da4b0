import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { info, openEditor } from './editor-helpers';
import { click, ready, shot, waitScene } from './game';

/** The whole connectome is offered by the game itself, no file needed (issue 12 §1). */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('playground: the whole worm (302) runs from a button, says what it does (backs away from a nose touch) and does not do yet, and / finds and focuses a neuron', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=playground' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'playground');
  const t0 = Date.now();
  await click(page, 'Whole worm (302)', 'playground');
  await page.waitForFunction(() => window.neuroworm!.info().neurons === 302, null, { timeout: 30_000 });
  const loadMs = Date.now() - t0;
  expect(loadMs).toBeLessThan(15_000);
  await page.waitForFunction(() => window.neuroworm!.announcements().some((a) => a.startsWith('Whole worm (302)')), null, { timeout: 5000 });
  expect((await page.evaluate(() => window.neuroworm!.announcements())).find((a) => a.startsWith('Whole worm'))).toMatch(/backs away from a nose touch/);
  // Let it bend for a while: docs/whole-worm.png is this picture (issue 18).
  await page.evaluate(() => window.neuroworm!.advance(12_000));
  await page.waitForTimeout(5000); // the announcement fades
  await shot(page, 'whole-worm-crawling');
  await page.keyboard.press('/');
  await page.locator('[data-testid=find-neuron]').fill('aval');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.neuroworm!.info().focus)).toBe('AVAL');
  await shot(page, 'whole-worm-playground');
  // Back to the crawling worm.
  await click(page, 'Back to the worm', 'playground');
  await page.waitForFunction(() => (window.neuroworm!.info().neurons as number) < 302, null, { timeout: 15_000 });
  console.log(`whole worm loaded and running in the playground in ${loadMs} ms`);
  expect(s.errors).toEqual([]);
});

test('editor: New… → Whole worm (302) opens the connectome laid out, without a file; search finds a neuron', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await page.selectOption('select[aria-label="New circuit from template"]', 'whole-worm');
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length === 302, null, { timeout: 30_000 });
  const st = await info(page);
  expect(st.name).toBe('Whole worm (302)');
  expect(st.status).toMatch(/302 neurons, 2831 synapses .*backs away from a gentle nose touch/);
  expect(st.sensors).toBeGreaterThan(0);
  expect(st.muscles).toBeGreaterThan(0);
  await page.keyboard.press('/');
  await page.keyboard.type('AVAL');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect((await info(page)).selection.neurons).toEqual(['AVAL']);
  await shot(page, 'whole-worm-editor');
  expect(s.errors).toEqual([]);
});
