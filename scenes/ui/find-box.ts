import { searchNeurons } from '../../src/editor/search';
import { css, palette } from './theme';

/**
 * A small search field over a canvas view (the playground's neural view):
 * type a neuron's name, Enter picks the best match (exact, then prefix, then
 * substring, as the editor's search), Esc or leaving the field closes it.
 * Returns a function that closes it.
 */
export function openFindBox(
  at: { x: number; y: number; w: number },
  ids: readonly string[],
  pick: (id: string) => void,
  said: (text: string) => void,
): () => void {
  const input = document.createElement('input');
  input.type = 'search';
  input.placeholder = 'Find a neuron (Enter)';
  input.setAttribute('aria-label', 'Find a neuron');
  input.dataset.testid = 'find-neuron';
  Object.assign(input.style, {
    position: 'fixed',
    left: `${Math.round(at.x)}px`,
    top: `${Math.round(at.y)}px`,
    width: `${Math.round(at.w)}px`,
    zIndex: '20',
    font: '14px system-ui, sans-serif',
    padding: '5px 8px',
    color: css(palette.text),
    background: css(palette.panelHi),
    border: `1px solid ${css(palette.accent)}`,
    borderRadius: '6px',
  });
  const list = document.createElement('datalist');
  list.id = `find-neuron-${Date.now()}`;
  for (const id of ids) list.append(new Option(id));
  input.setAttribute('list', list.id);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    input.remove();
    list.remove();
  };
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') close();
    else if (e.key === 'Enter') {
      const hit = searchNeurons(
        ids.map((id) => ({ id })),
        input.value,
        1,
      )[0];
      if (hit) {
        pick(hit.id);
        close();
      } else said(`No neuron called "${input.value}" in this circuit`);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  document.body.append(list, input);
  input.focus();
  return close;
}
