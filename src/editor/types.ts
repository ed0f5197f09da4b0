/**
 * Plain types shared by the editor's modules and its views. Graph coordinates
 * are the circuit's editor units with y pointing down (as on screen): layouts
 * put sensory neurons at small y (top) and motor neurons at large y (bottom).
 */

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned rectangle: (x, y) is its top-left corner (smallest x and y). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What part of the graph the screen shows: (x, y) is the graph point at the
 * centre of the screen, zoom is screen pixels per graph unit.
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Size of the editor's canvas in screen pixels. */
export interface ScreenSize {
  width: number;
  height: number;
}

/**
 * A synapse's identity (synapses carry no id in the file): `c:FROM>TO` for a
 * chemical synapse, `e:A~B` for a gap junction with its ends in sorted order
 * (a↔b and b↔a are one junction). Neuron ids cannot contain ':', '>' or '~'.
 */
export type SynapseKey = string;

/** The outcome of an edit: done (with a value, e.g. a new neuron's id) or refused with a message for the player. */
export type Result<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

/** Selected neurons (by id) and synapses (by key). A new object on every change, so views can compare by identity. */
export interface Selection {
  readonly neurons: ReadonlySet<string>;
  readonly synapses: ReadonlySet<SynapseKey>;
}

/** replace: select only these; add: also these (shift-click); toggle: flip these (ctrl-click). */
export type SelectMode = 'replace' | 'add' | 'toggle';

/** One notification on `changes$`. */
export interface EditorChange {
  /** doc: the circuit changed (an edit, undo, redo, open); selection; viewport (pan, zoom). */
  kind: 'doc' | 'selection' | 'viewport';
  /** What happened, for status lines ("Move 3 neurons", "Undo Connect AVAL → DA01"). */
  label: string;
  /** The simulated network or its bindings may have changed (false for moves, renames of the title, selection, viewport). */
  simulation: boolean;
}
