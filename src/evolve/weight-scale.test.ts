/**
 * The per-pathway weight scale gene (`weightScale`): a multiplier on the
 * weights a circuit already has, so a class-to-class pathway can be made
 * stronger or weaker while its synapses keep the wiring's relative strengths.
 * Checked on the imported connectome (both synapse kinds, classes of many cells).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importConnectome } from '../circuits/connectome/import';
import { publishedTable, WORM_TABLES } from '../circuits/connectome/published-tables';
import type { Circuit } from '../circuits/types';
import { MODELS } from '../neural/models';
import { classOf } from './classes';
import { applyGenes, decodeGenes, encodeValue, GeneProblems, resolveGenes } from './genes';
import type { FreeEntry } from './spec';
import { evolveSpecSchema } from './spec-schema';

let worm: Circuit;
beforeAll(() => {
  worm = importConnectome(WORM_TABLES.map(publishedTable)).circuit;
});

const scaleEntry = (e: Partial<Extract<FreeEntry, { what: 'weightScale' }>>): FreeEntry => ({
  what: 'weightScale',
  from: ['*'],
  to: ['*'],
  range: [0.1, 10],
  scale: 'log',
  share: 'class',
  ...e,
});

/** Indices of the synapses a pathway selects, found from the classes alone (not through resolveGenes). */
function pathway(c: Circuit, kind: 'chemical' | 'electrical' | undefined, from: string[], to: string[]): number[] {
  const f = new Set(from);
  const t = new Set(to);
  const out: number[] = [];
  (c.doc.synapses ?? []).forEach((s, k) => {
    if (kind !== undefined && s.kind !== kind) return;
    const a = classOf(s.from);
    const b = classOf(s.to);
    if ((f.has(a) && t.has(b)) || (s.kind === 'electrical' && f.has(b) && t.has(a))) out.push(k);
  });
  return out;
}

describe('weightScale genes', () => {
  it('read as a spec entry, and start at 1 (the circuit as it is)', () => {
    const spec = evolveSpecSchema.parse({
      format: 'neuroworm-evolve',
      version: 1,
      name: 'scale',
      circuit: './c.json',
      free: [{ weightScale: 'electrical', from: 'AVB', to: ['DB', 'VB'], range: [0.25, 4], scale: 'log', share: 'class' }],
      fitness: { scenarios: ['a.scenario.yaml'], seeds: [1] },
      optimiser: 'cmaes',
      budget: { generations: 1 },
    });
    expect(spec.free[0]).toMatchObject({ what: 'weightScale', kind: 'electrical', from: ['AVB'], to: ['DB', 'VB'] });
    const genes = resolveGenes(worm, spec.free, MODELS);
    expect(genes.map((g) => g.label)).toEqual(['electrical scale AVB—DB', 'electrical scale AVB—VB']);
    for (const g of genes) expect(g.current).toBe(encodeValue(1, 0.25, 4, 'log'));
    expect(genes[0].targets).toHaveLength(pathway(worm, 'electrical', ['AVB'], ['DB']).length);
  });

  it('multiplies the selected weights after a weight gene on the same synapses, and two scales multiply', () => {
    const entries = [
      { what: 'weight', kind: 'chemical', from: ['AVA'], to: ['DA'], range: [0.1, 2], scale: 'log', share: 'class' } as FreeEntry,
      scaleEntry({ kind: 'chemical', from: ['AVA'], to: ['DA'] }),
      scaleEntry({ kind: 'chemical', from: ['AVA'], to: ['DA', 'VA'], share: 'all' }),
    ];
    const genes = resolveGenes(worm, entries, MODELS);
    const doc = applyGenes(worm.doc, genes, [0.5, 3, 2]);
    for (const k of pathway(worm, 'chemical', ['AVA'], ['DA'])) expect(doc.synapses![k].weight).toBe(0.5 * 3 * 2);
    for (const k of pathway(worm, 'chemical', ['AVA'], ['VA'])) expect(doc.synapses![k].weight).toBe(worm.doc.synapses![k].weight * 2);
  });

  it('refuses a negative range, a selection with no synapse of that kind, an unknown class, and a scale past the format', () => {
    let err: unknown;
    try {
      resolveGenes(
        worm,
        [
          scaleEntry({ kind: 'chemical', from: ['AVA'], to: ['DA'], range: [-1, 2], scale: 'linear' }),
          scaleEntry({ kind: 'electrical', from: ['ALM'], to: ['DB'] }),
          scaleEntry({ kind: 'chemical', from: ['AVX'], to: ['DA'] }),
          scaleEntry({ kind: 'chemical', from: ['AVA'], to: ['DA'], range: [1, 1e6] }),
        ],
        MODELS,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GeneProblems);
    const problems = (err as GeneProblems).problems;
    expect(problems.map((p) => p.path.join('.'))).toEqual(['free.0.range', 'free.1', 'free.2.from', 'free.3.range']);
    expect(problems[0].fix).toMatch(/≥ 0/);
    expect(problems[1].fix).toMatch(/no electrical synapse of the circuit goes from \[ALM\] to \[DB\]/);
    expect(problems[2].message).toMatch(/no neuron or class "AVX"/);
    expect(problems[3].message).toMatch(/above the format's 1000/);
    expect(problems[3].fix).toMatch(/high bound ≤ \d/);
  });

  // Seeded, so a failure is the same failure on every machine.
  it('property: scale 1 changes no bit; scale k multiplies exactly the pathway’s synapses, by k', () => {
    const classes = [...new Set(worm.doc.neurons.map((n) => classOf(n.id)))].sort();
    const base = JSON.stringify(worm.doc);
    fc.assert(
      fc.property(
        // One synapse of the wiring names a class at each end, so the pathway is never empty; more classes join at random.
        fc.nat({ max: worm.doc.synapses!.length - 1 }),
        fc.uniqueArray(fc.constantFrom(...classes), { maxLength: 3 }),
        fc.uniqueArray(fc.constantFrom(...classes), { maxLength: 3 }),
        fc.boolean(),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        (pick, moreFrom, moreTo, anyKind, k) => {
          const s0 = worm.doc.synapses![pick];
          const kind = anyKind ? undefined : s0.kind;
          const from = [...new Set([classOf(s0.from), ...moreFrom])];
          const to = [...new Set([classOf(s0.to), ...moreTo])];
          const want = pathway(worm, kind, from, to);
          const genes = resolveGenes(worm, [scaleEntry({ ...(kind && { kind }), from, to, range: [0.01, 4], share: 'all' })], MODELS);
          // share all: one gene per synapse kind the pathway holds.
          expect(genes).toHaveLength(new Set(want.map((i) => worm.doc.synapses![i].kind)).size);
          const one = applyGenes(
            worm.doc,
            genes,
            decodeGenes(
              genes,
              genes.map((g) => g.current),
            ),
          );
          expect(JSON.stringify(one)).toBe(base);
          const doc = applyGenes(
            worm.doc,
            genes,
            genes.map(() => k),
          );
          const chosen = new Set(want);
          doc.synapses!.forEach((s, i) => {
            const w = worm.doc.synapses![i].weight;
            expect(s.weight).toBe(chosen.has(i) ? w * k : w);
          });
          expect(JSON.stringify(worm.doc)).toBe(base);
        },
      ),
      { seed: 18, numRuns: 60 },
    );
  });
});
