import type { EditorModel, Point, Result } from '../../src/editor';
import { typing } from './dom';

/** What the editor's keys act on (the scene supplies it). */
export interface EditorKeyTarget {
  model: EditorModel;
  /** The scene runs and no overlay (help) sits on top: the keys are ours. */
  active(): boolean;
  /** The scene runs (copy and paste events). */
  running(): boolean;
  /** A dialog is open: only Esc is ours (it closes the dialog). */
  dialogOpen(): boolean;
  closeDialog(): void;
  undo(): void;
  redo(): void;
  save(): void;
  pickFile(): void;
  report(r: Result<unknown>): void;
  toggleConnect(): void;
  toggleGap(): void;
  /** E: the Evolve panel on/off. */
  evolve(): void;
  focusSearch(): void;
  /** Esc: cancel what is in progress (a drag, placing, the selection); false if there was nothing. */
  escape(): boolean;
  /** The graph point under the pointer (pastes go there), or null. */
  hoverGraph(): Point | null;
  status(text: string): void;
}

/** The keys listed in the help overlay (the registry leaves Ctrl chords to the browser, so they are handled here). */
export const EDITOR_KEYS: readonly [string, string][] = [
  ['Ctrl+Z', 'Undo (Ctrl+Shift+Z: redo)'],
  ['Ctrl+C / V', 'Copy / paste (Ctrl+D: duplicate)'],
  ['Ctrl+A', 'Select all'],
  ['Ctrl+S / O', 'Save / open a file'],
  ['Delete', 'Delete the selection'],
  ['Arrows', 'Nudge (Shift: ×5)'],
  ['F', 'Zoom to fit'],
  ['C', 'Connect tool on/off'],
  ['G', 'Chemical ↔ gap junction'],
  ['E', 'Evolve panel (evolve the selection’s weights)'],
  ['/', 'Find a neuron'],
  ['Dbl-click', 'Probe a neuron'],
];

/**
 * The editor's keyboard and clipboard: listeners on the window (capture, so
 * the editor's keys win over the game's registry while it runs) and on the
 * document's copy and paste events. Returns the function that removes them.
 */
export function bindEditorKeys(t: EditorKeyTarget): () => void {
  let clipboard = '';
  const onKey = (e: KeyboardEvent): void => {
    if (!t.active()) return;
    if (t.dialogOpen()) {
      // Esc closes a dialog (and stops a test run) rather than leaving the editor.
      if (e.key === 'Escape') {
        t.closeDialog();
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      return;
    }
    if (typing(e)) return;
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    const m = t.model;
    let done = true;
    if (mod && k === 'z' && !e.shiftKey) t.undo();
    else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) t.redo();
    else if (mod && k === 'c') {
      const text = m.copySelection();
      if (text) clipboard = text;
      done = false; // the browser's copy event puts it on the system clipboard
    } else if (mod && k === 'v')
      done = false; // handled by the paste event
    else if (mod && k === 'd') t.report(m.duplicateSelection());
    else if (mod && k === 'a') m.selectAll();
    else if (mod && k === 's') t.save();
    else if (mod && k === 'o') t.pickFile();
    else if (mod) done = false;
    else if (e.key === 'Delete' || e.key === 'Backspace') t.report(m.deleteSelection());
    else if (e.key.startsWith('Arrow')) {
      const s = e.shiftKey ? 50 : 10;
      const d = { ArrowLeft: [-s, 0], ArrowRight: [s, 0], ArrowUp: [0, -s], ArrowDown: [0, s] }[e.key] ?? [0, 0];
      t.report(m.nudgeSelection(d[0], d[1]));
    } else if (k === 'f') m.zoomToFit();
    else if (k === 'c') t.toggleConnect();
    else if (k === 'g') t.toggleGap();
    else if (k === 'e') t.evolve();
    else if (e.key === '/') t.focusSearch();
    else if (e.key === 'Escape')
      done = t.escape(); // nothing to cancel: Esc goes back
    else done = false;
    if (done) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  const onCopy = (e: ClipboardEvent): void => {
    if (!t.running() || typing(e)) return;
    const text = t.model.copySelection();
    if (!text) return;
    clipboard = text;
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    t.status(`Copied ${t.model.selection.neurons.size} neuron(s)`);
  };
  const onPaste = (e: ClipboardEvent): void => {
    if (!t.running() || typing(e) || t.dialogOpen()) return;
    const text = e.clipboardData?.getData('text/plain') || clipboard;
    if (!text) return;
    e.preventDefault();
    const at = t.hoverGraph();
    const r = t.model.paste(text, at ? { at } : {});
    t.status(r.ok ? `Pasted ${r.value.length} neuron(s)` : `Refused: ${r.message}`);
  };
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('copy', onCopy);
  document.addEventListener('paste', onPaste);
  return () => {
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('paste', onPaste);
  };
}
