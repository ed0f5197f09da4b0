import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser';

/**
 * The experiment report (issue 15 §5) as a person sees it: 20 intact and 20
 * AVA-ablated individuals run through `neuroworm experiment run --report`,
 * the page opened in Chromium, the picture checked and kept as
 * test-results/experiment-report.png (docs/experiment-report.png is a copy).
 */
const dir = mkdtempSync(join(tmpdir(), 'nw-exp-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('experiment report', () => {
  test('20 + 20 worms: every worm a dot in each group, both groups’ tracks, the compares passed', async () => {
    const r = spawnSync(
      'node',
      ['bin/neuroworm.js', 'experiment', 'run', 'examples/experiments/ava-ablation.experiment.yaml', '--worms', '20', '--workers', '2', '--report', dir],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS 2\/2 compares hold/);
    const userDataDir = mkdtempSync(join(tmpdir(), 'neuroworm-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      headless: true,
      viewport: { width: 1000, height: 1000 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`file://${join(dir, 'report.html')}`);
      const svg = page.locator('svg');
      expect(await svg.locator('title', { hasText: /^intact seed \d+: [\d.]+ mm$/ }).count()).toBe(20);
      expect(await svg.locator('title', { hasText: /^ava_ablated seed \d+: [\d.e-]+ mm$/ }).count()).toBe(20);
      expect(await svg.locator('text', { hasText: 'intact: tracks of 20 worms' }).count()).toBe(1);
      expect(await svg.locator('text', { hasText: 'ava_ablated: tracks of 20 worms' }).count()).toBe(1);
      expect(await svg.locator('text', { hasText: /^✓ intact\.backward - ava_ablated\.backward >= 0\.05$/ }).count()).toBe(1);
      // A kymograph per group, of its first worm: cells coloured by curvature (a body that never bent would be all white).
      expect(await svg.locator('text', { hasText: /^intact: kymograph of seed 1$/ }).count()).toBe(1);
      expect(await svg.locator('text', { hasText: /^ava_ablated: kymograph of seed 1$/ }).count()).toBe(1);
      const cells = await svg.locator('rect[fill^="rgb("]').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
      expect(cells.length).toBeGreaterThan(1000);
      expect(cells.filter((c) => c !== 'rgb(255,255,255)').length).toBeGreaterThan(cells.length / 2);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(600);
      mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
      await svg.screenshot({ path: join(process.cwd(), 'test-results', 'experiment-report.png') });
      expect(readFileSync(join(process.cwd(), 'test-results', 'experiment-report.png')).length).toBeGreaterThan(10_000);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 300_000); // 320 worm-s: 12 s on an idle machine, minutes on a loaded one
});
