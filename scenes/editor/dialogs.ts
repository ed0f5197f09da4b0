import { button, h } from './dom';

/** The editor's modal dialogs: HTML boxes over the whole editor; a click outside or Esc closes one. */
export class Dialogs {
  constructor(private readonly root: HTMLElement) {}

  /** Whether a dialog is open (it takes the keys). */
  isOpen(): boolean {
    return this.root.querySelector('.nwe-modal') !== null;
  }

  /** Closes the first open dialog, if any. */
  closeOne(): void {
    this.root.querySelector('.nwe-modal')?.remove();
  }

  /** Opens a dialog with these children; returns its close function. */
  modal(...children: Node[]): () => void {
    const box = h('div', { class: 'nwe-modal', role: 'dialog' }, h('div', {}, ...children));
    const close = (): void => box.remove();
    box.addEventListener('mousedown', (e) => {
      if (e.target === box) close();
    });
    this.root.append(box);
    return close;
  }

  showError(title: string, message: string): void {
    const close = this.modal(
      h('div', { class: 'nwe-h', text: title }),
      h('div', { class: 'nwe-err', 'data-testid': 'error-text', text: message }),
      button('OK', () => close()),
    );
  }

  showText(title: string, text: string): void {
    const area = h('textarea', { readonly: true }, text);
    const close = this.modal(
      h('div', { class: 'nwe-h', text: title }),
      area,
      button('Close', () => close()),
    );
    setTimeout(() => area.select(), 0);
  }
}
