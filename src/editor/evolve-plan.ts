/**
 * The Evolve panel's headless half: from the editor's selection, the chosen
 * goal, optimiser and budget to the evolution spec `neuroworm evolve` reads
 * (src/evolve/spec.ts) and the engine's problem, or the reasons it cannot
 * run. The spec is plain data, so the same spec in a file gives the same run
 * on the command line (evolve-plan.test.ts checks that).
 *
 * What may change: the weights of the selected synapses and of every synapse
 * into or out of a selected neuron — one value each ("selection"), or one
 * value per pair of connectome classes ("class": all AVB → DB weights move
 * together, as the engine's `share: class` groups them). NEAT may also add
 * and remove chemical links among the neurons (or classes) involved. With
 * neuronParams, the selected neurons' membrane time constant (log, a quarter
 * to four times) and tonic drive (± twice its size, at least ± 1 pA) are
 * free too, per neuron or per class.
 */
import { classOf } from '../evolve/classes';
import type { EvolveProblem } from '../evolve/engine';
import { buildProblem, ProblemError } from '../evolve/problem';
import { NEAT_DEFAULTS } from '../evolve/spec-schema';
import type { EvolveSpec, FreeEntry, SynapseKind, TopologySpec } from '../evolve/spec';
import type { Circuit, CircuitDoc, SensorBinding } from '../circuits/types';
import { MODELS } from '../neural/models';
import { scenario } from '../scenario/builder';
import type { Scenario } from '../scenario/types';
import { parseSynapseKey } from './ids';

export type EvolveScope = 'selection' | 'class';
export type OptimiserKind = 'cmaes' | 'neat';

/** A goal: named scenarios, each with the file name it has in the equivalent spec's folder. */
export interface EvolveGoal {
  name: string;
  scenarios: ReadonlyArray<{ file: string; scenario: Scenario }>;
}

export interface EvolveRequest {
  /** The editor's circuit (validated) and the file name the equivalent spec gives it (./NAME). */
  circuit: Circuit;
  circuitFile: string;
  selection: { neurons: Iterable<string>; synapses: Iterable<string> };
  scope: EvolveScope;
  /** Also free the selected neurons' time constant and tonic drive (where their model has them). */
  neuronParams?: boolean;
  goal: EvolveGoal;
  optimiser: OptimiserKind;
  generations: number;
  /** Genomes per generation; omitted = the optimiser's default (CMA-ES 4 + ⌊3 ln n⌋, NEAT 40). */
  population?: number;
  seed: number;
  /** Selection seeds every genome runs each scenario with. */
  seeds: readonly number[];
}

export type EvolvePlan = { ok: true; spec: EvolveSpec; scenarios: Scenario[]; problem: EvolveProblem } | { ok: false; problems: string[] };

/** Weights a free value may take around the current ones: a fifth to five times, log scale (0 weights: 0.01 .. 1). */
export function weightRange(current: readonly number[]): [number, number] {
  const pos = current.filter((w) => w > 0);
  if (pos.length === 0) return [0.01, 1];
  const lo = Number((Math.min(...pos) / 5).toPrecision(3));
  const hi = Number((Math.max(...pos) * 5).toPrecision(3));
  return [lo, hi];
}

/** "crawl forward": a steady forward crawl with the bending wave running head to tail (6 s on the plate, seed from the spec). */
export function crawlGoal(): EvolveGoal {
  const s = scenario('crawls forward')
    .circuit('edited')
    .arena('plate')
    .seed(1)
    .duration('6s')
    .expect.movesForward('0.05mm', { after: '1s', for: '5s' })
    .expect.metric('alongSpeed', { atLeast: 0.02 }, { after: '1s', for: '5s', name: 'forward speed' })
    .expect.waveDirection('head-to-tail', { after: '1s', for: '5s' })
    .build();
  return { name: 'crawl forward', scenarios: [{ file: 'crawl-forward.scenario.yaml', scenario: s }] };
}

/** A file name for a goal's scenario in the equivalent spec's folder. */
export function scenarioFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'goal'}.scenario.yaml`;
}

interface Chosen {
  kind: SynapseKind;
  from: string;
  to: string;
}

/** The synapses the selection frees: the selected ones and every one into or out of a selected neuron. */
function chosenSynapses(doc: CircuitDoc, sel: EvolveRequest['selection']): { synapses: Chosen[]; neurons: string[] } {
  const neurons = new Set(sel.neurons);
  const keys = new Set<string>();
  for (const k of sel.synapses) {
    const s = parseSynapseKey(k);
    if (s) keys.add(`${s.kind}:${s.from}>${s.to}`);
  }
  const synapses: Chosen[] = [];
  const involved = new Set<string>(neurons);
  for (const s of doc.synapses ?? []) {
    const [a, b] = s.kind === 'electrical' && s.to < s.from ? [s.to, s.from] : [s.from, s.to];
    if (!keys.has(`${s.kind}:${a}>${b}`) && !neurons.has(s.from) && !neurons.has(s.to)) continue;
    synapses.push({ kind: s.kind, from: s.from, to: s.to });
    involved.add(s.from).add(s.to);
  }
  return { synapses, neurons: doc.neurons.map((n) => n.id).filter((id) => involved.has(id)) };
}

/** The free entries for the chosen synapses: one per synapse, or one per class pair. */
function freeEntries(synapses: readonly Chosen[], scope: EvolveScope): FreeEntry[] {
  const groups = new Map<string, { kind: SynapseKind; from: string; to: string }>();
  for (const s of synapses) {
    let [a, b] = scope === 'class' ? [classOf(s.from), classOf(s.to)] : [s.from, s.to];
    if (s.kind === 'electrical' && b < a) [a, b] = [b, a];
    const key = `${s.kind}:${a}>${b}`;
    if (!groups.has(key)) groups.set(key, { kind: s.kind, from: a, to: b });
  }
  return [...groups.values()].map((g) => ({
    what: 'weight',
    kind: g.kind,
    from: [g.from],
    to: [g.to],
    range: [0, 0],
    scale: 'log',
    share: scope === 'class' ? 'class' : 'neuron',
  }));
}

/** The model parameters neuronParams frees, where a model has them. */
export const NEURON_PARAMS = ['tauMs', 'tonicPa'] as const;

const sig3 = (v: number): number => Number(v.toPrecision(3));

/** Free entries for the selected neurons' parameters: one per neuron (or class) and parameter every member's model has. */
function paramEntries(circuit: Circuit, selected: Iterable<string>, scope: EvolveScope): FreeEntry[] {
  const ids = circuit.doc.neurons.map((n) => n.id);
  const spec = circuit.network.neurons;
  const groups = new Map<string, string[]>();
  for (const id of selected) {
    if (!ids.includes(id)) continue;
    const key = scope === 'class' ? classOf(id) : id;
    if (!groups.has(key)) groups.set(key, scope === 'class' ? ids.filter((x) => classOf(x) === key) : [id]);
  }
  const out: FreeEntry[] = [];
  for (const [key, members] of groups)
    for (const name of NEURON_PARAMS) {
      const defs = members.map((id) => MODELS[spec[ids.indexOf(id)].model]?.params[name]);
      if (defs.some((d) => !d || typeof d.default !== 'number')) continue;
      const lim = { min: Math.max(...defs.map((d) => d!.min)), max: Math.min(...defs.map((d) => d!.max)) };
      const cur = members.map((id) => Number(spec[ids.indexOf(id)].params[name]));
      const [lo, hi] = [Math.min(...cur), Math.max(...cur)];
      const span = Math.max(1, 2 * Math.max(Math.abs(lo), Math.abs(hi)));
      const range: [number, number] =
        name === 'tauMs'
          ? [sig3(Math.max(lim.min, lo / 4)), sig3(Math.min(lim.max, hi * 4))]
          : [sig3(Math.max(lim.min, lo - span)), sig3(Math.min(lim.max, hi + span))];
      out.push({ what: 'param', name, of: [key], range, scale: name === 'tauMs' ? 'log' : 'linear', share: scope === 'class' ? 'class' : 'neuron' });
    }
  return out;
}

/** Problems that make a goal unreachable whatever the weights: a worm without muscles, a touch no neuron feels, a tap nothing hears. */
export function goalProblems(doc: CircuitDoc, goal: EvolveGoal): string[] {
  const out: string[] = [];
  const sensors: readonly SensorBinding[] = doc.sensors ?? [];
  if ((doc.muscles ?? []).length === 0)
    out.push('no motor neuron drives a muscle, so no weight can make the worm move: bind a motor neuron to muscles (select it, drag along the body diagram)');
  for (const { scenario: s } of goal.scenarios)
    for (const item of s.timeline) {
      const a = item.action;
      if (a.type === 'poke') {
        const felt = sensors.some((b) => b.sensor === 'touch' && b.from <= a.position && a.position <= b.to && (b.kind === 'any' || b.kind === a.kind));
        if (!felt)
          out.push(
            `"${s.name}" touches the body at ${a.position} (${a.kind}) but no sensory neuron feels ${a.kind} touch there: bind a sensory neuron's touch field over that part of the body`,
          );
      } else if (a.type === 'tap' && !sensors.some((b) => b.sensor === 'tap'))
        out.push(`"${s.name}" taps the plate but no neuron feels a tap: bind a sensory neuron to the tap sensor`);
    }
  return [...new Set(out)];
}

/** The spec and problem for a request, or every reason it cannot run. */
export function planEvolution(req: EvolveRequest): EvolvePlan {
  const doc = req.circuit.doc;
  const chosen = chosenSynapses(doc, req.selection);
  const problems: string[] = [];
  if (chosen.neurons.length === 0 && chosen.synapses.length === 0)
    problems.push('nothing is selected: select the synapses (or neurons) evolution may change, then press Evolve');
  const params = req.neuronParams ? paramEntries(req.circuit, req.selection.neurons, req.scope) : [];
  if (chosen.synapses.length === 0 && params.length === 0 && req.optimiser === 'cmaes' && chosen.neurons.length > 0)
    problems.push(
      'the selected neurons have no synapses, so CMA-ES has no weight to change: select synapses, free the neurons’ parameters too, or choose NEAT to let wiring grow',
    );
  if (req.goal.scenarios.length === 0) problems.push('the goal has no scenarios: pick a goal');
  problems.push(...goalProblems(doc, req.goal));
  if (problems.length > 0) return { ok: false, problems };

  const free: FreeEntry[] = freeEntries(chosen.synapses, req.scope).map((e) => {
    if (e.what !== 'weight') return e;
    // Every synapse the entry sets (a class pair may hold unselected ones too) starts inside the range.
    const current = (doc.synapses ?? []).filter((x) => x.kind === e.kind && matches(x, e.from[0], e.to[0], req.scope)).map((x) => x.weight);
    return { ...e, range: weightRange(current) };
  });
  free.push(...params);
  const ends = req.scope === 'class' ? [...new Set(chosen.neurons.map(classOf))] : chosen.neurons;
  const topology: TopologySpec | undefined =
    req.optimiser === 'neat'
      ? {
          links: [{ kind: 'chemical', from: ends, to: ends }],
          groups: {},
          share: req.scope === 'class' ? 'class' : 'neuron',
          weight: { range: [0.05, 10], scale: 'log' },
          sign: 'free',
          pool: [],
        }
      : undefined;
  const spec: EvolveSpec = {
    name: `${req.goal.name} (editor)`,
    circuit: `./${req.circuitFile}`,
    seed: req.seed,
    start: 'circuit',
    free,
    ...(topology && { topology }),
    fitness: {
      scenarios: req.goal.scenarios.map((s) => ({ file: s.file, weight: 1 })),
      seeds: [...req.seeds],
      heldOut: [],
      unstable: -1,
      perLink: 0,
    },
    optimiser:
      req.optimiser === 'cmaes'
        ? { kind: 'cmaes', sigma: 0.3, ...(req.population !== undefined && { population: req.population }) }
        : { kind: 'neat', ...NEAT_DEFAULTS, ...(req.population !== undefined && { population: req.population }) },
    budget: { generations: req.generations, target: 1 },
  };
  const scenarios = req.goal.scenarios.map((s) => s.scenario);
  try {
    return { ok: true, spec, scenarios, problem: buildProblem(spec, req.circuit, scenarios) };
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    return { ok: false, problems: e.problems.map((p) => `${p.message} (${p.fix})`) };
  }
}

function matches(s: Chosen, from: string, to: string, scope: EvolveScope): boolean {
  const [a, b] = scope === 'class' ? [classOf(s.from), classOf(s.to)] : [s.from, s.to];
  return (a === from && b === to) || (s.kind === 'electrical' && a === to && b === from);
}
