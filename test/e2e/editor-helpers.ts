import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { click, ready, waitScene } from './game';

/** Driving the circuit editor with the real mouse and keyboard; state read back through window.neuroworm.info(). */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface EditorInfo {
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
  undoLabel: string | null;
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
  probes: string[];
}

export const info = (page: Page): Promise<EditorInfo> => page.evaluate(() => window.neuroworm!.info() as unknown as EditorInfo);
export const screenOf = (page: Page, id: string): Promise<{ x: number; y: number }> =>
  page.evaluate((n) => {
    const p = window.neuroworm!.neuronScreen(n);
    if (!p) throw new Error(`neuron ${n} is not on screen`);
    return p;
  }, id);

export async function openEditor(page: Page): Promise<void> {
  await ready(page);
  await waitScene(page, 'title');
  await click(page, 'Editor', 'title');
  await waitScene(page, 'editor');
}

export async function newBlank(page: Page): Promise<void> {
  await page.selectOption('select[aria-label="New circuit from template"]', 'blank');
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length === 0);
}

/** Arms a palette entry and clicks the canvas at a fraction of the graph area. */
export async function addNeuron(page: Page, role: 'sensory' | 'inter' | 'motor', fx: number, fy: number): Promise<string> {
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
export async function connect(page: Page, from: string, to: string, alt = false): Promise<void> {
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

export async function selectNeuron(page: Page, id: string): Promise<void> {
  const p = await screenOf(page, id);
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(400); // not a double-click with the next click
  expect((await info(page)).selection.neurons).toEqual([id]);
}

/** Drags along the body diagram on one side, from..to of the body length. */
export async function dragOnBody(page: Page, side: 'left' | 'right', from: number, to: number): Promise<void> {
  const b = (await info(page)).bodyRect;
  const y = side === 'left' ? b.leftY : b.rightY;
  const x = (f: number) => b.nose.x + f * (b.tail.x - b.nose.x);
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move(x(to), y, { steps: 6 });
  await page.mouse.up();
}
