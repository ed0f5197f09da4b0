import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { GameStorage, MemoryStore, STORAGE_KEYS } from './storage';

describe('GameStorage', () => {
  test('fresh store gives default settings with sound off, no progress, help not seen', () => {
    const s = new GameStorage(new MemoryStore());
    expect(s.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(s.loadSettings().sound).toBe(false);
    expect(s.loadProgress()).toEqual({});
    expect(s.helpSeen()).toBe(false);
  });

  test('settings round-trip under the versioned key', () => {
    const mem = new MemoryStore();
    const s = new GameStorage(mem);
    s.saveSettings({ ...DEFAULT_SETTINGS, reducedMotion: true, renderer: 'canvas', textScale: 1.25 });
    expect(JSON.parse(mem.getItem(STORAGE_KEYS.settings) ?? '{}').renderer).toBe('canvas');
    expect(new GameStorage(mem).loadSettings()).toMatchObject({ reducedMotion: true, renderer: 'canvas', textScale: 1.25 });
  });

  test('one invalid settings field falls back alone; garbage JSON falls back entirely', () => {
    const mem = new MemoryStore();
    mem.setItem(STORAGE_KEYS.settings, JSON.stringify({ sound: true, renderer: 'vulkan', textScale: 9, extra: 1 }));
    const got = new GameStorage(mem).loadSettings();
    expect(got).toEqual({ ...DEFAULT_SETTINGS, sound: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mem.setItem(STORAGE_KEYS.settings, '{not json');
    expect(new GameStorage(mem).loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  test('best score is the maximum and best time the minimum over won runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ won: fc.boolean(), score: fc.integer({ min: -1000, max: 1000 }), timeMs: fc.nat(600_000) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (runs) => {
          const s = new GameStorage(new MemoryStore());
          for (const r of runs) s.recordResult('maze', r);
          const rec = s.record('maze');
          expect(rec.attempts).toBe(runs.length);
          expect(rec.bestScore).toBe(Math.max(...runs.map((r) => r.score)));
          const wins = runs.filter((r) => r.won);
          expect(rec.completed).toBe(wins.length > 0);
          expect(rec.bestTimeMs).toBe(wins.length ? Math.min(...wins.map((r) => r.timeMs)) : null);
        },
      ),
    );
  });

  test('recordResult reports what improved', () => {
    const s = new GameStorage(new MemoryStore());
    expect(s.recordResult('food', { won: true, score: 10, timeMs: 5000 })).toEqual({ newBestScore: true, newBestTime: true });
    expect(s.recordResult('food', { won: true, score: 5, timeMs: 6000 })).toEqual({ newBestScore: false, newBestTime: false });
    expect(s.recordResult('food', { won: false, score: 11, timeMs: 100 })).toEqual({ newBestScore: true, newBestTime: false });
  });

  test('a corrupt progress record is dropped without losing the others', () => {
    const mem = new MemoryStore();
    mem.setItem(STORAGE_KEYS.progress, JSON.stringify({ good: { completed: true, attempts: 2, bestScore: 3, bestTimeMs: 100 }, bad: { attempts: -1 } }));
    expect(Object.keys(new GameStorage(mem).loadProgress())).toEqual(['good']);
  });

  test('help-seen flag and progress reset', () => {
    const s = new GameStorage(new MemoryStore());
    s.setHelpSeen(true);
    expect(s.helpSeen()).toBe(true);
    s.recordResult('x', { won: true, score: 1, timeMs: 1 });
    s.resetProgress();
    expect(s.loadProgress()).toEqual({});
    s.setHelpSeen(false);
    expect(s.helpSeen()).toBe(false);
  });
});
