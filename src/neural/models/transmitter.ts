/**
 * The seed article's neuron (the first source article of the project, its transmitter neuron; docs/models.md), step for step.
 *
 * A neuron produces transmitter every step (`reproductivity`, an
 * [excitatory, inhibitory] pair whose inhibitory part is negative), collects
 * what arrives on its dendrites while it is accumulating, activates when the
 * sum of its last state passes `threshold`, passes the signal down the axon for
 * `speed` steps, releases what it accumulated into its synapse (keeping the
 * `returnability` fraction) and recovers for `recovery` steps.
 *
 * The network cycle (the seed's `maincycle`: step, then ×0.1 the synapse and
 * share it among the targets) lives in the kernel `makeTransmitterCycle`, which
 * the network engine calls once per network step; the population's own `step`
 * runs the same kernel with no targets.
 */
import type { NeuronModel, ParamValues, Population } from '../types';

export type TransmitterPhase = 'accumulate' | 'activate' | 'transfer' | 'release' | 'recover';

/** Phase codes in the `phase` array; NO_PHASE before the first step. */
export const PHASE_ACCUMULATE = 0;
export const PHASE_ACTIVATE = 1;
export const PHASE_TRANSFER = 2;
export const PHASE_RELEASE = 3;
export const PHASE_RECOVER = 4;
export const NO_PHASE = 255;
export const PHASE_NAMES: readonly TransmitterPhase[] = ['accumulate', 'activate', 'transfer', 'release', 'recover'];

/** The seed's multiplier of the synapse's content after each step (maincycle's `* 0.1`). */
export const SYNAPSE_DECAY = 0.1;

export interface TransmitterPopulation extends Population {
  readonly kind: 'transmitter';
  // Parameters (seed names in comments).
  readonly threshold: Float64Array; // treshold
  readonly returnability: Float64Array; // returnablity
  readonly speed: Float64Array;
  readonly recovery: Float64Array;
  readonly reproductivityE: Float64Array;
  readonly reproductivityI: Float64Array;
  // State.
  readonly stepsToActivation: Float64Array; // sta
  readonly stepsToRecovery: Float64Array; // str
  readonly accumulatedE: Float64Array;
  readonly accumulatedI: Float64Array;
  readonly synapseE: Float64Array;
  readonly synapseI: Float64Array;
  readonly dendriteE: Float64Array;
  readonly dendriteI: Float64Array;
  readonly currentE: Float64Array; // current_state
  readonly currentI: Float64Array;
  readonly lastE: Float64Array; // last_state
  readonly lastI: Float64Array;
  /** Phase code of the last step (PHASE_*), NO_PHASE before the first. */
  readonly phase: Uint8Array;
  /** 1 = the neuron steps; 0 = ablated (frozen, sends and receives nothing). */
  readonly active: Uint8Array;
}

/**
 * Where each neuron's synapse goes, in the seed's list order (CSR by
 * presynaptic local index). A target is either a transmitter neuron of the same
 * population (its dendrites receive the pair's share × weight) or a neuron of
 * another model (`sink[target] += (e + i) × weight` of the share, as current).
 */
export interface TransmitterWiring {
  readonly rowStart: Int32Array;
  readonly target: Int32Array;
  readonly toTransmitter: Uint8Array;
  readonly weight: Float64Array;
  /** Per target: 1 = deliver, 0 = the target is ablated (its share is lost, the division still counts it). */
  readonly deliver: Uint8Array;
}

export const EMPTY_WIRING = (n: number): TransmitterWiring => ({
  rowStart: new Int32Array(n + 1),
  target: new Int32Array(0),
  toTransmitter: new Uint8Array(0),
  weight: new Float64Array(0),
  deliver: new Uint8Array(0),
});

const pairSpec = (d: readonly [number, number], min: number, max: number, unit: string, help: string) => ({ default: d, min, max, unit, help });

export const transmitterModel: NeuronModel = {
  kind: 'transmitter',
  help: "The seed article's neuron: accumulates transmitter, activates over a threshold, releases after `speed` steps, then recovers.",
  currentUnit: 'transmitter units per step (positive → excitatory dendrite, negative → inhibitory)',
  conductanceUnit: 'none: the seed neuron takes no conductance',
  spiking: true,
  params: {
    threshold: { default: 10, min: -1e6, max: 1e6, unit: 'tu', help: 'Activates when last state (excitatory + inhibitory) exceeds this.' },
    returnability: { default: 0.1, min: 0, max: 1, unit: '', help: 'Fraction of the accumulated transmitter kept after a release.' },
    speed: { default: 5, min: 0, max: 1000, unit: 'steps', help: 'Steps from activation to release (the lower, the faster).', integer: true },
    recovery: { default: 5, min: 0, max: 1000, unit: 'steps', help: 'Steps of recovery after a release.', integer: true },
    reproductivity: pairSpec([0.5, -0.1], -1e6, 1e6, 'tu/step', 'Transmitter produced per step [excitatory, inhibitory].'),
  },
  init: {
    stepsToActivation: {
      default: 5,
      min: 0,
      max: 1000,
      unit: 'steps',
      help: "Steps until release; > 0 starts the neuron on its own (the seed's sta).",
      integer: true,
    },
    stepsToRecovery: { default: 0, min: 0, max: 1000, unit: 'steps', help: "Recovery steps left (the seed's str).", integer: true },
    accumulated: pairSpec([0, 0], -1e9, 1e9, 'tu', 'Transmitter already accumulated [excitatory, inhibitory].'),
  },
  presets: {},
  createPopulation: (neurons) => createTransmitterPopulation(neurons),
};

const num = (v: ParamValues[string]): number => (typeof v === 'number' ? v : v[0]);
const pair = (v: ParamValues[string]): readonly [number, number] => (typeof v === 'number' ? [v, v] : v);

export function isTransmitterPopulation(p: Population): p is TransmitterPopulation {
  return p.kind === 'transmitter';
}

export function createTransmitterPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>): TransmitterPopulation {
  const n = neurons.length;
  const f = () => new Float64Array(n);
  const threshold = f(),
    returnability = f(),
    speed = f(),
    recovery = f(),
    reproductivityE = f(),
    reproductivityI = f();
  const sta0 = f(),
    str0 = f(),
    acc0E = f(),
    acc0I = f();
  neurons.forEach(({ params, init }, k) => {
    threshold[k] = num(params.threshold);
    returnability[k] = num(params.returnability);
    speed[k] = num(params.speed);
    recovery[k] = num(params.recovery);
    [reproductivityE[k], reproductivityI[k]] = pair(params.reproductivity);
    sta0[k] = num(init.stepsToActivation);
    str0[k] = num(init.stepsToRecovery);
    [acc0E[k], acc0I[k]] = pair(init.accumulated);
  });
  const pop: TransmitterPopulation = {
    kind: 'transmitter',
    size: n,
    v: f(),
    spiked: new Uint8Array(n),
    output: f(),
    variables: {},
    threshold,
    returnability,
    speed,
    recovery,
    reproductivityE,
    reproductivityI,
    stepsToActivation: f(),
    stepsToRecovery: f(),
    accumulatedE: f(),
    accumulatedI: f(),
    synapseE: f(),
    synapseI: f(),
    dendriteE: f(),
    dendriteI: f(),
    currentE: f(),
    currentI: f(),
    lastE: f(),
    lastI: f(),
    phase: new Uint8Array(n),
    active: new Uint8Array(n).fill(1),
    step(_dtMs: number, current: Float64Array) {
      injectCurrent(pop, current);
      standalone();
    },
    reset() {
      pop.stepsToActivation.set(sta0);
      pop.stepsToRecovery.set(str0);
      pop.accumulatedE.set(acc0E);
      pop.accumulatedI.set(acc0I);
      for (const a of [pop.synapseE, pop.synapseI, pop.dendriteE, pop.dendriteI, pop.currentE, pop.currentI, pop.lastE, pop.lastI, pop.v, pop.output])
        a.fill(0);
      pop.spiked.fill(0);
      pop.phase.fill(NO_PHASE);
    },
    setParam(k, name, value) {
      switch (name) {
        case 'threshold':
          threshold[k] = num(value);
          break;
        case 'returnability':
          returnability[k] = num(value);
          break;
        case 'speed':
          speed[k] = num(value);
          break;
        case 'recovery':
          recovery[k] = num(value);
          break;
        case 'reproductivity':
          [reproductivityE[k], reproductivityI[k]] = pair(value);
          break;
        default:
          throw new Error(`transmitter: unknown parameter "${name}"`);
      }
    },
  };
  const standalone = makeTransmitterCycle(pop, EMPTY_WIRING(n), new Float64Array(0));
  pop.reset();
  return pop;
}

/**
 * Adds an external current to the dendrites (one value per neuron per step):
 * positive to the excitatory dendrite, negative to the inhibitory one.
 */
export function injectCurrent(pop: TransmitterPopulation, current: Float64Array): void {
  const { dendriteE, dendriteI, active } = pop;
  for (let k = 0; k < pop.size; k++) {
    const c = current[k];
    if (c === 0 || active[k] === 0) continue;
    if (c > 0) dendriteE[k] += c;
    else dendriteI[k] += c;
  }
}

/**
 * One seed `maincycle` over the whole population, as a closure over its arrays.
 *
 *     for neuron in neurons:                 # in the order they were added
 *         neuron.step()
 *         tm = neuron.synapse                # an alias, so tm is the reduced pair
 *         neuron.synapse *= 0.1              # (both components)
 *         for d in targets[neuron]: d.dendrites(tm / len(targets[neuron]))
 *     for neuron in neurons: neuron.last_state = neuron.current_state
 *
 * The seed assigns `last_state = current_state` by reference, so from the first
 * cycle on both names share one list until an `activate` step rebinds
 * current_state to a fresh [0, 0]. Copying the values here gives the same
 * numbers: a neuron's last_state is read only by that neuron's own step(), once
 * per cycle, in the threshold test — before the `accumulate` branch of that
 * same step adds to current_state, and the cycle ends by making them equal
 * again. Nothing else reads last_state, so aliasing is never observable.
 * (test/fixtures/seed_neuron.py keeps the aliasing; the cross-check test proves
 * the two agree bit for bit.)
 *
 * Deliveries to later neurons are visible to them in the same cycle, exactly
 * as in the seed. Every arithmetic operation is the seed's, in its order.
 */
export function makeTransmitterCycle(pop: TransmitterPopulation, wiring: TransmitterWiring, sink: Float64Array): () => void {
  const n = pop.size;
  const {
    threshold,
    returnability,
    speed,
    recovery,
    reproductivityE,
    reproductivityI,
    stepsToActivation: sta,
    stepsToRecovery: str,
    accumulatedE,
    accumulatedI,
    synapseE,
    synapseI,
    dendriteE,
    dendriteI,
    currentE,
    currentI,
    lastE,
    lastI,
    phase,
    active,
    v,
    output,
    spiked,
  } = pop;
  const { rowStart, target, toTransmitter, weight, deliver } = wiring;
  return () => {
    for (let k = 0; k < n; k++) {
      if (active[k] === 0) continue;
      // Neuron.step()
      accumulatedE[k] += reproductivityE[k];
      accumulatedI[k] += reproductivityI[k];
      let p: number;
      if (str[k] > 0) {
        p = PHASE_RECOVER;
        str[k] -= 1;
      } else if (sta[k] === 1) {
        p = PHASE_RELEASE;
        sta[k] = 0;
        synapseE[k] += accumulatedE[k];
        synapseI[k] += accumulatedI[k];
        accumulatedE[k] = accumulatedE[k] * returnability[k];
        accumulatedI[k] = accumulatedI[k] * returnability[k];
        str[k] = recovery[k];
      } else if (sta[k] > 0) {
        p = PHASE_TRANSFER;
        sta[k] -= 1;
      } else if (lastE[k] + lastI[k] > threshold[k]) {
        p = PHASE_ACTIVATE;
        currentE[k] = 0;
        currentI[k] = 0;
        sta[k] = speed[k];
      } else {
        p = PHASE_ACCUMULATE;
        currentE[k] += dendriteE[k];
        currentI[k] += dendriteI[k];
        dendriteE[k] = 0;
        dendriteI[k] = 0;
      }
      phase[k] = p;
      spiked[k] = p === PHASE_RELEASE ? 1 : 0;
      output[k] = p === PHASE_RELEASE ? 1 : output[k] * SYNAPSE_DECAY;
      // maincycle: reduce the synapse, then share the reduced pair.
      const te = synapseE[k] * SYNAPSE_DECAY;
      const ti = synapseI[k] * SYNAPSE_DECAY;
      synapseE[k] = te;
      synapseI[k] = ti;
      const a = rowStart[k];
      const b = rowStart[k + 1];
      const amount = b - a;
      for (let j = a; j < b; j++) {
        if (deliver[j] === 0) continue;
        const t = target[j];
        if (toTransmitter[j] === 1) {
          // weight 1 (the seed) multiplies exactly: x * 1 === x.
          dendriteE[t] += (te / amount) * weight[j];
          dendriteI[t] += (ti / amount) * weight[j];
        } else {
          sink[t] += (te / amount + ti / amount) * weight[j];
        }
      }
    }
    for (let k = 0; k < n; k++) {
      lastE[k] = currentE[k];
      lastI[k] = currentI[k];
      v[k] = lastE[k] + lastI[k];
    }
  };
}
