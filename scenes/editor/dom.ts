import { css, palette } from '../ui/theme';

/**
 * The editor's forms (toolbar, palette, inspector) are HTML over the canvas:
 * text fields, drop-downs, file inputs and the clipboard are the browser's own,
 * which Phaser cannot match. The graph, the worm and the oscilloscope stay in
 * Phaser. Everything here is created when the scene starts and removed when it
 * stops.
 */

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** Creates an element: attributes starting with "on" are listeners, booleans toggle, the rest are set as attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A toolbar or palette button. */
export function button(text: string, onclick: () => void, title = '', cls = ''): HTMLButtonElement {
  return h('button', { text, title: title || undefined, class: cls || undefined, onclick: () => onclick() });
}

/** Whether a key or clipboard event comes from a form field (the field gets it, not the editor). */
export function typing(e: Event): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

const STYLE_ID = 'neuroworm-editor-style';

/** The editor's stylesheet, in the game's palette. */
export function installStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const c = (n: number): string => css(n);
  const style = h('style', { id: STYLE_ID });
  style.textContent = `
.nwe-root { position: fixed; inset: 0; pointer-events: none; font: 13px/1.35 system-ui, sans-serif; color: ${c(palette.text)}; z-index: 10; }
.nwe-root * { box-sizing: border-box; }
.nwe-panel { position: absolute; pointer-events: auto; background: ${c(palette.panel)}; border: 1px solid ${c(palette.border)}; border-radius: 8px; overflow: auto; padding: 8px 10px; }
.nwe-toolbar { position: absolute; pointer-events: auto; }
.nwe-bar { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.nwe-root button, .nwe-root select, .nwe-root input, .nwe-root textarea { font: inherit; color: ${c(palette.text)}; background: ${c(palette.panelHi)}; border: 1px solid ${c(palette.border)}; border-radius: 6px; }
.nwe-root button { padding: 5px 9px; cursor: pointer; white-space: nowrap; }
.nwe-bar button { padding: 5px 8px; }
.nwe-root button:hover:not(:disabled) { border-color: ${c(palette.accent)}; }
.nwe-root button:disabled { opacity: 0.45; cursor: default; }
.nwe-root button.on { background: ${c(palette.accentDim)}; border-color: ${c(palette.accent)}; }
.nwe-root button.primary { background: ${c(palette.accentDim)}; border-color: ${c(palette.accent)}; font-weight: 600; }
.nwe-root input, .nwe-root select { padding: 3px 5px; }
.nwe-root input[type=number], .nwe-root input.num { width: 92px; }
.nwe-root input.bad { border-color: ${c(palette.danger)}; }
.nwe-h { font-weight: 700; font-size: 14px; margin: 4px 0 6px; }
.nwe-sub { font-weight: 700; margin: 8px 0 4px; color: ${c(palette.textMuted)}; text-transform: uppercase; font-size: 11px; letter-spacing: .05em; }
.nwe-dim { color: ${c(palette.textDim)}; }
.nwe-muted { color: ${c(palette.textMuted)}; }
.nwe-row { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 2px 6px; align-items: center; margin: 5px 0; }
.nwe-row > :nth-child(2) { justify-self: end; max-width: 100%; }
.nwe-row > input:not(.num) { width: 100%; }
.nwe-row .help { grid-column: 1 / 3; color: ${c(palette.textDim)}; font-size: 11.5px; }
.nwe-row label { font-weight: 600; }
.nwe-row .unit { color: ${c(palette.textMuted)}; font-weight: 400; }
.nwe-row .nwe-err { grid-column: 1 / 3; }
.nwe-err { color: ${c(palette.danger)}; white-space: pre-wrap; margin: 6px 0; }
.nwe-warn { color: ${c(palette.warning)}; margin: 4px 0; }
.nwe-ok { color: ${c(palette.ok)}; }
.nwe-stack { display: flex; flex-direction: column; gap: 5px; }
.nwe-stack button { text-align: left; padding: 4px 9px; }
.nwe-fold > summary { cursor: pointer; }
.nwe-fold[open] > summary { margin-bottom: 6px; }
.nwe-legend { position: absolute; pointer-events: none; display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 11.5px; color: ${c(palette.textMuted)}; background: ${c(palette.bgDeep)}cc; padding: 2px 8px; border-radius: 5px; }
.nwe-legend .nwe-warn { margin: 0; }
.nwe-chip { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
.nwe-card { border: 1px solid ${c(palette.border)}; border-radius: 6px; padding: 6px; margin: 6px 0; background: ${c(palette.panelLo)}; }
.nwe-status { color: ${c(palette.textMuted)}; margin-top: 3px; min-height: 1.35em; overflow-wrap: anywhere; }
.nwe-modal { position: absolute; inset: 0; pointer-events: auto; background: rgba(5,8,12,.6); display: flex; align-items: center; justify-content: center; }
.nwe-modal > div { background: ${c(palette.panel)}; border: 1px solid ${c(palette.borderHi)}; border-radius: 10px; padding: 14px 16px; max-width: min(720px, 92vw); max-height: 86vh; overflow: auto; }
.nwe-modal textarea { width: 100%; min-height: 180px; font: 12px/1.3 ui-monospace, monospace; }
.nwe-results td { padding: 2px 8px 2px 0; vertical-align: top; }
.nwe-search { position: relative; }
.nwe-hits { position: absolute; top: 100%; left: 0; right: 0; background: ${c(palette.panelHi)}; border: 1px solid ${c(palette.border)}; border-radius: 6px; z-index: 2; }
.nwe-hits div { padding: 3px 6px; cursor: pointer; }
.nwe-hits div:hover, .nwe-hits div.cur { background: ${c(palette.accentDim)}; }
`;
  document.head.append(style);
}

/** Places an absolutely positioned element in canvas px. */
export function place(el: HTMLElement, x: number, y: number, w: number, hgt: number): void {
  el.style.left = `${Math.round(x)}px`;
  el.style.top = `${Math.round(y)}px`;
  el.style.width = `${Math.max(0, Math.round(w))}px`;
  el.style.height = `${Math.max(0, Math.round(hgt))}px`;
  el.style.display = w > 0 && hgt > 0 ? '' : 'none';
}

/** A number as typed into a field: '' and junk give NaN (refused later with a message), never 0. */
export function parseNumber(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

/** A short, stable rendering of a number for an input. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}
