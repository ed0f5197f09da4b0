import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, control, ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Run {
  status: string;
  phase: string | null;
  trials: number;
  pairedMs: number;
  foods: number;
  lesson: { runs: number; taught: number; naive: number; pass: boolean } | null;
  reason: string;
}
const run = (page: Session['page']): Promise<Run> => page.evaluate(() => window.neuroworm!.info().run as unknown as Run);

/** A Teach-the-worm challenge from its intro card to the teaching plate. */
async function start(page: Session['page'], title = 'Teach the worm', name = 'teach'): Promise<void> {
  await ready(page);
  await waitScene(page, 'challenges');
  await click(page, title, 'challenges');
  await page.waitForTimeout(300);
  await shot(page, `${name}-intro`);
  await click(page, 'Start challenge', 'challenges');
  await waitScene(page, 'playground');
}

/** N: the test plate; then the 40 s test in simulated time, and the verdict of the paired check (a worker). */
async function testIt(page: Session['page']): Promise<Run> {
  await page.keyboard.press('n');
  await page.waitForFunction(() => (window.neuroworm?.info().run as { phase?: string } | null)?.phase === 'testing', null, { timeout: 15_000 });
  await page.waitForTimeout(250);
  for (let k = 0; k < 4; k++) await page.evaluate(() => window.neuroworm!.advance(10_000));
  await page.waitForFunction(
    () => {
      window.neuroworm!.advance(100);
      return (window.neuroworm!.info().run as { status: string }).status !== 'running';
    },
    null,
    { timeout: 120_000, polling: 500 },
  );
  return run(page);
}

// The real-time frames before the first click make each run learn slightly different weights; the taught worm wins
// across them (headless: 12 worms × 2-5 pairings × start delays × learned weights ±10 %, docs/game.md).
test('teaching: food dropped under the nose until three pairings are counted, the weights learn, and the taught worm wins against its untaught twin', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=challenges' });
  const { page } = s;
  await start(page);
  expect(await run(page)).toMatchObject({ status: 'running', phase: 'teaching', trials: 0 });
  expect((await control(page, 'Start the test (N)', 'playground')).enabled).toBe(true);
  await page.keyboard.press(' ');
  await page.keyboard.press('f');
  // As the intro tells a player: drop food under the nose until the HUD counts 3 pairings. How much of each
  // drop's 20 s counts depends on where the nose wanders (the first drop counted 7.5-12 s in three runs, later
  // ones 18-20 s), so the number of drops is the player's, not fixed: three drops gave 2 pairings, or 1 on a
  // loaded CI machine.
  for (let k = 0; k < 6 && (await run(page)).trials < 3; k++) {
    const p = await page.evaluate(() => window.neuroworm!.pose());
    await page.mouse.click(p.px[0], p.px[1]);
    // 500 ms at a time, as frames come: the run counts the pairing time it sees between its reads.
    await page.evaluate(() => {
      for (let t = 0; t < 20_000; t += 500) window.neuroworm!.advance(500);
    });
    if (k === 0) await shot(page, 'teach-teaching');
  }
  const taught = await run(page);
  expect(taught.trials).toBeGreaterThanOrEqual(3);
  expect(taught.foods).toBeGreaterThanOrEqual(3);
  expect(taught.foods).toBeLessThanOrEqual(6);
  const learned = await page.evaluate(() => (window.neuroworm!.info().learning as { meanChange: number }).meanChange);
  expect(learned).toBeGreaterThan(0.5);
  const r = await testIt(page);
  await shot(page, 'teach-result');
  expect(r.phase).toBe('testing');
  expect(r.lesson!.runs).toBe(4);
  expect(r.lesson!.taught).toBeGreaterThanOrEqual(0.75);
  expect(r.lesson!.taught - r.lesson!.naive).toBeGreaterThanOrEqual(0.5);
  expect(r).toMatchObject({ status: 'won', reason: expect.stringMatching(/heads for butanone/) });
  expect((await control(page, 'Try again', 'playground')).enabled).toBe(true);
  expect(s.errors).toEqual([]);
});

test('skipping the teaching: the test is lost, the worm scoring exactly its untaught twin', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=challenges' });
  const { page } = s;
  await start(page);
  const r = await testIt(page);
  await shot(page, 'teach-lost');
  expect(r.status).toBe('lost');
  expect(r.trials).toBe(0);
  expect(r.lesson!.taught).toBe(r.lesson!.naive);
  expect(r.reason).toMatch(/No sign of learning/);
  expect(s.errors).toEqual([]);
});

test('teaching to avoid: a hungry worm left in butanone without food learns to keep away from it, and wins against its untaught twin', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=challenges' });
  const { page } = s;
  await start(page, 'Teach the worm to avoid', 'teach-avoid');
  expect(await run(page)).toMatchObject({ status: 'running', phase: 'teaching', trials: 0 });
  await page.keyboard.press(' ');
  // 25 s of the starved worm on the butanone plate, 500 ms at a time as frames come.
  await page.evaluate(() => {
    for (let t = 0; t < 25_000; t += 500) window.neuroworm!.advance(500);
  });
  await shot(page, 'teach-avoid-teaching');
  const taught = await run(page);
  expect(taught).toMatchObject({ foods: 0, trials: 1 });
  const r = await testIt(page);
  await shot(page, 'teach-avoid-result');
  expect(r.lesson!.runs).toBe(4);
  expect(r.lesson!.taught).toBeLessThanOrEqual(0);
  expect(r.lesson!.naive - r.lesson!.taught).toBeGreaterThanOrEqual(0.75);
  expect(r).toMatchObject({ status: 'won', reason: expect.stringMatching(/keeps away from butanone/) });
  expect(s.errors).toEqual([]);
});
