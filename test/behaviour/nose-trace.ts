/**
 * The nose-measures scenario (test/scenarios/nose-measures.scenario.yaml) traced every 250 ms on the conductance worm
 * (docs/biology.md, "The nose on a lawn and a warm spot"): direction, mm backed and crawled, the nose's distance from
 * where the spot landed (mm) and the V of the cells named, with variants that take one thing away at a time:
 * - `heat`: the scenario as written (a 4 °C spot and a small lawn on the nose at 2 s);
 * - `nolawn`: the spot alone (the lawn's event removed);
 * - `hold`: neither (both events removed); AVA held from 2 s by a tonic current worth HOLD mV (holdAva's form, 60 as
 *   heldBackward), so the backing runs as the gait's study runs it, at the scenario's place and time;
 * - `hold-heat`: the spot alone and the hold.
 * ABLATE (comma-separated ids) is cut at 2 s, e.g. RIM with `hold-heat` drives AVA by the tonic current alone.
 * EVERY_MS (env, 250 unless given) is the trace's interval.
 * HOLD_AT (env, ms; 2000 unless given) is when the hold starts (the spot's reversal starts 0.7–0.9 s after 2 s).
 * DRIVE (env, 'ID:pA,…') sets those cells' tonic current with the hold, e.g. RIM:0.0044 drives AVA through RIM's
 * synapse without the spot (HOLD 0 for no current on AVA itself).
 * AVA_TAU (env, ms) sets AVA's τ with the hold (hold modes only): a shorter τ is a larger leak conductance (C/τ), a stiffer AVA without any input
 * from RIM (AVA's own τ is 300 ms; the HOLD's pA are computed on that).
 * `NAMES='AVA RIM DA5 VA5' npx tsx test/behaviour/nose-trace.ts [seeds 1,3] [heat|nolawn|hold|hold-heat] [HOLD mV]
 * [ABLATE] [overrides JSON]`
 */
import { simBackend, type SimBackend } from '../../src/scenario/backend';
import { loadScenarioFile } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runner';
import type { Simulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { watched } from './watched-sim';

const SCRIPT = 'nose-trace';
const [seedText = '1,3', mode = 'heat', holdText = '60', ablateText = '', overText] = process.argv.slice(2);
const MODES = ['heat', 'nolawn', 'hold', 'hold-heat'];
if (!MODES.includes(mode)) throw new Error(`${SCRIPT}: mode (argument 2) "${mode}" must be one of ${MODES.join(', ')}`);
const holdMv = Number(holdText);
if (!Number.isFinite(holdMv)) throw new Error(`${SCRIPT}: HOLD (argument 3) "${holdText}" must be mV, e.g. 60`);
const seeds = seedText.split(',').map(Number);
const names = (process.env.NAMES ?? 'AFDL RIM AVA AVB AIB RIV DA1 VA1 DA5 VA5').split(' ');
const holdAtMs = Number(process.env.HOLD_AT ?? 2000);
const everyMs = Number(process.env.EVERY_MS ?? 250);
const ablate = ablateText.split(',').filter(Boolean);
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"senses":{"afdToRelayMv":45}}'));
const scenario = loadScenarioFile('test/scenarios/nose-measures.scenario.yaml');
const keep = (type: string) => (type === 'food' ? mode === 'heat' : mode !== 'hold');
scenario.timeline = scenario.timeline.filter((item) => keep(item.action.type));
// The expectations read labels of the timeline: with the spot gone the checks are not run.
if (!scenario.timeline.some((i) => i.label === 'warm')) scenario.expect = [];

console.log(
  `${SCRIPT}: ${mode}${mode.startsWith('hold') ? ` (AVA held by ${holdMv} mV)` : ''}${ablate.length ? `, ${ablate.join('+')} cut at 2 s` : ''}${overText ? `, ${overText}` : ''}`,
);
console.log(`seed t s  direction  back/fwd mm  nose from spot mm | ${names.join(' ')}`);
for (const seed of seeds) {
  let spot: [number, number] | undefined;
  let next = 1500;
  let held = false;
  const hook = (s: Simulation) => {
    const t = s.timeMs;
    if (!spot && t >= 2000 - 1e-9) {
      spot = s.headPosition();
      for (const id of ablate) s.ablate(id);
    }
    if (mode.startsWith('hold') && !held && t >= holdAtMs - 1e-9) {
      held = true;
      const p = s.circuit.network.neurons.find((n) => n.id === 'AVA')?.params;
      if (typeof p?.capacitance !== 'number' || typeof p.tauMs !== 'number') throw new Error(`${SCRIPT}: no AVA to hold`);
      s.setNeuronParam('AVA', 'tonicPa', (holdMv * p.capacitance) / p.tauMs);
      if (process.env.AVA_TAU) s.setNeuronParam('AVA', 'tauMs', Number(process.env.AVA_TAU));
      for (const d of (process.env.DRIVE ?? '').split(',').filter(Boolean)) {
        const [id = '', pa = ''] = d.split(':');
        s.setNeuronParam(id, 'tonicPa', Number(pa));
      }
    }
    if (t + 1e-9 < next) return;
    next += everyMs;
    const b = s.behaviour();
    const v = s.network.v;
    const vs = names.map((n) => (s.neuronIds.includes(n) ? (v[s.neuronIds.indexOf(n)] ?? Number.NaN).toFixed(1) : '—')).join(' ');
    const [x, y] = s.headPosition();
    const d = spot ? Math.hypot(x - spot[0], y - spot[1]).toFixed(2) : '—';
    console.log(
      `${seed} ${(t / 1000).toFixed(2).padStart(5)} ${b.direction.padEnd(9)} ${b.backwardMm.toFixed(2)}/${b.forwardMm.toFixed(2)}  ${d.padStart(5)} | ${vs}`,
    );
  };
  const backend: SimBackend = {
    ...simBackend,
    createSimulation: (opts) => watched(simBackend.createSimulation({ ...opts, circuit }) as unknown as Simulation, hook),
  };
  const { report } = runScenario(scenario, { backend, seed, file: 'nose-measures (traced)' });
  if (report.expectations.length) console.log(`${seed} scenario ${report.pass ? 'PASS' : 'FAIL'}`);
}
