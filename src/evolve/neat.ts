/**
 * A genetic algorithm with speciation for circuits whose wiring evolves, after
 * NEAT (Stanley & Miikkulainen 2002, Evolutionary Computation 10(2)):
 *
 * - historical markings: a structural link (kind, from group, to group) gets
 *   an innovation number the first time it appears and keeps it, so genomes
 *   line up gene by gene for crossover and distance;
 * - compatibility distance δ = c1·E/N + c2·D/N + c3·W̄ (excess and disjoint
 *   links and pool neurons, mean value difference of matching genes; N = 1
 *   below 20 genes, as in the paper);
 * - species: a genome joins the first species whose representative is within
 *   δ_t, else founds one (δ_t moves 10 % a generation toward a target number
 *   of species, if one is set); explicit fitness sharing divides fitness by the
 *   species' size, and each species gets offspring in proportion to its
 *   shared fitness; species that have not improved for `stagnation`
 *   generations stop reproducing (except the best);
 * - elitism: the champion of every species of `eliteFrom` or more members,
 *   and the generation's best genome wherever it is, pass on unchanged;
 * - complexification from a minimal start: mutations add and remove links
 *   (within the spec's scope) and pool interneurons (splitting a link, as
 *   NEAT's add-node does), and perturb the values.
 *
 * Deterministic: generation g's choices come from Rng(seed, g, 1); the whole
 * state is plain JSON for checkpoints.
 */
import type { Rng } from '../neural/rng';
import type { Genome, LinkGene } from './genome';
import type { Topology } from './phenotype';
import { reflect } from './genes';
import { rngFor } from './seeds';
import type { NeatSettings } from './spec';

export interface SpeciesState {
  id: number;
  representative: Genome;
  /** Best fitness the species has reached, and generations since it last improved. */
  best: number;
  stale: number;
}

export interface NeatState {
  seed: number;
  generation: number;
  population: Genome[];
  species: SpeciesState[];
  nextSpecies: number;
  /** Innovation numbers by structural key. */
  innovations: Array<[string, number]>;
  /** Species of each member of the last told population (for logs and the editor). */
  memberSpecies: number[];
  /** The compatibility threshold now (it moves toward the target species count when one is set). */
  threshold: number;
}

export interface NeatInit {
  settings: NeatSettings;
  topology: Topology;
  /** Neuron ids of the base circuit (to know which link ends exist). */
  baseIds: readonly string[];
  /** Number of value genes. */
  genes: number;
  /** Where value genes start: a point (every genome near it) or null for uniform random. */
  start: readonly number[] | null;
  seed: number;
}

const linkId = (l: Pick<LinkGene, 'kind' | 'from' | 'to'>) => `${l.kind}:${l.from}>${l.to}`;

export class Neat {
  private readonly innov: Map<string, number>;
  private readonly groupsOfBase: ReadonlySet<string>;
  /** The group of each pool neuron. */
  private readonly poolGroup: ReadonlyMap<string, string>;

  private constructor(
    private readonly init: NeatInit,
    private readonly s: NeatState,
  ) {
    this.innov = new Map(s.innovations);
    const base = new Set(init.baseIds);
    const groups = Object.entries(init.topology.members);
    this.groupsOfBase = new Set(groups.filter(([, cells]) => cells.some((id) => base.has(id))).map(([k]) => k));
    this.poolGroup = new Map(groups.flatMap(([k, cells]) => cells.filter((id) => !base.has(id)).map((id) => [id, k] as const)));
  }

  static create(init: NeatInit): Neat {
    if (init.settings.population < 2) throw new Error('NEAT needs a population of at least 2');
    const state: NeatState = {
      seed: init.seed >>> 0,
      generation: 0,
      population: [],
      species: [],
      nextSpecies: 1,
      innovations: [],
      memberSpecies: [],
      threshold: init.settings.threshold,
    };
    const neat = new Neat(init, state);
    const rng = rngFor(state.seed, 0, 1);
    for (let i = 0; i < init.settings.population; i++) {
      const x = init.start
        ? init.start.map((v) => (i === 0 ? v : v + init.settings.sigma * rng.normal()))
        : Array.from({ length: init.genes }, () => rng.next());
      const g: Genome = { x, links: [], neurons: [] };
      // A minimal start, as NEAT's: one random link each, then complexify.
      neat.addLink(g, rng);
      state.population.push(g);
    }
    neat.s.innovations = [...neat.innov];
    return neat;
  }

  static restore(init: NeatInit, state: NeatState): Neat {
    return new Neat(init, structuredClone(state));
  }

  state(): NeatState {
    return structuredClone({ ...this.s, innovations: [...this.innov] });
  }

  get generation(): number {
    return this.s.generation;
  }
  get speciesCount(): number {
    return this.s.species.length;
  }

  /** This generation's genomes. */
  ask(): Genome[] {
    return structuredClone(this.s.population);
  }

  /** Fitness of each genome of `ask()` (higher is better): speciate, share, and breed the next generation. */
  tell(fitness: readonly number[]): void {
    const st = this.s;
    const cfg = this.init.settings;
    const pop = st.population;
    if (fitness.length !== pop.length) throw new Error(`NEAT: tell needs ${pop.length} fitness values, got ${fitness.length}`);
    const f = fitness.map((v) => (Number.isFinite(v) ? v : -Infinity));
    const rng = rngFor(st.seed, st.generation, 1);

    // Speciate against last generation's representatives.
    const members = new Map<number, number[]>();
    const species = st.species.map((sp) => ({ ...sp }));
    st.memberSpecies = pop.map((g, i) => {
      let sp = species.find((s) => this.distance(g, s.representative) < st.threshold);
      if (!sp) species.push((sp = { id: st.nextSpecies++, representative: g, best: -Infinity, stale: 0 }));
      let m = members.get(sp.id);
      if (!m) members.set(sp.id, (m = []));
      m.push(i);
      return sp.id;
    });
    const alive = species.filter((sp) => members.has(sp.id));
    // Steer the threshold toward the wanted number of species (a common NEAT practice; Stanley's FAQ).
    if (cfg.species > 0 && alive.length !== cfg.species) st.threshold = Math.max(0.05, st.threshold * (alive.length > cfg.species ? 1.1 : 1 / 1.1));
    const rank = (a: number, b: number) => f[b] - f[a] || a - b;
    for (const sp of alive) {
      const top = Math.max(...members.get(sp.id)!.map((i) => f[i]));
      if (top > sp.best + 1e-12) {
        sp.best = top;
        sp.stale = 0;
      } else sp.stale++;
    }
    // Explicit fitness sharing on fitness shifted to be positive.
    const finite = f.filter(Number.isFinite);
    const floor = (finite.length ? Math.min(...finite) : 0) - 1e-6;
    const bestSpecies = alive.reduce((a, b) => (a.best >= b.best ? a : b));
    const shares = alive.map((sp) => {
      if (sp.stale >= cfg.stagnation && sp !== bestSpecies) return 0;
      const m = members.get(sp.id)!;
      return m.reduce((a, i) => a + (Number.isFinite(f[i]) ? f[i] - floor : 0), 0) / m.length;
    });
    const counts = apportion(shares, cfg.population);
    // The generation's champion always survives unchanged, even when its species is small or was given no offspring.
    let champion = 0;
    for (let i = 1; i < f.length; i++) if (f[i] > f[champion]) champion = i;
    const home = alive.findIndex((sp) => members.get(sp.id)!.includes(champion));
    if (counts[home] === 0) {
      counts[counts.indexOf(Math.max(...counts))]--;
      counts[home] = 1;
    }

    const next: Genome[] = [];
    alive.forEach((sp, k) => {
      const m = [...members.get(sp.id)!].sort(rank);
      const n = counts[k];
      if (n === 0) return;
      let made = 0;
      if (m.length >= cfg.eliteFrom || k === home) {
        next.push(structuredClone(pop[m[0]]));
        made++;
      }
      const parents = m.slice(0, Math.max(1, Math.ceil(cfg.survival * m.length)));
      for (; made < n; made++) {
        const a = parents[rng.int(parents.length)];
        let child: Genome;
        if (parents.length >= 2 && rng.next() < cfg.crossover) {
          let b = parents[rng.int(parents.length)];
          if (b === a) b = parents[(parents.indexOf(a) + 1) % parents.length];
          const [fit, other] = rank(a, b) <= 0 ? [a, b] : [b, a];
          child = this.crossover(pop[fit], pop[other], rng);
        } else child = structuredClone(pop[a]);
        this.mutate(child, rng);
        next.push(child);
      }
    });
    st.species = alive.map((sp) => ({ ...sp, representative: structuredClone(pop[[...members.get(sp.id)!].sort(rank)[0]]) }));
    st.population = next;
    st.generation++;
    st.innovations = [...this.innov];
  }

  /** δ = c1·E/N + c2·D/N + c3·W̄. */
  distance(a: Genome, b: Genome): number {
    const cfg = this.init.settings;
    const la = a.links;
    const lb = b.links;
    const maxA = la.length ? la[la.length - 1].innovation : 0;
    const maxB = lb.length ? lb[lb.length - 1].innovation : 0;
    let excess = 0;
    let disjoint = 0;
    let diff = 0;
    let matching = 0;
    let i = 0;
    let j = 0;
    while (i < la.length || j < lb.length) {
      const x = la[i]?.innovation ?? Infinity;
      const y = lb[j]?.innovation ?? Infinity;
      if (x === y) {
        diff += Math.abs(reflect(la[i].w) - reflect(lb[j].w)) + (this.init.topology.signFree ? Math.abs(reflect(la[i].s) - reflect(lb[j].s)) : 0);
        matching++;
        i++;
        j++;
      } else if (x < y) {
        if (x > maxB) excess++;
        else disjoint++;
        i++;
      } else {
        if (y > maxA) excess++;
        else disjoint++;
        j++;
      }
    }
    const na = new Set(a.neurons);
    const nb = new Set(b.neurons);
    for (const id of na) if (!nb.has(id)) disjoint++;
    for (const id of nb) if (!na.has(id)) disjoint++;
    for (let k = 0; k < a.x.length; k++) diff += Math.abs(reflect(a.x[k]) - reflect(b.x[k]));
    const size = Math.max(la.length + a.neurons.length, lb.length + b.neurons.length);
    const n = size < 20 ? 1 : size;
    const wbar = matching + a.x.length > 0 ? diff / (matching + a.x.length) : 0;
    return (cfg.c1 * excess) / n + (cfg.c2 * disjoint) / n + cfg.c3 * wbar;
  }

  private innovation(l: Pick<LinkGene, 'kind' | 'from' | 'to'>): number {
    const k = linkId(l);
    let v = this.innov.get(k);
    if (v === undefined) this.innov.set(k, (v = this.innov.size + 1));
    return v;
  }

  /** Matching genes from either parent at random; disjoint and excess ones, and the pool neurons, from the fitter. */
  private crossover(fit: Genome, other: Genome, rng: Rng): Genome {
    const byInnov = new Map(other.links.map((l) => [l.innovation, l]));
    return {
      x: fit.x.map((v, k) => (rng.next() < 0.5 ? v : other.x[k])),
      links: fit.links.map((l) => {
        const o = byInnov.get(l.innovation);
        return { ...(o && rng.next() < 0.5 ? o : l) };
      }),
      neurons: [...fit.neurons],
    };
  }

  private mutate(g: Genome, rng: Rng): void {
    const cfg = this.init.settings;
    for (let k = 0; k < g.x.length; k++) {
      if (rng.next() < cfg.perturb) g.x[k] += cfg.sigma * rng.normal();
      else if (rng.next() < 0.02) g.x[k] = rng.next();
    }
    for (const l of g.links) {
      if (rng.next() < cfg.perturb) l.w += cfg.sigma * rng.normal();
      if (this.init.topology.signFree && rng.next() < 0.05) l.s = 1 - reflect(l.s);
    }
    if (rng.next() < cfg.addLink) this.addLink(g, rng);
    if (g.links.length > 0 && rng.next() < cfg.removeLink) g.links.splice(rng.int(g.links.length), 1);
    if (rng.next() < cfg.addNeuron) this.addNeuron(g, rng);
    if (g.neurons.length > 0 && rng.next() < cfg.removeNeuron) this.removeNeuron(g, rng);
  }

  private groupsOf(g: Genome): Set<string> {
    const s = new Set(this.groupsOfBase);
    for (const id of g.neurons) {
      const k = this.poolGroup.get(id);
      if (k !== undefined) s.add(k);
    }
    return s;
  }

  /** A link from the scope that the genome lacks and whose ends exist. */
  private addLink(g: Genome, rng: Rng): void {
    const groups = this.groupsOf(g);
    const have = new Set(g.links.map(linkId));
    const open = this.init.topology.candidates.filter((c) => groups.has(c.from) && groups.has(c.to) && !have.has(linkId(c)));
    if (open.length === 0) return;
    const c = open[rng.int(open.length)];
    insertLink(g, { innovation: this.innovation(c), ...c, w: rng.next(), s: rng.next() });
  }

  /** NEAT's add-node: a pool neuron P splits a link A→B into A→P (mid weight) and P→B (the old weight and sign). */
  private addNeuron(g: Genome, rng: Rng): void {
    const absent = this.init.topology.pool.filter((n) => !g.neurons.includes(n.id));
    if (absent.length === 0 || g.links.length === 0) return;
    const p = absent[rng.int(absent.length)];
    const k = rng.int(g.links.length);
    const old = g.links[k];
    const mid = this.poolGroup.get(p.id);
    if (mid === undefined) return;
    g.links.splice(k, 1);
    const have = new Set(g.links.map(linkId));
    for (const l of [
      { kind: old.kind, from: old.from, to: mid, w: 0.5, s: 0.75 },
      { kind: old.kind, from: mid, to: old.to, w: old.w, s: old.s },
    ])
      if (!have.has(linkId(l))) insertLink(g, { innovation: this.innovation(l), ...l });
    g.neurons = this.init.topology.pool.map((n) => n.id).filter((id) => id === p.id || g.neurons.includes(id));
  }

  /** Remove a pool neuron and the links of its group when no other cell is left in it. */
  private removeNeuron(g: Genome, rng: Rng): void {
    const id = g.neurons[rng.int(g.neurons.length)];
    g.neurons = g.neurons.filter((n) => n !== id);
    const groups = this.groupsOf(g);
    g.links = g.links.filter((l) => groups.has(l.from) && groups.has(l.to));
  }
}

function insertLink(g: Genome, l: LinkGene): void {
  let i = g.links.length;
  while (i > 0 && g.links[i - 1].innovation > l.innovation) i--;
  g.links.splice(i, 0, l);
}

/** Whole numbers proportional to `shares` summing to `total` (largest remainder; ties to the earlier). Equal split if all shares are 0. */
export function apportion(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? shares : shares.map(() => 1);
  const ws = sum > 0 ? sum : shares.length;
  const exact = w.map((v) => (v / ws) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}
