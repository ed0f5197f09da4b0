/**
 * Prints docs/biology.md's "Membrane physics" figures: the default worm as
 * shipped (current-based synapses and senses), converted to conductance
 * synapses and conductance senses (toConductanceCircuit with transduction),
 * and that conversion with the candidate head retune (GAIT.headStretchGain
 * 0.08, GAIT.headDrive 0.45), over seeds 1–5: agar and water gait, posterior
 * touch speed-up, and every neuron's V range under a fixed sequence of a nose
 * touch, a tap, food, heat and a harsh poke.
 * `npx tsx test/behaviour/conductance-table.ts` (a few minutes).
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { gait } from './gait';
import { SEEDS, travel } from './measure';

const fmt = (xs: number[], d = 2) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${m.toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
};

const mv = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(0)} mV`;

function converted(): Circuit {
  const base = circuitFromDoc(buildWorm(), 'worm.json');
  return circuitFromDoc(toConductanceCircuit(base.doc, base.network, { transduction: true }), 'worm (conductance)');
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

table('`worm` as shipped (current)', circuitFromDoc(buildWorm(), 'worm.json'));
table('converted: conductance synapses and senses', converted());
Object.assign(GAIT, { headStretchGain: 0.08, headDrive: 0.45 });
table('converted, head retuned (headStretchGain 0.08, headDrive 0.45)', converted());
