import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { ready, shot, waitScene } from './game';

/** At the largest text size (150 %) nothing in the playground is cut, dropped or overlapped (issue 12 §4). */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const BIG_TEXT = { 'neuroworm:settings:v1': JSON.stringify({ textScale: 1.5 }) };

interface Layout {
  neuralLegend: { labels: string[]; allInside: boolean };
  scopeLegend: { traces: number; chipsShown: number; titleBottom: number; plotTop: number; tickFontPx: number };
  resultCard: { textBottom: number; buttonsTop: number } | null;
}
const layout = (page: Session['page']): Promise<Layout> => page.evaluate(() => window.neuroworm!.info() as unknown as Layout);

for (const vp of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`150 % text at ${vp.width}×${vp.height}: the neural legend, the scope's axis and legend, and the result card stay whole`, async () => {
    s = await openGame(inject('baseUrl'), { helpSeen: true, viewport: vp, storage: BIG_TEXT, query: 'scene=playground&challenge=gentle-guide' });
    const { page } = s;
    await ready(page);
    await waitScene(page, 'playground');
    await page.waitForTimeout(500);
    let l = await layout(page);
    // Before: "gap junction" was left out of the neural view's legend.
    expect(l.neuralLegend.labels).toEqual(['sensory', 'inter', 'motor', 'excitatory', 'inhibitory', 'gap junction']);
    expect(l.neuralLegend.allInside).toBe(true);
    // Before: AVA dropped out of the scope's legend, and "V (mV)" sat on the top tick.
    expect(l.scopeLegend.traces).toBeGreaterThanOrEqual(4);
    expect(l.scopeLegend.chipsShown).toBe(l.scopeLegend.traces);
    expect(l.scopeLegend.titleBottom).toBeLessThanOrEqual(l.scopeLegend.plotTop - l.scopeLegend.tickFontPx / 2);
    await shot(page, `text150-playground-${vp.width}x${vp.height}`);
    // A harsh poke loses this challenge: the result card, whose text wraps more at this size.
    await page.keyboard.press('p');
    const p = await page.evaluate(() => window.neuroworm!.pose());
    await page.mouse.click(p.px[0], p.px[1]);
    await page.waitForFunction(() => window.neuroworm!.info().resultCard !== null, null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    l = await layout(page);
    // Before: the card was 210 px whatever its text, and the last line sat 6 px over the buttons.
    expect(l.resultCard!.textBottom).toBeLessThanOrEqual(l.resultCard!.buttonsTop - 4);
    await shot(page, `text150-result-${vp.width}x${vp.height}`);
    expect(s.errors).toEqual([]);
  });
}
