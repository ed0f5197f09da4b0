import { z } from 'zod';
import { parseSettings, type Settings } from './settings';

/**
 * Everything the game keeps in localStorage, under versioned keys
 * (`neuroworm:<what>:v<N>`). A future format gets a new key and reads the old
 * one once to migrate; a value that fails validation is ignored, never thrown.
 */
export const STORAGE_KEYS = {
  settings: 'neuroworm:settings:v1',
  progress: 'neuroworm:progress:v1',
  helpSeen: 'neuroworm:help-seen:v1',
  /** The circuit file text the editor shares with the playground (scenes/editor/shared-circuit.ts). */
  playgroundCircuit: 'neuroworm:playground-circuit:v1',
  /** `<prefix><challenge id>:v1`: the player's repair of a challenge's broken circuit (scenes/challenges/circuit.ts). */
  challengeCircuitPrefix: 'neuroworm:challenge-circuit:',
} as const;

/** The part of the Web Storage API the game uses (so tests can pass a Map-backed fake). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const ChallengeRecordSchema = z.object({
  completed: z.boolean(),
  attempts: z.number().int().min(0),
  /** Higher is better; null until a run is scored. */
  bestScore: z.number().nullable(),
  /** Fastest win in simulated ms; null until won. */
  bestTimeMs: z.number().min(0).nullable(),
});
export type ChallengeRecord = z.infer<typeof ChallengeRecordSchema>;
export type Progress = Record<string, ChallengeRecord>;

export interface RunResult {
  won: boolean;
  score: number;
  timeMs: number;
}

export const EMPTY_RECORD: Readonly<ChallengeRecord> = Object.freeze({
  completed: false,
  attempts: 0,
  bestScore: null,
  bestTimeMs: null,
});

function readJson(store: KeyValueStore, key: string): unknown {
  const text = store.getItem(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    console.warn(`neuroworm: ignoring unreadable ${key} in localStorage (not JSON)`);
    return undefined;
  }
}

export class GameStorage {
  constructor(private readonly store: KeyValueStore) {}

  loadSettings(): Settings {
    return parseSettings(readJson(this.store, STORAGE_KEYS.settings));
  }

  saveSettings(settings: Settings): void {
    this.store.setItem(STORAGE_KEYS.settings, JSON.stringify(settings));
  }

  /** Progress per challenge id; records that fail validation are dropped one by one. */
  loadProgress(): Progress {
    const raw = readJson(this.store, STORAGE_KEYS.progress);
    const out: Progress = {};
    if (!raw || typeof raw !== 'object') return out;
    for (const [id, rec] of Object.entries(raw as Record<string, unknown>)) {
      const parsed = ChallengeRecordSchema.safeParse(rec);
      if (parsed.success) out[id] = parsed.data;
    }
    return out;
  }

  record(challengeId: string): ChallengeRecord {
    return this.loadProgress()[challengeId] ?? { ...EMPTY_RECORD };
  }

  /** Count an attempt and keep the best score / time; returns what improved. */
  recordResult(challengeId: string, result: RunResult): { newBestScore: boolean; newBestTime: boolean } {
    const progress = this.loadProgress();
    const rec: ChallengeRecord = { ...(progress[challengeId] ?? EMPTY_RECORD) };
    rec.attempts += 1;
    const newBestScore = rec.bestScore === null || result.score > rec.bestScore;
    if (newBestScore) rec.bestScore = result.score;
    const newBestTime = result.won && (rec.bestTimeMs === null || result.timeMs < rec.bestTimeMs);
    if (newBestTime) rec.bestTimeMs = result.timeMs;
    if (result.won) rec.completed = true;
    progress[challengeId] = rec;
    this.store.setItem(STORAGE_KEYS.progress, JSON.stringify(progress));
    return { newBestScore, newBestTime };
  }

  resetProgress(): void {
    this.store.removeItem(STORAGE_KEYS.progress);
  }

  helpSeen(): boolean {
    return this.store.getItem(STORAGE_KEYS.helpSeen) === '1';
  }

  setHelpSeen(seen: boolean): void {
    if (seen) this.store.setItem(STORAGE_KEYS.helpSeen, '1');
    else this.store.removeItem(STORAGE_KEYS.helpSeen);
  }
}

/** In-memory store for private windows where localStorage throws, and for tests. */
export class MemoryStore implements KeyValueStore {
  private readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** The browser's localStorage if usable, else memory (progress then lasts one visit). */
export function browserStore(): KeyValueStore {
  try {
    const ls = globalThis.localStorage;
    const probe = 'neuroworm:probe';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
    return ls;
  } catch {
    console.warn('neuroworm: localStorage unavailable; settings and progress last this visit only');
    return new MemoryStore();
  }
}
