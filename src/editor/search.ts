/**
 * Find a neuron by name: ids and labels, case-insensitive, ranked exact match
 * first, then prefix, then substring; an id match before a label match of the
 * same rank; then shorter ids first, then natural order (AVAL before AVAR,
 * DA2 before DA10).
 */
import type { NeuronEntry } from '../circuits/types';
import { naturalCompare } from '../lib/natural-compare';

export type MatchKind = 'exact' | 'prefix' | 'substring';

export interface SearchHit {
  id: string;
  label?: string;
  match: MatchKind;
  /** Which field matched best. */
  field: 'id' | 'label';
}

const RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, substring: 2 };

function matchOf(text: string | undefined, q: string): MatchKind | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (t === q) return 'exact';
  if (t.startsWith(q)) return 'prefix';
  if (t.includes(q)) return 'substring';
  return undefined;
}

export function searchNeurons(neurons: readonly Pick<NeuronEntry, 'id' | 'label'>[], query: string, limit = 50): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const hits: Array<SearchHit & { score: number }> = [];
  for (const n of neurons) {
    const byId = matchOf(n.id, q);
    const byLabel = matchOf(n.label, q);
    const idScore = byId === undefined ? Infinity : RANK[byId] * 2;
    const labelScore = byLabel === undefined ? Infinity : RANK[byLabel] * 2 + 1;
    if (idScore === Infinity && labelScore === Infinity) continue;
    const useId = idScore <= labelScore;
    const hit: SearchHit & { score: number } = {
      id: n.id,
      match: (useId ? byId : byLabel) as MatchKind,
      field: useId ? 'id' : 'label',
      score: Math.min(idScore, labelScore),
    };
    if (n.label !== undefined) hit.label = n.label;
    hits.push(hit);
  }
  hits.sort((a, b) => a.score - b.score || a.id.length - b.id.length || naturalCompare(a.id, b.id));
  return hits.slice(0, limit).map(({ score: _score, ...hit }) => hit);
}
