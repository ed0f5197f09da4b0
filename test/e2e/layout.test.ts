import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { controls, ready, shot, waitScene, type ControlInfo } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const SCENES = ['title', 'playground', 'challenges', 'editor', 'neuron-lab', 'natural-selection', 'settings', 'gallery'];

function overlaps(a: ControlInfo, b: ControlInfo): boolean {
  const ix = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const iy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return ix > 1 && iy > 1;
}

async function checkScene(session: Session, key: string, width: number, height: number): Promise<string[]> {
  const { page } = session;
  await page.evaluate((k) => window.neuroworm!.goto(k), key);
  await waitScene(page, key);
  const problems: string[] = [];
  const list = await controls(page);
  for (const c of list) {
    if (c.x < -0.5 || c.y < -0.5 || c.x + c.width > width + 0.5 || c.y + c.height > height + 0.5) {
      problems.push(
        `${key} ${width}x${height}: "${c.label}" sticks out (${Math.round(c.x)},${Math.round(c.y)} ${Math.round(c.width)}x${Math.round(c.height)})`,
      );
    }
  }
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      if (overlaps(list[i], list[j])) problems.push(`${key} ${width}x${height}: "${list[i].label}" overlaps "${list[j].label}"`);
  return problems;
}

for (const vp of [
  { width: 1024, height: 768, name: 'tablet-landscape' },
  { width: 768, height: 1024, name: 'tablet-portrait' },
  { width: 1920, height: 1080, name: 'desktop-hd' },
]) {
  test(`every scene fits ${vp.width}×${vp.height} with no control off-screen or on top of another`, async () => {
    s = await openGame(inject('baseUrl'), { helpSeen: true, viewport: { width: vp.width, height: vp.height } });
    await ready(s.page);
    await waitScene(s.page, 'title');
    const problems: string[] = [];
    for (const key of SCENES) {
      problems.push(...(await checkScene(s, key, vp.width, vp.height)));
      if (vp.name !== 'desktop-hd') await shot(s.page, `${key}-${vp.name}`);
    }
    expect(problems).toEqual([]);
    expect(s.errors).toEqual([]);
  });
}

test('resizing the window re-lays the scene out', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true, query: 'scene=playground' });
  const { page } = s;
  await ready(page);
  await waitScene(page, 'playground');
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.waitForTimeout(500);
  const problems = await checkScene(s, 'playground', 800, 1000);
  expect(problems).toEqual([]);
  const timeBar = (await controls(page)).find((c) => c.label === '8×')!;
  expect(timeBar.y).toBeGreaterThan(900);
  expect(s.errors).toEqual([]);
});
