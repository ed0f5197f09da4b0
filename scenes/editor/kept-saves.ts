import { discardKept, type AutosaveSlotOptions, type KeptAutosave, type KeyValueStore, keptAutosaves } from '../../src/editor';
import { download } from '../download';
import type { Dialogs } from './dialogs';
import { button, h } from './dom';

/**
 * The autosaves that failed to restore, kept apart from the ring
 * (src/editor/persist.ts keepApart): a dialog lists each with why it failed,
 * and offers it for download or to read as text; Discard forgets one.
 */
export function showKeptSaves(store: KeyValueStore, slots: AutosaveSlotOptions, dialogs: Dialogs, changed: (count: number) => void): void {
  const list = h('div', { 'data-testid': 'kept-saves' });
  const render = (): void => {
    const kept = keptAutosaves(store, slots);
    changed(kept.length);
    list.replaceChildren(...(kept.length ? kept.map((k) => card(k)) : [h('div', { class: 'nwe-dim', text: 'No kept saves left.' })]));
  };
  const card = (k: KeptAutosave): HTMLElement =>
    h(
      'div',
      { class: 'nwe-card' },
      h('div', {
        text: `Autosave ${k.seq !== undefined ? `#${k.seq} ` : ''}from slot ${k.slot} · kept ${new Date(k.keptAt).toLocaleString()} · ${k.text.length} characters`,
      }),
      h('div', { class: 'nwe-err', text: k.reason.length > 400 ? `${k.reason.slice(0, 400)}…` : k.reason }),
      button('Download', () => download(`neuroworm-autosave-${k.id}.json`, k.text), 'Save its text as a file'),
      ' ',
      button('Open as text', () => dialogs.showText(`Autosave ${k.id} as it was saved`, k.text), 'Read it (and copy what you need)'),
      ' ',
      button(
        'Discard',
        () => {
          discardKept(store, k.id, slots);
          render();
        },
        'Forget it (download it first if you want it)',
      ),
    );
  render();
  const close = dialogs.modal(
    h('div', { class: 'nwe-h', text: 'Autosaves that could not be restored' }),
    h('div', {
      class: 'nwe-dim',
      text: 'These were kept apart, so later saves never overwrite them. Download one, or open it as text to copy what you need.',
    }),
    list,
    button('Close', () => close()),
  );
}
