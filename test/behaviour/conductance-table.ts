/**
 * Prints docs/biology.md's "Membrane physics" figures: the default worm as
 * shipped (current-based synapses, senses and receptors), converted to
 * conductance synapses, senses and receptor channels (toConductanceCircuit
 * with transduction), and that conversion with the candidate head retune
 * (GAIT.headStretchGain 0.08, GAIT.headDrive 0.45), over seeds 1–5: agar and
 * water gait, posterior touch speed-up, every neuron's V range under a fixed
 * sequence of a nose touch, a tap, food, heat and a harsh poke; then basal and
 * enhanced slowing (the modulation-slowing proofs' ratios) and the cost of a
 * physics step (best of 7 alternating runs of 10 s).
 * `npx tsx test/behaviour/conductance-table.ts` (about ten minutes on a loaded machine).
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { gait } from './gait';
import { SEEDS, travel } from './measure';
import { mean, pathSpeed, STARVED_HOURS } from './modulation-slowing';
import { fmt } from './table-rows';

const mv = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(0)} mV`;

/** The default worm converted; `mod1Pa` replaces MOD-1's gain first (the receptor, matched at AVB's working point, is weaker as channels). */
function converted(mod1Pa?: number): Circuit {
  const doc = buildWorm();
  if (mod1Pa !== undefined) for (const r of doc.receptors ?? []) if (r.label === 'MOD-1') r.gain = mod1Pa;
  const base = circuitFromDoc(doc, 'worm.json');
  return circuitFromDoc(toConductanceCircuit(base.doc, base.network, { transduction: true }), 'worm (conductance)');
}

/** Basal slowing (fed, lawn / bare) and enhanced slowing (starved, lawn / bare), per worm, as the slowing proofs read them. */
function slowing(name: string, circuit: Circuit): void {
  const speeds = (lawn: boolean, hoursOffFood: number) => SEEDS.map((seed) => pathSpeed(seed, { circuit, lawn, hoursOffFood }));
  const ratio = (on: number[], off: number[]) => fmt(on.map((v, i) => v / off[i]));
  const [fedOn, fedOff, starvedOn, starvedOff] = [speeds(true, 0), speeds(false, 0), speeds(true, STARVED_HOURS), speeds(false, STARVED_HOURS)];
  console.log(
    `| ${name} | off food ${fmt(fedOff, 3)} mm/s; basal (fed, on/off) ${ratio(fedOn, fedOff)}; enhanced (starved, on/off) ${ratio(starvedOn, starvedOff)}, starved/fed on food ${(mean(starvedOn) / mean(fedOn)).toFixed(2)} |`,
  );
}

/** µs per physics step of each circuit, best of 7 alternating 10 s runs (seed 1). */
function cost(circuits: Record<string, Circuit>): void {
  const best: Record<string, number> = {};
  for (let r = 0; r < 7; r++)
    for (const [k, c] of Object.entries(circuits)) {
      const sim = createSimulation({ circuit: c, seed: 1 });
      sim.run(500);
      const t = performance.now();
      sim.run(10_000);
      best[k] = Math.min(best[k] ?? Infinity, ((performance.now() - t) * 1000) / (10_000 / sim.physicsStepMs));
    }
  const first = Object.values(best)[0];
  console.log(
    `cost: ${Object.entries(best)
      .map(([k, v]) => `${k} ${v.toFixed(0)} µs/step (×${(v / first).toFixed(2)})`)
      .join(', ')}`,
  );
}

/** Lowest and highest V of any neuron, and which, over a nose touch, a tap, food and heat at the nose and a harsh poke. */
function vExtremes(circuit: Circuit, seed: number): { lo: number; loId: string; hi: number; hiId: string } {
  const sim = createSimulation({ circuit, seed });
  const ids = sim.neuronIds;
  const out = { lo: Infinity, loId: '', hi: -Infinity, hiId: '' };
  const run = (ms: number) => {
    const end = sim.timeMs + ms - 1e-9;
    while (sim.timeMs < end) {
      sim.step();
      const v = sim.network.v;
      for (let i = 0; i < v.length; i++) {
        if (v[i] < out.lo) [out.lo, out.loId] = [v[i], ids[i]];
        if (v[i] > out.hi) [out.hi, out.hiId] = [v[i], ids[i]];
      }
    }
  };
  run(3000);
  sim.poke(0.05, { kind: 'gentle' });
  run(3000);
  sim.tapPlate(0.8);
  run(3000);
  const [x, y] = sim.headPosition();
  sim.dropFood(x + 0.5, y);
  run(3000);
  sim.heatSpot(x + 0.5, y, 5);
  run(3000);
  sim.poke(0.1, { kind: 'harsh' });
  run(5000);
  return out;
}

function table(name: string, circuit: Circuit): void {
  const agar = SEEDS.map((s) => gait(circuit, s, 'agar'));
  const water = SEEDS.map((s) => gait(circuit, s, 'water'));
  const posterior = SEEDS.map((seed) => {
    const sim = createSimulation({ circuit, seed });
    sim.run(5000);
    const before = travel(sim, 4000);
    sim.poke(0.9, { kind: 'gentle' });
    return travel(sim, 4000) / before;
  });
  const v = SEEDS.map((s) => vExtremes(circuit, s));
  const low = v.reduce((a, b) => (b.lo < a.lo ? b : a));
  const high = v.reduce((a, b) => (b.hi > a.hi ? b : a));
  console.log(
    `| ${name} | agar ${fmt(agar.map((g) => g.hz))} Hz, λ ${fmt(agar.map((g) => g.lambda))}, ${fmt(
      agar.map((g) => g.speed),
      3,
    )} BL/s, wave ${agar.map((g) => (g.direction > 0 ? '+' : g.direction < 0 ? '−' : '0')).join('')} |`,
  );
  console.log(
    `| | water ${fmt(water.map((g) => g.hz))} Hz, ${fmt(
      water.map((g) => g.speed),
      3,
    )} BL/s, ratio ${fmt(SEEDS.map((_, i) => water[i].hz / agar[i].hz))} |`,
  );
  console.log(`| | posterior touch at 0.9 ×${fmt(posterior)}; V ${mv(low.lo)} (${low.loId}) .. ${mv(high.hi)} (${high.hiId}) |`);
}

const shipped = circuitFromDoc(buildWorm(), 'worm.json');
table('`worm` as shipped (current)', shipped);
table('converted: conductance synapses, senses and receptors', converted());
const plain = converted();
Object.assign(GAIT, { headStretchGain: 0.08, headDrive: 0.45 });
table('converted, head retuned (headStretchGain 0.08, headDrive 0.45)', converted());
slowing('`worm` as shipped (current)', shipped);
slowing('converted, head retuned', converted());
slowing('converted, head retuned, MOD-1 −10 pA', converted(-10));
const { doc, network } = circuitFromDoc(buildWorm(), 'worm.json');
cost({ shipped, 'conductance synapses': circuitFromDoc(toConductanceCircuit(doc, network), 'synapses only'), 'and senses and receptors': plain });
