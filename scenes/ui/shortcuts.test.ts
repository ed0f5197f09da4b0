import { describe, expect, test } from 'vitest';
import { GLOBAL_SCOPE, ShortcutRegistry } from './shortcuts';

describe('ShortcutRegistry', () => {
  test('the top-most scope wins and lower ones are not run', () => {
    const r = new ShortcutRegistry();
    const ran: string[] = [];
    r.register('playground', { keys: ['Escape'], label: 'Esc', description: 'Back to menu', run: () => ran.push('back') });
    r.register('help', { keys: ['Escape'], label: 'Esc', description: 'Close help', run: () => ran.push('close') });
    expect(r.handle({ key: 'Escape' }, ['help', 'playground', GLOBAL_SCOPE])).toBe(true);
    expect(ran).toEqual(['close']);
    expect(r.handle({ key: 'Escape' }, ['playground', GLOBAL_SCOPE])).toBe(true);
    expect(ran).toEqual(['close', 'back']);
  });

  test('inactive scopes, unknown keys and modifier chords do nothing', () => {
    const r = new ShortcutRegistry();
    let n = 0;
    r.register('playground', { keys: [' '], label: 'Space', description: 'Pause', run: () => n++ });
    expect(r.handle({ key: ' ' }, ['title'])).toBe(false);
    expect(r.handle({ key: 'x' }, ['playground'])).toBe(false);
    expect(r.handle({ key: ' ', ctrlKey: true }, ['playground'])).toBe(false);
    expect(n).toBe(0);
  });

  test('unregister removes exactly that shortcut', () => {
    const r = new ShortcutRegistry();
    const off = r.register('s', { keys: ['a'], label: 'A', description: 'one', run: () => {} });
    r.register('s', { keys: ['b'], label: 'B', description: 'two', run: () => {} });
    off();
    expect(r.list(['s']).map((s) => s.label)).toEqual(['B']);
  });

  test('the list hides hidden and shadowed shortcuts and keeps scope order', () => {
    const r = new ShortcutRegistry();
    r.register(GLOBAL_SCOPE, { keys: ['?', 'h'], label: '? / H', description: 'Help', run: () => {} });
    r.register('playground', { keys: ['Escape'], label: 'Esc', description: 'Back', run: () => {} });
    r.register('help', { keys: ['Escape'], label: 'Esc', description: 'Close help', run: () => {} });
    r.register('help', { keys: ['Enter'], label: 'Enter', description: 'Close', run: () => {}, hidden: true });
    expect(r.list(['help', 'playground', GLOBAL_SCOPE])).toEqual([
      { scope: 'help', label: 'Esc', description: 'Close help' },
      { scope: GLOBAL_SCOPE, label: '? / H', description: 'Help' },
    ]);
  });

  test('the handler learns which of its keys was pressed', () => {
    const r = new ShortcutRegistry();
    const got: string[] = [];
    r.register('s', { keys: ['1', '2', '3'], label: '1–3', description: 'speed', run: (k) => got.push(k) });
    r.handle({ key: '3' }, ['s']);
    r.handle({ key: '1' }, ['s']);
    expect(got).toEqual(['3', '1']);
  });

  test('a shortcut needs a key', () => {
    expect(() => new ShortcutRegistry().register('s', { keys: [], label: '', description: 'nothing', run: () => {} })).toThrow(/at least one key/);
  });
});
