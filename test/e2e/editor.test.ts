import { readFileSync } from 'node:fs';
import { afterEach, expect, inject, test } from 'vitest';
import { PUBLISHED_TABLES, publishedTablePath } from '../../src/circuits/connectome/published-tables';
import { openGame, type Session } from './browser';
import { addNeuron, connect, dragOnBody, info, newBlank, openEditor, screenOf, selectNeuron } from './editor-helpers';
import { click, measureFps, shot, waitScene } from './game';

/**
 * The circuit editor driven with the real mouse and keyboard (docs/editor.md).
 * State is read back through window.neuroworm.info() while the editor runs.
 */
let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

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

test('save to a file, reload the page and find the circuit again; a malformed file is refused and the work stays', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'sensory', 0.3, 0.4);
  const b = await addNeuron(page, 'inter', 0.5, 0.4);
  const c = await addNeuron(page, 'motor', 0.7, 0.4);
  await connect(page, a, b);
  await connect(page, b, c, true); // Alt: a gap junction
  // Rename the circuit in the inspector (nothing selected shows the circuit).
  const g = (await info(page)).graphRect;
  await page.mouse.click(g.x + 12, g.y + 12);
  await page.fill('[data-testid=inspector] input[data-field=name]', 'My reflex');
  await page.keyboard.press('Enter');
  let st = await info(page);
  expect(st.name).toBe('My reflex');
  expect(st.synapses).toEqual([`chemical:${a}>${b}`, `electrical:${b}>${c}`]);
  await shot(page, 'editor-three-neurons');

  // Save: a download of the circuit file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Save")')]);
  // Named after the circuit (before: blank.json, the template's file).
  expect(download.suggestedFilename()).toBe('my-reflex.json');
  const saved = readFileSync((await download.path())!, 'utf8');
  const doc = JSON.parse(saved) as { format: string; name: string; neurons: { id: string }[] };
  expect(doc.format).toBe('neuroworm-circuit');
  expect(doc.name).toBe('My reflex');
  expect(doc.neurons.map((n) => n.id)).toEqual([a, b, c]);

  // Reload: the autosave brings the circuit back.
  await page.waitForTimeout(1300); // the autosave's quiet second
  await page.reload();
  await openEditor(page);
  st = await info(page);
  expect(st.name).toBe('My reflex');
  expect(st.neurons).toEqual([a, b, c]);
  expect(st.synapses).toEqual([`chemical:${a}>${b}`, `electrical:${b}>${c}`]);
  expect(st.status).toMatch(/Restored/);

  // A malformed file: refused with the problems listed, the circuit unchanged.
  const bad = JSON.stringify(
    {
      format: 'neuroworm-circuit',
      version: 1,
      neurons: [{ id: 'X', model: 'graded', params: { tauMs: -5 } }],
      synapses: [{ from: 'X', to: 'Nope', kind: 'chemical', weight: 1 }],
    },
    null,
    2,
  );
  await page.setInputFiles('[data-testid=open-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const err = page.locator('[data-testid=error-text]');
  await err.waitFor({ timeout: 5000 });
  const text = await err.textContent();
  expect(text).toContain('broken.json');
  expect(text).toMatch(/tauMs/);
  expect(text).toMatch(/Nope/);
  await shot(page, 'editor-malformed-file');
  st = await info(page);
  expect(st.neurons).toEqual([a, b, c]);
  expect(st.name).toBe('My reflex');
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  // Not JSON at all.
  await page.setInputFiles('[data-testid=open-file]', {
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": "neuroworm-circuit", '),
  });
  await err.waitFor({ timeout: 5000 });
  expect(await err.textContent()).toContain('junk.json');
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  expect((await info(page)).neurons).toEqual([a, b, c]);

  // The saved file opens again (after a blank circuit replaced the work).
  await newBlank(page);
  await page.setInputFiles('[data-testid=open-file]', { name: 'my-reflex.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length === 3);
  expect((await info(page)).fileName).toBe('my-reflex.json');
  expect(s.errors).toEqual([]);
});

test('an invalid parameter is refused with a message and never stored; copy/paste and search work from the keyboard', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'inter', 0.4, 0.4);
  await selectNeuron(page, a);
  const tau = page.locator('[data-testid=inspector] input[data-field=tauMs]');
  const before = await tau.inputValue();
  await tau.fill('-3');
  await tau.press('Enter');
  const msg = page.locator('[data-testid=inspector] .nwe-err', { hasText: 'tauMs' });
  await msg.waitFor({ timeout: 3000 });
  expect(await msg.textContent()).toMatch(/out of range/);
  await shot(page, 'editor-refused-value');
  // Not stored: the last undo step is still adding the neuron; a good value is stored.
  expect((await info(page)).undoLabel).toMatch(/^Add/);
  await tau.fill('25');
  await tau.press('Enter');
  await page.waitForTimeout(100);
  expect(await page.locator('[data-testid=inspector] input[data-field=tauMs]').inputValue()).toBe('25');
  expect(before).not.toBe('25');
  expect((await info(page)).undoLabel).toMatch(/tauMs/);

  // Copy and paste with the keyboard.
  const g = (await info(page)).graphRect;
  const p = await screenOf(page, a);
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Control+c');
  await page.mouse.move(g.x + g.w * 0.7, g.y + g.h * 0.6);
  await page.keyboard.press('Control+v');
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length === 2);
  // Search: / then the name, Enter selects it.
  await page.mouse.click(g.x + 12, g.y + 12);
  await page.keyboard.press('/');
  await page.keyboard.type(a);
  await page.keyboard.press('Enter');
  expect((await info(page)).selection.neurons).toEqual([a]);
  // Delete from the keyboard.
  await page.mouse.click(g.x + 12, g.y + 12);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  expect((await info(page)).neurons).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('a 302-neuron connectome imported through the file input stays responsive (frame rate reported)', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=connectome-file]', publishedTablePath(PUBLISHED_TABLES.whiteVarshney));
  await page.waitForFunction(() => (window.neuroworm!.info() as { neurons: string[] }).neurons.length > 250, null, { timeout: 60_000 });
  const importMs = Date.now() - t0;
  await page.waitForTimeout(1500);
  let st = await info(page);
  // The worm runs the imported circuit, or says plainly why it stopped (the editor keeps working either way).
  if (st.wormError) console.log(`live worm on the imported connectome: ${st.wormError}`);
  expect(st.wormError ?? 'runs').toMatch(/^runs$|non-finite|unstable/);
  await shot(page, 'editor-connectome');
  const idle = await measureFps(page, 3000);
  // Pan and zoom while measuring: wheel over the graph and a right-button drag.
  const g = st.graphRect;
  const fpsWhileZooming = measureFps(page, 3000);
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(g.x + g.w / 2, g.y + g.h / 2);
    await page.mouse.wheel(0, i < 5 ? -240 : 240);
    await page.waitForTimeout(150);
  }
  const zooming = await fpsWhileZooming;
  // Search and focus one neuron.
  await page.click('input[aria-label="Find neuron"]');
  await page.keyboard.type('AVAL');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  st = await info(page);
  expect(st.selection.neurons).toEqual(['AVAL']);
  await shot(page, 'editor-connectome-aval');
  // Auto layout and zoom to fit.
  await page.click('button:has-text("Layout")');
  await page.waitForTimeout(500);
  st = await info(page);
  await shot(page, 'editor-connectome-layout');
  console.log(
    `302-neuron import: ${st.neurons.length} neurons, ${st.synapses.length} synapses, import ${importMs} ms; ` +
      `fps idle ${idle.toFixed(1)}, while zooming ${zooming.toFixed(1)}; graph draw ${st.graphDrawMsAvg.toFixed(2)} ms/frame avg, static redraw ${st.graphStaticMs.toFixed(1)} ms`,
  );
  expect(idle).toBeGreaterThan(10);
  expect(s.errors).toEqual([]);
});

test('Test it runs the reflex scenarios on the current circuit and lists pass/fail; the editor is reachable from the playground and back', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  // The frame rate with the default circuit (the 52-neuron locomotion circuit) running on the live worm.
  await page.waitForTimeout(1000);
  console.log(`editor with the live worm on ${(await info(page)).neurons.length} neurons: ${(await measureFps(page, 3000)).toFixed(1)} fps`);
  await page.click('button:has-text("Test it")');
  await page.locator('[data-testid=test-results] tr').first().waitFor({ timeout: 10_000 });
  // The live worm keeps running while the worker tests.
  const t1 = await page.evaluate(() => window.neuroworm!.simTimeMs());
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.neuroworm!.simTimeMs())).toBeGreaterThan(t1);
  await page.waitForFunction(
    () => {
      const t = (window.neuroworm!.info() as { tests: { state: string }[] }).tests;
      return t.length > 0 && t.every((r) => r.state === 'pass' || r.state === 'fail');
    },
    null,
    { timeout: 110_000 },
  );
  const st = await info(page);
  await shot(page, 'editor-test-it');
  console.log(`Test it on ${st.name}: ${st.tests.map((t) => `${t.name}: ${t.state} (${Math.round(t.wallMs)} ms)`).join('; ')}`);
  expect(st.tests.length).toBe(6);
  // Esc closes the dialog, not the editor.
  await page.keyboard.press('Escape');
  expect(await page.locator('[data-testid=test-results]').count()).toBe(0);
  expect(await page.evaluate(() => window.neuroworm!.scene())).toBe('editor');
  // The help overlay lists the editor's keys.
  await page.keyboard.press('?');
  await page.waitForFunction(() => window.neuroworm!.overlays().includes('help'));
  await page.waitForTimeout(300);
  await shot(page, 'editor-help');
  expect((await page.evaluate(() => window.neuroworm!.shortcuts())).map((x) => x.label)).toContain('Ctrl+Z');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.neuroworm!.overlays().includes('help'));
  expect(await page.evaluate(() => window.neuroworm!.scene())).toBe('editor');
  // Play ▶ goes to the playground; its Edit circuit button comes back.
  await page.click('button:has-text("Play")');
  await waitScene(page, 'playground');
  await click(page, 'Edit circuit', 'playground');
  await waitScene(page, 'editor');
  await page.keyboard.press('Escape');
  await waitScene(page, 'playground');
  expect(s.errors).toEqual([]);
});

test('the editor fits small and portrait windows', async () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    s = await openGame(inject('baseUrl'), { helpSeen: true, viewport });
    const { page } = s;
    await openEditor(page);
    await page.waitForTimeout(500);
    const st = await info(page);
    expect(st.graphRect.w).toBeGreaterThan(250);
    expect(st.graphRect.h).toBeGreaterThan(200);
    expect(st.graphRect.x + st.graphRect.w).toBeLessThanOrEqual(viewport.width);
    await shot(page, `editor-${viewport.width}x${viewport.height}`);
    expect(s.errors).toEqual([]);
    await s.close();
    s = undefined;
  }
});

test('box and shift-click selection, dragging a group (one undo step), retyping a synapse, probing a neuron, pause and step', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'sensory', 0.3, 0.3);
  const b = await addNeuron(page, 'inter', 0.5, 0.3);
  const c = await addNeuron(page, 'motor', 0.5, 0.7);
  await connect(page, a, b);
  const g = (await info(page)).graphRect;
  // Box-select the two top neurons.
  await page.mouse.move(g.x + g.w * 0.2, g.y + g.h * 0.12);
  await page.mouse.down();
  await page.mouse.move(g.x + g.w * 0.6, g.y + g.h * 0.45, { steps: 6 });
  await page.mouse.up();
  expect((await info(page)).selection.neurons.sort()).toEqual([a, b].sort());
  // Shift+click adds the third.
  const pc = await screenOf(page, c);
  await page.keyboard.down('Shift');
  await page.mouse.click(pc.x, pc.y);
  await page.keyboard.up('Shift');
  expect((await info(page)).selection.neurons.sort()).toEqual([a, b, c].sort());
  // Drag the group by one of them: all three move, and one Ctrl+Z puts them back.
  const before = await Promise.all([a, b, c].map((id) => screenOf(page, id)));
  const pa = before[0];
  await page.mouse.move(pa.x, pa.y);
  await page.mouse.down();
  await page.mouse.move(pa.x + 40, pa.y + 30, { steps: 8 });
  await page.mouse.up();
  const after = await Promise.all([a, b, c].map((id) => screenOf(page, id)));
  for (let i = 0; i < 3; i++) {
    expect(after[i].x - before[i].x).toBeCloseTo(40, 0);
    expect(after[i].y - before[i].y).toBeCloseTo(30, 0);
  }
  await page.keyboard.press('Control+z');
  const back = await Promise.all([a, b, c].map((id) => screenOf(page, id)));
  for (let i = 0; i < 3; i++) expect(back[i].x).toBeCloseTo(before[i].x, 0);
  expect((await info(page)).synapses).toEqual([`chemical:${a}>${b}`]);

  // Click the synapse and retype it as a gap junction, then set it inhibitory... (a gap junction has no sign: back to chemical first).
  const pb = await screenOf(page, b);
  await page.mouse.click(g.x + 5, g.y + 5);
  await page.mouse.click((back[0].x + pb.x) / 2, (back[0].y + pb.y) / 2);
  expect((await info(page)).selection.synapses).toEqual([`c:${a}>${b}`]);
  await page.selectOption('[data-testid=inspector] select[data-field=kind]', 'electrical');
  expect((await info(page)).synapses).toEqual([`electrical:${a}>${b}`]);
  await page.selectOption('[data-testid=inspector] select[data-field=kind]', 'chemical');
  await page.selectOption('[data-testid=inspector] select[data-field=sign]', 'inhibitory');
  await page.waitForTimeout(300);
  await shot(page, 'editor-inhibitory-synapse');

  // Probe a neuron by double-clicking it: it shows in the oscilloscope.
  const pa2 = await screenOf(page, a);
  await page.mouse.dblclick(pa2.x, pa2.y);
  await page.waitForFunction((id) => (window.neuroworm!.info() as { probes: string[] }).probes.includes(id), a);
  // Pause (Space) stops the worm's clock; "." steps it.
  await page.mouse.click(g.x + 5, g.y + 5);
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  const t0 = await page.evaluate(() => window.neuroworm!.simTimeMs());
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => window.neuroworm!.simTimeMs())).toBe(t0);
  await page.keyboard.press('.');
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => window.neuroworm!.simTimeMs())).toBeGreaterThan(t0);
  await page.keyboard.press(' ');
  await page.waitForTimeout(500);
  // Hovering a neuron shows its numbers.
  await page.mouse.move(pa2.x + 3, pa2.y + 3);
  await page.waitForTimeout(200);
  await shot(page, 'editor-probe');
  expect(s.errors).toEqual([]);
});
