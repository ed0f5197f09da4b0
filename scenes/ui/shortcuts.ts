/**
 * Keyboard shortcuts: one registry, one window keydown listener, and the list
 * the help overlay shows. Scopes are scene keys plus 'global'; the caller says
 * which scopes are active, top-most first, and the first match wins, so an
 * overlay's Esc closes the overlay instead of leaving the scene under it.
 * Pure: no Phaser, no DOM; main.ts feeds it KeyboardEvents.
 */

export interface ShortcutSpec {
  /** KeyboardEvent.key values that trigger it, e.g. [' '], ['?', 'h', 'H'], ['Escape']. */
  keys: readonly string[];
  /** How the key is shown to the player, e.g. "Space", "1–5". */
  label: string;
  /** What it does, shown in the list. */
  description: string;
  /** Called with the key that triggered it (so one entry can serve "1–5"). */
  run(key: string): void;
  /** Hidden from the on-screen list (e.g. a second key for the same action). */
  hidden?: boolean;
}

export interface ShortcutInfo {
  scope: string;
  label: string;
  description: string;
}

/** What the registry needs from a key event. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export const GLOBAL_SCOPE = 'global';

export class ShortcutRegistry {
  private readonly scopes = new Map<string, ShortcutSpec[]>();

  /** Adds a shortcut to a scope; returns a function that removes it again. */
  register(scope: string, spec: ShortcutSpec): () => void {
    if (spec.keys.length === 0) throw new Error(`shortcut "${spec.description}" in scope ${scope}: give at least one key`);
    const list = this.scopes.get(scope) ?? [];
    list.push(spec);
    this.scopes.set(scope, list);
    return () => {
      const i = list.indexOf(spec);
      if (i >= 0) list.splice(i, 1);
    };
  }

  clearScope(scope: string): void {
    this.scopes.delete(scope);
  }

  /**
   * Runs the first shortcut for the key in the active scopes (top-most first).
   * Chords with Ctrl/Cmd/Alt are left to the browser. Returns whether one ran.
   */
  handle(event: KeyLike, activeScopes: readonly string[]): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    for (const scope of activeScopes) {
      const list = this.scopes.get(scope);
      if (!list) continue;
      for (const spec of list) {
        if (spec.keys.includes(event.key)) {
          spec.run(event.key);
          return true;
        }
      }
    }
    return false;
  }

  /** The visible shortcuts of the active scopes, top-most first, one entry per label (shadowed ones dropped). */
  list(activeScopes: readonly string[]): ShortcutInfo[] {
    const out: ShortcutInfo[] = [];
    const taken = new Set<string>();
    for (const scope of activeScopes) {
      for (const spec of this.scopes.get(scope) ?? []) {
        const shadowed = spec.keys.every((k) => taken.has(k));
        for (const k of spec.keys) taken.add(k);
        if (spec.hidden || shadowed) continue;
        out.push({ scope, label: spec.label, description: spec.description });
      }
    }
    return out;
  }
}
