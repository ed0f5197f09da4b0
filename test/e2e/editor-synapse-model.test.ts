import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { addNeuron, connect, info, newBlank, openEditor, screenOf } from './editor-helpers';
import { shot } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('the inspector makes a synapse conductance-based and shows its fields with units and ranges; screenshot', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'sensory', 0.3, 0.3);
  const b = await addNeuron(page, 'inter', 0.6, 0.3);
  await connect(page, a, b);
  const g = (await info(page)).graphRect;
  const [pa, pb] = [await screenOf(page, a), await screenOf(page, b)];
  await page.mouse.click(g.x + 5, g.y + 5);
  await page.mouse.click((pa.x + pb.x) / 2, (pa.y + pb.y) / 2);
  expect((await info(page)).selection.synapses).toEqual([`c:${a}>${b}`]);
  const inspector = page.locator('[data-testid=inspector]');
  // Current-based by default: the weight is a current (pA onto a graded neuron), no conductance fields.
  await expect.poll(() => inspector.textContent()).toMatch(/pA/);
  expect(await inspector.locator('input[data-field=reversalMv]').count()).toBe(0);

  await page.selectOption('[data-testid=inspector] select[data-field=model]', 'conductance');
  await expect.poll(() => inspector.locator('input[data-field=reversalMv]').count()).toBe(1);
  const text = await inspector.textContent();
  expect(text).toMatch(/nS/);
  expect(text).toMatch(/-120 \.\. 60 mV/);
  expect(text).toMatch(/0\.5 \.\. 50 mV/);
  expect(await inspector.locator('input[data-field=reversalMv]').inputValue()).toBe('0');
  expect(await inspector.locator('input[data-field=tauMs]').inputValue()).toBe('5');

  // A reversal potential typed in sticks; one out of range is refused and marked.
  const rev = inspector.locator('input[data-field=reversalMv]');
  await rev.fill('-75');
  await rev.press('Enter');
  await page.waitForTimeout(200);
  expect(await inspector.locator('input[data-field=reversalMv]').inputValue()).toBe('-75');
  const rev2 = inspector.locator('input[data-field=reversalMv]');
  await rev2.fill('-500');
  await rev2.press('Enter');
  await expect.poll(() => inspector.textContent()).toMatch(/-500 mV is out of range; allowed: -120 \.\. 60 mV/);
  await shot(page, 'editor-conductance-synapse');
  expect(s.errors).toEqual([]);
});
