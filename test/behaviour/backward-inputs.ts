/**
 * Why the converted worm's A units latch or alternate while it backs (issue 14): the locomotion core alone with AVA
 * held on (holdAva: 3 pA on the shipped AVA, 60 mV above rest at any size, from 5 s, as conductance-fixes.ts `backward` drives it), on the current and the converted
 * membrane. Every 0.1 s one raster line: the along-body speed, each A-type unit's state (D: DA above −45 mV,
 * V: VA, B: both, '.': neither; units 1.. then the tail pair DA9/VA12) and the B units' the same way. Every 0.5 s
 * the input currents (pA, + depolarising) into one unit's DA/VA and the tail's pair, synapse by synapse (release ×
 * resource of a depressing synapse × g × (E_rev − V) on conductances, ± w × release on currents) and the sense
 * (stretch, with the neurons' noise), to see which input holds the loser down.
 * `npx tsx test/behaviour/backward-inputs.ts [seed 1] [unit 3] [GAIT overrides JSON on CONDUCTANCE_LAYERS.gait]`
 */
import { buildLocomotion } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import type { ChemicalSynapseSpec } from '../../src/neural/types';
import { createSimulation } from '../../src/sim/simulation';
import { holdAva, parseGaitJson } from './conductance-measure';
import { OPEN_FIELD } from './measure';

type Chemical = ChemicalSynapseSpec;

const seed = Number(process.argv[2] ?? 1);
const unit = Number(process.argv[3] ?? 3);
if (!Number.isInteger(seed) || seed < 1) throw new Error(`backward-inputs: seed = "${process.argv[2]}": give a positive integer, e.g. 1`);
if (!Number.isInteger(unit) || unit < 1 || unit > 5)
  throw new Error(`backward-inputs: unit = "${process.argv[3]}": give a body unit 1..5 (both cores have them; the tail pair is always shown)`);
const trial = process.argv[4] === undefined ? {} : parseGaitJson('backward-inputs', 'argument 3 (GAIT overrides)', process.argv[4]);

function run(circuit: Circuit, label: string): void {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const net = sim.network;
  const neurons = circuit.network.neurons;
  const at = new Map(neurons.map((n, i) => [n.id, i]));
  const v = (id: string) => net.v[at.get(id) ?? -1];
  const params = (id: string) => neurons[at.get(id) ?? -1].params as Record<string, number>;
  const chem = circuit.network.synapses.filter((s): s is Chemical => s.kind === 'chemical');
  const resource = (s: Chemical) => {
    try {
      return net.synapseResource(s.from, s.to);
    } catch {
      return 1; // not a depressing synapse
    }
  };
  /** One synapse's current into its target now (pA). */
  const current = (s: Chemical): number => {
    const pre = v(s.from);
    if (s.model === 'conductance') {
      const release = 1 / (1 + Math.exp(-(pre - (s.releaseHalfMv ?? -45)) / (s.releaseSlopeMv ?? 8)));
      return s.weight * release * resource(s) * ((s.reversalMv ?? 0) - v(s.to));
    }
    const p = params(s.from);
    const u = (pre - p.vHalfMv) / p.slopeMv;
    const inhibitory = s.sign === 'inhibitory' || (s.sign === undefined && neurons[at.get(s.from) ?? -1].transmitter === 'GABA');
    return (inhibitory ? -1 : 1) * s.weight * (0.5 + (0.5 * u) / Math.sqrt(1 + u * u)) * resource(s);
  };
  const inputs = (id: string) => {
    const i = at.get(id) ?? -1;
    const sense = net.input[i] - net.inputConductance[i] * net.v[i];
    return `${id} ${v(id).toFixed(0)} mV ← ${chem
      .filter((s) => s.to === id)
      .map((s) => `${s.from} ${current(s).toFixed(2)}`)
      .join(', ')}, sense ${sense.toFixed(2)}`;
  };
  const units = neurons.filter((n) => /^DA\d$/.test(n.id) && n.id !== 'DA9').length;
  const aPairs = [...Array.from({ length: units }, (_, k) => [`DA${k + 1}`, `VA${k + 1}`]), ['DA9', 'VA12']];
  const bPairs = Array.from({ length: units + 1 }, (_, k) => [`DB${k + 1}`, `VB${k + 1}`]);
  const state = ([d, w]: string[]) => {
    const [on1, on2] = [v(d) > -45, v(w) > -45];
    return on1 && on2 ? 'B' : on1 ? 'D' : on2 ? 'V' : '.';
  };
  console.log(`${label}, seed ${seed}, AVA held on from 5 s (t after it; mm/s, A units 1..${units} + tail, B units):`);
  sim.run(5000);
  holdAva(sim);
  for (let k = 1; k <= 40; k++) {
    sim.run(100);
    const line = `  ${(k / 10).toFixed(1)} s ${sim.behaviour().alongMmPerS.toFixed(2).padStart(5)} A ${aPairs.map(state).join('')} B ${bPairs.map(state).join('')}`;
    console.log(k % 5 === 0 ? `${line} | ${[`DA${unit}`, `VA${unit}`, 'DA9', 'VA12'].map(inputs).join(' | ')}` : line);
  }
}

run(circuitFromDoc(buildLocomotion(), 'locomotion (current)'), 'current locomotion core');
const gait = { ...CONDUCTANCE_LAYERS.gait, ...trial };
run(
  circuitFromDoc(buildConductance(buildLocomotion, { gait }), 'locomotion (conductance)'),
  `conductance locomotion core${process.argv[4] ? ` with ${process.argv[4]}` : ''}`,
);
