import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { connect, info } from './editor-helpers';
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

interface Run {
  status: string;
  answered: number;
  pathway: string | null;
  reversals: number;
}
const run = (page: Session['page']): Promise<Run> => page.evaluate(() => window.neuroworm!.info().run as unknown as Run);

/**
 * Starts "Rewire" from the editor, waits for the circuit check, then touches the head gently every 5 s of worm time,
 * once the last escape is over: a touch reversal and the turn after it last about 3 s on the default worm, so touches
 * 3 s apart can lock onto its turns and go unanswered for a run (2 of 20 answered on 1 of 35 seeds × start delays;
 * at 5 s all 35 won within 4–10 touches: `npx tsx test/behaviour/rewire-cadence.ts 3000` / `5000`).
 */
async function touchUntilDone(page: Session['page'], touches: number): Promise<Run> {
  await page.click('button:has-text("Start challenge")');
  await waitScene(page, 'playground');
  await page.waitForFunction(() => (window.neuroworm!.info().run as { pathway: string }).pathway !== 'checking', null, { timeout: 60_000 });
  let r = await run(page);
  for (let i = 0; i < touches && r.status === 'running'; i++) {
    await page.evaluate(() => window.neuroworm!.advance(5000));
    // A run that ended during those 3 s shows its result card over the plate: a click at the head would press the card's buttons.
    r = await run(page);
    if (r.status !== 'running') break;
    const p = await page.evaluate(() => window.neuroworm!.pose());
    await page.mouse.click(p.px[0], p.px[1]);
    r = await run(page);
  }
  if (r.status === 'running') await page.evaluate(() => window.neuroworm!.advance(2000));
  return run(page);
}

test('"Rewire": the editor opens on the broken circuit, which cannot win; the repair made there wins', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=challenges' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'challenges');
  await click(page, 'Rewire the reflex', 'challenges');
  await page.waitForTimeout(300);
  await click(page, 'Open the editor', 'challenges');
  await waitScene(page, 'editor');
  // Before the fix the editor opened the intact worm and the challenge was won unchanged.
  let st = await info(page);
  expect(st.synapses).not.toContain('chemical:ALM>AVD');
  expect(st.synapses).not.toContain('chemical:AVD>AVA');
  expect(st.status).toMatch(/cut/);
  await shot(page, 'rewire-editor');

  // Unrepaired: touches the worm ignores, and the circuit check says the pathway is cut.
  const broken = await touchUntilDone(page, 6);
  expect(broken.pathway).toBe('cut');
  expect(broken.status).toBe('running');
  expect(broken.answered).toBeLessThan(3);
  await shot(page, 'rewire-broken');

  // Repair in the editor: ALM and AVM to AVA (drags from their rims).
  await click(page, 'Edit circuit', 'playground');
  await waitScene(page, 'editor');
  await connect(page, 'ALM', 'AVA');
  await connect(page, 'AVM', 'AVA');
  st = await info(page);
  expect(st.synapses).toContain('chemical:ALM>AVA');
  expect(st.synapses).toContain('chemical:AVM>AVA');
  const fixed = await touchUntilDone(page, 10);
  expect(fixed.pathway).toBe('works');
  expect(fixed.status).toBe('won');
  await shot(page, 'rewire-won');
  expect(s.errors).toEqual([]);
});
