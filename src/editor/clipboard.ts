/**
 * Copy and paste of part of a circuit. The clipboard holds JSON text (so it
 * can go through the system clipboard): the copied neurons, the synapses
 * among them and their bindings. Pasting renames ids that clash with the
 * circuit's and moves the copies, and the model validates the result like
 * any other edit. A whole circuit file pastes too (its neurons, synapses and
 * bindings are inserted).
 */
import type { SynapseSpec } from '../neural/types';
import { CIRCUIT_FORMAT, type CircuitDoc, type MuscleBinding, type NeuronEntry, type SensorBinding } from '../circuits/types';
import { migrate } from '../circuits/versions';
import { copyId } from './ids';
import type { Point } from './types';
import type { Op } from './doc-ops';

export const CLIPBOARD_FORMAT = 'neuroworm-clipboard';
export const CLIPBOARD_VERSION = 1;

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: number;
  neurons: NeuronEntry[];
  synapses: SynapseSpec[];
  sensors: SensorBinding[];
  muscles: MuscleBinding[];
}

/** The payload for `ids` (neurons not in the circuit are skipped), or undefined if none of them is. */
export function copyFragment(doc: CircuitDoc, ids: Iterable<string>): ClipboardPayload | undefined {
  const want = new Set(ids);
  const neurons = doc.neurons.filter((n) => want.has(n.id));
  if (neurons.length === 0) return undefined;
  const has = new Set(neurons.map((n) => n.id));
  return {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    neurons,
    synapses: (doc.synapses ?? []).filter((s) => has.has(s.from) && has.has(s.to)),
    sensors: (doc.sensors ?? []).filter((b) => has.has(b.neuron)),
    muscles: (doc.muscles ?? []).filter((b) => has.has(b.neuron)),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Read clipboard text: a clipboard payload or a circuit file. Only the shape
 * needed to rename and move is checked here; every field is validated with
 * the circuit after pasting.
 */
export function parseClipboard(text: string): { ok: true; payload: ClipboardPayload } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the clipboard does not hold neurons: copy some neurons, or a circuit file, first' };
  }
  if (!isObj(parsed) || (parsed.format !== CLIPBOARD_FORMAT && parsed.format !== CIRCUIT_FORMAT)) {
    return { ok: false, message: 'the clipboard does not hold neurons: copy some neurons, or a circuit file, first' };
  }
  let value: Record<string, unknown> = parsed;
  if (parsed.format === CIRCUIT_FORMAT) {
    // A circuit file of an older format version means what it meant then (version 1: the linear graded neuron).
    const migrated = migrate(parsed);
    if (!migrated.ok) return { ok: false, message: `the clipboard holds a circuit file that cannot be read: ${migrated.issues[0].message}` };
    value = migrated.doc;
  }
  if (value.format === CLIPBOARD_FORMAT && (typeof value.version !== 'number' || value.version > CLIPBOARD_VERSION)) {
    return {
      ok: false,
      message: `the clipboard holds neurons from a newer Neuroworm (clipboard version ${String(value.version)}); update Neuroworm to paste them`,
    };
  }
  const list = (k: string): unknown[] | undefined => (value[k] === undefined ? [] : Array.isArray(value[k]) ? (value[k] as unknown[]) : undefined);
  const neurons = list('neurons');
  const synapses = list('synapses');
  const sensors = list('sensors');
  const muscles = list('muscles');
  if (!neurons || !synapses || !sensors || !muscles)
    return { ok: false, message: 'the clipboard text is damaged: neurons, synapses, sensors and muscles must be lists' };
  if (neurons.length === 0) return { ok: false, message: 'the clipboard holds no neurons' };
  const idOk = (o: unknown, k: string) => isObj(o) && typeof o[k] === 'string';
  if (
    !neurons.every((n) => idOk(n, 'id')) ||
    !synapses.every((s) => idOk(s, 'from') && idOk(s, 'to')) ||
    ![...sensors, ...muscles].every((b) => idOk(b, 'neuron'))
  ) {
    return { ok: false, message: 'the clipboard text is damaged: a neuron without an id, a synapse without ends or a binding without a neuron' };
  }
  return {
    ok: true,
    payload: {
      format: CLIPBOARD_FORMAT,
      version: CLIPBOARD_VERSION,
      neurons: neurons as NeuronEntry[],
      synapses: synapses as SynapseSpec[],
      sensors: sensors as SensorBinding[],
      muscles: muscles as MuscleBinding[],
    },
  };
}

export interface PastePlacement {
  /** Move the copies by this much (graph units). */
  offset?: Point;
  /** Or: centre the copies' bounding box here (e.g. at the pointer). Wins over offset. */
  at?: Point;
}

/**
 * Insert a payload into a document: clashing ids renamed (copyId), positions
 * moved, references rewritten. Returns the new ids in payload order. Links to
 * neurons outside the payload are dropped (they cannot be followed safely).
 */
export function pasteFragment(doc: CircuitDoc, payload: ClipboardPayload, place: PastePlacement = {}): Op<string[]> {
  const taken = new Set(doc.neurons.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const n of payload.neurons) {
    if (rename.has(n.id)) return { ok: false, message: `the clipboard lists neuron "${n.id}" twice` };
    const id = copyId(n.id, taken);
    taken.add(id);
    rename.set(n.id, id);
  }
  const shift = placementShift(payload.neurons, place);
  const neurons = payload.neurons.map((n): NeuronEntry => {
    const p = n.position ?? { x: 0, y: 0 };
    return { ...n, id: rename.get(n.id) as string, position: { x: p.x + shift.x + 0, y: p.y + shift.y + 0 } };
  });
  const inside = (id: string) => rename.has(id);
  const synapses = payload.synapses
    .filter((s) => inside(s.from) && inside(s.to))
    .map((s): SynapseSpec => ({ ...s, from: rename.get(s.from) as string, to: rename.get(s.to) as string }));
  const sensors = payload.sensors.filter((b) => inside(b.neuron)).map((b): SensorBinding => ({ ...b, neuron: rename.get(b.neuron) as string }));
  const muscles = payload.muscles.filter((b) => inside(b.neuron)).map((b): MuscleBinding => ({ ...b, neuron: rename.get(b.neuron) as string }));
  const next: CircuitDoc = { ...doc, neurons: [...doc.neurons, ...neurons] };
  if (synapses.length > 0) next.synapses = [...(doc.synapses ?? []), ...synapses];
  if (sensors.length > 0) next.sensors = [...(doc.sensors ?? []), ...sensors];
  if (muscles.length > 0) next.muscles = [...(doc.muscles ?? []), ...muscles];
  return { ok: true, doc: next, value: neurons.map((n) => n.id) };
}

function placementShift(neurons: readonly NeuronEntry[], place: PastePlacement): Point {
  if (place.at) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of neurons) {
      const p = n.position ?? { x: 0, y: 0 };
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    return { x: place.at.x - (minX + maxX) / 2, y: place.at.y - (minY + maxY) / 2 };
  }
  return place.offset ?? { x: 0, y: 0 };
}
