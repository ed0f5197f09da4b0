import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { openGame } from './browser';
import { measureFps, ready, waitScene } from './game';

/**
 * Frame rate of the title scene and of the renderer test card (302 neurons,
 * ~7,300 synapses, worm, plate, oscilloscope redrawn every frame) under each
 * renderer, in headless Chromium with software GL (SwiftShader). Numbers go
 * to test-results/fps.json and the log; they depend on the machine's load,
 * so the test only checks that each renderer runs and reports honestly.
 */
const RUNS = [
  { renderer: 'webgl', scene: 'title' },
  { renderer: 'canvas', scene: 'title' },
  { renderer: 'webgl', scene: 'gallery' },
  { renderer: 'canvas', scene: 'gallery' },
] as const;

test('frames per second: WebGL vs Canvas, title and full neural view', async () => {
  const results: { renderer: string; scene: string; fps: number; phaserFps: number; neuralUpdateMs?: number }[] = [];
  for (const run of RUNS) {
    const s = await openGame(inject('baseUrl'), { helpSeen: true, query: `renderer=${run.renderer}&scene=${run.scene}` });
    try {
      await ready(s.page);
      await waitScene(s.page, run.scene);
      expect(await s.page.evaluate(() => window.neuroworm!.renderer())).toBe(run.renderer);
      await s.page.waitForTimeout(1500); // warm up
      const fps = await measureFps(s.page, 4000);
      const phaserFps = await s.page.evaluate(() => window.neuroworm!.fps());
      const info = await s.page.evaluate(() => window.neuroworm!.info());
      results.push({ ...run, fps: +fps.toFixed(1), phaserFps: +phaserFps.toFixed(1), neuralUpdateMs: info.lastUpdateMs as number | undefined });
      expect(fps).toBeGreaterThan(1);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fps.json'), JSON.stringify({ when: new Date().toISOString(), results }, null, 2));
  console.log('fps (headless Chromium, SwiftShader):');
  for (const r of results) console.log(`  ${r.scene.padEnd(8)} ${r.renderer.padEnd(7)} ${r.fps} fps (Phaser ${r.phaserFps})`);
});
