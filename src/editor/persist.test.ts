import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_MODELS } from '../circuits/fake-models';
import type { AutosaveStatus } from './persist';
import { Autosave, clearAutosaves, discardKept, keepApart, keptAutosaves, mapStore, restoreAutosave, webStorage, type KeyValueStore } from './persist';
import { EditorModel } from './model';
import { blankDoc } from './templates';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function session(store: KeyValueStore, slots = 3) {
  const r = restoreAutosave(store, FAKE_MODELS, { slots });
  const model = new EditorModel({
    models: FAKE_MODELS,
    ...(r.restored && { doc: r.restored.circuit.doc, fileName: r.restored.fileName }),
    ...(r.restored?.viewport && { viewport: r.restored.viewport }),
  });
  const autosave = new Autosave(model, store, { slots, debounceMs: 500, now: () => 1234 });
  return { model, autosave, restored: r };
}

const add = (m: EditorModel, id: string) => m.addNeuron({ id, model: 'graded', position: { x: 0, y: 0 } });

describe('autosave', () => {
  it('saves a moment after the last change, not on every change', () => {
    const store = mapStore();
    const { model, autosave } = session(store);
    const states: AutosaveStatus[] = [];
    autosave.status$.subscribe((s) => states.push(s));
    add(model, 'A');
    vi.advanceTimersByTime(300);
    add(model, 'B');
    vi.advanceTimersByTime(300);
    expect(store.map.size).toBe(0);
    vi.advanceTimersByTime(300);
    expect(store.map.size).toBe(1);
    expect(states.map((s) => s.state)).toEqual(['idle', 'pending', 'saved']);
    expect(states[2]).toEqual({ state: 'saved', seq: 1, savedAt: 1234 });
    // Selection does not schedule a save; the viewport does.
    model.selectAll();
    vi.advanceTimersByTime(1000);
    expect(store.map.size).toBe(1);
    model.setViewport({ x: 5, y: 6, zoom: 2 });
    vi.advanceTimersByTime(1000);
    expect(store.map.size).toBe(2);
    autosave.dispose();
  });

  it('restores the document, file name and viewport after a reload', () => {
    const store = mapStore();
    const first = session(store);
    add(first.model, 'A');
    first.model.connect({ from: 'A', to: 'A', kind: 'chemical', weight: 2 });
    first.model.setViewport({ x: 5, y: 6, zoom: 2 });
    first.autosave.flush();
    const saved = first.model.circuit().doc;
    first.autosave.dispose(); // the page goes away

    const second = session(store);
    expect(second.model.doc).toEqual(saved);
    expect(second.model.fileName).toBe('circuit.json');
    expect(second.model.viewport).toEqual({ x: 5, y: 6, zoom: 2 });
    expect(second.restored.restored?.seq).toBe(1);
    expect(second.restored.skipped).toEqual([]);
    expect(second.model.canUndo()).toBe(false);
  });

  it('keeps a ring of the last N saves and falls back when the newest is damaged', () => {
    const store = mapStore();
    const { model, autosave } = session(store, 3);
    for (const id of ['A', 'B', 'C', 'D']) {
      add(model, id);
      autosave.flush();
    }
    expect(store.map.size).toBe(3); // save 1 was overwritten by save 4
    autosave.dispose();
    // The newest (seq 4, slot 1) is cut off mid-write.
    const newest = store.get('neuroworm.editor.autosave.1') as string;
    store.set('neuroworm.editor.autosave.1', newest.slice(0, newest.length / 2));
    const r = restoreAutosave(store, FAKE_MODELS, { slots: 3 });
    expect(r.restored?.seq).toBe(3);
    expect(r.restored?.circuit.doc.neurons.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ slot: 1, reason: expect.stringContaining('not valid JSON') });
    expect(r.skipped[0].text.length).toBeGreaterThan(0);

    // The next sessions never write over the damaged save (before: the ring overwrote it at once, and any
    // damaged save within N edits): ten more saves later its text is still there, byte for byte.
    const damaged = store.get('neuroworm.editor.autosave.1');
    const next = session(store, 3);
    for (const id of ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N']) {
      add(next.model, id);
      next.autosave.flush();
    }
    expect(store.get('neuroworm.editor.autosave.1')).toBe(damaged);
    expect(restoreAutosave(store, FAKE_MODELS, { slots: 3 })).toMatchObject({ restored: { seq: 13 }, skipped: [{ slot: 1 }] });
  });

  it('keepApart moves the saves that failed out of the ring; they last across sessions until discarded', () => {
    const store = mapStore();
    const { model, autosave } = session(store, 3);
    add(model, 'A');
    autosave.flush();
    add(model, 'B');
    autosave.flush();
    autosave.dispose();
    const newest = store.get('neuroworm.editor.autosave.2') as string;
    store.set('neuroworm.editor.autosave.2', newest.slice(0, 40));
    const r = restoreAutosave(store, FAKE_MODELS, { slots: 3 });
    const k = keepApart(store, r.skipped, { slots: 3, now: () => 99 });
    expect(k.stuck).toEqual([]);
    expect(k.kept).toEqual([{ id: 1, slot: 2, reason: expect.stringContaining('not valid JSON'), keptAt: 99, text: newest.slice(0, 40) }]);
    expect(store.get('neuroworm.editor.autosave.2')).toBeNull();
    // Later saves fill the ring; the kept one stays.
    const next = session(store, 3);
    for (const id of ['C', 'D', 'E', 'F']) {
      add(next.model, id);
      next.autosave.flush();
    }
    expect(keptAutosaves(store, { slots: 3 }).map((x) => x.text)).toEqual([newest.slice(0, 40)]);
    expect(restoreAutosave(store, FAKE_MODELS, { slots: 3 }).skipped).toEqual([]);
    discardKept(store, 1, { slots: 3 });
    expect(keptAutosaves(store, { slots: 3 })).toEqual([]);
  });

  it('when a failed save cannot be copied (storage full) it stays in its slot, which autosave then never writes', () => {
    const map = new Map<string, string>();
    let full = false;
    const store: KeyValueStore = {
      get: (k) => map.get(k) ?? null,
      set: (k, v) => {
        if (full && k.includes('.kept')) throw new Error('QuotaExceededError');
        map.set(k, v);
      },
      remove: (k) => void map.delete(k),
    };
    map.set('neuroworm.editor.autosave.1', '{"stamp":"neuroworm-editor-autosave","seq":');
    full = true;
    const r = restoreAutosave(store, FAKE_MODELS, { slots: 3 });
    const k = keepApart(store, r.skipped, { slots: 3 });
    expect(k).toEqual({ kept: [], stuck: [1] });
    const model = new EditorModel({ models: FAKE_MODELS });
    const autosave = new Autosave(model, store, { slots: 3, protect: k.stuck });
    for (const id of ['A', 'B', 'C', 'D', 'E']) {
      add(model, id);
      autosave.flush();
    }
    expect(map.get('neuroworm.editor.autosave.1')).toBe('{"stamp":"neuroworm-editor-autosave","seq":');
  });

  it('skips a save whose circuit no longer loads (e.g. a model changed) and one from a newer app', () => {
    const store = mapStore();
    const { model, autosave } = session(store, 3);
    add(model, 'A');
    autosave.flush();
    model.setNeuronModel('A', 'lif');
    autosave.flush();
    model.setNeuronModel('A', 'izhikevich');
    autosave.flush();
    const third = JSON.parse(store.get('neuroworm.editor.autosave.0') as string);
    store.set('neuroworm.editor.autosave.0', JSON.stringify({ ...third, version: 99 }));
    const withoutLif = { graded: FAKE_MODELS.graded, izhikevich: FAKE_MODELS.izhikevich } as typeof FAKE_MODELS;
    const r = restoreAutosave(store, withoutLif, { slots: 3 });
    expect(r.restored?.seq).toBe(1);
    expect(r.skipped.map((s) => [s.slot, s.reason.slice(0, 30)])).toEqual([
      [2, 'its circuit does not load: cir'],
      [0, 'made by a newer Neuroworm (aut'],
    ]);
    expect(r.skipped[0].error?.issues[0].message).toContain('unknown model "lif"');
  });

  it('reports a failed write (storage full) and keeps going', () => {
    const map = new Map<string, string>();
    let full = true;
    const store: KeyValueStore = {
      get: (k) => map.get(k) ?? null,
      set: (k, v) => {
        if (full) throw new Error('QuotaExceededError');
        map.set(k, v);
      },
      remove: (k) => void map.delete(k),
    };
    const { model, autosave } = session(store);
    const states: AutosaveStatus[] = [];
    autosave.status$.subscribe((s) => states.push(s));
    add(model, 'A');
    vi.advanceTimersByTime(600);
    expect(states[states.length - 1]).toMatchObject({ state: 'error', message: expect.stringContaining('QuotaExceededError') });
    full = false;
    expect(autosave.flush()).toBe(true);
    expect(map.size).toBe(1);
  });

  it('nothing saved: restore gives nothing and a blank editor starts; clear removes every slot', () => {
    const store = mapStore();
    expect(restoreAutosave(store, FAKE_MODELS)).toEqual({ skipped: [] });
    const { model, autosave } = session(store);
    expect(model.doc).toEqual(blankDoc());
    add(model, 'A');
    autosave.flush();
    clearAutosaves(store, { slots: 3 });
    expect(store.map.size).toBe(0);
  });

  it('webStorage adapts a localStorage-like object', () => {
    const backing = new Map<string, string>();
    const s = webStorage({ getItem: (k) => backing.get(k) ?? null, setItem: (k, v) => void backing.set(k, v), removeItem: (k) => void backing.delete(k) });
    s.set('a', '1');
    expect(s.get('a')).toBe('1');
    s.remove('a');
    expect(s.get('a')).toBeNull();
  });
});
