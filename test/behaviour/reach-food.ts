/**
 * The default worm's chemotaxis on conductances (issue 14, session 14): the "Follow your nose" challenge's arena
 * (food-gradient, the lawn across the plate), seconds until the worm reaches its goal zone, per seed, within the
 * challenge's 240 s; and over its first 30 s the nose's side comparison, mean |V(AWAL) − V(AWAR)|, and the highest V
 * of the head steering cells SMBD/SMBV (what weathervaning reads and drives).
 * `npx tsx test/behaviour/reach-food.ts [seeds 1,2,3,4,5] [overrides JSON]`: the conductance worm (CONDUCTANCE_LAYERS,
 * with the overrides per layer on top, e.g. '{"senses":{"compareBy":"levels","compareGain":600}}', the comparison
 * before session 14) beside the current-based worm.
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS, type LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { LAYERS, parseLayerOverrides } from './layer-overrides';

const ARENA = 'food-gradient';
const GOAL = 'at-food';
const LIMIT_MS = 240_000;
const COMPARE_MS = 30_000;

function reach(circuit: Circuit, seed: number): { s: number | null; dMv: number; smbMaxMv: number } {
  const sim = createSimulation({ circuit, arena: ARENA, seed });
  const [l, r, d, v] = ['AWAL', 'AWAR', 'SMBD', 'SMBV'].map((id) => sim.neuronIds.indexOf(id));
  let sum = 0;
  let n = 0;
  let smbMax = -Infinity;
  while (sim.timeMs < LIMIT_MS) {
    sim.run(20);
    if (sim.timeMs <= COMPARE_MS) {
      const V = sim.telemetry().v;
      sum += Math.abs(V[l] - V[r]);
      n++;
      smbMax = Math.max(smbMax, V[d], V[v]);
    }
    if (sim.timeMs % 500 === 0 && sim.inZone(GOAL)) return { s: sim.timeMs / 1000, dMv: sum / n, smbMaxMv: smbMax };
  }
  return { s: null, dMv: sum / n, smbMaxMv: smbMax };
}

const [seedArg = '1,2,3,4,5', overArg] = process.argv.slice(2);
const seeds = seedArg.split(',').map(Number);
if (seeds.some((x) => !Number.isInteger(x) || x < 0)) throw new Error(`reach-food: seeds (argument 1) = ${seedArg}: give whole numbers ≥ 0, e.g. 1,2,3,4,5`);
const over = parseLayerOverrides(overArg, 'reach-food', '{"senses":{"compareGain":600}}');
const layers: Record<string, Record<string, unknown>> = {};
for (const layer of LAYERS) layers[layer] = { ...((CONDUCTANCE_LAYERS as LayerOverrides)[layer] ?? {}), ...(over[layer] ?? {}) };
const worms: [string, Circuit][] = [
  [
    `conductance${overArg ? ` ${overArg}` : ''}`,
    circuitFromDoc(
      buildConductance(() => buildWorm({ membrane: 'current' }), layers as LayerOverrides),
      'worm (conductance)',
    ),
  ],
  ['current', circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)')],
];
for (const [name, circuit] of worms) {
  console.log(`${name}: ${ARENA}, seconds to ${GOAL} (limit ${LIMIT_MS / 1000} s); first ${COMPARE_MS / 1000} s: mean |AWAL − AWAR|, max SMB`);
  for (const seed of seeds) {
    const r = reach(circuit, seed);
    console.log(`  seed ${seed}: ${r.s === null ? 'not reached' : `${r.s.toFixed(1)} s`}; |ΔV| ${r.dMv.toFixed(2)} mV; SMB max ${r.smbMaxMv.toFixed(1)} mV`);
  }
}
