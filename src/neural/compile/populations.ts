/**
 * Neurons into populations: one per model kind, in order of first appearance,
 * each a struct of arrays stepped by its model's kernel. Also the network's
 * own steps around them: the input at `start`, one step per population at
 * `groups`, and at `thresholds` the network-wide views (v, output, spiked)
 * and the list of the neurons that fired.
 */
import { MODELS } from '../models/index';
import { createGradedPopulation, gradedModel, isGradedPopulation, type GradedPopulation } from '../models/graded';
import { isLifPopulation, type LifPopulation } from '../models/lif';
import { isTransmitterPopulation, type TransmitterPopulation } from '../models/transmitter';
import { resolveNeuronParams } from '../params';
import type { ModelKind, NeuronModel, NeuronSpec, ParamValues, Population } from '../types';
import type { GradedArena } from '../wasm/graded-arena';
import type { ScheduledStep } from './schedule';

export interface PopEntry {
  readonly kind: ModelKind;
  readonly model: NeuronModel;
  readonly pop: Population;
  /** Global index of each local neuron. */
  readonly globals: Int32Array;
  /** Local current buffer (unused when the population is the whole network). */
  readonly current: Float64Array;
}

export interface Populations {
  readonly entries: readonly PopEntry[];
  /** Model kind per neuron, spec order. */
  readonly kinds: readonly ModelKind[];
  /** Complete parameters per neuron (setParam replaces an entry). */
  readonly params: ParamValues[];
  /** Population of each neuron (index into entries) and its index inside it. */
  readonly popOf: Int32Array;
  readonly localOf: Int32Array;
  /** One population only: its arrays are the network's v, output and spiked. */
  readonly identity: boolean;
  readonly transmitter: { readonly entry: PopEntry; readonly pop: TransmitterPopulation } | null;
  readonly graded: { readonly entry: PopEntry; readonly pop: GradedPopulation } | null;
}

/**
 * Resolves every neuron's parameters (errors name the neuron) and builds the
 * populations; a graded population of the built-in model that is the whole
 * network lives in `arena` where one is given (../wasm/graded-arena.ts), and a
 * population that is the whole network may keep room for its `synapses` (a LIF
 * arena's delivery tables).
 */
export function buildPopulations(
  neurons: readonly NeuronSpec[],
  registry: Partial<Record<ModelKind, NeuronModel>> = MODELS,
  arena: GradedArena | null = null,
  synapses = 0,
): Populations {
  const n = neurons.length;
  const kinds = neurons.map((x) => x.model);
  const resolved = neurons.map((x, i) => {
    const where = `neurons[${i}] (${JSON.stringify(x.id)})`;
    const model = Object.hasOwn(registry, x.model) ? registry[x.model] : undefined;
    if (!model) throw new Error(`${where}: unknown neuron model ${JSON.stringify(x.model)}; available: ${Object.keys(registry).join(', ')}`);
    return resolveNeuronParams(model, x, where);
  });
  const order: ModelKind[] = [];
  for (const k of kinds) if (!order.includes(k)) order.push(k);
  const popOf = new Int32Array(n);
  const localOf = new Int32Array(n);
  const entries = order.map((kind, p): PopEntry => {
    const members: number[] = [];
    kinds.forEach((k, g) => {
      if (k === kind) {
        popOf[g] = p;
        localOf[g] = members.length;
        members.push(g);
      }
    });
    const model = registry[kind]!;
    const cells = members.map((g) => resolved[g]);
    const inArena = arena !== null && model === gradedModel && members.length === n;
    // A population that is the whole network may keep room for its synapses (a LIF arena's delivery tables).
    const pop = inArena ? createGradedPopulation(cells, arena) : model.createPopulation(cells, order.length === 1 ? { synapseRoom: synapses } : {});
    if (pop.size !== members.length) throw new Error(`model ${kind}: population has ${pop.size} neurons, expected ${members.length}`);
    return { kind, model, pop, globals: Int32Array.from(members), current: new Float64Array(members.length) };
  });
  const tEntry = entries.find((e) => e.kind === 'transmitter');
  if (tEntry && !isTransmitterPopulation(tEntry.pop)) throw new Error('transmitter model did not build a transmitter population');
  const gEntry = entries.find((e) => e.kind === 'graded' && isGradedPopulation(e.pop));
  return {
    entries,
    kinds,
    params: resolved.map((r) => r.params),
    popOf,
    localOf,
    identity: entries.length === 1,
    transmitter: tEntry && isTransmitterPopulation(tEntry.pop) ? { entry: tEntry, pop: tEntry.pop } : null,
    graded: gEntry && isGradedPopulation(gEntry.pop) ? { entry: gEntry, pop: gEntry.pop } : null,
  };
}

/** The network-wide arrays every step reads or writes (spec order). */
export interface NetworkArrays {
  readonly v: Float64Array;
  readonly output: Float64Array;
  readonly spiked: Uint8Array;
  readonly input: Float64Array;
  /** External conductance per neuron, set by the caller (sensor transduction); read only where the network was compiled with `inputConductance`. */
  readonly inputConductance: Float64Array;
  readonly current: Float64Array;
  /** Conductance the synapses add this step (the model's current unit per mV); zero unless conductance synapses exist. */
  readonly conductance: Float64Array;
  readonly fired: Int32Array;
  /** 0 = ablated. */
  readonly alive: Uint8Array;
  /** The ablated neurons, in the order they were ablated. */
  readonly ablated: number[];
}

/** The arrays a LIF population that is the whole network offers for its fused step (in its wasm arena), or null. */
export function lifEventArrays(pops: Populations): LifPopulation['eventArrays'] {
  const only = pops.identity ? pops.entries[0].pop : null;
  return only && isLifPopulation(only) ? only.eventArrays : null;
}

/** The wasm arena of a graded population that is the whole network, or null. */
export function gradedArenaOf(pops: Populations): GradedArena | null {
  return pops.identity && pops.graded ? pops.graded.pop.arena : null;
}

/** The network's arrays: the population's own v, output and spiked when it is the whole network (and its input, current and fired when it offers them). */
export function networkArrays(pops: Populations, n: number): NetworkArrays {
  const only = pops.identity ? pops.entries[0].pop : null;
  const offered = lifEventArrays(pops);
  const graded = gradedArenaOf(pops)?.array;
  return {
    v: only ? only.v : new Float64Array(n),
    output: only ? only.output : new Float64Array(n),
    spiked: only ? only.spiked : new Uint8Array(n),
    input: offered?.input ?? graded?.input ?? new Float64Array(n),
    inputConductance: graded?.inputConductance ?? new Float64Array(n),
    current: offered?.current ?? graded?.current ?? new Float64Array(n),
    conductance: graded?.conductance ?? new Float64Array(n),
    fired: offered?.fired ?? new Int32Array(n),
    alive: new Uint8Array(n).fill(1),
    ablated: [],
  };
}

/** Copies the populations' state into the network's views (unless they are the same arrays); ablated neurons show no output. */
export function gather(pops: Populations, a: NetworkArrays): void {
  if (!pops.identity) {
    for (const { pop, globals } of pops.entries) {
      const { v, output, spiked } = pop;
      for (let k = 0; k < globals.length; k++) {
        const g = globals[k];
        a.v[g] = v[k];
        a.output[g] = output[k];
        a.spiked[g] = spiked[k];
      }
    }
  }
  for (const g of a.ablated) {
    a.output[g] = 0;
    a.spiked[g] = 0;
  }
}

/**
 * `start`: the step's current begins as the external input, and its
 * conductance (where anything adds one) as the external conductance or 0;
 * ablated neurons get none.
 */
export function inputStep(a: NetworkArrays, conducting: boolean, external: boolean): ScheduledStep {
  const { current, input, ablated, conductance, inputConductance } = a;
  return {
    name: 'input',
    when: 'start',
    run: external
      ? () => {
          current.set(input);
          conductance.set(inputConductance);
          for (const g of ablated) current[g] = conductance[g] = 0;
        }
      : conducting
        ? () => {
            current.set(input);
            conductance.fill(0);
            for (const g of ablated) current[g] = 0;
          }
        : () => {
            current.set(input);
            for (const g of ablated) current[g] = 0;
          },
  };
}

/**
 * `groups`: one step per population (the transmitter population steps inside
 * the seed's cycle: transmitter-links.ts), with the conductance input where
 * conductance synapses exist.
 */
export function populationSteps(pops: Populations, a: NetworkArrays, conducting: boolean): ScheduledStep[] {
  const I = a.current;
  const G = a.conductance;
  return pops.entries
    .filter((e) => e.kind !== 'transmitter')
    .map((e): ScheduledStep => {
      const { pop, globals, current } = e;
      const localG = conducting && !pops.identity ? new Float64Array(globals.length) : null;
      let run: (dt: number) => void;
      if (pops.identity) run = conducting ? (dt) => pop.step(dt, I, G) : (dt) => pop.step(dt, I);
      else if (localG) {
        run = (dt) => {
          for (let k = 0; k < globals.length; k++) {
            current[k] = I[globals[k]];
            localG[k] = G[globals[k]];
          }
          pop.step(dt, current, localG);
        };
      } else {
        run = (dt) => {
          for (let k = 0; k < globals.length; k++) current[k] = I[globals[k]];
          pop.step(dt, current);
        };
      }
      return { name: `${e.kind}.step`, when: 'groups', run };
    });
}

/** `thresholds`: the views, then fired[0 .. count) ascending; `count` goes to the clock. */
export function gatherStep(pops: Populations, a: NetworkArrays, clock: { firedCount: number }): ScheduledStep {
  const { spiked, fired } = a;
  const n = fired.length;
  // Graded neurons never fire: an all-graded network's list stays empty, without a scan of every neuron each step.
  const silent = pops.entries.every((e) => e.kind === 'graded');
  return {
    name: 'gather',
    when: 'thresholds',
    run() {
      gather(pops, a);
      if (silent) {
        clock.firedCount = 0;
        return;
      }
      let count = 0;
      for (let g = 0; g < n; g++) if (spiked[g] !== 0) fired[count++] = g;
      clock.firedCount = count;
    },
  };
}
