/**
 * A compiled network: its state, the schedule it steps, and the edits it
 * takes. `compile/` turns a spec into populations (one per model kind,
 * struct of arrays), synapse kernels (one per kind of synapse, registered in
 * compile/registry.ts) and the ordered list of their steps; a step of the
 * network runs that list. `network.schedule` shows it:
 *
 *   start        input                 current := input (ablated neurons 0)
 *   currents     continuous.scatter …  synapses add their currents
 *   groups       transmitter.cycle, graded.step, …   populations advance
 *   after-groups gap.relax             stiff gap junctions relaxed exactly
 *   thresholds   gather                v, output, spiked; the fired list
 *   synapses     exponential.propagate spikes feed the exponential currents
 *   end          continuous.history    output history for delays
 *
 * Rules for mixed networks and the synapse models: docs/neural.md.
 */
import { type CompiledNetwork, type CompileOptions, compileNetwork } from './compile/index';
import type { Clock, SynapseKernelInstance } from './compile/kernel-api';
import { type GapInstance, isGapInstance } from './compile/gap-junctions';
import { gather, type NetworkArrays, type Populations } from './compile/populations';
import { describeSchedule, type Runner, type ScheduledStep, type ScheduleEntry, scheduleRunner } from './compile/schedule';
import { isTransmitterInstance, type TransmitterInstance, type TransmitterState } from './compile/transmitter-links';
import type { GapStiffness } from './gaps';
import { MODULATOR_FIELDS } from './modulation';
import { checkParam, resolveNeuronParams } from './params';
import { type CompactSynapses, checkCompact, compactFromSpec } from './synapses';
import type { ModelKind, NetworkSpec, NeuronSpec, ParamValues, SynapseKind } from './types';

/** A plastic synapse's weight during a run (Network.plasticWeights). */
export interface PlasticWeight {
  /** Index in the spec's synapse list (the circuit file's "synapses"). */
  synapse: number;
  from: string;
  to: string;
  rule: string;
  weight: number;
}

/** How a network is compiled (compile/index.ts). */
export type NetworkOptions = CompileOptions;

export class Network {
  readonly size: number;
  readonly ids: readonly string[];
  /** Membrane potential per neuron, mV (transmitter: last_state e + i), spec order. */
  readonly v: Float64Array;
  /** 1 on a step in which the neuron fired (transmitter: released). */
  readonly spiked: Uint8Array;
  /** External current per neuron, set by the caller (sensors, clamps); never cleared by the engine. */
  readonly input: Float64Array;
  /**
   * External conductance per neuron (its model's current unit per mV), set by
   * the caller with `input` holding its Σ g·E_rev: sensor transduction that
   * stops at reversal potentials. Read only by a network compiled with
   * `inputConductance: true` (`takesConductance`); ignored otherwise.
   */
  readonly inputConductance: Float64Array;
  /**
   * Total current each neuron received in the last step (transmitter neurons: the part that went to the dendrites from input and gap junctions).
   * Conductance synapses add their g·s·E_rev here and g·s to `conductance`: their current is g·s·(E_rev − V).
   */
  readonly current: Float64Array;
  /** Conductance the conductance-based synapses opened on each neuron in the last step (its model's current unit per mV: nS for graded); 0 without them. */
  readonly conductance: Float64Array;
  /** The neurons that fired in the last step, ascending: fired[0 .. firedCount). */
  readonly fired: Int32Array;

  private readonly index = new Map<string, number>();
  private readonly pops: Populations;
  private readonly arrays: NetworkArrays;
  private readonly clock: Clock;
  private readonly kernels: readonly SynapseKernelInstance[];
  private readonly compiled: CompiledNetwork;
  /** The schedule a step runs: the fused one until an ablation, where there is one; and its runner. */
  private active: readonly ScheduledStep[];
  private run: Runner;
  private readonly transmitters: TransmitterInstance | null;
  private readonly gaps: GapInstance | null;
  /** Compiled with `inputConductance`: the step reads `inputConductance`. */
  readonly takesConductance: boolean;
  /** Something changed it beyond its spec (an edit below): a network cache must not hand it to another worm. */
  private edited = false;

  /** Compiles a network; params and init are completed from model defaults and validated. */
  static fromSpec(spec: NetworkSpec, options: NetworkOptions = {}): Network {
    const index = indexNeurons(spec.neurons);
    const synapses = compactFromSpec(spec.synapses, (id) => index.get(id) ?? -1);
    return new Network(spec.neurons, synapses, options, spec);
  }

  /** Compiles a network whose synapses are already in compact form (stress networks). */
  static fromCompact(neurons: readonly NeuronSpec[], synapses: CompactSynapses, options: NetworkOptions = {}): Network {
    indexNeurons(neurons);
    checkCompact(synapses, neurons.length);
    // Its own weight column: loadWeights writes there, never into the caller's table.
    return new Network(neurons, { ...synapses, weight: synapses.weight.slice() }, options);
  }

  private constructor(
    neurons: readonly NeuronSpec[],
    synapses: CompactSynapses,
    options: NetworkOptions,
    volume: Pick<NetworkSpec, 'modulators' | 'receptors'> = {},
  ) {
    this.compiled = compileNetwork(neurons, synapses, options, volume);
    const { context, kernels, general, fused } = this.compiled;
    this.size = context.size;
    this.ids = context.ids;
    this.ids.forEach((id, i) => this.index.set(id, i));
    this.pops = context.populations;
    this.arrays = context.arrays;
    this.clock = context.clock;
    this.takesConductance = options.inputConductance ?? false;
    ({
      v: this.v,
      spiked: this.spiked,
      input: this.input,
      inputConductance: this.inputConductance,
      current: this.current,
      conductance: this.conductance,
      fired: this.fired,
    } = this.arrays);
    this.kernels = kernels;
    this.active = fused ? fused.steps : general;
    this.run = scheduleRunner(this.active);
    this.transmitters = kernels.find(isTransmitterInstance) ?? null;
    this.gaps = kernels.find(isGapInstance) ?? null;
    this.reset();
  }

  /** Release level per neuron, 0..1 (spiking models: a smoothed firing rate). */
  get output(): Float64Array {
    if (this.clock.outputStale) {
      this.clock.outputStale = false;
      this.compiled.fused?.refreshOutput();
    }
    return this.arrays.output;
  }

  /** How many neurons fired in the last step (their indices: `fired`). */
  get firedCount(): number {
    return this.clock.firedCount;
  }

  get steps(): number {
    return this.clock.steps;
  }

  get timeMs(): number {
    return this.clock.timeMs;
  }

  /** The steps one network step runs, in order, each with its slot (docs/neural.md, "One network step"). */
  get schedule(): readonly ScheduleEntry[] {
    return describeSchedule(this.active);
  }

  /** Global index of a neuron id, −1 if absent. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  modelOf(i: number): ModelKind {
    return this.pops.kinds[this.checkIndex(i)];
  }

  /** The neuron's complete parameters (a copy). */
  paramsOf(i: number): ParamValues {
    return { ...this.pops.params[this.checkIndex(i)] };
  }

  isAblated(i: number): boolean {
    return this.arrays.alive[this.checkIndex(i)] === 0;
  }

  /** One network step of dtMs (transmitter neurons: exactly one seed cycle, whatever dt). */
  step(dtMs: number): void {
    if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new Error(`Network.step: dtMs must be a finite number > 0, got ${dtMs}`);
    const clock = this.clock;
    if (dtMs !== clock.dtMs) {
      clock.dtMs = dtMs;
      for (const k of this.kernels) k.layout?.(dtMs);
    }
    this.run(dtMs);
    clock.steps++;
    clock.timeMs += dtMs;
  }

  /** Unedited since it was compiled: after `resetForReuse` it steps as a newly compiled network of its spec (network-cache.ts). */
  get reusable(): boolean {
    return !this.edited;
  }

  /**
   * The state of a newly compiled network of the same spec, for the next worm
   * (network-cache.ts): the caller's input cleared, the next step laid out
   * again as a first step is, then reset. Throws on an edited network.
   */
  resetForReuse(): void {
    if (this.edited)
      throw new Error('Network.resetForReuse: the network was edited (ablation, cut, link, parameter, bath or learning switch); compile a new one');
    this.input.fill(0);
    this.inputConductance.fill(0);
    this.clock.dtMs = Number.NaN;
    this.reset();
  }

  /**
   * Takes the parameters `neurons` give (the same neurons, ids, models and
   * initial values as this network's spec; only `params` may differ) as a
   * newly compiled network of them has them, for the next worm
   * (network-cache.ts); call resetForReuse after. Returns false, and leaves
   * the network edited, where a model cannot change a parameter in place.
   */
  loadParams(neurons: readonly NeuronSpec[]): boolean {
    const { entries, popOf, localOf, params } = this.pops;
    let changed = false;
    for (let g = 0; g < this.size; g++) {
      const e = entries[popOf[g]];
      const wanted = resolveNeuronParams(e.model, neurons[g], `neurons[${g}] (${JSON.stringify(this.ids[g])})`).params;
      const now = params[g];
      for (const name of Object.keys(wanted)) {
        if (sameParam(wanted[name], now[name])) continue;
        if (!e.pop.setParam) {
          this.edited = true;
          return false;
        }
        e.pop.setParam(localOf[g], name, wanted[name]);
        changed = true;
      }
      params[g] = wanted;
    }
    if (changed) for (const k of this.kernels) k.paramsChanged?.();
    return true;
  }

  /**
   * Takes another genome's synapse weights and gap conductances (`weights`, in
   * spec order, for the same synapse list: only weights may differ) as a newly
   * compiled network of them has them, with whatever the kernels derive from
   * them (signed weights, plastic bounds, which gap junctions are stiff), for
   * the next worm (network-cache.ts); call resetForReuse after. Throws on an
   * edited network.
   */
  loadWeights(weights: Float64Array): void {
    if (this.edited) throw new Error('Network.loadWeights: the network was edited; compile a new one');
    const own = this.synapses.weight;
    if (weights.length !== own.length) throw new Error(`Network.loadWeights: ${weights.length} weights for ${own.length} synapses`);
    let same = true;
    for (let s = 0; s < own.length && same; s++) same = Object.is(own[s], weights[s]);
    if (same) return;
    own.set(weights);
    for (const k of this.kernels) k.loadWeights();
  }

  /** Back to the initial state. Structural changes (ablations, cuts, links, parameters) stay; `input` is the caller's and stays. */
  reset(): void {
    for (const e of this.pops.entries) e.pop.reset();
    this.clock.outputStale = false;
    gather(this.pops, this.arrays);
    this.current.fill(0);
    this.conductance.fill(0);
    this.clock.steps = 0;
    this.clock.timeMs = 0;
    this.clock.firedCount = 0;
    for (const k of this.kernels) k.reset?.();
  }

  /**
   * Silences a neuron for good (until the network is rebuilt): it receives no
   * current, releases nothing, and its gap junctions conduct nothing. A
   * transmitter neuron freezes; shares sent to it are lost.
   */
  ablate(id: string): void {
    const g = this.need(id);
    const a = this.arrays;
    this.edited = true;
    if (a.alive[g] === 0) return;
    a.alive[g] = 0;
    a.ablated.push(g);
    for (const k of this.kernels) k.ablate(g);
    if (this.active !== this.compiled.general) {
      this.active = this.compiled.general;
      this.run = scheduleRunner(this.active);
    }
    this.output[g] = 0;
    this.spiked[g] = 0;
  }

  /**
   * Removes the synapses from → to (of one kind, or both kinds; gap junctions
   * match either direction). Links of a transmitter neuron leave its list, so
   * its synapse is then shared among fewer targets. Returns how many were cut.
   */
  cutSynapse(from: string, to: string, kind?: SynapseKind): number {
    const a = this.need(from),
      b = this.need(to);
    let cut = 0;
    this.edited = true;
    for (const k of this.kernels) cut += k.cut(a, b, kind);
    if (cut === 0) throw new Error(`cutSynapse: no ${kind ?? ''}${kind ? ' ' : ''}synapse from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
    return cut;
  }

  /**
   * The seed's Network.link for a transmitter neuron: adds from → to (weight 1)
   * at the end of its target list, or removes it if present. Returns true when
   * the link now exists.
   */
  link(from: string, to: string): boolean {
    const a = this.need(from),
      b = this.need(to);
    const kind = this.pops.kinds[a];
    if (kind !== 'transmitter' || !this.transmitters) {
      throw new Error(
        `link: ${JSON.stringify(from)} is a ${kind} neuron; link() toggles links of transmitter neurons (use synapses in the circuit or cutSynapse)`,
      );
    }
    this.edited = true;
    return this.transmitters.link(a, b);
  }

  /** Changes one parameter of a neuron in place (state kept), after a range check. */
  setParam(id: string, name: string, value: number | readonly [number, number]): void {
    const g = this.need(id);
    const e = this.pops.entries[this.pops.popOf[g]];
    const spec = e.model.params[name];
    if (!spec) throw new Error(`setParam: model ${e.kind} has no parameter "${name}"; allowed: ${Object.keys(e.model.params).join(', ')}`);
    const checked = checkParam(`params.${name}`, spec, value, `setParam ${JSON.stringify(id)}`);
    if (!e.pop.setParam) throw new Error(`setParam: the ${e.kind} model cannot change parameters while running; rebuild the network`);
    this.edited = true;
    try {
      e.pop.setParam(this.pops.localOf[g], name, checked);
    } catch (err) {
      throw new Error(`setParam ${JSON.stringify(id)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.pops.params[g] = { ...this.pops.params[g], [name]: checked };
    for (const k of this.kernels) k.paramsChanged?.();
  }

  /**
   * How stiff the gap junctions are at dtMs (default: the last step's dt, or
   * 1 ms before the first step), with the current parameters, ablations and
   * cuts; which neurons the engine treats as stiff (docs/neural.md).
   */
  gapStiffness(dtMs: number = Number.isNaN(this.clock.dtMs) ? 1 : this.clock.dtMs): GapStiffness {
    if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new Error(`gapStiffness: dtMs must be a finite number > 0, got ${dtMs}`);
    if (this.gaps) return this.gaps.stiffness(dtMs);
    return { dtMs, ratio: new Float64Array(this.size), stiff: [], relaxedJunctions: 0, junctions: 0 };
  }

  /** The seed-level state of transmitter neuron i (for trace and views). */
  transmitterState(i: number): TransmitterState {
    return this.transmitterOf(i).state(i);
  }

  /** Targets of transmitter neuron i in delivery order (global indices; ablated targets included, they receive nothing). */
  transmitterTargets(i: number): readonly number[] {
    return this.transmitterOf(i).targets(i);
  }

  /** Resource x (0..1) of the first depressing chemical synapse from → to (a short-term plastic one: its efficacy, the pools' product xF·xS, times 1 + f if it facilitates). */
  synapseResource(from: string, to: string): number {
    const a = this.need(from),
      b = this.need(to);
    for (const k of this.kernels) {
      const x = k.resource?.(a, b);
      if (x !== undefined) return x;
    }
    throw new Error(`synapseResource: no delayed or depressing chemical synapse from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  }

  // ---------------------------------------------------------------- plasticity and modulators

  /** Every plastic synapse whose weight learns (stdp, bcm, three-factor), in spec order: its spec index, ends, rule and weight now. */
  plasticWeights(): PlasticWeight[] {
    const out: PlasticWeight[] = [];
    for (const k of this.kernels) {
      const l = k.learned;
      if (!l) continue;
      for (let j = 0; j < l.synapses.length; j++) {
        const s = l.synapses[j];
        out.push({ synapse: s, from: this.ids[this.synapses.from[s]], to: this.ids[this.synapses.to[s]], rule: l.rule, weight: l.weights[j] });
      }
    }
    return out.sort((a, b) => a.synapse - b.synapse);
  }

  /** Learning on (the default) or frozen: frozen synapses keep and use their weights and change none. Short-term efficacy runs either way. */
  setLearning(on: boolean): void {
    this.edited = true;
    for (const k of this.kernels) if (k.learned) k.learned.learning = on;
  }

  get learning(): boolean {
    return this.kernels.every((k) => !k.learned || k.learned.learning);
  }

  /** Plastic weights back to the circuit's (cut and ablated synapses stay silent); traces and state stay. */
  resetLearnedWeights(): void {
    this.edited = true;
    for (const k of this.kernels) k.learned?.resetWeights();
  }

  /** The modulators' names, in declaration order. */
  get modulators(): readonly string[] {
    return this.compiled.context.modulation?.names ?? [];
  }

  /** A modulator's concentration now. */
  modulatorLevel(name: string): number {
    const m = this.compiled.context.modulation;
    return m ? m.conc[this.modulatorIndex(name)] : this.modulatorIndex(name);
  }

  /** Holds a modulator at a fixed concentration (a bath, 0..1000), from the next step on; null washes it out (release and clearance again). */
  setBath(name: string, concentration: number | null): void {
    const i = this.modulatorIndex(name);
    const m = this.compiled.context.modulation!;
    this.edited = true;
    if (concentration === null) {
      m.bath[i] = Number.NaN;
      return;
    }
    const r = MODULATOR_FIELDS.bath;
    if (typeof concentration !== 'number' || !(concentration >= r.min && concentration <= r.max))
      throw new Error(
        `setBath ${JSON.stringify(name)}: concentration must be a number in ${r.min} .. ${r.max} (${r.help}), got ${concentration}; null washes it out`,
      );
    m.bath[i] = concentration;
  }

  // ---------------------------------------------------------------- internals

  private get synapses(): CompactSynapses {
    return this.compiled.context.synapses;
  }

  private modulatorIndex(name: string): number {
    const names = this.modulators;
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no modulator ${JSON.stringify(name)} in the network; modulators: ${names.join(', ') || 'none (declare them in "modulators")'}`);
    return i;
  }

  private checkIndex(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new Error(`neuron index ${i} out of range 0..${this.size - 1}`);
    return i;
  }

  private need(id: string): number {
    const g = this.indexOf(id);
    if (g < 0) throw new Error(`no neuron ${JSON.stringify(id)} in the network`);
    return g;
  }

  private transmitterOf(i: number): TransmitterInstance {
    this.checkIndex(i);
    const kind = this.pops.kinds[i];
    if (kind !== 'transmitter' || !this.transmitters) throw new Error(`neuron ${JSON.stringify(this.ids[i])} is a ${kind} neuron, not a transmitter neuron`);
    return this.transmitters;
  }
}

function sameParam(a: ParamValues[string], b: ParamValues[string]): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  return a.length === b.length && a.every((x, k) => Object.is(x, b[k]));
}

function indexNeurons(neurons: readonly NeuronSpec[]): Map<string, number> {
  const index = new Map<string, number>();
  neurons.forEach((x, i) => {
    if (typeof x.id !== 'string' || x.id === '') throw new Error(`neurons[${i}]: "id" must be a non-empty string`);
    if (index.has(x.id)) throw new Error(`neurons[${i}]: duplicate id ${JSON.stringify(x.id)} (also neurons[${index.get(x.id)}])`);
    index.set(x.id, i);
  });
  return index;
}
