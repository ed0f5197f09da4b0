import type { Page } from 'playwright-core';
import { afterEach, expect, inject, test } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import locomotion from '../../src/circuits/builtin/locomotion.json';
import { planEvolution } from '../../src/editor/evolve-plan';
import { evolve } from '../../src/evolve/engine';
import { localEvaluator } from '../../src/evolve/local';
import { parseScenario } from '../../src/scenario/parse';
import { openGame, type Session } from './browser';
import { info, openEditor } from './editor-helpers';
import { measureFps, shot } from './game';

/**
 * The editor's Evolve panel (docs/editor.md, issue 17 §3) driven with the real
 * mouse and keyboard: select synapses, evolve a few generations of a cheap
 * goal in Web Workers while the chart grows, Stop, Adopt (one undo step),
 * undo back to the exact circuit, and Cancel of a second run leaves the
 * circuit unchanged.
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface EvolveState {
  phase: string;
  generation: number;
  best: number[];
  median: number[];
  bestEver: number | null;
  problems: string[];
  message: string;
  adoptable: boolean;
  freeValues: number;
  workers: number;
}
type Info = Awaited<ReturnType<typeof info>> & { evolve: EvolveState; docJson: string };
const state = async (page: Page): Promise<Info> => (await info(page)) as Info;

async function clickSynapse(page: Page, key: string, shift = false): Promise<void> {
  const p = await page.evaluate((k) => window.neuroworm!.synapseScreen(k), key);
  if (!p) throw new Error(`synapse ${key} is not on screen`);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(p.x, p.y);
  if (shift) await page.keyboard.up('Shift');
}

const FAST = [
  'format: neuroworm-scenario',
  'version: 1',
  'name: crawls fast',
  'circuit: locomotion',
  'arena: plate',
  'seed: 1',
  'duration: 3s',
  'expect:',
  '  - speed: { between: [0.5bl/s, 0.8bl/s], after: 1s, for: 2s }',
].join('\n');

const waitEvolve = (page: Page, pred: string, timeout = 120_000) =>
  page.waitForFunction((f) => new Function('e', `return ${f}`)((window.neuroworm!.info() as { evolve: unknown }).evolve), pred, { timeout, polling: 200 });

test('Evolve: select synapses, evolve in workers with a live chart, Stop, Adopt as one undo step, undo exactly; Cancel leaves the circuit unchanged', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openEditor(page);
  await page.evaluate((c) => window.neuroworm!.loadCircuit!(c), locomotion as unknown);
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.includes('AVB'));

  // Closed at first (the inspector shows); E opens it; Evolve with nothing selected says what to do.
  expect(await page.locator('[data-testid=evolve-panel]').isVisible()).toBe(false);
  expect((await state(page)).evolve.phase).toBe('closed');
  await page.mouse.click(5, 300); // focus the page, off the panels
  await page.keyboard.press('e');
  await page.locator('[data-testid=evolve-panel]').waitFor({ state: 'visible' });
  await page.click('[data-testid=evolve-evolve]');
  let st = await state(page);
  expect(st.evolve.phase).toBe('idle');
  expect(st.evolve.problems.join('\n')).toMatch(/nothing is selected/);
  expect(await page.locator('[data-testid=evolve-errors]').textContent()).toMatch(/nothing is selected/);

  // Select two synapses of the forward command neuron with the mouse, and free every weight of their classes (AVB → DB1…DB8, AVB → VB1…VB8).
  await clickSynapse(page, 'c:AVB>DB1');
  await clickSynapse(page, 'c:AVB>VB1', true);
  st = await state(page);
  expect(st.selection.synapses.sort()).toEqual(['c:AVB>DB1', 'c:AVB>VB1']);
  await page.selectOption('[data-testid=evolve-scope]', 'class');
  const original = st.docJson;
  const undoBefore = st.undoLabel;

  // A goal this circuit cannot reach (it has no touch receptors): refused with the reason, nothing runs.
  await page.selectOption('[data-testid=evolve-goal]', 'reflex:0');
  await page.click('[data-testid=evolve-evolve]');
  st = await state(page);
  expect(st.evolve.phase).toBe('idle');
  expect(st.evolve.problems.join('\n')).toMatch(/touches the body at 0\.05 \(gentle\) but no sensory neuron feels gentle touch there/);

  // The goal: a scenario file the player opens, asking for a faster crawl than the circuit gives (so it does not pass at once).
  await page.setInputFiles('[data-testid=evolve-scenario-file]', { name: 'fast.scenario.yaml', mimeType: 'text/yaml', buffer: Buffer.from(FAST) });
  await expect.poll(() => page.locator('[data-testid=evolve-goal]').inputValue()).toBe('file'); // the file is read asynchronously
  await page.fill('[data-testid=evolve-population]', '4');
  await page.fill('[data-testid=evolve-generations]', '40');
  await page.click('[data-testid=evolve-evolve]');
  st = await state(page);
  expect(st.evolve.problems).toEqual([]);
  expect(st.evolve.phase).toBe('running');
  expect(st.evolve.freeValues).toBe(2);

  // The chart grows generation by generation while the page keeps drawing (the runs are in workers).
  await waitEvolve(page, 'e.generation >= 1');
  const fps = await measureFps(page, 1500);
  const pointsAt = async () => Number(await page.locator('[data-testid=evolve-chart]').getAttribute('data-points'));
  const first = await pointsAt();
  await waitEvolve(page, `e.generation >= ${first + 2}`);
  expect(await pointsAt()).toBeGreaterThanOrEqual(first + 2);
  st = await state(page);
  console.log(
    `Evolve: ${st.evolve.generation} generations on ${st.evolve.workers} worker(s), best ${st.evolve.best.map((v) => v.toFixed(3)).join(' ')}, page at ${fps.toFixed(1)} fps`,
  );
  expect(st.evolve.best.length).toBe(st.evolve.generation);
  expect(st.evolve.best.every((b, i) => b >= st.evolve.median[i])).toBe(true);
  expect(fps).toBeGreaterThan(3); // 8–25 fps measured at load 8–15 on 2 shared cores: the page keeps drawing
  // The circuit is untouched while evolving; the live worm runs the best so far.
  expect(st.docJson).toBe(original);
  expect(st.wormError).toBeNull();
  await shot(page, 'evolve-panel-running');

  // Stop keeps the best; Adopt puts it in as one undo step.
  await page.click('[data-testid=evolve-stop]');
  await waitEvolve(page, "e.phase === 'stopped'");
  st = await state(page);
  expect(st.evolve.adoptable).toBe(true);
  expect(st.docJson).toBe(original);
  await shot(page, 'evolve-panel-stopped');
  // The same seed and selection in Node (the engine as neuroworm evolve runs it, one thread): the same generations, fitness for fitness.
  const plan = planEvolution({
    circuit: getBuiltinCircuit('locomotion'),
    circuitFile: 'locomotion.json',
    selection: { neurons: [], synapses: ['c:AVB>DB1', 'c:AVB>VB1'] },
    scope: 'class',
    goal: { name: 'fast.scenario.yaml', scenarios: [{ file: 'fast.scenario.yaml', scenario: parseScenario(FAST, 'fast.scenario.yaml') }] },
    optimiser: 'cmaes',
    generations: st.evolve.generation,
    population: 4,
    seed: 1,
    seeds: [1],
  });
  if (!plan.ok) throw new Error(plan.problems.join('\n'));
  const node = await evolve(plan.problem, { evaluator: localEvaluator() });
  const nodeCurve = node.state.log.flatMap((g) => [g.best, g.median]);
  const pageCurve = st.evolve.best.flatMap((b, i) => [b, st.evolve.median[i]]);
  const gap = Math.max(...nodeCurve.map((v, i) => Math.abs(v - pageCurve[i])));
  console.log(`Fitness in Chromium vs Node: largest difference ${gap.toExponential(2)} over ${nodeCurve.length} values`);
  // Not bit for bit (DESIGN.md asks for it): Chromium's and Node's V8 differ in the last bits of some
  // floating-point result (measured ~5e-14 in fitness). Same search path, same selection, same genomes.
  expect(nodeCurve).toHaveLength(pageCurve.length);
  expect(gap).toBeLessThan(1e-9);
  await page.click('[data-testid=evolve-adopt]');
  st = await state(page);
  expect(st.undoLabel).toMatch(/^Adopt evolved circuit/);
  expect(st.docJson).not.toBe(original);
  const weights = (json: string) =>
    (JSON.parse(json) as { synapses: { from: string; to: string; weight: number }[] }).synapses
      .filter((x) => x.from === 'AVB' && /^[DV]B\d$/.test(x.to))
      .map((x) => x.weight);
  console.log(`Adopted AVB → DB/VB weights ${weights(st.docJson).join(', ')} (were ${weights(original).join(', ')})`);
  expect(weights(st.docJson)).not.toEqual(weights(original));
  // A class shares one value: all eight AVB → DBn synapses (and all AVB → VBn) carry the same evolved weight.
  expect(new Set(weights(st.docJson)).size).toBeLessThanOrEqual(2);
  // Only the freed weights changed.
  const rest = (json: string) =>
    JSON.stringify({ ...JSON.parse(json), synapses: (JSON.parse(json) as { synapses: unknown[] }).synapses.map((x) => ({ ...(x as object), weight: 0 })) });
  expect(rest(st.docJson)).toBe(rest(original));

  // One Ctrl+Z: the circuit is back exactly.
  await page.mouse.click(5, 300);
  await page.keyboard.press('Control+z');
  st = await state(page);
  expect(st.docJson).toBe(original);
  expect(st.undoLabel).toBe(undoBefore);

  // A second run, cancelled mid-way: nothing changes, not even the history.
  await page.click('[data-testid=evolve-evolve]');
  await waitEvolve(page, 'e.generation >= 1');
  await page.click('[data-testid=evolve-cancel]');
  st = await state(page);
  expect(st.evolve.phase).toBe('idle');
  expect(st.evolve.adoptable).toBe(false);
  expect(st.docJson).toBe(original);
  expect(st.undoLabel).toBe(undoBefore);
  expect(st.canRedo).toBe(true);
  await page.waitForTimeout(500);
  expect((await state(page)).docJson).toBe(original);
  expect(errors).toEqual([]);
}, 300_000);
