/**
 * The dishabituation protocol (examples/experiments/dishabituation.experiment.yaml; the scenario dishabituation-tail-touch until session 18), read per tap (issue 14, session 16): ten plate taps 10 s apart
 * from 5 s on an open field, a harsh poke at 0.85 of the body 4 s after the last, the probe tap 8 s later. Per seed:
 * the ten responses (mm reversed in 3 s, measure.ts's backwardMm: the study's measure, close to the scenario's
 * reversalDistance, not the same), AVA's peak output in the first tap's and the probe's windows (how hard the tap
 * drove the command cell), what the worm did between the poke and the probe (behaviour events: is the escape over),
 * the ALM → AVD efficacy at the probe (its pools' product) and PDE's dopamine pulse after the poke (peak, ∫ over 8 s),
 * and the probe over the first tap with the probe moved by each offset (s) — the stroke phase it finds — beside an
 * untapped worm's first tap at the same times over its tap at 5 s (what a fully restored response would be).
 * `npx tsx test/behaviour/dish-probe.ts [seeds 1,2,3,4,5] [offsets -1,-0.5,0,0.5,1,1.5] [overrides JSON over CONDUCTANCE_LAYERS | current]`
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { OPEN_FIELD } from './measure';
import { parseSeeds } from './seeds-arg';

const SCRIPT = 'dish-probe.ts';
const [seedText, offText, overText] = process.argv.slice(2);
const seeds = parseSeeds(seedText, SCRIPT, 1, '1,2,3,4,5');
const offsets = (offText ?? '-1,-0.5,0,0.5,1,1.5').split(',').map(Number);
if (offsets.some((o) => !Number.isFinite(o) || o < -3.5)) throw new Error(`${SCRIPT}: offsets (argument 2) = "${offText}": seconds ≥ −3.5, e.g. -1,0,1`);
const circuit =
  overText === 'current'
    ? circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)')
    : layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"gait":{"tailDrive":1.3}}'));
const ava = circuit.doc.neurons.findIndex((n) => n.id === 'AVA');

/** A tap, then 3 s: mm reversed (as backwardMm) and AVA's peak output. */
function tap(sim: Simulation): { mm: number; ava: number } {
  sim.tapPlate(1);
  let mm = 0;
  let peak = 0;
  const end = sim.timeMs + 3000;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const v = sim.behaviour().alongMmPerS;
    if (v < 0) mm -= (v * sim.physicsStepMs) / 1000;
    peak = Math.max(peak, sim.telemetry().output[ava]);
  }
  return { mm, ava: peak };
}

console.log(`${SCRIPT}, seeds ${seeds.join(',')}, ${overText ?? '{}'}`);
for (const seed of seeds) {
  const probes: string[] = [];
  const fresh: string[] = [];
  let head = '';
  for (const off of offsets) {
    const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
    const events: string[] = [];
    const sub = sim.events$.subscribe((e) => events.push(`${e.type} ${(e.timeMs / 1000).toFixed(1)}`));
    sim.run(5000);
    const taps = [];
    for (let k = 0; k < 10; k++) {
      if (k > 0) sim.run(7000);
      taps.push(tap(sim));
    }
    sim.run(1000);
    sim.poke(0.85, { kind: 'harsh', side: 'both', force: 1 });
    const pokeMs = sim.timeMs;
    let peak = 0;
    let area = 0;
    for (let t = 0; t < 8000 + off * 1000; t += 50) {
      sim.run(50);
      const c = sim.modulatorLevels().dopamine ?? 0;
      peak = Math.max(peak, c);
      area += c * 0.05;
    }
    const eff = sim.network.synapseResource('ALM', 'AVD');
    const between = events.filter((e) => Number(e.split(' ')[1]) * 1000 >= pokeMs);
    const p = tap(sim);
    sub.unsubscribe();
    probes.push(`${off} s ${(p.mm / taps[0].mm).toFixed(2)}`);
    const untapped = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
    untapped.run(pokeMs + 8000 + off * 1000);
    fresh.push(`${off} s ${(tap(untapped).mm / taps[0].mm).toFixed(2)}`);
    if (off === 0)
      head =
        `taps ${taps.map((t) => t.mm.toFixed(2)).join(' ')} mm, 10th/first ${(taps[9].mm / taps[0].mm).toFixed(2)}; AVA peak first ${taps[0].ava.toFixed(2)}, ` +
        `probe ${p.ava.toFixed(2)}; efficacy at the probe ${eff.toFixed(3)}; dopamine after the poke peak ${peak.toFixed(3)}, ∫ ${area.toFixed(3)} s; ` +
        `poke to probe: ${between.join(', ') || 'no events'}`;
  }
  console.log(`seed ${seed}: ${head}\n  probe/first at offsets: ${probes.join(', ')}\n  untapped worm's tap/first: ${fresh.join(', ')}`);
}
