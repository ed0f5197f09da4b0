import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { addNeuron, connect, info, newBlank, openEditor, screenOf, selectNeuron } from './editor-helpers';
import choiceWorm from '../../src/circuits/builtin/choice-worm.json';
import { click, shot } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const docOf = async (
  page: Page,
): Promise<{ synapses?: Record<string, unknown>[]; modulators?: Record<string, unknown>[]; receptors?: Record<string, unknown>[] }> =>
  JSON.parse(((await info(page)) as unknown as { docJson: string }).docJson);

async function setField(page: Page, field: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid=inspector] input[data-field="${field}"]`).first();
  await input.fill(value);
  await input.press('Enter');
  await page.waitForTimeout(150);
}

/** The editor on a blank circuit with a sensory neuron and an interneuron, not yet connected. */
async function twoNeurons(page: Page): Promise<[string, string]> {
  await openEditor(page);
  await newBlank(page);
  return [await addNeuron(page, 'sensory', 0.3, 0.3), await addNeuron(page, 'inter', 0.6, 0.45)];
}

test('a plastic synapse from the palette learns on the live worm: the inspector shows the weight now against the circuit’s, the graph draws it, Keep writes it in (one undo step); screenshots', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  const [a, b] = await twoNeurons(page);
  // The palette's plastic tool with rule BCM: the drag makes a learning synapse in one step.
  await page.click('button:has-text("Plastic synapse")');
  await page.selectOption('select[aria-label="Learning rule of new synapses"]', 'bcm');
  await connect(page, a, b);
  const key = `c:${a}>${b}`;
  expect((await docOf(page)).synapses?.[0]).toMatchObject({ from: a, to: b, plastic: { rule: 'bcm' } });
  expect((await info(page)).undoLabel).toMatch(/^Connect/);
  expect((await info(page)).selection.synapses).toEqual([key]);
  const inspector = page.locator('[data-testid=inspector]');
  await expect.poll(() => inspector.textContent()).toMatch(/Bienenstock, Cooper & Munro 1982/);
  expect(await inspector.textContent()).toMatch(/rate \(weight\/ms\)/);
  // Out of range: refused with the range, nothing stored.
  await setField(page, 'rate', '500');
  await expect.poll(() => inspector.textContent()).toMatch(/rate of the plastic synapse .* 500 weight\/ms is out of range; allowed: 0 \.\. 100 weight\/ms/);
  expect((await docOf(page)).synapses?.[0].plastic).toEqual({ rule: 'bcm' });
  await setField(page, 'rate', '0.01');
  expect((await docOf(page)).synapses?.[0].plastic).toEqual({ rule: 'bcm', params: { rate: 0.01 } });
  expect((await info(page)).undoLabel).toBe('Make synapse learn (bcm)');

  // Drive both neurons (tonic current): pre and post active above BCM's threshold, so the weight grows while the worm runs.
  await selectNeuron(page, a);
  await setField(page, 'tonicPa', '5');
  await selectNeuron(page, b);
  await setField(page, 'tonicPa', '3');
  const [pa, pb] = [await screenOf(page, a), await screenOf(page, b)];
  const g = (await info(page)).graphRect;
  await page.mouse.click(g.x + 5, g.y + 5);
  await page.mouse.click((pa.x + pb.x) / 2, (pa.y + pb.y) / 2);
  expect((await info(page)).selection.synapses).toEqual([key]);
  const readout = page.locator('[data-testid=live-weight]');
  await expect.poll(() => readout.textContent(), { timeout: 15000 }).toMatch(/weight now [\d.]+ \(in the circuit 5, \+[1-9]/);
  const grown = Number(/weight now ([\d.]+)/.exec((await readout.textContent()) ?? '')?.[1]);
  expect(grown).toBeGreaterThan(5.5);
  expect(grown).toBeLessThanOrEqual(10); // wMax: twice the initial weight
  await readout.scrollIntoViewIfNeeded();
  await shot(page, 'editor-plastic-synapse-learning');

  await page.click('text=Keep learned weights');
  const kept = (await docOf(page)).synapses?.[0].weight as number;
  expect(kept).toBeGreaterThan(5.5);
  expect((await info(page)).undoLabel).toBe('Keep learned weights');
  await page.keyboard.press('Control+z');
  expect((await docOf(page)).synapses?.[0].weight).toBe(5);
  expect(s.errors).toEqual([]);
});

test('modulator release and receptor bindings from the palette, edited in the inspector with ranges; each one undo step; screenshot', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  const [a, b] = await twoNeurons(page);
  await connect(page, a, b);
  await selectNeuron(page, a);
  await page.click('summary:has-text("Modulators")');
  await page.selectOption('select[aria-label="Modulator"]', 'serotonin');
  await page.click('text=+ Release (selected)');
  expect((await docOf(page)).modulators).toEqual([{ name: 'serotonin', from: [a], release: 1, clearanceMs: 1000 }]);
  expect((await info(page)).undoLabel).toBe('Release serotonin');
  await selectNeuron(page, b);
  await page.selectOption('select[aria-label="Receptor effect"]', 'gain');
  await page.selectOption('select[aria-label="Receptor sign"]', '-1');
  await page.click('text=+ Receptor (selected)');
  expect((await docOf(page)).receptors).toEqual([{ neuron: b, modulator: 'serotonin', effect: 'gain', gain: -1 }]);
  const inspector = page.locator('[data-testid=inspector]');
  await expect.poll(() => inspector.textContent()).toMatch(/Receptors \(1\)/);
  expect(await inspector.textContent()).toMatch(/sign: inhibitory/);
  // A receptor on a modulator the circuit lacks is declared in the same undo step; undo takes both back.
  await page.selectOption('select[aria-label="Modulator"]', 'dopamine');
  await page.click('text=+ Receptor (selected)');
  expect((await docOf(page)).modulators?.map((m) => m.name)).toEqual(['serotonin', 'dopamine']);
  await page.keyboard.press('Control+z');
  expect((await docOf(page)).modulators?.map((m) => m.name)).toEqual(['serotonin']);
  expect((await docOf(page)).receptors).toHaveLength(1);
  // As an excitability receptor it may open K⁺ channels: reversal and match point in mV, out of range refused with the range.
  const rec = page.locator('[data-testid=inspector] [data-testid=receptor]').first();
  await rec.locator('select[data-field=effect]').selectOption('excitability');
  await rec.locator('select[data-field="acts as"]').selectOption('-80');
  expect((await docOf(page)).receptors).toEqual([{ neuron: b, modulator: 'serotonin', effect: 'excitability', gain: -1, reversalMv: -80 }]);
  await expect.poll(() => rec.textContent()).toMatch(/match at: the neuron’s rest/);
  await rec.locator('input[data-field="match at"]').fill('100');
  await rec.locator('input[data-field="match at"]').press('Enter');
  await expect
    .poll(() => inspector.textContent())
    .toMatch(/match point of the serotonin receptor on "[^"]+": 100 mV is out of range; allowed: -120 \.\. 60 mV/);
  await shot(page, 'editor-receptor-channels');
  // Adaptation (unitless, 0 .. 1): out of range refused with the range; a value makes the receptor adapt, with a time constant in ms.
  await expect.poll(() => rec.locator('[data-testid=adaptation-meaning]').textContent()).toMatch(/^does not adapt/);
  await rec.locator('input[data-field=adaptation]').fill('1.5');
  await rec.locator('input[data-field=adaptation]').press('Enter');
  await expect.poll(() => inspector.textContent()).toMatch(/adaptation of the serotonin receptor on "[^"]+": 1\.5 is out of range; allowed: 0 \.\. 1/);
  await rec.locator('input[data-field=adaptation]').fill('0.9');
  await rec.locator('input[data-field=adaptation]').press('Enter');
  expect((await docOf(page)).receptors?.[0]).toMatchObject({ adaptation: 0.9, adaptationMs: 20000, reversalMv: -80 });
  await expect.poll(() => rec.locator('[data-testid=adaptation-meaning]').textContent()).toMatch(/acts 10 % as strongly as a brief rise/);
  await rec.locator('input[data-field=adaptationMs]').fill('5000');
  await rec.locator('input[data-field=adaptationMs]').press('Enter');
  expect((await docOf(page)).receptors?.[0]).toMatchObject({ adaptation: 0.9, adaptationMs: 5000 });
  await rec.locator('input[data-field=adaptationMs]').scrollIntoViewIfNeeded();
  await shot(page, 'editor-receptor-adaptation');
  await page.click('button:has-text("Undo")');
  expect((await docOf(page)).receptors?.[0]).toMatchObject({ adaptation: 0.9, adaptationMs: 20000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // Escape below is the editor's, not the field's

  // The circuit view lists the modulators; a clearance out of range is refused with its range.
  await page.keyboard.press('Escape');
  await expect.poll(() => inspector.textContent()).toMatch(/Modulators \(1\)/);
  const card = page.locator('[data-testid=modulator-serotonin]');
  await card.locator('input[data-field=clearanceMs]').fill('0');
  await card.locator('input[data-field=clearanceMs]').press('Enter');
  await expect.poll(() => inspector.textContent()).toMatch(/clearanceMs of modulator "serotonin": 0 ms is out of range; allowed: 1 \.\. 10000000 ms/);
  expect((await docOf(page)).modulators?.[0].clearanceMs).toBe(1000);
  await shot(page, 'editor-modulators');
  expect(s.errors).toEqual([]);
});

test('the winner-takes-all template opens from New…: two odour channels that inhibit each other; screenshot', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await page.selectOption('select[aria-label="New circuit from template"]', 'winner-takes-all');
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.includes('CHL'));
  const i = await info(page);
  expect(i.name).toBe('Winner takes all (lateral inhibition)');
  expect(i.synapses).toEqual(expect.arrayContaining(['chemical:CHL>CHR', 'chemical:CHR>CHL']));
  expect(i.wormError).toBeNull();
  await page.waitForTimeout(300);
  await shot(page, 'editor-winner-takes-all');
  expect(s.errors).toEqual([]);
});

test('the live worm runs on the two-odour plate: Plate cycles the arena (the worm starts at its start), View shows the whole plate with both odour spots; on to a plate with walls; screenshots', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await page.evaluate((doc) => window.neuroworm!.loadCircuit(doc), choiceWorm);
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.includes('RIR'));
  const live = async () => (await info(page)) as unknown as { liveArena: string; liveView: string; liveBoxes: { panel: Box; plate: Box }; liveSolids: number };
  expect(await live()).toMatchObject({ liveArena: 'plate', liveView: 'follow' });
  await click(page, 'Plate: plate');
  await expect.poll(async () => (await live()).liveArena).toBe('odour-choice');
  // The worm was rebuilt on the new plate, at its start (7, 8 mm), heading between the spots.
  const [x, y] = (await page.evaluate(() => window.neuroworm!.pose())).mm;
  expect(Math.hypot(x - 7, y - 8)).toBeLessThan(1.5);
  // Close up the plate is larger than the panel; the whole-plate view fits it inside.
  const inside = (b: Box, p: Box) => b.x >= p.x - 1 && b.y >= p.y - 1 && b.x + b.w <= p.x + p.w + 1 && b.y + b.h <= p.y + p.h + 1;
  const close = (await live()).liveBoxes;
  expect(inside(close.plate, close.panel)).toBe(false);
  await shot(page, 'editor-live-worm-odour-choice-close');
  await click(page, 'View: follow');
  await expect.poll(async () => (await live()).liveView).toBe('plate');
  await page.waitForTimeout(1500);
  const whole = (await live()).liveBoxes;
  expect(inside(whole.plate, whole.panel), JSON.stringify(whole)).toBe(true);
  expect(whole.plate.w).toBeGreaterThan(0.5 * whole.panel.w);
  await shot(page, 'editor-live-worm-odour-choice');
  // On past the food lawn to a plate with walls: the worm restarts at the blocked corridor's start (1.2, 2.5 mm).
  await click(page, 'Plate: odour-choice');
  await expect.poll(async () => (await live()).liveArena).toBe('food-gradient');
  await click(page, 'Plate: food-gradient');
  await expect.poll(async () => (await live()).liveArena).toBe('touch-course');
  const [cx, cy] = (await page.evaluate(() => window.neuroworm!.pose())).mm;
  expect(Math.hypot(cx - 1.2, cy - 2.5)).toBeLessThan(1.5);
  // The button's tooltip stays in the canvas's middle column, clear of the HTML palette beside it; then the
  // pointer goes to the header, where nothing shows a tooltip over the panels.
  await page.waitForTimeout(600);
  await shot(page, 'editor-live-worm-plate-tooltip');
  await page.mouse.move(640, 28);
  await page.waitForTimeout(1500);
  // The whole plate shows its four solids (post, two blocks, end post); close up, the ones in the panel, cut at its edge.
  expect((await live()).liveSolids).toBe(4);
  await shot(page, 'editor-live-worm-touch-course');
  await click(page, 'View: whole plate');
  await expect.poll(async () => (await live()).liveView).toBe('follow');
  // Close up at the start none is in the panel (the post is 2.8 mm ahead); at 8× the worm crawls up to the post,
  // which then shows, cut at the panel's edge where it runs past it.
  expect((await live()).liveSolids).toBe(0);
  await click(page, '8×');
  await expect.poll(async () => (await live()).liveSolids, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await click(page, '1×');
  await page.mouse.move(640, 28);
  await page.waitForTimeout(700);
  await shot(page, 'editor-live-worm-touch-course-close');
  expect(s.errors).toEqual([]);
});

type Box = { x: number; y: number; w: number; h: number };
