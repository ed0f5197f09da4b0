import { describe, expect, test, vi } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { serializeCircuit } from '../../src/circuits/circuit';
import { MemoryStore, STORAGE_KEYS } from '../storage';
import { clearPlaygroundCircuit, readPlaygroundCircuit, writePlaygroundCircuit } from './shared-circuit';

describe('the circuit shared between the editor and the playground', () => {
  test('what the editor writes, the playground reads back as the same circuit', () => {
    const store = new MemoryStore();
    expect(readPlaygroundCircuit(store)).toBeNull();
    const c = getBuiltinCircuit('seed-two-neurons');
    writePlaygroundCircuit(store, serializeCircuit(c));
    const back = readPlaygroundCircuit(store);
    expect(back?.doc).toEqual(c.doc);
    clearPlaygroundCircuit(store);
    expect(readPlaygroundCircuit(store)).toBeNull();
  });

  test('a damaged or invalid stored circuit is ignored with a warning, not thrown', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    store.setItem(STORAGE_KEYS.playgroundCircuit, '{"format": "neuroworm-circuit", ');
    expect(readPlaygroundCircuit(store)).toBeNull();
    store.setItem(STORAGE_KEYS.playgroundCircuit, JSON.stringify({ format: 'neuroworm-circuit', version: 1, neurons: [{ id: 'A', model: 'nope' }] }));
    expect(readPlaygroundCircuit(store)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  test('a store that refuses the write (full) does not break the editor', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const full = {
      getItem: () => null,
      removeItem: () => {},
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writePlaygroundCircuit(full, '{}')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
