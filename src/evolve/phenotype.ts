/**
 * From a genome to the circuit document it stands for: the gene values
 * written into a copy of the base document, then the pool neurons and the
 * topology links added. A link between two groups becomes one synapse per
 * member pair (chemical: every ordered pair; electrical: every unordered pair
 * of distinct cells; the cells are those the spec's link scopes name), all
 * with the link's weight and sign; a link onto a
 * synapse the base circuit already has sets that synapse instead.
 */
import type { CircuitDoc, NeuronEntry } from '../circuits/types';
import type { SynapseSpec } from '../neural/types';
import type { Share } from './classes';
import { applyGenes, decodeGenes, decodeValue, type Gene, reflect } from './genes';
import type { Genome, LinkGene } from './genome';
import type { Scale, SynapseKind } from './spec';

export interface LinkCandidate {
  kind: SynapseKind;
  from: string;
  to: string;
}

/** The spec's topology section resolved against the base circuit. */
export interface Topology {
  share: Share;
  weight: { lo: number; hi: number; scale: Scale };
  signFree: boolean;
  /** Links mutation may add (group keys), in a fixed order. */
  candidates: LinkCandidate[];
  /** Neurons mutation may add, in pool order. */
  pool: NeuronEntry[];
  /** The cells each group stands for: those the link scopes name (and the pool's), grouped by share. A link joins these cells only. */
  members: Record<string, string[]>;
}

export interface Phenotype {
  base: CircuitDoc;
  genes: Gene[];
  topology?: Topology;
}

export function linkWeight(t: Topology, link: Pick<LinkGene, 'w'>): number {
  return decodeValue(link.w, t.weight.lo, t.weight.hi, t.weight.scale);
}

export function linkSign(t: Topology, link: Pick<LinkGene, 's' | 'kind'>): 'excitatory' | 'inhibitory' | undefined {
  if (!t.signFree || link.kind !== 'chemical') return undefined;
  return reflect(link.s) < 0.5 ? 'inhibitory' : 'excitatory';
}

/** The circuit document a genome stands for (not yet validated: pass it to circuitOf). */
export function phenotype(p: Phenotype, genome: Genome): CircuitDoc {
  const doc = applyGenes(p.base, p.genes, decodeGenes(p.genes, genome.x));
  const t = p.topology;
  if (!t) return doc;
  const present = new Set(genome.neurons);
  t.pool.forEach((n, k) => {
    if (present.has(n.id)) doc.neurons.push({ ...structuredClone(n), position: n.position ?? { x: 80 * k, y: -120 } });
  });
  const ids = new Set(doc.neurons.map((n) => n.id));
  const groups = new Map(Object.entries(t.members).map(([k, cells]) => [k, cells.filter((id) => ids.has(id))]));
  const synapses: SynapseSpec[] = doc.synapses ?? [];
  const at = new Map<string, number>();
  const key = (kind: SynapseKind, a: string, b: string) => (kind === 'electrical' && b < a ? `${kind}:${b}:${a}` : `${kind}:${a}:${b}`);
  synapses.forEach((s, i) => at.set(key(s.kind, s.from, s.to), i));
  for (const link of genome.links) {
    const from = groups.get(link.from);
    const to = groups.get(link.to);
    if (!from?.length || !to?.length) continue;
    const weight = linkWeight(t, link);
    const sign = linkSign(t, link);
    for (const a of from)
      for (const b of to) {
        if (link.kind === 'electrical' && a === b) continue;
        const k = key(link.kind, a, b);
        const old = at.get(k);
        if (old !== undefined) {
          const s = synapses[old];
          s.weight = weight;
          if (s.kind === 'chemical' && sign !== undefined) s.sign = sign;
          continue;
        }
        at.set(k, synapses.length);
        synapses.push(
          link.kind === 'chemical' ? { from: a, to: b, kind: 'chemical', weight, ...(sign && { sign }) } : { from: a, to: b, kind: 'electrical', weight },
        );
      }
  }
  doc.synapses = synapses;
  return doc;
}
