import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { openGame } from './browser';
import { measureFps, ready, waitScene } from './game';

/**
 * Frame rate of the title scene and of the renderer test card (302 neurons,
 * ~7,300 synapses, worm, plate, oscilloscope redrawn every frame) under each
 * renderer, in headless Chromium with software GL (SwiftShader). Numbers go
 * to test-results/fps.json and the log; they depend on the machine's load,
 * so the test only checks that each renderer runs and reports honestly.
 */
const RUNS: readonly { renderer: 'webgl' | 'canvas'; scene: string; speedKey?: string }[] = [
  { renderer: 'webgl', scene: 'title' },
  { renderer: 'canvas', scene: 'title' },
  { renderer: 'webgl', scene: 'gallery' },
  { renderer: 'canvas', scene: 'gallery' },
  // The playground on the real simulation (worm, plate, the running circuit's whole neural view, oscilloscope) at 1× and 8×.
  { renderer: 'canvas', scene: 'playground' },
  { renderer: 'canvas', scene: 'playground', speedKey: '5' },
];

/** One row per run; each run is its own test, so a slow page on a loaded machine spends its own time budget, not the next run's. */
const results: {
  renderer: string;
  scene: string;
  // Figures the scene may not report are undefined (and left out of the JSON).
  speed?: number | undefined;
  fps: number;
  phaserFps: number;
  neuralUpdateMs?: number | undefined;
  neurons?: number | undefined;
  simMsPerFrame?: number | undefined;
  drawMsPerFrame?: number | undefined;
  /** Share of the frame (1000 / fps ms) spent stepping the simulation. */
  simShare?: number | undefined;
}[] = [];

test.each(RUNS)('frames per second: $scene on $renderer $speedKey', async (run) => {
  const s = await openGame(inject('baseUrl'), { helpSeen: true, query: `renderer=${run.renderer}&scene=${run.scene}` });
  try {
    await ready(s.page);
    await waitScene(s.page, run.scene);
    expect(await s.page.evaluate(() => window.neuroworm!.renderer())).toBe(run.renderer);
    if (run.speedKey) await s.page.keyboard.press(run.speedKey);
    await s.page.waitForTimeout(1500); // warm up
    const fps = await measureFps(s.page, 4000);
    const phaserFps = await s.page.evaluate(() => window.neuroworm!.fps());
    const info = await s.page.evaluate(() => window.neuroworm!.info());
    const simMs = info.simMsPerFrame as number | undefined;
    results.push({
      renderer: run.renderer,
      scene: run.scene,
      speed: info.speed as number | undefined,
      fps: +fps.toFixed(1),
      phaserFps: +phaserFps.toFixed(1),
      neuralUpdateMs: info.lastUpdateMs as number | undefined,
      neurons: info.neurons as number | undefined,
      simMsPerFrame: simMs === undefined ? undefined : +simMs.toFixed(2),
      drawMsPerFrame: info.drawMsPerFrame === undefined ? undefined : +(info.drawMsPerFrame as number).toFixed(2),
      simShare: simMs === undefined ? undefined : +((simMs * fps) / 1000).toFixed(3),
    });
    // A report, not a speed test (goals live in the bench): it must draw, however slowly a loaded machine runs.
    expect(fps).toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

afterAll(() => {
  if (results.length === 0) return;
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fps.json'), JSON.stringify({ when: new Date().toISOString(), results }, null, 2));
  console.log('fps (headless Chromium, SwiftShader):');
  for (const r of results) {
    const sim =
      r.simShare === undefined
        ? ''
        : ` · ${r.speed}× · ${r.neurons} neurons · sim ${r.simMsPerFrame} ms/frame (${(100 * r.simShare).toFixed(1)} % of the frame) · draw ${r.drawMsPerFrame} ms`;
    console.log(`  ${r.scene.padEnd(10)} ${r.renderer.padEnd(7)} ${r.fps} fps (Phaser ${r.phaserFps})${sim}`);
  }
});
