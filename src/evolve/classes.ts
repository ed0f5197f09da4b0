/**
 * Which neurons share a free value. Fitting by class keeps a fitted circuit a
 * model of the worm (left/right and dorsal/ventral partners of a class are
 * alike), and it divides the number of free values by the size of the class.
 * Classes are the connectome's (src/circuits/connectome/neuron-classes.ts);
 * a neuron is in a class when its id is the class name, or the class name
 * plus one of the suffixes that convention uses (L, R, D, V, DL, DR, VL, VR,
 * or a number along the body), the same rule scenarios use for references.
 */
import { NEURON_CLASSES } from '../circuits/connectome/neuron-classes';

/** neuron: each neuron its own value; pair: the left/right and dorsal/ventral cells of a class share (AVAL, AVAR; RMDD, RMDV), numbered cells not; class: every cell of a class; all: everything selected. */
export type Share = 'neuron' | 'pair' | 'class' | 'all';
export const SHARES: readonly Share[] = ['neuron', 'pair', 'class', 'all'];

const CLASS_NAMES: ReadonlySet<string> = new Set(NEURON_CLASSES.map((c) => c.name));
// Longest first, so RMDDL is RMD + DL rather than a class "RMDD" + L.
const SIDE_SUFFIXES = ['DL', 'DR', 'VL', 'VR', 'L', 'R', 'D', 'V'];

/** A neuron's class and the suffix that placed it there; unknown names are their own class. */
function split(id: string): { cls: string; side: boolean; numbered: boolean } {
  if (CLASS_NAMES.has(id)) return { cls: id, side: false, numbered: false };
  const digits = /^(.*?)(\d+)$/.exec(id);
  if (digits && CLASS_NAMES.has(digits[1])) return { cls: digits[1], side: false, numbered: true };
  for (const s of SIDE_SUFFIXES)
    if (id.length > s.length && id.endsWith(s) && CLASS_NAMES.has(id.slice(0, -s.length))) return { cls: id.slice(0, -s.length), side: true, numbered: false };
  return { cls: id, side: false, numbered: false };
}

/** The connectome class of a neuron id (AVAL → AVA, DB3 → DB, RMDDL → RMD); an unknown name is its own class. */
export function classOf(id: string): string {
  return split(id).cls;
}

/** The key of the group a neuron's value is shared in. */
export function shareKey(id: string, share: Share): string {
  if (share === 'neuron') return id;
  if (share === 'all') return '*';
  const s = split(id);
  if (share === 'class') return s.cls;
  return s.numbered ? id : s.cls;
}

/** Groups of ids by share key, in the order their first member appears. */
export function groupBy(ids: readonly string[], share: Share): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const k = shareKey(id, share);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(id);
  }
  return groups;
}
