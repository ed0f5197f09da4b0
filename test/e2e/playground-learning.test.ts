import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** CEP (driven) releases dopamine and feeds AVB through a BCM synapse that grows while both are active; AVB reads dopamine. */
const learner = {
  format: 'neuroworm-circuit',
  version: 2,
  name: 'learner',
  neurons: [
    { id: 'CEP', model: 'graded', role: 'sensory', params: { tonicPa: 5 } },
    { id: 'AVB', model: 'graded', role: 'inter', params: { tonicPa: 3 } },
  ],
  synapses: [{ from: 'CEP', to: 'AVB', kind: 'chemical', weight: 5, plastic: { rule: 'bcm', params: { rate: 0.0005 } } }],
  modulators: [
    { name: 'dopamine', from: ['CEP'], release: 1, clearanceMs: 500 },
    { name: 'serotonin', from: [], release: 1, clearanceMs: 1000 },
  ],
  receptors: [{ neuron: 'AVB', modulator: 'dopamine', effect: 'excitability', gain: -1 }],
};

interface Learning {
  modulators: Record<string, number>;
  plastic: number;
  frozen: boolean;
  meanChange: number;
}
const learning = async (page: Page): Promise<Learning> => ((await page.evaluate(() => window.neuroworm!.info())) as { learning: Learning }).learning;
const advance = (page: Page, ms: number) => page.evaluate((m) => window.neuroworm!.advance(m), ms);
const said = (page: Page) => page.evaluate(() => window.neuroworm!.announcements());

test('the neural view shows modulator levels; L freezes learned weights, R resets them, both announced; screenshot', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=playground' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'playground');
  await page.evaluate((doc) => window.neuroworm!.loadCircuit(doc), learner);
  await page.waitForFunction(() => window.neuroworm!.activity().ids.join() === 'CEP,AVB', null, { timeout: 10_000 });
  await page.keyboard.press('Space'); // paused: the hook's advance is the only clock
  await advance(page, 1500);
  let l = await learning(page);
  expect(Object.keys(l.modulators)).toEqual(['dopamine', 'serotonin']);
  expect(l.modulators.dopamine).toBeGreaterThan(0.5); // CEP near full output holds ~1
  expect(l.modulators.serotonin).toBe(0); // nobody releases it
  expect(l.plastic).toBe(1);
  const learned = l.meanChange;
  expect(learned).toBeGreaterThan(0.05);
  await shot(page, 'playground-learning');

  // Frozen: the weight holds while the worm runs on.
  await page.keyboard.press('l');
  expect((await said(page)).some((a) => a.startsWith('Learning frozen'))).toBe(true);
  await advance(page, 1000);
  l = await learning(page);
  expect(l.frozen).toBe(true);
  expect(l.meanChange).toBeCloseTo(learned, 9);
  // Reset: back to the circuit's weight, and (still frozen) it stays there.
  await page.keyboard.press('r');
  expect((await said(page)).some((a) => a.startsWith('Learned weights reset'))).toBe(true);
  await advance(page, 1000);
  expect((await learning(page)).meanChange).toBe(0);
  // Learning again: it moves again.
  await page.keyboard.press('l');
  await advance(page, 1000);
  l = await learning(page);
  expect(l.frozen).toBe(false);
  expect(l.meanChange).toBeGreaterThan(0.01);
  expect(s.errors).toEqual([]);
});
