import { afterEach, expect, inject, test } from 'vitest';
import { openGame, type Session } from './browser';
import { addNeuron, newBlank, openEditor, selectNeuron } from './editor-helpers';
import { shot } from './game';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('the inspector makes a sensor conductance-transduced and shows its reversals and matching V with units; screenshot', async () => {
  s = await openGame(inject('baseUrl'), { helpSeen: true });
  const { page } = s;
  await openEditor(page);
  await newBlank(page);
  const a = await addNeuron(page, 'sensory', 0.4, 0.3);
  await selectNeuron(page, a);
  const inspector = page.locator('[data-testid=inspector]');
  await inspector.getByText('+ Touch sensor').click();
  // Current transduction by default: no conductance fields.
  await expect.poll(() => inspector.locator('select[data-field=transduction]').count()).toBe(1);
  expect(await inspector.locator('input[data-field=matchMv]').count()).toBe(0);

  await page.selectOption('[data-testid=inspector] select[data-field=transduction]', 'conductance');
  await expect.poll(() => inspector.locator('input[data-field=matchMv]').count()).toBe(1);
  expect(await inspector.locator('input[data-field=excitatoryReversalMv]').inputValue()).toBe('0');
  expect(await inspector.locator('input[data-field=inhibitoryReversalMv]').inputValue()).toBe('-75');
  expect(await inspector.locator('input[data-field=matchMv]').inputValue()).toBe('-65'); // the graded neuron's rest
  expect(await inspector.textContent()).toMatch(/-120 \.\. 60 mV/);

  // A value typed in sticks; one out of range is refused and marked.
  const inh = inspector.locator('input[data-field=inhibitoryReversalMv]');
  await inh.fill('-80');
  await inh.press('Enter');
  await page.waitForTimeout(200);
  expect(await inspector.locator('input[data-field=inhibitoryReversalMv]').inputValue()).toBe('-80');
  const bad = inspector.locator('input[data-field=matchMv]');
  await bad.fill('-500');
  await bad.press('Enter');
  await expect.poll(() => inspector.textContent()).toMatch(/-500 mV is out of range; allowed: -120 \.\. 60 mV/);
  await shot(page, 'editor-sensor-transduction');

  // Back to current: the conductance fields go.
  await page.selectOption('[data-testid=inspector] select[data-field=transduction]', '');
  await expect.poll(() => inspector.locator('input[data-field=matchMv]').count()).toBe(0);
  expect(s.errors).toEqual([]);
});
