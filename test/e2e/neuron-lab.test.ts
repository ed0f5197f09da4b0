import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { click, control, ready, shot, waitScene } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** The neuron lab (key N from the title) with the graded model chosen. */
async function openLabGraded(): Promise<Session> {
  const session = await openGame(inject('baseUrl'), { helpSeen: true, viewport: { width: 1280, height: 800 } });
  await ready(session.page);
  await waitScene(session.page, 'title');
  await session.page.keyboard.press('n');
  await waitScene(session.page, 'neuron-lab');
  await click(session.page, 'Graded', 'neuron-lab');
  return session;
}

const info = (s: Session) =>
  s.page.evaluate(() => window.neuroworm!.info() as { v: number; current: number; steadyVMv?: number; params: Record<string, number> });

test('the graded neuron at the top of the clamp slider saturates near 0 mV (K⁺ rectifier), and the lab plots its I–V; screenshots', async () => {
  s = await openLabGraded();
  const { page } = s;
  // A constant current at the slider's top: tap the track's right end, pulse = period.
  const clampSlider = await control(page, 'Clamp current', 'neuron-lab');
  await page.mouse.click(clampSlider.x + clampSlider.width - 2, clampSlider.y + clampSlider.height - 12);
  const pulse = await control(page, 'Pulse length', 'neuron-lab');
  await page.mouse.click(pulse.x + pulse.width - 2, pulse.y + pulse.height - 12);
  const period = await control(page, 'Pulse period', 'neuron-lab');
  await page.mouse.click(period.x + period.width - 2, period.y + period.height - 12);
  await page.evaluate(() => window.neuroworm!.advance(400));
  await page.waitForTimeout(300);
  const on = await info(s);
  expect(on.current).toBe(40);
  expect(on.params.gKNs).toBe(0.5);
  // Settled at the I–V's bound, far below the linear cell's +335 mV.
  expect(on.v).toBeLessThan(40);
  expect(on.v).toBeGreaterThan(-30);
  expect(Math.abs(on.v - on.steadyVMv!)).toBeLessThan(1);
  await shot(page, 'neuron-lab-graded-bounded');
  // The old linear neuron: gKNs to 0 (tap the slider's left end).
  const gk = await control(page, 'gKNs', 'neuron-lab');
  await page.mouse.click(gk.x + 2, gk.y + gk.height - 12);
  await page.evaluate(() => window.neuroworm!.advance(400));
  await page.waitForTimeout(300);
  const linear = await info(s);
  expect(linear.params.gKNs).toBe(0);
  expect(linear.v).toBeGreaterThan(200);
  await shot(page, 'neuron-lab-graded-linear');
  expect(s.errors).toEqual([]);
});

test('the plateauNs slider gives the graded cell a persistent inward current: at its top the cell leaves rest on its own; the I–V shows it; screenshot', async () => {
  s = await openLabGraded();
  const { page } = s;
  // Almost no clamp: a 1 ms pulse every 500 ms (the sliders' ends).
  const pulse = await control(page, 'Pulse length', 'neuron-lab');
  await page.mouse.click(pulse.x + 2, pulse.y + pulse.height - 12);
  const period = await control(page, 'Pulse period', 'neuron-lab');
  await page.mouse.click(period.x + period.width - 2, period.y + period.height - 12);
  await page.evaluate(() => window.neuroworm!.advance(400));
  const rest = await info(s);
  expect(rest.params.plateauNs).toBe(0);
  expect(rest.v).toBeLessThan(-60);
  const plateau = await control(page, 'plateauNs', 'neuron-lab');
  await page.mouse.click(plateau.x + plateau.width - 2, plateau.y + plateau.height - 12);
  await page.evaluate(() => window.neuroworm!.advance(400));
  await page.waitForTimeout(300);
  const up = await info(s);
  expect(up.params.plateauNs).toBe(1);
  expect(up.v).toBeGreaterThan(-40); // 1 nS toward +50 mV outweighs the 0.1 nS leak: no stable rest left
  expect(up.v).toBeLessThan(40);
  await shot(page, 'neuron-lab-graded-plateau');
  expect(s.errors).toEqual([]);
});

test('bath-apply a modulator: the graded neuron depolarises through an excitatory receptor, washes out back to rest; B and the buttons; screenshot', async () => {
  s = await openLabGraded();
  const { page } = s;
  await page.keyboard.press('Space'); // paused: the hook's advance is the clock
  type Bath = { name: string; applied: boolean; level: number; current: number; gain: number };
  const lab = () => s!.page.evaluate(() => window.neuroworm!.info() as { v: number; bath: Bath });
  await page.evaluate(() => window.neuroworm!.advance(300));
  const before = await lab();
  expect(before.bath).toMatchObject({ name: 'dopamine', applied: false, level: 0 });
  // Next modulator, then apply: serotonin at 1 conc. through a +10 pA/conc. receptor.
  await click(page, 'Bath: dopamine', 'neuron-lab');
  await click(page, 'Apply bath (B)', 'neuron-lab');
  await page.evaluate(() => window.neuroworm!.advance(400)); // two clamp periods: the same phase as before
  const held = await lab();
  expect(held.bath).toMatchObject({ name: 'serotonin', applied: true, level: 1, gain: 10 });
  expect(held.bath.current).toBe(10);
  // Only the bath differs.
  expect(held.v - before.v).toBeGreaterThan(3);
  await shot(page, 'neuron-lab-bath');
  await page.keyboard.press('b'); // wash out
  await page.evaluate(() => window.neuroworm!.advance(10_000));
  const washed = await lab();
  expect(washed.bath.applied).toBe(false);
  expect(washed.bath.level).toBeLessThan(0.01);
  await page.evaluate(() => window.neuroworm!.advance(400)); // the same clamp phase again
  expect(Math.abs((await lab()).v - before.v)).toBeLessThan(1);
  // The same receptor as K⁺ channels: it inhibits (the channels decide the sign) and V stops above −80 mV.
  await click(page, 'Receptor: a current', 'neuron-lab');
  await click(page, 'Apply bath (B)', 'neuron-lab');
  let lowest = Infinity;
  for (let k = 0; k < 8; k++) {
    await page.evaluate(() => window.neuroworm!.advance(100));
    lowest = Math.min(lowest, (await lab()).v);
  }
  const k = await lab();
  expect(k.bath).toMatchObject({ name: 'serotonin', applied: true, channel: 1 });
  expect(k.bath.current).toBeLessThan(0);
  expect(k.v).toBeLessThan(before.v - 3);
  expect(lowest).toBeGreaterThanOrEqual(-80);
  await page.mouse.move(640, 790); // no tooltip over the receptor's button
  await page.waitForTimeout(300);
  await shot(page, 'neuron-lab-bath-potassium');
  expect(s.errors).toEqual([]);
});

test('an adapting receptor: with Adapt at its top a held bath’s current starts at gain × C and fades to a hundredth over Adapt τ; screenshot', async () => {
  s = await openLabGraded();
  const { page } = s;
  await page.keyboard.press('Space'); // paused: the hook's advance is the clock
  type Bath = { applied: boolean; current: number; adaptation: number; adaptationS: number };
  const lab = () => s!.page.evaluate(() => window.neuroworm!.info() as { v: number; bath: Bath });
  // Adapt to its top (tap the track's right end); τ stays at its default 10 s.
  const adapt = await control(page, 'Adapt', 'neuron-lab');
  await page.mouse.click(adapt.x + adapt.width - 2, adapt.y + adapt.height - 12);
  expect((await lab()).bath).toMatchObject({ adaptation: 0.99, adaptationS: 10 });
  await click(page, 'Apply bath (B)', 'neuron-lab');
  await page.evaluate(() => window.neuroworm!.advance(100));
  const fresh = await lab();
  expect(fresh.bath.applied).toBe(true);
  expect(fresh.bath.current).toBeGreaterThan(9.5); // gain 10 pA/conc. × 1 conc., felt in full at first
  await page.evaluate(() => window.neuroworm!.advance(40_000));
  const adapted = await lab();
  expect(adapted.bath.current).toBeLessThan(0.5); // 10 × (0.01 + 0.99 e^(−4)) ≈ 0.28
  expect(fresh.v - adapted.v).toBeGreaterThan(3);
  await shot(page, 'neuron-lab-bath-adapting');
  expect(s.errors).toEqual([]);
});
