import { readFileSync } from 'node:fs';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { addNeuron, info, openEditor } from './editor-helpers';
import { shot } from './game';

/** An autosave that fails to restore is never lost (issue 12 §2: before, it was reported once and rotated away after 5 edits). */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const circuit = JSON.stringify({
  format: 'neuroworm-circuit',
  version: 1,
  name: 'My work',
  neurons: [{ id: 'A', model: 'graded', role: 'sensory', position: { x: 0, y: 0 } }],
});
const good = JSON.stringify({
  stamp: 'neuroworm-editor-autosave',
  version: 1,
  seq: 1,
  savedAt: 1_700_000_000_000,
  fileName: 'my-work.json',
  viewport: { x: 0, y: 0, zoom: 1 },
  circuit,
});
/** The newest save, cut off mid-write. */
const damaged = good.replace('"seq":1', '"seq":2').slice(0, 150);

test('a damaged autosave is kept apart, offered for download and as text, and survives many more saves', async () => {
  s = await openGame(inject('baseUrl'), {
    helpSeen: true,
    storage: { 'neuroworm.editor.autosave.1': good, 'neuroworm.editor.autosave.2': damaged },
  });
  const { page } = s;
  await openEditor(page);
  // The older good save is restored; the damaged one is offered at once.
  let st = await info(page);
  expect(st.name).toBe('My work');
  expect(st.status).toMatch(/1 autosave could not be restored and was kept apart/);
  const kept = page.locator('[data-testid=kept-saves] .nwe-card');
  await kept.waitFor({ timeout: 5000 });
  expect(await kept.count()).toBe(1);
  expect(await kept.textContent()).toMatch(/not valid JSON/);
  await shot(page, 'editor-kept-autosave');
  const [file] = await Promise.all([page.waitForEvent('download'), kept.getByRole('button', { name: 'Download' }).click()]);
  expect(readFileSync((await file.path())!, 'utf8')).toBe(damaged);
  await kept.getByRole('button', { name: 'Open as text' }).click();
  expect(await page.locator('.nwe-modal textarea').last().inputValue()).toBe(damaged);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  expect(await page.locator('.nwe-modal').count()).toBe(0);

  // Six more autosaves (each a second after an edit): the ring turns over; the damaged save is still there.
  for (let i = 0; i < 6; i++) {
    await addNeuron(page, 'inter', 0.2 + 0.1 * i, 0.7);
    await page.waitForTimeout(1300);
  }
  const stored = await page.evaluate(() => ({ ...localStorage }));
  expect(Object.values(stored)).toContain(damaged);
  // And after a reload it is still offered (the toolbar's Kept saves), not lost.
  await page.reload();
  await openEditor(page);
  st = await info(page);
  expect(st.neurons.length).toBe(7);
  const button = page.getByRole('button', { name: /Kept saves \(1\)/ });
  expect(await button.isVisible()).toBe(true);
  await button.click();
  expect(await page.locator('[data-testid=kept-saves] .nwe-card').count()).toBe(1);
  expect(s.errors).toEqual([]);
});
