import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, control, ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/**
 * The playground's wiring to a simulation, checked with a scripted test double
 * standing in for src/sim: a straight worm sliding along +x, four neurons
 * (quiet until a touch, then the touch pathway lights up and, a few frames
 * later, the worm reverses), and a log of every call the scene makes. The
 * product never shows this double; only this test installs it.
 */
async function installDouble(session: Session): Promise<void> {
  await session.page.evaluate(() => {
    const calls: unknown[][] = [];
    (window as unknown as { __calls: unknown[][] }).__calls = calls;
    const segments = 20;
    const pose = new Float64Array(2 * segments);
    const listeners: ((e: unknown) => void)[] = [];
    let t = 0;
    /** Steps left before the reversal a touch causes (so the scene has drawn the neurons rising). */
    let reversalIn = -1;
    const place = () => {
      for (let i = 0; i < segments; i++) {
        pose[2 * i] = -0.5 + 0.0002 * t + (i * 1) / segments; // head first, at the smallest x
        pose[2 * i + 1] = 0.3;
      }
    };
    place();
    const telemetry = {
      get timeMs() {
        return t;
      },
      pose,
      v: new Float64Array([-65, -65, -65, -65]),
      output: new Float64Array(4),
      spiked: new Uint8Array(4),
      muscles: new Float64Array(2 * segments).fill(0.4),
      events: [],
    };
    const stream = { subscribe: () => ({ unsubscribe() {} }) };
    const sim = {
      get timeMs() {
        return t;
      },
      physicsStepMs: 10,
      seed: 1,
      medium: 'agar',
      neuronIds: ['ALML', 'AVDL', 'AVAL', 'VA1'],
      segments,
      bodyLengthMm: 1,
      stimuli$: stream,
      motor$: stream,
      telemetry$: stream,
      events$: {
        subscribe(fn: (e: unknown) => void) {
          listeners.push(fn);
          return { unsubscribe() {} };
        },
      },
      step() {
        calls.push(['step']);
        t += 10;
        place();
        if (reversalIn > 0 && --reversalIn === 0) listeners.forEach((fn) => fn({ type: 'reversal-start', timeMs: t }));
      },
      run(ms: number) {
        t += ms;
        place();
      },
      poke: (at: unknown, o: unknown) => {
        calls.push(['poke', at, o]);
        if (reversalIn < 0) {
          telemetry.output.set([0.9, 0.8, 0.7, 0.6]);
          telemetry.v.set([-20, -25, -30, -35]);
          reversalIn = 8;
        }
        return { type: 'touch', position: 0, side: 'both', kind: 'gentle', force: 0.4, source: 'poke', neurons: [] };
      },
      tapPlate: (f: number) => calls.push(['tapPlate', f]),
      setMedium: (m: string) => calls.push(['setMedium', m]),
      telemetry: () => telemetry,
      // The oscilloscope asks for a monitor ring per trace; the double records nothing.
      monitor: () => ({ count: 0, timeAt: () => 0, valueAt: () => 0, stop() {} }),
      dropFood: (x: number, y: number) => calls.push(['dropFood', x, y]),
      heatSpot: (...a: unknown[]) => calls.push(['heatSpot', ...a]),
      // The learning port (SimLearning): this circuit has no plastic synapses and no modulators.
      plasticWeights: () => [],
      setLearning: () => {},
      resetLearnedWeights: () => {},
      modulatorLevels: () => ({}),
      bathModulator: () => {},
    };
    const network = {
      neurons: [
        { id: 'ALML', model: 'graded', params: {}, init: {}, role: 'sensory' },
        { id: 'AVDL', model: 'graded', params: {}, init: {}, role: 'inter' },
        { id: 'AVAL', model: 'graded', params: {}, init: {}, role: 'inter' },
        { id: 'VA1', model: 'graded', params: {}, init: {}, role: 'motor' },
      ],
      synapses: [
        { kind: 'electrical', from: 'ALML', to: 'AVDL', weight: 1 },
        { kind: 'chemical', from: 'AVDL', to: 'AVAL', weight: 2 },
        { kind: 'chemical', from: 'AVAL', to: 'VA1', weight: 2 },
      ],
    };
    window.neuroworm!.provideSimulation(() => ({ sim, network }) as never);
  });
}

const calls = (session: Session) => session.page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);

test('playground wiring: draws the pose, forwards touches and time controls, lights the circuit, announces events', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await ready(page);
  await installDouble(s);
  await click(page, 'Play', 'title');
  await waitScene(page, 'playground');
  await page.waitForTimeout(400);

  // Tools enabled; the pose is reported in mm and in canvas px.
  expect((await control(page, 'Touch')).enabled).toBe(true);
  const pose = await page.evaluate(() => window.neuroworm!.pose());
  expect(pose.mm.length).toBe(40);
  expect(pose.px.length).toBe(40);
  const [hx, hy] = pose.px;
  const plate = await page.evaluate(() => window.neuroworm!.simTimeMs());
  expect(plate).toBeGreaterThan(0);

  // A click on the head is a touch at that world point; the simulation decides its kind from how long it was held.
  await page.mouse.click(hx, hy);
  await page.waitForTimeout(100);
  const poke = (await calls(s)).find((c) => c[0] === 'poke')!;
  const at = poke[1] as { xMm: number; yMm: number };
  expect(at.xMm).toBeCloseTo(pose.mm[0] + 0.0002 * 0, 1);
  expect(at.yMm).toBeCloseTo(0.3, 2);
  expect(poke[2]).toEqual({ heldMs: expect.any(Number) });
  // The double answers with a reversal a few steps later: the announcement names the pathway that rose.
  await page.waitForFunction(() => window.neuroworm!.announcements().length > 0, null, { timeout: 5000 });
  expect(await page.evaluate(() => window.neuroworm!.announcements())).toEqual(['Reversal! ALM → AVD → AVA → VA1']);

  // Shift-click pokes harshly; the Poke tool too.
  await page.keyboard.down('Shift');
  await page.mouse.click(hx, hy);
  await page.keyboard.up('Shift');
  await page.keyboard.press('p');
  await page.mouse.click(hx + 5, hy);
  const kinds = (await calls(s)).filter((c) => c[0] === 'poke').map((c) => (c[2] as { kind?: string }).kind ?? 'by hold');
  expect(kinds).toEqual(['by hold', 'harsh', 'harsh']);

  // Time controls reach the simulation: pause stops the scene's real-time runner, step steps the simulation once.
  await page.keyboard.press(' ');
  expect((await page.evaluate(() => window.neuroworm!.info())).paused).toBe(true);
  const before = (await calls(s)).filter((c) => c[0] === 'step').length;
  await page.keyboard.press('.');
  expect((await calls(s)).filter((c) => c[0] === 'step').length).toBe(before + 1);
  const t1 = await page.evaluate(() => window.neuroworm!.simTimeMs());
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.neuroworm!.simTimeMs())).toBe(t1);

  // The neural view shows the double's circuit; ALML sits above AVAL (sensory band first).
  const alm = await page.evaluate(() => window.neuroworm!.neuronScreen('ALML'));
  const ava = await page.evaluate(() => window.neuroworm!.neuronScreen('AVAL'));
  expect(alm!.y).toBeLessThan(ava!.y);
  await shot(page, 'playground-wiring-double');

  // Tools: food and tap.
  await page.keyboard.press('f');
  await page.mouse.click(hx + 40, hy + 40);
  await click(page, 'Tap plate');
  await page.mouse.click(hx + 40, hy - 40);
  const names = (await calls(s)).map((c) => c[0]);
  expect(names).toContain('dropFood');
  expect(names).toContain('tapPlate');
  // The plate shows the medium: warm agar, then clear blue water, then agar again.
  // A bare patch of plate: the lower left, below the worm and away from the lawn, the tools and the buttons.
  const gel = { x: (await control(page, 'Touch')).x + 40, y: (await control(page, 'Export recording')).y };
  const agarBefore = await pixelAt(page, gel.x, gel.y);
  expect(agarBefore.r).toBeGreaterThan(agarBefore.b);
  await click(page, 'Water');
  expect((await calls(s)).some((c) => c[0] === 'setMedium' && c[1] === 'water')).toBe(true);
  await page.waitForTimeout(200);
  const water = await pixelAt(page, gel.x, gel.y);
  expect(water.b).toBeGreaterThan(water.r + 40);
  await shot(page, 'playground-water');
  await click(page, 'Agar');
  await page.waitForTimeout(200);
  const agar = await pixelAt(page, gel.x, gel.y);
  expect(agar.r).toBeGreaterThan(agar.b);
  expect(s.errors).toEqual([]);
});

/** The colour on screen at (x, y), read from a screenshot decoded by the page itself (no PNG library needed). */
async function pixelAt(page: Session['page'], x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return { r: r!, g: g!, b: b! };
  }, png.toString('base64'));
}
