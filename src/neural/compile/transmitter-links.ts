/**
 * The seed's links: chemical synapses from transmitter neurons. In the seed's
 * maincycle a neuron steps and at once shares its reduced synapse among its
 * targets (a delivery to a neuron later in the order is seen by it in the
 * same cycle), so the population's step and the delivery are one kernel
 * (makeTransmitterCycle): this module owns both, as the `transmitter.cycle`
 * step. Links live in lists in the seed's order; `link` toggles one like the
 * seed's Network.link, a cut removes it (its sender then divides by fewer).
 */
import { injectCurrent, makeTransmitterCycle, NO_PHASE, PHASE_NAMES, type TransmitterPhase, type TransmitterPopulation } from '../models/transmitter';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { CHEMICAL } from '../synapses';

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

/** The transmitter population's links in one network: the seed-level API the network hands on. */
export interface TransmitterInstance extends SynapseKernelInstance {
  readonly kind: 'transmitter';
  /** Toggles the link a → b (global indices; a is a transmitter neuron); true when it now exists. */
  link(a: number, b: number): boolean;
  /** Targets of transmitter neuron g in delivery order (global indices). */
  targets(g: number): readonly number[];
  state(g: number): TransmitterState;
}

export function isTransmitterInstance(k: SynapseKernelInstance): k is TransmitterInstance {
  return k.kind === 'transmitter';
}

interface Link {
  to: number; // global
  weight: number;
}

export const transmitterLinks: SynapseKernel = {
  kind: 'transmitter',
  claims(net, s) {
    const syn = net.synapses;
    if (syn.kind[s] !== CHEMICAL || !net.isTransmitter(syn.from[s])) return false;
    if (net.delayMs(s) > 0 || net.hasDepression(s)) {
      throw new Error(
        `synapses[${s}] (${net.ids[syn.from[s]]} → ${net.ids[syn.to[s]]}): delayMs and depression are not supported on synapses from a transmitter neuron ` +
          '(the seed delivers within its cycle); remove them',
      );
    }
    return true;
  },
  build(net, members) {
    const t = net.populations.transmitter;
    if (!t) return null;
    const { pop, entry } = t;
    const { localOf } = net.populations;
    const syn = net.synapses;
    const lists: Link[][] = Array.from({ length: pop.size }, () => []);
    /** Member j's link, for loadWeights (an unedited network's lists are as built). */
    const linkOf: Link[] = [];
    for (const s of members) {
      const link = { to: syn.to[s], weight: syn.weight[s] };
      lists[localOf[syn.from[s]]].push(link);
      linkOf.push(link);
    }
    let cycle = wire(net, pop, lists);
    const I = net.arrays.current;
    const run = net.populations.identity
      ? () => {
          injectCurrent(pop, I);
          cycle();
        }
      : () => {
          const { globals, current } = entry;
          for (let k = 0; k < globals.length; k++) current[k] = I[globals[k]];
          injectCurrent(pop, current);
          cycle();
        };
    const own = (g: number) => {
      if (!net.isTransmitter(g)) throw new Error(`neuron ${JSON.stringify(net.ids[g])} is not a transmitter neuron`);
      return localOf[g];
    };
    const instance: TransmitterInstance = {
      kind: 'transmitter',
      steps: [{ name: 'transmitter.cycle', when: 'groups', run }],
      ablate(g) {
        // A transmitter neuron freezes; shares sent to any ablated neuron are lost (its senders still divide by their full target count).
        if (net.isTransmitter(g)) pop.active[localOf[g]] = 0;
        cycle = wire(net, pop, lists);
      },
      cut(a, b, kind) {
        if (kind === 'electrical' || !net.isTransmitter(a)) return 0;
        const list = lists[localOf[a]];
        const kept = list.filter((l) => l.to !== b);
        const cut = list.length - kept.length;
        list.splice(0, list.length, ...kept);
        cycle = wire(net, pop, lists);
        return cut;
      },
      link(a, b) {
        const list = lists[own(a)];
        const at = list.findIndex((l) => l.to === b);
        if (at >= 0) list.splice(at, 1);
        else list.push({ to: b, weight: 1 });
        cycle = wire(net, pop, lists);
        return at < 0;
      },
      loadWeights() {
        members.forEach((s, j) => (linkOf[j].weight = syn.weight[s]));
        cycle = wire(net, pop, lists);
      },
      targets: (g) => lists[own(g)].map((l) => l.to),
      state(g) {
        const k = own(g);
        const code = pop.phase[k];
        return {
          phase: code === NO_PHASE ? null : PHASE_NAMES[code],
          accumulated: [pop.accumulatedE[k], pop.accumulatedI[k]],
          synapse: [pop.synapseE[k], pop.synapseI[k]],
          dendrite: [pop.dendriteE[k], pop.dendriteI[k]],
          current: [pop.currentE[k], pop.currentI[k]],
          last: [pop.lastE[k], pop.lastI[k]],
          stepsToActivation: pop.stepsToActivation[k],
          stepsToRecovery: pop.stepsToRecovery[k],
        };
      },
    };
    return instance;
  },
};

/** The seed cycle over the current link lists: CSR by sender, deliveries to ablated targets switched off. */
function wire(net: CompileContext, pop: TransmitterPopulation, lists: readonly Link[][]): () => void {
  const n = pop.size;
  const rowStart = new Int32Array(n + 1);
  lists.forEach((l, k) => (rowStart[k + 1] = rowStart[k] + l.length));
  const m = rowStart[n];
  const target = new Int32Array(m),
    toTransmitter = new Uint8Array(m),
    weight = new Float64Array(m),
    deliver = new Uint8Array(m);
  lists.forEach((list, k) => {
    list.forEach((l, j) => {
      const at = rowStart[k] + j;
      const t = net.isTransmitter(l.to);
      target[at] = t ? net.populations.localOf[l.to] : l.to;
      toTransmitter[at] = t ? 1 : 0;
      weight[at] = l.weight;
      deliver[at] = net.arrays.alive[l.to];
    });
  });
  return makeTransmitterCycle(pop, { rowStart, target, toTransmitter, weight, deliver }, net.arrays.current);
}
