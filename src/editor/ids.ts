/**
 * Names: synapse keys, fresh neuron ids, and ids for pasted copies.
 */
import type { SynapseSpec } from '../neural/types';
import type { SynapseKey } from './types';

/** The key of a synapse (see SynapseKey): gap junctions are the same either way round. */
export function synapseKey(s: Pick<SynapseSpec, 'kind' | 'from' | 'to'>): SynapseKey {
  if (s.kind === 'electrical') return s.to < s.from ? `e:${s.to}~${s.from}` : `e:${s.from}~${s.to}`;
  return `c:${s.from}>${s.to}`;
}

/** The kind and ends a key names, or undefined for a string that is not a synapse key. */
export function parseSynapseKey(key: string): { kind: SynapseSpec['kind']; from: string; to: string } | undefined {
  const m = /^(c):([^>~:]+)>([^>~:]+)$/.exec(key) ?? /^(e):([^>~:]+)~([^>~:]+)$/.exec(key);
  if (!m) return undefined;
  return { kind: m[1] === 'c' ? 'chemical' : 'electrical', from: m[2], to: m[3] };
}

/** "N" + one more than the largest N<number> in use: N1, N2, ... (numbers of deleted neurons are not reused while higher ones exist). */
export function nextNeuronId(taken: ReadonlySet<string>, prefix = 'N'): string {
  let max = 0;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)$`);
  for (const id of taken) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * An id for a copy of `id` that is not in `taken`: a trailing number counts up
 * keeping its width (DA01 → DA02, N7 → N8), otherwise `_2`, `_3`... is added
 * (AVAL → AVAL_2). Ids stay within the format's 64 characters.
 */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  const m = /^(.*?)(\d+)$/.exec(id);
  const [base, start, width] = m && m[1] !== '' ? [m[1], Number(m[2]) + 1, m[2].length] : [`${id}_`, 2, 1];
  for (let n = start; ; n++) {
    const digits = String(n).padStart(width, '0');
    const candidate = `${base.slice(0, 64 - digits.length)}${digits}`;
    if (!taken.has(candidate)) return candidate;
  }
}
