import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { info, openEditor, screenOf } from './editor-helpers';
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
