/**
 * Autosave, so a reload or a crash loses nothing. The working document and the
 * viewport are written, debounced, through a small KeyValueStore (the page
 * passes localStorage through webStorage(); tests and Node pass mapStore()).
 * Each save goes to the next of N slots, a ring: if the newest save is
 * damaged (a crash mid-write, a full disk, a hand edit) or its circuit no
 * longer loads, restore falls back to the one before it, and keepApart moves
 * the one that failed out of the ring, under a key of its own, so later saves
 * never rotate it away: the player can download it or read it as text.
 *
 * Export and import of circuit files are the model's exportText/importText.
 */
import { BehaviorSubject, debounceTime, filter, type Observable, type Subscription, tap } from 'rxjs';
import { parseCircuit, serializeCircuit } from '../circuits/circuit';
import { CircuitError } from '../circuits/errors';
import type { Circuit, ModelTable } from '../circuits/types';
import type { EditorModel } from './model';
import type { Viewport } from './types';

/** Strings by key. get returns null for a missing key, as localStorage does. set may throw (storage full). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A store in a Map (tests, Node). */
export function mapStore(map = new Map<string, string>()): KeyValueStore & { readonly map: Map<string, string> } {
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
  };
}

/** The browser's localStorage (or sessionStorage) as a KeyValueStore; typed structurally so src/ needs no DOM. */
export function webStorage(storage: { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void }): KeyValueStore {
  return { get: (k) => storage.getItem(k), set: (k, v) => storage.setItem(k, v), remove: (k) => storage.removeItem(k) };
}

export const AUTOSAVE_STAMP = 'neuroworm-editor-autosave';
/** Version of the autosave record's own layout (the circuit inside carries the circuit format's version). */
export const AUTOSAVE_VERSION = 1;

/** What one slot holds (as JSON). */
export interface AutosaveRecord {
  stamp: typeof AUTOSAVE_STAMP;
  version: number;
  /** Save number, counting up across sessions: the highest readable one is the newest. */
  seq: number;
  /** Wall-clock ms (Date.now) of the save, for "restored your work from 2 minutes ago". */
  savedAt: number;
  fileName: string;
  viewport: Viewport;
  /** The circuit file's text (serializeCircuit). */
  circuit: string;
}

export interface AutosaveSlotOptions {
  /** Key prefix; slot i is stored under `${key}.${i}`. Default "neuroworm.editor.autosave". */
  key?: string;
  /** Saves kept. Default 5. */
  slots?: number;
}

export interface AutosaveOptions extends AutosaveSlotOptions {
  /** Slots never written (a damaged save that could not be kept apart, e.g. storage full). */
  protect?: readonly number[];
  /** Quiet time after the last change before saving, ms. Default 1000. */
  debounceMs?: number;
  /** Clock for savedAt. Default Date.now. */
  now?: () => number;
}

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saved'; seq: number; savedAt: number }
  /** Writing failed (storage full or unavailable); the next change tries again. */
  | { state: 'error'; message: string };

const DEFAULT_KEY = 'neuroworm.editor.autosave';
const slotKey = (key: string, i: number): string => `${key}.${i}`;

interface SlotRead {
  slot: number;
  text: string | null;
  record?: AutosaveRecord;
  problem?: string;
}

function readSlot(store: KeyValueStore, key: string, slot: number): SlotRead {
  let text: string | null;
  try {
    text = store.get(slotKey(key, slot));
  } catch (e) {
    return { slot, text: null, problem: `storage could not be read: ${(e as Error).message}` };
  }
  if (text === null) return { slot, text };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { slot, text, problem: 'damaged: not valid JSON (probably cut off by a crash or a full disk)' };
  }
  const r = v as Partial<AutosaveRecord> | null;
  if (r === null || typeof r !== 'object' || r.stamp !== AUTOSAVE_STAMP) return { slot, text, problem: 'not a Neuroworm editor autosave' };
  if (typeof r.version !== 'number' || r.version > AUTOSAVE_VERSION) {
    return { slot, text, problem: `made by a newer Neuroworm (autosave version ${String(r.version)}); update Neuroworm to restore it` };
  }
  if (typeof r.seq !== 'number' || typeof r.circuit !== 'string' || typeof r.fileName !== 'string') return { slot, text, problem: 'damaged: fields missing' };
  return { slot, text, record: r as AutosaveRecord };
}

export interface SkippedAutosave {
  slot: number;
  seq?: number;
  /** Why it was not used. */
  reason: string;
  /** Its raw text, so the UI can offer it for download instead of losing it. */
  text: string;
  /** The validation error, when the record was readable but its circuit was not. */
  error?: CircuitError;
}

export interface RestoreResult {
  /** The newest readable, valid autosave, or undefined if there is none. */
  restored?: { circuit: Circuit; fileName: string; viewport?: Viewport; savedAt: number; seq: number };
  /** Newer saves that could not be used (older ones than the restored save are not examined). */
  skipped: SkippedAutosave[];
}

const validViewport = (v: unknown): Viewport | undefined => {
  const o = v as Viewport | undefined;
  return o && Number.isFinite(o.x) && Number.isFinite(o.y) && Number.isFinite(o.zoom) && o.zoom > 0 ? { x: o.x, y: o.y, zoom: o.zoom } : undefined;
};

/**
 * The newest autosave that reads and validates against `models`; damaged or
 * invalid newer ones are listed in `skipped`. Start the editor with it:
 *   new EditorModel({ models, doc: r.restored?.circuit.doc, fileName: r.restored?.fileName, viewport: r.restored?.viewport })
 */
export function restoreAutosave(store: KeyValueStore, models: ModelTable, opts: AutosaveSlotOptions = {}): RestoreResult {
  const key = opts.key ?? DEFAULT_KEY;
  const reads = Array.from({ length: opts.slots ?? 5 }, (_, i) => readSlot(store, key, i)).filter((r) => r.text !== null || r.problem);
  // Newest first; unreadable ones (no seq) are reported but cannot be ordered, so they go last.
  reads.sort((a, b) => (b.record?.seq ?? -Infinity) - (a.record?.seq ?? -Infinity) || a.slot - b.slot);
  const skipped: SkippedAutosave[] = [];
  for (const r of reads) {
    if (!r.record) {
      skipped.push({ slot: r.slot, reason: r.problem as string, text: r.text ?? '' });
      continue;
    }
    try {
      const circuit = parseCircuit(r.record.circuit, r.record.fileName, models);
      const viewport = validViewport(r.record.viewport);
      const restored: NonNullable<RestoreResult['restored']> = { circuit, fileName: r.record.fileName, savedAt: r.record.savedAt, seq: r.record.seq };
      if (viewport) restored.viewport = viewport;
      // Unreadable slots sorted after this one may still be newer: keep reporting them.
      for (const rest of reads)
        if (!rest.record && !skipped.some((s) => s.slot === rest.slot))
          skipped.push({ slot: rest.slot, reason: rest.problem as string, text: rest.text ?? '' });
      return { restored, skipped };
    } catch (e) {
      if (!(e instanceof CircuitError)) throw e;
      skipped.push({ slot: r.slot, seq: r.record.seq, reason: `its circuit does not load: ${e.message}`, text: r.text as string, error: e });
    }
  }
  return { skipped };
}

/** An autosave that failed to restore, kept apart from the ring. */
export interface KeptAutosave {
  id: number;
  /** The ring slot it came from, and its save number when that could be read. */
  slot: number;
  seq?: number;
  /** Why it did not restore. */
  reason: string;
  /** Wall-clock ms when it was set aside. */
  keptAt: number;
  /** Its raw text, as it was in the slot. */
  text: string;
}

export interface KeepApartResult {
  /** Every save kept apart, this time and before. */
  kept: KeptAutosave[];
  /** Slots that could not be moved (storage full): leave them alone (Autosave's `protect`). */
  stuck: number[];
}

const keptIndexKey = (key: string): string => `${key}.kept`;
const keptKey = (key: string, id: number): string => `${key}.kept.${id}`;
type KeptEntry = Omit<KeptAutosave, 'text'>;

function readKeptIndex(store: KeyValueStore, key: string): KeptEntry[] {
  try {
    const v = JSON.parse(store.get(keptIndexKey(key)) ?? '[]') as unknown;
    return Array.isArray(v) ? (v.filter((e) => e && typeof e.id === 'number' && typeof e.reason === 'string') as KeptEntry[]) : [];
  } catch {
    return [];
  }
}

/**
 * Moves autosaves that failed to restore (restoreAutosave's `skipped`) out of
 * the ring, each under a key of its own with an index, so later saves never
 * overwrite them. A slot whose text cannot be copied (storage full) stays
 * where it is and is reported `stuck`.
 */
export function keepApart(store: KeyValueStore, skipped: readonly SkippedAutosave[], opts: AutosaveSlotOptions & { now?: () => number } = {}): KeepApartResult {
  const key = opts.key ?? DEFAULT_KEY;
  const index = readKeptIndex(store, key);
  const stuck: number[] = [];
  let next = index.reduce((m, e) => Math.max(m, e.id), 0) + 1;
  for (const s of skipped) {
    if (s.text === '') continue; // unreadable storage: nothing to keep
    const entry: KeptEntry = { id: next, slot: s.slot, reason: s.reason, keptAt: (opts.now ?? Date.now)() };
    if (s.seq !== undefined) entry.seq = s.seq;
    try {
      store.set(keptKey(key, next), s.text);
      store.set(keptIndexKey(key), JSON.stringify([...index, entry]));
    } catch {
      stuck.push(s.slot);
      continue;
    }
    index.push(entry);
    next++;
    store.remove(slotKey(key, s.slot));
  }
  return { kept: keptAutosaves(store, opts), stuck };
}

/** The autosaves kept apart, oldest first, with their text (an entry whose text is gone is left out). */
export function keptAutosaves(store: KeyValueStore, opts: AutosaveSlotOptions = {}): KeptAutosave[] {
  const key = opts.key ?? DEFAULT_KEY;
  return readKeptIndex(store, key).flatMap((e) => {
    const text = store.get(keptKey(key, e.id));
    return text === null ? [] : [{ ...e, text }];
  });
}

/** Forget a kept autosave (the player downloaded it, or does not want it). */
export function discardKept(store: KeyValueStore, id: number, opts: AutosaveSlotOptions = {}): void {
  const key = opts.key ?? DEFAULT_KEY;
  store.remove(keptKey(key, id));
  store.set(keptIndexKey(key), JSON.stringify(readKeptIndex(store, key).filter((e) => e.id !== id)));
}

/** Remove every autosave slot (after the player discards their work on purpose). */
export function clearAutosaves(store: KeyValueStore, opts: AutosaveSlotOptions = {}): void {
  const key = opts.key ?? DEFAULT_KEY;
  for (let i = 0; i < (opts.slots ?? 5); i++) store.remove(slotKey(key, i));
}

/**
 * Saves the model a moment after each change of its document or viewport.
 * Call flush() when the page is hidden or unloading, dispose() when the
 * editor closes.
 */
export class Autosave {
  readonly status$: Observable<AutosaveStatus>;
  private readonly status = new BehaviorSubject<AutosaveStatus>({ state: 'idle' });
  private readonly key: string;
  private readonly slots: number;
  private readonly debounceMs: number;
  private readonly now: () => number;
  private readonly subscription: Subscription;
  private seq: number;
  private lastText: string | undefined;
  /** Per slot: the save number it holds (0 for empty), or NaN for a slot not to be written (a damaged save, protected). */
  private readonly held: number[];

  constructor(
    private readonly model: EditorModel,
    private readonly store: KeyValueStore,
    opts: AutosaveOptions = {},
  ) {
    this.key = opts.key ?? DEFAULT_KEY;
    this.slots = Math.max(1, opts.slots ?? 5);
    this.debounceMs = opts.debounceMs ?? 1000;
    this.now = opts.now ?? Date.now;
    this.status$ = this.status.asObservable();
    // Continue after the newest readable save; a slot holding anything but a readable save (a damaged one not yet
    // kept apart) or a protected one is never written, so no save is rotated away before the player has it.
    const protect = new Set(opts.protect ?? []);
    this.held = Array.from({ length: this.slots }, (_, i) => {
      const r = readSlot(store, this.key, i);
      if (protect.has(i) || (r.text !== null && !r.record)) return Number.NaN;
      return r.record?.seq ?? 0;
    });
    this.seq = this.held.reduce((m, s) => (Number.isNaN(s) ? m : Math.max(m, s)), 0);
    // A save a moment after the last change of the document or viewport (selection is not saved).
    this.subscription = model.changes$
      .pipe(
        filter((c) => c.kind !== 'selection'),
        tap(() => {
          if (this.status.value.state !== 'pending') this.status.next({ state: 'pending' });
        }),
        debounceTime(this.debounceMs),
      )
      .subscribe(() => this.flush());
  }

  /** Save now if anything changed since the last save (a save still pending then finds nothing new). Returns whether the state is saved. */
  flush(): boolean {
    const record: Omit<AutosaveRecord, 'seq' | 'savedAt'> = {
      stamp: AUTOSAVE_STAMP,
      version: AUTOSAVE_VERSION,
      fileName: this.model.fileName,
      viewport: { ...this.model.viewport },
      circuit: serializeCircuit(this.model.circuit()),
    };
    const content = JSON.stringify(record);
    if (content === this.lastText) return this.status.value.state === 'saved';
    const seq = this.seq + 1;
    const savedAt = this.now();
    // The ring's next slot; if that one is not to be written, the slot with the oldest save (an empty one first).
    let target = seq % this.slots;
    if (Number.isNaN(this.held[target])) {
      target = -1;
      for (let i = 0; i < this.slots; i++) if (!Number.isNaN(this.held[i]) && (target < 0 || this.held[i] < this.held[target])) target = i;
    }
    if (target < 0) {
      this.status.next({ state: 'error', message: 'autosave is off: every slot holds a damaged save; download or discard them (Kept saves)' });
      return false;
    }
    try {
      this.store.set(slotKey(this.key, target), JSON.stringify({ ...record, seq, savedAt }));
    } catch (e) {
      this.status.next({ state: 'error', message: `autosave failed: ${(e as Error).message}; export the circuit to a file to keep it` });
      return false;
    }
    this.held[target] = seq;
    this.seq = seq;
    this.lastText = content;
    this.status.next({ state: 'saved', seq, savedAt });
    return true;
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.status.complete();
  }
}
