/**
 * What RIV does while AVA is held (issue 14, session 15; docs/biology.md, "The toxin ring's chain with the held
 * backing"). conductance-gait.test.ts's held-AVA backing and A-unit gate checks, read on the conductance worm at
 * CONDUCTANCE_GAIT (conductanceWorm) and at AVA_POINT (studyWorm), with touch-layer overrides: per seed, going forward
 * (forwardAShare's 12 s window) the A units' share above their midpoint, and with AVA held (heldBackward's 8 s window)
 * the along-body and centroid speeds, the wave's direction and AVA's mean V; in each window the mean output of AVA, AIB
 * and RIV (RIV's highest too), and AVB's mean V and output.
 * `npx tsx test/behaviour/riv-backing.ts [seeds 1,2] [touch overrides, e.g. '{"avaInhibitsRiv":24}']`
 */
import type { LayerOverrides } from '../../src/circuits/builtin/membrane';
import type { Circuit } from '../../src/circuits/types';
import type { Simulation } from '../../src/sim/simulation';
import { AVA_POINT, conductanceWorm, studyWorm } from './backward-crawl';
import { forwardAShare, heldBackward } from './conductance-measure';
import { parseLayerOverrides } from './layer-overrides';

const SCRIPT = 'riv-backing';
const [seedText = '1,2', touchText] = process.argv.slice(2);
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 1))
  throw new Error(`${SCRIPT}: seeds (argument 1) = "${seedText}": give positive integers separated by commas, e.g. 1,2`);
const touch = (parseLayerOverrides(touchText && `{"touch":${touchText}}`, SCRIPT, '{"touch":{"avaInhibitsRiv":24}}').touch ?? {}) as LayerOverrides['touch'];

/** Mean outputs of the cells that carry the toxin chain and the turn, read by a watch hook. */
function cellWatch(circuit: Circuit) {
  const ids = ['AVA', 'AIB', 'RIV', 'AVB'];
  let ix: number[] = [];
  const sum = [0, 0, 0, 0];
  let [rivMax, avbMv, n] = [0, 0, 0];
  const watch = (sim: Simulation): void => {
    if (ix.length === 0) ix = ids.map((id) => sim.neuronIds.indexOf(id));
    const out = sim.telemetry().output;
    for (let j = 0; j < ix.length; j++) sum[j] += out[ix[j]];
    rivMax = Math.max(rivMax, out[ix[2]]);
    avbMv += sim.network.v[ix[3]];
    n++;
  };
  const line = (): string => {
    const m = sum.map((x) => (x / n).toFixed(3));
    return `AVA ${m[0]}, AIB ${m[1]}, RIV ${m[2]} (max ${rivMax.toFixed(3)}), AVB ${m[3]} (${(avbMv / n).toFixed(1)} mV)`;
  };
  if (!circuit.network.neurons.some((c) => c.id === 'RIV')) throw new Error(`${SCRIPT}: ${circuit.fileName} has no RIV`);
  return { watch, line };
}

function report(label: string, circuit: Circuit): void {
  console.log(`${label}:`);
  for (const seed of seeds) {
    const fwd = cellWatch(circuit);
    const share = forwardAShare(circuit, seed, fwd.watch);
    const held = cellWatch(circuit);
    const b = heldBackward(circuit, seed, held.watch);
    console.log(
      `  s${seed} forward: A units on ${(100 * share).toFixed(1)} %; ${fwd.line()}\n` +
        `      held: along ${b.alongMmPerS.toFixed(3)} mm/s (0–1 s ${b.firstMmPerS[0].toFixed(3)}, 1–2 s ${b.firstMmPerS[1].toFixed(3)}), centroid ${b.displacementMmPerS.toFixed(3)} mm/s, wave ${b.wave}, AVA ${b.avaMv.toFixed(1)} mV (midpoint ${b.avaHalfMv}); ${held.line()}`,
    );
  }
}

report(`CONDUCTANCE_GAIT, touch ${touchText ?? 'as committed'}`, conductanceWorm({}, undefined, touch));
report(`AVA_POINT, touch ${touchText ?? 'as committed'}`, studyWorm(AVA_POINT, touch));
