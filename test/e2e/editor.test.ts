import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, measureFps, ready, shot, waitScene } from './game';

/**
 * The circuit editor driven with the real mouse and keyboard (docs/editor.md).
 * State is read back through window.neuroworm.info() while the editor runs.
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface EditorInfo {
  name: string;
  fileName: string;
  neurons: string[];
  synapses: string[];
  sensors: number;
  muscles: number;
  warnings: string[];
  selection: { neurons: string[]; synapses: string[] };
  canUndo: boolean;
  canRedo: boolean;
  status: string;
  viewport: { x: number; y: number; zoom: number };
  graphRect: Rect;
  bodyRect: Rect & { nose: { x: number; y: number }; tail: { x: number; y: number }; leftY: number; rightY: number };
  wormError: string | null;
  wormMuscles: number[];
  segments: number;
  wormHead: { x: number; y: number } | null;
  pokes: { position: number; kind: string; atMs: number }[];
  musclePeakSincePoke: { left: number; right: number };
  graphFrames: number;
  graphDrawMsAvg: number;
  graphStaticMs: number;
  tests: { name: string; state: string; detail: string; wallMs: number }[];
}

const info = (page: Page): Promise<EditorInfo> => page.evaluate(() => window.neuroworm!.info() as unknown as EditorInfo);
const screenOf = (page: Page, id: string): Promise<{ x: number; y: number }> =>
  page.evaluate((n) => {
    const p = window.neuroworm!.neuronScreen(n);
    if (!p) throw new Error(`neuron ${n} is not on screen`);
    return p;
  }, id);

async function openEditor(page: Page): Promise<void> {
  await ready(page);
  await waitScene(page, 'title');
  await click(page, 'Editor', 'title');
  await waitScene(page, 'editor');
}

async function newBlank(page: Page): Promise<void> {
  await page.selectOption('select[aria-label="New circuit from template"]', 'blank');
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length === 0);
}

/** Arms a palette entry and clicks the canvas at a fraction of the graph area. */
async function addNeuron(page: Page, role: 'sensory' | 'inter' | 'motor', fx: number, fy: number): Promise<string> {
  const before = (await info(page)).neurons;
  await page.click(`button[data-place="${role}"]`);
  const g = (await info(page)).graphRect;
  await page.mouse.click(g.x + g.w * fx, g.y + g.h * fy);
  const after = (await info(page)).neurons;
  const added = after.filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  return added[0];
}

/** Drags from the rim of one neuron to the centre of another (a connection). */
async function connect(page: Page, from: string, to: string, alt = false): Promise<void> {
  const a = await screenOf(page, from);
  const b = await screenOf(page, to);
  const r = 18 * (await info(page)).viewport.zoom * 0.85;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  await page.mouse.move(a.x + ((b.x - a.x) / len) * r, a.y + ((b.y - a.y) / len) * r);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

async function selectNeuron(page: Page, id: string): Promise<void> {
  const p = await screenOf(page, id);
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(400); // not a double-click with the next click
  expect((await info(page)).selection.neurons).toEqual([id]);
}

/** Drags along the body diagram on one side, from..to of the body length. */
async function dragOnBody(page: Page, side: 'left' | 'right', from: number, to: number): Promise<void> {
  const b = (await info(page)).bodyRect;
  const y = side === 'left' ? b.leftY : b.rightY;
  const x = (f: number) => b.nose.x + f * (b.tail.x - b.nose.x);
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move(x(to), y, { steps: 6 });
  await page.mouse.up();
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

test('build a two-neuron reflex from a blank circuit, poke the worm and the muscle responds; undo and redo', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  await shot(page, 'editor-blank');

  const sensory = await addNeuron(page, 'sensory', 0.35, 0.3);
  const motor = await addNeuron(page, 'motor', 0.65, 0.7);
  await connect(page, sensory, motor);
  let st = await info(page);
  expect(st.synapses).toEqual([`chemical:${sensory}>${motor}`]);

  // Skin → sensory neuron: select it, drag along the left side of the body diagram over the head.
  await selectNeuron(page, sensory);
  await dragOnBody(page, 'left', 0, 0.25);
  // Touch on either side: set the new binding's side in the inspector.
  await page.selectOption('[data-testid=inspector] select[data-field=side]', 'both');
  // Motor neuron → muscles: the whole left row.
  await selectNeuron(page, motor);
  await dragOnBody(page, 'left', 0, 1);
  st = await info(page);
  expect(st.sensors).toBe(1);
  expect(st.muscles).toBe(1);
  expect(st.wormError).toBeNull();
  // Nothing unbound is left to warn about.
  expect(st.warnings.filter((w) => /no sensor|drives no muscle|bound to nothing/i.test(w))).toEqual([]);
  await shot(page, 'editor-two-neuron-reflex');

  // The live worm runs the new circuit: with no touch, the left muscles rest.
  await page.waitForTimeout(1500);
  const seg = (await info(page)).segments;
  const left = (m: number[]) => mean(m.slice(0, seg));
  const rest = left((await info(page)).wormMuscles);
  // Poke the worm's head with the real mouse (Shift: a harsh poke reaches through).
  const head = (await info(page)).wormHead!;
  await page.mouse.click(head.x, head.y);
  await page.waitForTimeout(120);
  expect((await info(page)).pokes.length).toBeGreaterThan(0);
  // The live worm records the strongest activation each frame, so a short twitch is not missed between polls.
  await page.waitForTimeout(1200);
  await shot(page, 'editor-reflex-poked');
  const peak = (await info(page)).musclePeakSincePoke;
  console.log(`left muscles: rest ${rest.toFixed(3)}, after the poke up to ${peak.left.toFixed(3)} (right ${peak.right.toFixed(3)})`);
  expect(peak.left).toBeGreaterThan(rest + 0.1);
  // Only the bound side responds.
  expect(peak.right).toBeLessThan(rest + 0.05);

  // Undo: the muscle binding, then the side change, the touch field, the synapse.
  const full = await info(page);
  await page.mouse.click(full.graphRect.x + 10, full.graphRect.y + 10); // focus the canvas, clear the selection
  await page.keyboard.press('Control+z');
  expect((await info(page)).muscles).toBe(0);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect((await info(page)).sensors).toBe(0);
  await page.keyboard.press('Control+z');
  expect((await info(page)).synapses).toEqual([]);
  // Redo all four.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+z');
  st = await info(page);
  expect(st.synapses).toEqual(full.synapses);
  expect(st.sensors).toBe(1);
  expect(st.muscles).toBe(1);
  // The toolbar buttons do the same.
  await page.click('button:has-text("Undo")');
  expect((await info(page)).muscles).toBe(0);
  await page.click('button:has-text("Redo")');
  expect((await info(page)).muscles).toBe(1);
  expect(s.errors).toEqual([]);
});
