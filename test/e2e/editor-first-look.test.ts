import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { addNeuron, info, newBlank, openEditor, screenOf } from './editor-helpers';
import { shot } from './game';

/** What a newcomer sees on opening the editor on the built-in worm (issue 12 §4). */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface FirstLook {
  labelsShown: number;
  labelsHidden: number;
}

for (const vp of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`${vp.width}×${vp.height}: every neuron named, nothing cut (palette, legend, status)`, async () => {
    s = await openGame(inject('baseUrl'), { helpSeen: true, viewport: vp });
    const { page } = s;
    await openEditor(page);
    await page.waitForTimeout(500);
    const st = (await info(page)) as Awaited<ReturnType<typeof info>> & FirstLook;
    expect(st.name).toBe('Worm');
    expect(st.labelsShown).toBe(st.neurons.length);
    expect(st.labelsHidden).toBe(0);
    // Before: the palette's legend ended in "⚠ warning (see" under the panel's edge.
    const palette = await page.locator('[data-testid=palette]').evaluate((el) => ({ content: el.scrollHeight, shown: el.clientHeight }));
    expect(palette.content).toBeLessThanOrEqual(palette.shown + 1);
    // The legend (now along the canvas's bottom edge) is whole and inside the canvas.
    const legend = await page.locator('[data-testid=legend]').boundingBox();
    const g = st.graphRect;
    expect(legend!.x).toBeGreaterThanOrEqual(g.x);
    expect(legend!.x + legend!.width).toBeLessThanOrEqual(g.x + g.w);
    expect(legend!.y + legend!.height).toBeLessThanOrEqual(g.y + g.h);
    // Before: "Connect N1 → … (rele…" — the status line was cut with an ellipsis.
    const ava = await screenOf(page, 'AVA');
    const r = 18 * st.viewport.zoom * 0.85;
    await page.mouse.move(ava.x + r, ava.y);
    await page.mouse.down();
    await page.mouse.move(ava.x + r + 30, ava.y + 20, { steps: 3 });
    const status = page.locator('[data-testid=status]');
    expect(await status.textContent()).toMatch(/^Connect AVA → … \(release on another neuron; Alt: gap junction\)$/);
    const fits = await status.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
    expect(fits).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await shot(page, `editor-first-look-${vp.width}x${vp.height}`);
    expect(s.errors).toEqual([]);
  });
}

test('dragging a neuron from its centre onto another connects them (before: it landed on top of the other)', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'sensory', 0.3, 0.5);
  const b = await addNeuron(page, 'motor', 0.7, 0.5);
  await page.waitForTimeout(400); // not a double-click with the next press
  const pa = await screenOf(page, a);
  const pb = await screenOf(page, b);
  await page.mouse.move(pa.x, pa.y);
  await page.mouse.down();
  await page.mouse.move((pa.x + pb.x) / 2, pa.y + 10, { steps: 5 });
  await page.mouse.move(pb.x + 2, pb.y + 1, { steps: 5 });
  expect((await info(page)).status).toBe(`Release to connect ${a} → ${b} (or drag from a neuron's rim to connect without moving it)`);
  await shot(page, 'editor-drop-to-connect');
  await page.mouse.up();
  const st = await info(page);
  expect(st.synapses).toEqual([`chemical:${a}>${b}`]);
  const after = await screenOf(page, a);
  expect(after.x).toBeCloseTo(pa.x, 0);
  expect(after.y).toBeCloseTo(pa.y, 0);
  expect(s.errors).toEqual([]);
});
