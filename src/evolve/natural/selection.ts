/**
 * Natural selection, generation after generation: a population of circuits
 * (random values of the senses' wiring, genome-plan.ts) lives one generation
 * on a plate (generation.ts); fitness is food eaten; the best eaters breed
 * with mutation through the NEAT engine run as truncation selection (one
 * species: the best `survivors` fraction are the parents, the champion lives
 * on unchanged) and the rest die. Deterministic: every random choice of
 * generation g comes from (seed, g), so the same conditions give the same
 * generations bit for bit. Headless; the game's scene steps it and draws it.
 */
import type { CircuitDoc } from '../../circuits/types';
import { circuitOf } from '../adapters';
import { type EvolveProblem, genomeDoc } from '../engine';
import type { Genome } from '../genome';
import { Neat, type NeatInit } from '../neat';
import { mixSeed, rngFor } from '../seeds';
import { type NaturalConditions, naturalConditions } from './conditions';
import { Generation } from './generation';
import { naturalProblem, naturalSettings } from './genome-plan';
import { layoutPlate } from './plate';

export interface GenerationSummary {
  generation: number;
  /** Food units each worm ate, in population order. */
  eaten: number[];
  best: number;
  median: number;
  mean: number;
  /** Worms that died of harm (heat, toxin, predators) or whose circuit became unstable. */
  deaths: number;
  /** Index of the best eater (the first of equals). */
  champion: number;
}

export interface Champion {
  generation: number;
  eaten: number;
  genome: Genome;
}

/** Streams of a generation's generator: the plate (layout, then predators) and the worms' noise seeds. */
const STREAM = { plate: 2, worms: 3 };

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export class NaturalSelection {
  readonly conditions: NaturalConditions;
  readonly problem: EvolveProblem;
  readonly history: GenerationSummary[] = [];
  /** The best eater of all generations so far (the earliest of equals). */
  champion: Champion | null = null;
  private readonly neat: Neat;
  private genomes: Genome[] = [];
  private current_!: Generation;

  constructor(given: Partial<NaturalConditions> = {}, opts: { population?: readonly Genome[] } = {}) {
    this.conditions = naturalConditions(given);
    this.problem = naturalProblem(this.conditions);
    const ph = this.problem.context.phenotype;
    const init: NeatInit = {
      settings: naturalSettings(this.conditions),
      topology: ph.topology!,
      baseIds: ph.base.neurons.map((n) => n.id),
      genes: ph.genes.length,
      start: null,
      seed: this.conditions.seed,
    };
    if (opts.population) {
      if (opts.population.length !== this.conditions.population)
        throw new RangeError(
          `NaturalSelection: a starting population of ${opts.population.length} genomes for population = ${this.conditions.population}; fix: give one genome per worm`,
        );
      const fresh = Neat.create(init).state();
      this.neat = Neat.restore(init, { ...fresh, population: structuredClone([...opts.population]) });
    } else this.neat = Neat.create(init);
    this.begin();
  }

  /** Number of the generation now living (0 = the first). */
  get generation(): number {
    return this.neat.generation;
  }
  get current(): Generation {
    return this.current_;
  }
  /** The genomes of the generation now living, in worm order. */
  get population(): readonly Genome[] {
    return this.genomes;
  }

  /** One fixed step of the living generation; at its end, selection, and the next generation begins. Returns the summary when one ended. */
  step(): GenerationSummary | null {
    this.current_.step();
    return this.current_.done ? this.end() : null;
  }

  /** Live the rest of this generation; select; begin the next. */
  runGeneration(): GenerationSummary {
    this.current_.run();
    return this.end();
  }

  /** The circuit document of a genome (the champion's opens in the editor). */
  doc(genome: Genome, name?: string): CircuitDoc {
    const d = genomeDoc(this.problem, genome);
    if (name) d.name = name;
    return d;
  }

  championDoc(): CircuitDoc | null {
    const c = this.champion;
    if (!c) return null;
    const d = this.doc(c.genome, `Natural selection champion (generation ${c.generation + 1}, ate ${c.eaten.toFixed(2)} food)`);
    d.description = `The whole worm with the senses' wiring found by natural selection (seed ${this.conditions.seed}): the best eater of ${this.history.length} generations.`;
    return d;
  }

  private begin(): void {
    const g = this.neat.generation;
    const c = this.conditions;
    this.genomes = this.neat.ask();
    const rng = rngFor(c.seed, g, STREAM.plate);
    const layout = layoutPlate(c, rng);
    const circuits = this.genomes.map((genome, i) => circuitOf(this.doc(genome), `worm ${i + 1} of generation ${g + 1}`));
    const seeds = this.genomes.map((_, i) => mixSeed(c.seed, g, STREAM.worms, i));
    this.current_ = new Generation(c, layout, circuits, seeds, rng);
  }

  private end(): GenerationSummary {
    const worms = this.current_.worms;
    const eaten = worms.map((w) => w.eaten);
    let champion = 0;
    for (let i = 1; i < eaten.length; i++) if (eaten[i] > eaten[champion]) champion = i;
    const summary: GenerationSummary = {
      generation: this.neat.generation,
      eaten,
      best: eaten[champion],
      median: median(eaten),
      mean: eaten.reduce((a, b) => a + b, 0) / eaten.length,
      deaths: worms.filter((w) => !w.alive).length,
      champion,
    };
    if (!this.champion || summary.best > this.champion.eaten)
      this.champion = { generation: summary.generation, eaten: summary.best, genome: structuredClone(this.genomes[champion]) };
    this.history.push(summary);
    this.neat.tell(eaten);
    this.begin();
    return summary;
  }
}
