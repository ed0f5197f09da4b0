/**
 * The network engine: compiles a NetworkSpec into populations (one per model
 * kind, struct of arrays) and synapse tables (CSR by presynaptic neuron), and
 * steps them with kernels made as closures over their typed arrays once per
 * network. Rules for mixed networks and the synapse models: docs/neural.md.
 *
 * One step:
 *   1. current := input (the caller's external current; ablated neurons get 0)
 *   2. graded-style chemical synapses scatter w·sign·x·output[pre] (previous step's output)
 *   3. spiking synapses' exponential currents add ge − gi
 *   4. gap junctions add g·(V_j − V_i) both ways (previous step's V), except stiff ones
 *   5. transmitter neurons: their current goes to the dendrites (by sign), then one
 *      seed maincycle runs; shares sent to other models add to their current now
 *   6. every other population steps with its current; the graded population then
 *      relaxes its stiff gap junctions exactly, pair by pair (see below)
 *   7. spikes feed the exponential synapses (delays through a ring buffer)
 *
 * Stiff gap junctions: explicit gap currents are stable only while
 * dt·Σg/C stays below about 1 per neuron. For every graded neuron the engine
 * computes its explicit ratio ρ (gapStiffness) whenever dt, a parameter, an
 * ablation or a cut changes it; junctions between two graded neurons of which
 * one has ρ > STIFF_GAP_RATIO leave the explicit sum and are relaxed exactly
 * after the step instead (operator splitting: stable at any conductance,
 * charge-conserving, no overshoot). Networks with no such neuron take exactly
 * the explicit path, bit for bit. Method and numbers: docs/neural.md.
 */
import type { ModelKind, NetworkSpec, NeuronModel, NeuronSpec, ParamValues, Population, Transmitter } from './types';
import { MODELS } from './models/index';
import {
  type TransmitterPhase,
  type TransmitterPopulation,
  type TransmitterWiring,
  NO_PHASE,
  PHASE_NAMES,
  injectCurrent,
  isTransmitterPopulation,
  makeTransmitterCycle,
} from './models/transmitter';
import { freshKernel } from './kernel';
import { deliverKernel, eventCurrentKernel, gapKernel, scatterKernel } from './kernels';
import { type GradedPopulation, isGradedPopulation } from './models/graded';
import { isLifPopulation, type LifPopulation } from './models/lif';
import { checkParam, resolveNeuronParams } from './params';
import { type CompactSynapses, CHEMICAL, ELECTRICAL, compactFromSpec } from './synapses';

export interface NetworkOptions {
  /** Decay time constant of excitatory spike-driven synaptic currents, ms (default 5, CUBA). */
  tauExcMs?: number;
  /** Decay time constant of inhibitory spike-driven synaptic currents, ms (default 10, CUBA). */
  tauInhMs?: number;
  /** Model registry to compile with (default: the built-in MODELS); tests and plug-ins pass their own. */
  models?: Partial<Record<ModelKind, NeuronModel>>;
  /**
   * Use specialised paths where the network allows (default true): an
   * all-LIF network whose synapses are all spike-driven without delay or
   * depression steps in one fused pass. Same numbers either way, bit for bit;
   * false is for tests and before/after measurements.
   */
  fastPaths?: boolean;
}

export interface TransmitterState {
  /** What the last step did; null before the first step. */
  phase: TransmitterPhase | null;
  accumulated: [number, number];
  synapse: [number, number];
  dendrite: [number, number];
  /** The seed's current_state. */
  current: [number, number];
  /** The seed's last_state. */
  last: [number, number];
  stepsToActivation: number;
  stepsToRecovery: number;
}

export type SynapseKind = 'chemical' | 'electrical';

/**
 * Above this explicit ratio ρ a graded neuron's gap junctions (to other graded
 * neurons) are relaxed exactly instead of explicitly. ρ ≤ 1 is where explicit
 * gap currents are guaranteed stable; from ρ ≈ 0.5 they overshoot (an
 * isolated pair's difference changes sign every step), so the switch is there.
 */
export const STIFF_GAP_RATIO = 0.5;

/** How stiff a network's gap junctions are at one dt (Network.gapStiffness). */
export interface GapStiffness {
  dtMs: number;
  /**
   * Per neuron (spec order), graded neurons only (0 for other models and for
   * neurons without junctions): ρ = 2·k·Σg / (1 + d), d = e^(−dt/τ),
   * k = (1 − d)·τ/C, Σg its live junctions' conductance. Explicit gap
   * currents keep every neuron with ρ ≤ 1 stable.
   */
  ratio: Float64Array;
  /** Ids of the neurons with ρ > STIFF_GAP_RATIO, spec order. */
  stiff: string[];
  /** Junctions the engine relaxes exactly at this dt (of the live ones). */
  relaxedJunctions: number;
  /** Live junctions in all. */
  junctions: number;
}

/** Inhibitory by default: GABA. Everything else excites unless a synapse says otherwise. */
const defaultSign = (t: Transmitter | undefined): 1 | -1 => (t === 'GABA' ? -1 : 1);

// Where a chemical synapse of the spec ended up (for cutSynapse / ablate).
const C_FAST = 0; // continuous, non-transmitter target, no delay, no depression
const C_SLOW = 1; // continuous with delay or depression, or onto a transmitter neuron
const E_FAST = 2; // spike-driven, no delay, no depression
const E_SLOW = 3; // spike-driven with delay or depression
const T_LINK = 4; // from a transmitter neuron (the seed's link lists)
const GAP = 5;

interface PopEntry {
  readonly kind: ModelKind;
  readonly model: NeuronModel;
  pop: Population;
  /** Global index of each local neuron. */
  readonly globals: Int32Array;
  /** Local current buffer (unused when the population is the whole network). */
  readonly current: Float64Array;
}

interface TLink {
  to: number; // global
  weight: number;
}

export class Network {
  readonly size: number;
  readonly ids: readonly string[];
  /** Membrane potential per neuron, mV (transmitter: last_state e + i), spec order. */
  readonly v: Float64Array;
  /** Release level per neuron, 0..1 (see `output`). */
  private readonly out: Float64Array;
  /** The fused path ran since `output` was last read: the LIF population's output is stale (see LifPopulation.eventStep). */
  private outputStale = false;
  /** 1 on a step in which the neuron fired (transmitter: released). */
  readonly spiked: Uint8Array;
  /** External current per neuron, set by the caller (sensors, clamps); never cleared by the engine. */
  readonly input: Float64Array;
  /** Total current each neuron received in the last step (transmitter neurons: the part that went to the dendrites from input and gap junctions). */
  readonly current: Float64Array;
  /** The neurons that fired in the last step, ascending: fired[0 .. firedCount). */
  readonly fired: Int32Array;
  private _firedCount = 0;

  private readonly index = new Map<string, number>();
  private readonly kinds: ModelKind[];
  private readonly params: ParamValues[];
  private readonly pops: PopEntry[];
  private readonly popOf: Int32Array;
  private readonly localOf: Int32Array;
  private readonly identity: boolean;
  private readonly tPop: TransmitterPopulation | null;
  private readonly tEntry: PopEntry | null;
  private readonly tLinks: TLink[][];
  private tCycle: (() => void) | null = null;
  private tWiring: TransmitterWiring | null = null;

  // Synapse tables.
  private readonly synClass: Uint8Array;
  private readonly synSlot: Int32Array;
  /** 1 = removed by cutSynapse. */
  private readonly synCut: Uint8Array;
  private readonly syn: CompactSynapses;
  private readonly cW: Float64Array;
  private readonly eW: Float64Array;
  private readonly cs: SlowTable;
  private readonly es: SlowTable;
  private readonly gapG: Float64Array;
  private readonly gapA: Int32Array;
  private readonly gapB: Int32Array;
  /** The explicit kernel's conductances: gapG, with 0 for the junctions relaxed exactly. */
  private readonly gapGx: Float64Array;
  private readonly gEntry: PopEntry | null;
  private readonly gPop: GradedPopulation | null;
  /** dt, parameters or junctions changed since the stiff junctions were last chosen. */
  private stiffDirty = true;
  private kRelax: (() => void) | null = null;
  private readonly hasEvents: boolean;
  private readonly ge: Float64Array;
  private readonly gi: Float64Array;
  private readonly tauExc: number;
  private readonly tauInh: number;

  // Per-dt layout: decay factors, delays in steps, ring buffers.
  private layoutDt = Number.NaN;
  private decE = 1;
  private decI = 1;
  private ringLen = 1;
  private outHist: Float64Array | null = null;
  private ringE: Float64Array | null = null;
  private ringI: Float64Array | null = null;

  private readonly ablated: number[] = [];
  private readonly alive: Uint8Array;
  private _steps = 0;
  private _timeMs = 0;

  // Kernels (closures over this network's arrays, fresh copies per network: see kernel.ts).
  private readonly kFast: (() => void) | null;
  private readonly kSlowContinuous: (() => void) | null;
  private readonly kEventCurrent: (() => void) | null;
  private readonly kGap: (() => void) | null;
  private readonly kEvents: (() => void) | null;
  private readonly kDeliver: ((count: number) => void) | null;
  /** All-LIF networks with only fast event synapses: one fused pass per step (LifPopulation.eventStep). */
  private readonly kFused: ((dt: number, decE: number, decI: number) => number) | null;
  /** The population kFused steps (its output is refreshed when read). */
  private readonly fusedPop: LifPopulation | null;

  /** Compiles a network; params and init are completed from model defaults and validated. */
  static fromSpec(spec: NetworkSpec, options: NetworkOptions = {}): Network {
    const index = indexNeurons(spec.neurons);
    const synapses = compactFromSpec(spec.synapses, (id) => index.get(id) ?? -1);
    return new Network(spec.neurons, synapses, options);
  }

  /** Compiles a network whose synapses are already in compact form (stress networks). */
  static fromCompact(neurons: readonly NeuronSpec[], synapses: CompactSynapses, options: NetworkOptions = {}): Network {
    indexNeurons(neurons);
    const n = neurons.length;
    for (let s = 0; s < synapses.from.length; s++) {
      const a = synapses.from[s],
        b = synapses.to[s],
        w = synapses.weight[s];
      if (!(a >= 0 && a < n && b >= 0 && b < n)) throw new Error(`synapses[${s}]: neuron index out of range 0..${n - 1}`);
      if (!(w >= 0 && Number.isFinite(w))) throw new Error(`synapses[${s}]: weight must be a finite number ≥ 0, got ${w}`);
      const d = synapses.delayMs?.[s] ?? 0;
      if (!(d >= 0 && d <= 1000)) throw new Error(`synapses[${s}]: delayMs must be in 0..1000 ms, got ${d}`);
      const use = synapses.depressionUse?.[s] ?? 0;
      if (!(use >= 0 && use <= 1)) throw new Error(`synapses[${s}]: depression use must be in 0..1, got ${use}`);
      if (use > 0 && !((synapses.depressionRecoveryMs?.[s] ?? 0) > 0)) throw new Error(`synapses[${s}]: depression recoveryMs must be > 0`);
    }
    return new Network(neurons, synapses, options);
  }

  private constructor(neurons: readonly NeuronSpec[], syn: CompactSynapses, options: NetworkOptions) {
    const n = neurons.length;
    this.size = n;
    this.ids = neurons.map((x) => x.id);
    this.ids.forEach((id, i) => this.index.set(id, i));
    this.kinds = neurons.map((x) => x.model);
    this.tauExc = checkTau(options.tauExcMs ?? 5, 'tauExcMs');
    this.tauInh = checkTau(options.tauInhMs ?? 10, 'tauInhMs');
    this.syn = syn;
    const registry = options.models ?? MODELS;

    // Populations: one per model kind, in order of first appearance.
    const resolved = neurons.map((x, i) => {
      const where = `neurons[${i}] (${JSON.stringify(x.id)})`;
      const model = Object.hasOwn(registry, x.model) ? registry[x.model] : undefined;
      if (!model) throw new Error(`${where}: unknown neuron model ${JSON.stringify(x.model)}; available: ${Object.keys(registry).join(', ')}`);
      return resolveNeuronParams(model, x, where);
    });
    this.params = resolved.map((r) => r.params);
    const order: ModelKind[] = [];
    for (const k of this.kinds) if (!order.includes(k)) order.push(k);
    this.popOf = new Int32Array(n);
    this.localOf = new Int32Array(n);
    this.pops = order.map((kind, p) => {
      const members: number[] = [];
      this.kinds.forEach((k, g) => {
        if (k === kind) {
          this.popOf[g] = p;
          this.localOf[g] = members.length;
          members.push(g);
        }
      });
      const model = registry[kind]!;
      const pop = model.createPopulation(members.map((g) => resolved[g]));
      if (pop.size !== members.length) throw new Error(`model ${kind}: population has ${pop.size} neurons, expected ${members.length}`);
      return { kind, model, pop, globals: Int32Array.from(members), current: new Float64Array(members.length) };
    });
    this.tEntry = this.pops.find((e) => e.kind === 'transmitter') ?? null;
    this.tPop = this.tEntry && isTransmitterPopulation(this.tEntry.pop) ? this.tEntry.pop : null;
    if (this.tEntry && !this.tPop) throw new Error('transmitter model did not build a transmitter population');

    // Global views: the population's own arrays when it is the whole network.
    this.identity = this.pops.length === 1;
    if (this.identity) {
      const p = this.pops[0].pop;
      this.v = p.v;
      this.out = p.output;
      this.spiked = p.spiked;
    } else {
      this.v = new Float64Array(n);
      this.out = new Float64Array(n);
      this.spiked = new Uint8Array(n);
    }
    this.input = new Float64Array(n);
    this.current = new Float64Array(n);
    this.fired = new Int32Array(n);
    this.alive = new Uint8Array(n).fill(1);

    // Classify synapses.
    const ns = syn.from.length;
    this.synClass = new Uint8Array(ns);
    this.synSlot = new Int32Array(ns);
    this.synCut = new Uint8Array(ns);
    const isT = (g: number) => this.kinds[g] === 'transmitter';
    const spikingPre = (g: number) => !isT(g) && this.pops[this.popOf[g]].model.spiking;
    const transmitters = neurons.map((x) => x.transmitter);
    const sign = (s: number) => (syn.sign[s] !== 0 ? syn.sign[s] : defaultSign(transmitters[syn.from[s]]));
    const delay = (s: number) => (syn.delayMs ? syn.delayMs[s] : 0);
    const use = (s: number) => (syn.depressionUse ? syn.depressionUse[s] : 0);
    const hasDepression = (s: number) => syn.depressionRecoveryMs !== undefined && syn.depressionRecoveryMs[s] > 0;
    this.tLinks = this.tPop ? Array.from({ length: this.tPop.size }, () => []) : [];
    const cFast: number[] = [],
      cSlow: number[] = [],
      eFast: number[] = [],
      eSlow: number[] = [],
      gaps: number[] = [];
    for (let s = 0; s < ns; s++) {
      const a = syn.from[s],
        b = syn.to[s];
      if (syn.kind[s] === ELECTRICAL) {
        this.synClass[s] = GAP;
        this.synSlot[s] = gaps.length;
        gaps.push(s);
        continue;
      }
      if (syn.kind[s] !== CHEMICAL) throw new Error(`synapses[${s}]: unknown kind code ${syn.kind[s]}`);
      const slow = delay(s) > 0 || hasDepression(s);
      if (isT(a)) {
        if (slow) {
          throw new Error(
            `synapses[${s}] (${this.ids[a]} → ${this.ids[b]}): delayMs and depression are not supported on synapses from a transmitter neuron ` +
              '(the seed delivers within its cycle); remove them',
          );
        }
        this.synClass[s] = T_LINK;
        this.tLinks[this.localOf[a]].push({ to: b, weight: syn.weight[s] });
      } else if (spikingPre(a) && !isT(b)) {
        this.synClass[s] = slow ? E_SLOW : E_FAST;
        (slow ? eSlow : eFast).push(s);
      } else {
        this.synClass[s] = slow || isT(b) ? C_SLOW : C_FAST;
        (slow || isT(b) ? cSlow : cFast).push(s);
      }
    }
    const row = (list: number[]) => {
      const csr = buildCsr(n, list, syn, sign);
      list.forEach((s, k) => (this.synSlot[s] = csr.slotOf[k]));
      return csr;
    };
    const cCsr = row(cFast);
    const eCsr = row(eFast);
    this.cW = cCsr.w;
    this.eW = eCsr.w;
    this.cs = slowTable(cSlow, syn, sign, delay, use, hasDepression, (s, k) => (this.synSlot[s] = k), false);
    this.es = slowTable(eSlow, syn, sign, delay, use, hasDepression, (s, k) => (this.synSlot[s] = k), true, n);
    this.gapA = Int32Array.from(gaps, (s) => syn.from[s]);
    this.gapB = Int32Array.from(gaps, (s) => syn.to[s]);
    this.gapG = Float64Array.from(gaps, (s) => syn.weight[s]);
    this.gapGx = Float64Array.from(this.gapG);
    this.gEntry = this.pops.find((e) => e.kind === 'graded' && isGradedPopulation(e.pop)) ?? null;
    this.gPop = this.gEntry && isGradedPopulation(this.gEntry.pop) ? this.gEntry.pop : null;
    this.hasEvents = eFast.length + eSlow.length > 0;
    this.ge = new Float64Array(this.hasEvents ? n : 0);
    this.gi = new Float64Array(this.hasEvents ? n : 0);
    // Slow continuous synapses onto transmitter neurons write straight into their dendrites.
    for (let k = 0; k < this.cs.size; k++) {
      const b = this.cs.post[k];
      if (isT(b)) {
        this.cs.toT[k] = 1;
        this.cs.post[k] = this.localOf[b];
      }
    }

    this.kFast = cFast.length > 0 ? freshKernel(scatterKernel)(cFast.length, cCsr.pre, cCsr.post, cCsr.w, this.out, this.current) : null;
    this.kSlowContinuous = this.cs.size > 0 ? this.makeSlowContinuous() : null;
    this.kEventCurrent = this.hasEvents ? freshKernel(eventCurrentKernel)(n, this.ge, this.gi, this.current) : null;
    this.kGap = gaps.length > 0 ? freshKernel(gapKernel)(gaps.length, this.gapA, this.gapB, this.gapGx, this.v, this.current) : null;
    this.kDeliver = eFast.length > 0 ? freshKernel(deliverKernel)(eCsr.rowStart, eCsr.post, eCsr.w, this.ge, this.gi, this.fired) : null;
    this.kEvents = this.hasEvents ? this.makeEvents() : null;
    const only = this.pops.length === 1 ? this.pops[0].pop : null;
    const fusable =
      options.fastPaths !== false &&
      only !== null &&
      isLifPopulation(only) &&
      cFast.length === 0 &&
      cSlow.length === 0 &&
      eSlow.length === 0 &&
      gaps.length === 0 &&
      eFast.length > 0;
    this.fusedPop = fusable && isLifPopulation(only) ? only : null;
    this.kFused = this.fusedPop ? this.fusedPop.eventStep(this.input, this.ge, this.gi, this.current, this.fired) : null;
    this.rebuildTransmitterWiring();
    this.reset();
  }

  /** Release level per neuron, 0..1 (spiking models: a smoothed firing rate). */
  get output(): Float64Array {
    if (this.outputStale) {
      this.outputStale = false;
      this.fusedPop?.refreshOutput();
    }
    return this.out;
  }

  /** How many neurons fired in the last step (their indices: `fired`). */
  get firedCount(): number {
    return this._firedCount;
  }

  get steps(): number {
    return this._steps;
  }

  get timeMs(): number {
    return this._timeMs;
  }

  /** Global index of a neuron id, −1 if absent. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  modelOf(i: number): ModelKind {
    return this.kinds[this.checkIndex(i)];
  }

  /** The neuron's complete parameters (a copy). */
  paramsOf(i: number): ParamValues {
    return { ...this.params[this.checkIndex(i)] };
  }

  isAblated(i: number): boolean {
    return this.alive[this.checkIndex(i)] === 0;
  }

  /** One network step of dtMs (transmitter neurons: exactly one seed cycle, whatever dt). */
  step(dtMs: number): void {
    if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new Error(`Network.step: dtMs must be a finite number > 0, got ${dtMs}`);
    if (dtMs !== this.layoutDt) this.layout(dtMs);
    if (this.stiffDirty) this.chooseStiffJunctions(dtMs);
    if (this.kFused && this.ablated.length === 0) {
      // Same numbers as the general path below, in one pass (see LifPopulation.eventStep).
      const count = this.kFused(dtMs, this.decE, this.decI);
      this.outputStale = true;
      this._firedCount = count;
      this.kDeliver!(count);
      this._steps++;
      this._timeMs += dtMs;
      return;
    }
    const I = this.current;
    I.set(this.input);
    for (const g of this.ablated) I[g] = 0;
    if (this.kFast) this.kFast();
    if (this.kSlowContinuous) this.kSlowContinuous();
    if (this.kEventCurrent) this.kEventCurrent();
    if (this.kGap) this.kGap();
    if (this.tEntry && this.tPop && this.tCycle) {
      const e = this.tEntry;
      if (this.identity) injectCurrent(this.tPop, I);
      else {
        for (let k = 0; k < e.globals.length; k++) e.current[k] = I[e.globals[k]];
        injectCurrent(this.tPop, e.current);
      }
      this.tCycle();
    }
    for (const e of this.pops) {
      if (e === this.tEntry) continue;
      if (this.identity) e.pop.step(dtMs, I);
      else {
        const { globals, current } = e;
        for (let k = 0; k < globals.length; k++) current[k] = I[globals[k]];
        e.pop.step(dtMs, current);
      }
      if (e === this.gEntry && this.kRelax) this.kRelax();
    }
    this.gather();
    const spiked = this.spiked,
      fired = this.fired;
    let count = 0;
    for (let g = 0; g < this.size; g++) if (spiked[g] !== 0) fired[count++] = g;
    this._firedCount = count;
    if (this.kEvents) this.kEvents();
    this._steps++;
    this._timeMs += dtMs;
    if (this.outHist) this.outHist.set(this.out, (this._steps % this.ringLen) * this.size);
  }

  /** Back to the initial state. Structural changes (ablations, cuts, links, parameters) stay; `input` is the caller's and stays. */
  reset(): void {
    for (const e of this.pops) e.pop.reset();
    this.outputStale = false;
    this.gather();
    this.current.fill(0);
    this.ge.fill(0);
    this.gi.fill(0);
    this.ringE?.fill(0);
    this.ringI?.fill(0);
    this.cs.x.fill(1);
    this.es.x.fill(1);
    this._steps = 0;
    this._timeMs = 0;
    this._firedCount = 0;
    this.fillHistory();
  }

  /**
   * Silences a neuron for good (until the network is rebuilt): it receives no
   * current, releases nothing, and its gap junctions conduct nothing. A
   * transmitter neuron freezes; shares sent to it are lost.
   */
  ablate(id: string): void {
    const g = this.need(id);
    if (this.alive[g] === 0) return;
    this.alive[g] = 0;
    this.ablated.push(g);
    const syn = this.syn;
    for (let s = 0; s < syn.from.length; s++) {
      if (syn.from[s] === g || syn.to[s] === g) this.zeroSynapse(s);
    }
    if (this.tPop && this.kinds[g] === 'transmitter') this.tPop.active[this.localOf[g]] = 0;
    this.stiffDirty = true;
    this.rebuildTransmitterWiring();
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
    const syn = this.syn;
    let cut = 0;
    for (let s = 0; s < syn.from.length; s++) {
      const gap = syn.kind[s] === ELECTRICAL;
      if (kind !== undefined && (kind === 'electrical') !== gap) continue;
      const match = (syn.from[s] === a && syn.to[s] === b) || (gap && syn.from[s] === b && syn.to[s] === a);
      if (!match || this.synClass[s] === T_LINK || this.synCut[s] === 1) continue;
      this.synCut[s] = 1;
      this.zeroSynapse(s);
      if (gap) this.stiffDirty = true;
      cut++;
    }
    if (kind !== 'electrical' && this.kinds[a] === 'transmitter' && this.tPop) {
      const list = this.tLinks[this.localOf[a]];
      const kept = list.filter((l) => l.to !== b);
      cut += list.length - kept.length;
      list.splice(0, list.length, ...kept);
      this.rebuildTransmitterWiring();
    }
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
    if (this.kinds[a] !== 'transmitter' || !this.tPop) {
      throw new Error(
        `link: ${JSON.stringify(from)} is a ${this.kinds[a]} neuron; link() toggles links of transmitter neurons (use synapses in the circuit or cutSynapse)`,
      );
    }
    const list = this.tLinks[this.localOf[a]];
    const at = list.findIndex((l) => l.to === b);
    if (at >= 0) list.splice(at, 1);
    else list.push({ to: b, weight: 1 });
    this.rebuildTransmitterWiring();
    return at < 0;
  }

  /** Changes one parameter of a neuron in place (state kept), after a range check. */
  setParam(id: string, name: string, value: number | readonly [number, number]): void {
    const g = this.need(id);
    const e = this.pops[this.popOf[g]];
    const spec = e.model.params[name];
    if (!spec) throw new Error(`setParam: model ${e.kind} has no parameter "${name}"; allowed: ${Object.keys(e.model.params).join(', ')}`);
    const checked = checkParam(`params.${name}`, spec, value, `setParam ${JSON.stringify(id)}`);
    if (!e.pop.setParam) throw new Error(`setParam: the ${e.kind} model cannot change parameters while running; rebuild the network`);
    try {
      e.pop.setParam(this.localOf[g], name, checked);
    } catch (err) {
      throw new Error(`setParam ${JSON.stringify(id)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.params[g] = { ...this.params[g], [name]: checked };
    this.stiffDirty = true; // capacitance and τ set a graded neuron's gap stiffness
  }

  /**
   * How stiff the gap junctions are at dtMs (default: the last step's dt, or
   * 1 ms before the first step), with the current parameters, ablations and
   * cuts; which neurons the engine treats as stiff (docs/neural.md).
   */
  gapStiffness(dtMs: number = Number.isNaN(this.layoutDt) ? 1 : this.layoutDt): GapStiffness {
    if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new Error(`gapStiffness: dtMs must be a finite number > 0, got ${dtMs}`);
    const { ratio, relaxed } = this.stiffnessAt(dtMs);
    const stiff: string[] = [];
    ratio.forEach((r, g) => {
      if (r > STIFF_GAP_RATIO) stiff.push(this.ids[g]);
    });
    let live = 0;
    for (let k = 0; k < this.gapG.length; k++) if (this.gapG[k] > 0) live++;
    return { dtMs, ratio, stiff, relaxedJunctions: relaxed.length, junctions: live };
  }

  /** The seed-level state of transmitter neuron i (for trace and views). */
  transmitterState(i: number): TransmitterState {
    const p = this.tPopFor(i);
    const k = this.localOf[i];
    const code = p.phase[k];
    return {
      phase: code === NO_PHASE ? null : PHASE_NAMES[code],
      accumulated: [p.accumulatedE[k], p.accumulatedI[k]],
      synapse: [p.synapseE[k], p.synapseI[k]],
      dendrite: [p.dendriteE[k], p.dendriteI[k]],
      current: [p.currentE[k], p.currentI[k]],
      last: [p.lastE[k], p.lastI[k]],
      stepsToActivation: p.stepsToActivation[k],
      stepsToRecovery: p.stepsToRecovery[k],
    };
  }

  /** Targets of transmitter neuron i in delivery order (global indices; ablated targets included, they receive nothing). */
  transmitterTargets(i: number): readonly number[] {
    this.tPopFor(i);
    return this.tLinks[this.localOf[i]].map((l) => l.to);
  }

  /** Resource x (0..1) of the first depressing chemical synapse from → to. */
  synapseResource(from: string, to: string): number {
    const a = this.need(from),
      b = this.need(to);
    const syn = this.syn;
    for (let s = 0; s < syn.from.length; s++) {
      if (syn.from[s] !== a || syn.to[s] !== b) continue;
      if (this.synClass[s] === C_SLOW) return this.cs.x[this.synSlot[s]];
      if (this.synClass[s] === E_SLOW) return this.es.x[this.synSlot[s]];
    }
    throw new Error(`synapseResource: no delayed or depressing chemical synapse from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  }

  // ---------------------------------------------------------------- internals

  private checkIndex(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new Error(`neuron index ${i} out of range 0..${this.size - 1}`);
    return i;
  }

  private need(id: string): number {
    const g = this.indexOf(id);
    if (g < 0) throw new Error(`no neuron ${JSON.stringify(id)} in the network`);
    return g;
  }

  private tPopFor(i: number): TransmitterPopulation {
    this.checkIndex(i);
    if (this.kinds[i] !== 'transmitter' || !this.tPop)
      throw new Error(`neuron ${JSON.stringify(this.ids[i])} is a ${this.kinds[i]} neuron, not a transmitter neuron`);
    return this.tPop;
  }

  private zeroSynapse(s: number): void {
    const slot = this.synSlot[s];
    switch (this.synClass[s]) {
      case C_FAST:
        this.cW[slot] = 0;
        break;
      case E_FAST:
        this.eW[slot] = 0;
        break;
      case C_SLOW:
        this.cs.w[slot] = 0;
        break;
      case E_SLOW:
        this.es.w[slot] = 0;
        break;
      case GAP:
        this.gapG[slot] = 0;
        this.gapGx[slot] = 0;
        break;
      default:
        break; // T_LINK: handled through the link lists
    }
  }

  private rebuildTransmitterWiring(): void {
    if (!this.tPop || !this.tEntry) return;
    const n = this.tPop.size;
    const rowStart = new Int32Array(n + 1);
    this.tLinks.forEach((l, k) => (rowStart[k + 1] = rowStart[k] + l.length));
    const m = rowStart[n];
    const target = new Int32Array(m),
      toTransmitter = new Uint8Array(m),
      weight = new Float64Array(m),
      deliver = new Uint8Array(m);
    this.tLinks.forEach((list, k) => {
      list.forEach((l, j) => {
        const at = rowStart[k] + j;
        const t = this.kinds[l.to] === 'transmitter';
        target[at] = t ? this.localOf[l.to] : l.to;
        toTransmitter[at] = t ? 1 : 0;
        weight[at] = l.weight;
        deliver[at] = this.alive[l.to];
      });
    });
    this.tWiring = { rowStart, target, toTransmitter, weight, deliver };
    this.tCycle = makeTransmitterCycle(this.tPop, this.tWiring, this.current);
  }

  private gather(): void {
    if (!this.identity) {
      for (const { pop, globals } of this.pops) {
        const { v, output, spiked } = pop;
        for (let k = 0; k < globals.length; k++) {
          const g = globals[k];
          this.v[g] = v[k];
          this.out[g] = output[k];
          this.spiked[g] = spiked[k];
        }
      }
    }
    for (const g of this.ablated) {
      this.out[g] = 0;
      this.spiked[g] = 0;
    }
  }

  /** Explicit ratio ρ per neuron at dt, and the junctions to relax (indices into the gap arrays). */
  private stiffnessAt(dt: number): { ratio: Float64Array; relaxed: number[] } {
    const n = this.size,
      gA = this.gapA,
      gB = this.gapB,
      gG = this.gapG;
    const ratio = new Float64Array(n);
    const relaxed: number[] = [];
    const gp = this.gPop,
      ge = this.gEntry;
    if (!gp || !ge || gG.length === 0) return { ratio, relaxed };
    const sum = new Float64Array(n);
    for (let k = 0; k < gG.length; k++) {
      if (gA[k] === gB[k]) continue; // carries nothing
      sum[gA[k]] += gG[k];
      sum[gB[k]] += gG[k];
    }
    const gIndex = this.pops.indexOf(ge);
    const graded = (g: number) => this.popOf[g] === gIndex;
    for (let k = 0; k < ge.globals.length; k++) {
      const g = ge.globals[k];
      if (sum[g] === 0) continue;
      const tau = gp.tauMs[k],
        d = Math.exp(-dt / tau);
      ratio[g] = (2 * (((1 - d) * tau) / gp.capacitance[k]) * sum[g]) / (1 + d);
    }
    for (let k = 0; k < gG.length; k++) {
      const a = gA[k],
        b = gB[k];
      if (gG[k] > 0 && a !== b && graded(a) && graded(b) && (ratio[a] > STIFF_GAP_RATIO || ratio[b] > STIFF_GAP_RATIO)) relaxed.push(k);
    }
    return { ratio, relaxed };
  }

  /** Splits the junctions into explicit ones and ones relaxed exactly, for dt (see the header comment). */
  private chooseStiffJunctions(dt: number): void {
    this.stiffDirty = false;
    this.gapGx.set(this.gapG);
    this.kRelax = null;
    const { relaxed } = this.stiffnessAt(dt);
    if (relaxed.length === 0 || !this.gPop) return;
    const m = relaxed.length;
    const a = new Int32Array(m),
      b = new Int32Array(m),
      g = new Float64Array(m);
    relaxed.forEach((k, j) => {
      a[j] = this.localOf[this.gapA[k]];
      b[j] = this.localOf[this.gapB[k]];
      g[j] = this.gapG[k];
      this.gapGx[k] = 0;
    });
    this.kRelax = this.gPop.gapRelaxation(a, b, g, dt);
  }

  /** Factors and delay rings for a time step; recomputed only when dt changes. */
  private layout(dt: number): void {
    this.layoutDt = dt;
    this.stiffDirty = true;
    this.decE = Math.exp(-dt / this.tauExc);
    this.decI = Math.exp(-dt / this.tauInh);
    let maxDelay = 0;
    for (const t of [this.cs, this.es]) {
      for (let k = 0; k < t.size; k++) {
        t.delay[k] = Math.round(t.delayMs[k] / dt);
        t.recovery[k] = t.recoveryMs[k] > 0 ? Math.exp(-dt / t.recoveryMs[k]) : 0;
        if (t.delay[k] > maxDelay) maxDelay = t.delay[k];
      }
    }
    // A new dt re-rounds the delays: in-flight delayed spikes are dropped and
    // the output history restarts from the present output.
    const len = maxDelay + 1;
    this.ringLen = len;
    const needHist = maxDelay > 0 && this.cs.size > 0 && this.cs.delay.some((d) => d > 0);
    const needRing = maxDelay > 0 && this.es.size > 0 && this.es.delay.some((d) => d > 0);
    this.outHist = needHist ? new Float64Array(len * this.size) : null;
    this.ringE = needRing ? new Float64Array(len * this.size) : null;
    this.ringI = needRing ? new Float64Array(len * this.size) : null;
    this.fillHistory();
  }

  private fillHistory(): void {
    const h = this.outHist;
    if (!h) return;
    for (let r = 0; r < this.ringLen; r++) h.set(this.out, r * this.size);
  }

  /** Continuous synapses with delay, depression, or a transmitter target. */
  private makeSlowContinuous(): () => void {
    const { pre, post, w, sign, delay, use, recovery, x, toT, size } = this.cs;
    const out = this.out,
      I = this.current,
      n = this.size;
    const dE = this.tPop?.dendriteE ?? new Float64Array(0);
    const dI = this.tPop?.dendriteI ?? new Float64Array(0);
    return () => {
      const dt = this.layoutDt;
      const hist = this.outHist;
      const len = this.ringLen;
      const now = this._steps;
      for (let k = 0; k < size; k++) {
        const d = delay[k];
        const o = d > 0 && hist ? hist[((((now - d) % len) + len) % len) * n + pre[k]] : out[pre[k]];
        const xk = x[k];
        const drive = w[k] * xk * o;
        if (toT[k] === 1) {
          if (sign[k] > 0) dE[post[k]] += drive;
          else dI[post[k]] -= drive;
        } else {
          I[post[k]] += sign[k] * drive;
        }
        if (use[k] > 0) {
          // Consumption use·o·x per ms (implicit, stays in 0..1), then exact recovery toward 1.
          const used = xk / (1 + dt * use[k] * o);
          x[k] = 1 - (1 - used) * recovery[k];
        }
      }
    };
  }

  /** After the populations stepped: decay the exponential currents, deliver due and new spikes (the fired list). */
  private makeEvents(): () => void {
    const es = this.es;
    const ge = this.ge,
      gi = this.gi,
      fired = this.fired,
      n = this.size;
    const esRow = es.rowStart!;
    return () => {
      const de = this.decE,
        di = this.decI;
      for (let g = 0; g < n; g++) {
        ge[g] *= de;
        gi[g] *= di;
      }
      const ringE = this.ringE,
        ringI = this.ringI,
        len = this.ringLen;
      const slot = this._steps % len;
      if (ringE && ringI) {
        const base = slot * n;
        for (let g = 0; g < n; g++) {
          ge[g] += ringE[base + g];
          gi[g] += ringI[base + g];
          ringE[base + g] = 0;
          ringI[base + g] = 0;
        }
      }
      for (let k = 0; k < es.size; k++) if (es.use[k] > 0) es.x[k] = 1 - (1 - es.x[k]) * es.recovery[k];
      const count = this._firedCount;
      if (this.kDeliver) this.kDeliver(count);
      if (es.size === 0) return;
      for (let j = 0; j < count; j++) {
        const g = fired[j];
        for (let k = esRow[g], end = esRow[g + 1]; k < end; k++) {
          const xk = es.x[k];
          const eff = es.w[k] * xk;
          if (es.use[k] > 0) es.x[k] = xk - es.use[k] * xk;
          const d = es.delay[k];
          const t = es.post[k];
          if (d === 0) {
            if (es.sign[k] > 0) ge[t] += eff;
            else gi[t] += eff;
          } else {
            const at = ((slot + d) % len) * n + t;
            if (es.sign[k] > 0) ringE![at] += eff;
            else ringI![at] += eff;
          }
        }
      }
    };
  }
}

// ------------------------------------------------------------------ helpers

function indexNeurons(neurons: readonly NeuronSpec[]): Map<string, number> {
  const index = new Map<string, number>();
  neurons.forEach((x, i) => {
    if (typeof x.id !== 'string' || x.id === '') throw new Error(`neurons[${i}]: "id" must be a non-empty string`);
    if (index.has(x.id)) throw new Error(`neurons[${i}]: duplicate id ${JSON.stringify(x.id)} (also neurons[${index.get(x.id)}])`);
    index.set(x.id, i);
  });
  return index;
}

function checkTau(t: number, name: string): number {
  if (!(t > 0) || !Number.isFinite(t)) throw new Error(`Network options: ${name} must be a finite number > 0 ms, got ${t}`);
  return t;
}

interface Csr {
  rowStart: Int32Array;
  /** Presynaptic neuron of each synapse (rows in order: the flat scatter loop reads it). */
  pre: Int32Array;
  post: Int32Array;
  /** Signed weight. */
  w: Float64Array;
  /** CSR slot of the k-th synapse of the input list. */
  slotOf: Int32Array;
}

/** CSR by presynaptic neuron; synapses keep their spec order within a row. */
function buildCsr(n: number, list: number[], syn: CompactSynapses, sign: (s: number) => number): Csr {
  const rowStart = new Int32Array(n + 1);
  for (const s of list) rowStart[syn.from[s] + 1]++;
  for (let g = 0; g < n; g++) rowStart[g + 1] += rowStart[g];
  const fillAt = rowStart.slice(0, n);
  const pre = new Int32Array(list.length),
    post = new Int32Array(list.length),
    w = new Float64Array(list.length),
    slotOf = new Int32Array(list.length);
  list.forEach((s, k) => {
    const at = fillAt[syn.from[s]]++;
    pre[at] = syn.from[s];
    post[at] = syn.to[s];
    w[at] = sign(s) * syn.weight[s];
    slotOf[k] = at;
  });
  return { rowStart, pre, post, w, slotOf };
}

interface SlowTable {
  size: number;
  pre: Int32Array;
  post: Int32Array;
  /** Weight ≥ 0 (sign apart). */
  w: Float64Array;
  sign: Float64Array;
  delayMs: Float64Array;
  delay: Int32Array;
  use: Float64Array;
  recoveryMs: Float64Array;
  /** e^(−dt/recoveryMs) for the current dt. */
  recovery: Float64Array;
  /** Resource, 0..1. */
  x: Float64Array;
  toT: Uint8Array;
  /** CSR row starts by presynaptic neuron (spike-driven table only). */
  rowStart?: Int32Array;
}

function slowTable(
  list: number[],
  syn: CompactSynapses,
  sign: (s: number) => number,
  delay: (s: number) => number,
  use: (s: number) => number,
  hasDepression: (s: number) => boolean,
  slot: (s: number, k: number) => void,
  byPre: boolean,
  n = 0,
): SlowTable {
  let order = list;
  let rowStart: Int32Array | undefined;
  if (byPre) {
    order = [...list].sort((p, q) => syn.from[p] - syn.from[q] || p - q);
    rowStart = new Int32Array(n + 1);
    for (const s of order) rowStart[syn.from[s] + 1]++;
    for (let g = 0; g < n; g++) rowStart[g + 1] += rowStart[g];
  }
  const m = order.length;
  const t: SlowTable = {
    size: m,
    pre: new Int32Array(m),
    post: new Int32Array(m),
    w: new Float64Array(m),
    sign: new Float64Array(m),
    delayMs: new Float64Array(m),
    delay: new Int32Array(m),
    use: new Float64Array(m),
    recoveryMs: new Float64Array(m),
    recovery: new Float64Array(m),
    x: new Float64Array(m).fill(1),
    toT: new Uint8Array(m),
    rowStart,
  };
  order.forEach((s, k) => {
    t.pre[k] = syn.from[s];
    t.post[k] = syn.to[s];
    t.w[k] = syn.weight[s];
    t.sign[k] = sign(s);
    t.delayMs[k] = delay(s);
    if (hasDepression(s)) {
      t.use[k] = use(s);
      t.recoveryMs[k] = syn.depressionRecoveryMs![s];
    }
    slot(s, k);
  });
  return t;
}
