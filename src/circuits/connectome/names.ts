/**
 * What a name in a wiring table stands for: a neuron (known or not), a
 * body-wall muscle, or another cell the 2-D body does not have.
 *
 * Convention: ventral-cord motor neurons are written with two digits (DA1,
 * da1 and DA01 are all DA01); every other known neuron is matched without
 * regard to case (aval is AVAL). Muscles are written MDL05 (White/Varshney)
 * or dBWML5 (Cook 2019): dorsal/ventral, left/right, number 1..24.
 */
import { editDistance } from '../../text/nearest';
import { ID_PATTERN } from '../schema';
import { KNOWN_NEURONS, NUMBERED_CLASSES, type KnownNeuron } from './neuron-classes';

export type Quadrant = 'DL' | 'DR' | 'VL' | 'VR';

export type Cell =
  /** A neuron: `known` when it is one of the 302; else a name the table uses that matches none. */
  | { kind: 'neuron'; id: string; known?: KnownNeuron }
  /** A body-wall muscle. */
  | { kind: 'muscle'; quadrant: Quadrant; number: number; name: string }
  /** A cell that is neither a neuron nor a body-wall muscle (pharynx, vulva, intestine...), or an unnamed NMJ. */
  | { kind: 'other'; name: string; what: string }
  /** A name that cannot be a circuit id. */
  | { kind: 'invalid'; name: string; why: string };

const MUSCLE_WHITE = /^M([DV])([LR])(\d{1,2})$/i;
const MUSCLE_COOK = /^([DV])BWM([LR])(\d{1,2})$/i;
const NUMBERED = /^([A-Z]{2})0*(\d{1,2})$/i;

/** Cells of other tissues that wiring tables (Cook 2019 especially) list, with what they are. */
const OTHER_CELLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(MANAL|anal)$/i, 'the anal depressor muscle'],
  [/^MVULVA$/i, 'the vulval muscles'],
  [/^[uv]m\d[ap]?[LR]?$/i, 'a uterine or vulval muscle'],
  [/^pm\d[dvlr]*$/i, 'a pharyngeal muscle'],
  [/^mc\d[dvlr]*$/i, 'a pharyngeal marginal cell'],
  [/^(hyp|hypodermis)$/i, 'the hypodermis'],
  [/^(int[LR]?|intestine)$/i, 'the intestine'],
  [/^sph$/i, 'the spermathecal-uterine valve'],
  [/^(exc_?cell|exc|excgl)$/i, 'the excretory cell'],
  [/^(CEPsh|GLR)\w*$/i, 'a glial cell'],
  [/^NMJ$/i, 'a neuromuscular junction with no muscle named'],
];

/** Body-wall muscles per quadrant row; the real worm has 23 in the ventral-left row, the tables number up to 24. */
export const MUSCLES_PER_ROW = 24;

/** What a table's name stands for. The name is trimmed first. */
export function classifyName(raw: string): Cell {
  const name = raw.trim();
  const muscle = MUSCLE_WHITE.exec(name) ?? MUSCLE_COOK.exec(name);
  if (muscle) {
    const number = Number(muscle[3]);
    if (number < 1 || number > MUSCLES_PER_ROW) {
      return { kind: 'invalid', name, why: `body-wall muscles are numbered 1 to ${MUSCLES_PER_ROW} in each row (e.g. MDL05 or dBWML5)` };
    }
    return { kind: 'muscle', quadrant: `${muscle[1].toUpperCase()}${muscle[2].toUpperCase()}` as Quadrant, number, name };
  }
  const upper = name.toUpperCase();
  const numbered = NUMBERED.exec(upper);
  const canonical = numbered && NUMBERED_CLASSES.has(numbered[1]) ? `${numbered[1]}${numbered[2].padStart(2, '0')}` : upper;
  const known = KNOWN_NEURONS.get(canonical);
  if (known) return { kind: 'neuron', id: known.id, known };
  for (const [pattern, what] of OTHER_CELLS) if (pattern.test(name)) return { kind: 'other', name, what };
  if (name === '') return { kind: 'invalid', name, why: 'the name is empty' };
  if (!ID_PATTERN.test(name)) {
    return {
      kind: 'invalid',
      name,
      why: 'a neuron name is 1 to 64 letters, digits, "_", "." or "-" (no spaces), not starting with "." or "-"',
    };
  }
  return { kind: 'neuron', id: name };
}

/** Known neuron ids close to `name` (for "did you mean" in warnings). */
export function similarKnown(name: string): string | undefined {
  const upper = name.toUpperCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const id of KNOWN_NEURONS.keys()) {
    if (Math.abs(id.length - upper.length) > 1) continue;
    const d = editDistance(upper, id);
    if (d < bestD) {
      bestD = d;
      best = id;
    }
  }
  return bestD <= 1 ? best : undefined;
}
