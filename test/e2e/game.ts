import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ControlInfo } from '../../scenes/ui/controls';

/** Helpers that drive the game through real input and read it through window.neuroworm (docs/game.md). */

export type { ControlInfo };

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.neuroworm?.ready === true, null, { timeout: 30_000 });
}

export async function scene(page: Page): Promise<string> {
  return page.evaluate(() => window.neuroworm!.scene());
}

export async function overlays(page: Page): Promise<string[]> {
  return page.evaluate(() => window.neuroworm!.overlays());
}

export async function waitScene(page: Page, key: string): Promise<void> {
  await page.waitForFunction((k) => window.neuroworm?.scene() === k, key, { timeout: 15_000 });
  // Let the scene's first frames draw (and a resize settle).
  await page.waitForTimeout(250);
}

export async function waitOverlay(page: Page, key: string, shown: boolean): Promise<void> {
  await page.waitForFunction(([k, s]) => window.neuroworm!.overlays().includes(k as string) === s, [key, shown] as const, { timeout: 10_000 });
  await page.waitForTimeout(150);
}

export async function controls(page: Page): Promise<ControlInfo[]> {
  return page.evaluate(() => window.neuroworm!.controls() as ControlInfo[]);
}

export async function control(page: Page, label: string, sceneKey?: string): Promise<ControlInfo> {
  const all = await controls(page);
  const c = all.find((x) => x.label === label && (!sceneKey || x.scene === sceneKey));
  if (!c) throw new Error(`no visible control "${label}"; visible: ${all.map((x) => `${x.scene}:${x.label}`).join(', ')}`);
  return c;
}

/** Clicks the middle of a control with the real mouse. */
export async function click(page: Page, label: string, sceneKey?: string): Promise<ControlInfo> {
  const c = await control(page, label, sceneKey);
  await page.mouse.click(c.x + c.width / 2, c.y + c.height / 2);
  return c;
}

export async function shot(page: Page, name: string): Promise<string> {
  // A picture with Phaser's missing-texture squares (an icon used before it loaded) is a bug, not a screenshot.
  const missing = await page.evaluate(() => window.neuroworm?.missingTextures() ?? []);
  if (missing.length) throw new Error(`screenshot ${name}: drawn with missing textures: ${missing.join('; ')}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Frames per second the page actually presents, counted with requestAnimationFrame. */
export async function measureFps(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (dur) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = (): void => {
          frames++;
          const t = performance.now() - t0;
          if (t < dur) requestAnimationFrame(tick);
          else resolve((frames * 1000) / t);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}
