/**
 * The "Rewire the reflex" challenge's repair on the conductance worm (session 14): the challenge's broken worm (ALM/AVM
 * → AVD and AVD → AVA cut) with ALM → AVA and AVM → AVA added as the editor adds them, a current-based synapse of
 * `weight` pA (the editor's only kind before session 14) or a conductance-based one of `weight` nS toward 0 mV; per
 * weight the challenge's paired touch check (probes answered of 3, seeds 1 and 2) and AVA's peak V in the 1.5 s after a
 * head touch at 3 s (seed 1). `npx tsx test/behaviour/rewire-repair.ts [current|conductance] [weights 0.25,0.5,1]`,
 * argument 1 the repair's synapse model.
 */
import { checkTouchAnswer } from '../../scenes/challenges/touch-check';
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { checkMembrane } from '../../src/circuits/builtin/membrane';
import type { SynapseSpec } from '../../src/neural/types';
import { createSimulation } from '../../src/sim/simulation';

const CUT = new Set(['ALM>AVD', 'AVM>AVD', 'AVD>AVA']);
const [membraneArg = 'conductance', weightArg = '0.25,0.5,1,2'] = process.argv.slice(2);
const model = checkMembrane(membraneArg, 'rewire-repair: synapse model (argument 1)');
const weights = weightArg.split(',').map(Number);
if (weights.some((w) => !(w > 0))) throw new Error(`rewire-repair: weights (argument 2) = ${weightArg}: give numbers > 0, e.g. 0.25,0.5,1`);

const base = buildWorm({ membrane: 'conductance' });
const kept = (base.synapses ?? []).filter((s) => !(s.kind === 'chemical' && CUT.has(`${s.from}>${s.to}`)));
console.log(`the conductance worm repaired with ALM, AVM → AVA (${model === 'conductance' ? 'conductance-based, nS toward 0 mV' : 'current-based, pA'})`);
for (const weight of weights) {
  const added = ['ALM', 'AVM'].map(
    (from): SynapseSpec => ({ from, to: 'AVA', kind: 'chemical', weight, ...(model === 'conductance' && { model: 'conductance', reversalMv: 0 }) }),
  );
  const circuit = circuitFromDoc({ ...base, synapses: [...kept, ...added] }, 'repaired');
  const answered = [1, 2].map((seed) => checkTouchAnswer(circuit, { seed }).evoked);
  const sim = createSimulation({ circuit, arena: 'plate', seed: 1 });
  const ava = sim.neuronIds.indexOf('AVA');
  sim.run(3000);
  sim.poke(0.05, { kind: 'gentle' });
  let peak = -Infinity;
  for (let t = 0; t < 1500; t += 10) {
    sim.run(10);
    peak = Math.max(peak, sim.telemetry().v[ava]);
  }
  console.log(`  weight ${weight}: probes answered (seeds 1, 2) ${answered.join(', ')} of 3; AVA peak ${peak.toFixed(1)} mV`);
}
