/**
 * The spontaneous omega turns traced reversal by reversal (issue 14, session 16): spontaneous.test.ts's protocol (the
 * conductance worm off food on the open field, nothing touched, 5 min) with layer overrides over CONDUCTANCE_LAYERS.
 * Per reversal: its start and length (s, from the body's motion), AVA's time above its release midpoint (−48 mV) from
 * 2 s before it to 4 s after it, the head–tail distance's minimum over the 10 s the omega detector watches (body
 * lengths; an omega turn is < 0.4), and the peak V (mV) of the cells the omega turn passes through, during the reversal
 * (AVA, AIB, RIM, the tail pair DA9/VA12) and in the 4 s after it ends (RIV, SMDV, AIB, DA9, VA12).
 * The totals: turns and reversals, the early rate spontaneous.test bounds, how often RIV fired and a turn followed.
 * `npx tsx test/behaviour/omega-trace.ts [seeds 1,2,3,4,5] [overrides JSON] [minutes 5]`
 */
import { createSimulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { OPEN_FIELD } from './measure';
import { parseSeeds } from './seeds-arg';

const SAMPLE_MS = 50;
const CELLS = ['AVA', 'AIB', 'RIM', 'DA9', 'VA12', 'RIV', 'SMDV', 'AVB'] as const;

const seeds = parseSeeds(process.argv[2], 'omega-trace', 1, '1,2,3,4,5');
const over = parseLayerOverrides(process.argv[3], 'omega-trace', '{"gait":{"tailDrive":1.3}}');
const minutes = Number(process.argv[4] ?? 5);
const circuit = layeredWorm(over);

let omegaWorms = 0;
/** Over all worms: omega turns, reversals, reversals in minutes 1–2, reversals after which RIV rose to ≥ −20 mV and of them those a turn followed. */
const total = { omegas: 0, reversals: 0, early: 0, rivUp: 0, rivUpTurned: 0 };
for (const seed of seeds) {
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
  const events: BehaviourEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const at = CELLS.map((id) => sim.network.indexOf(id));
  const times: number[] = [];
  const headTail: number[] = [];
  const v: number[][] = CELLS.map(() => []);
  while (sim.timeMs < minutes * 60_000 - 1e-9) {
    sim.run(SAMPLE_MS);
    const p = sim.telemetry().pose;
    const n = p.length / 2;
    times.push(sim.timeMs);
    headTail.push(Math.hypot(p[0] - p[2 * (n - 1)], p[1] - p[2 * (n - 1) + 1]) / sim.bodyLengthMm);
    for (let k = 0; k < at.length; k++) v[k].push(sim.network.v[at[k]]);
  }
  const peak = (k: number, a: number, b: number) => {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < times.length; i++) if (times[i] >= a && times[i] <= b) m = Math.max(m, v[k][i]);
    return m.toFixed(0);
  };
  const minHT = (a: number, b: number) => {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < times.length; i++) if (times[i] >= a && times[i] <= b) m = Math.min(m, headTail[i]);
    return m.toFixed(2);
  };
  /** Time (s) AVA spends above its release midpoint (−48 mV) from 2 s before the reversal to 4 s after it. */
  const avaOn = (a: number, b: number) => {
    let ms = 0;
    for (let i = 0; i < times.length; i++) if (times[i] >= a && times[i] <= b && v[0][i] > -48) ms += SAMPLE_MS;
    return (ms / 1000).toFixed(2);
  };
  const omegas = events.filter((e) => e.type === 'omega-turn');
  if (omegas.length > 0) omegaWorms++;
  const starts = events.filter((e) => e.type === 'reversal-start');
  total.omegas += omegas.length;
  total.reversals += starts.length;
  total.early += starts.filter((e) => e.timeMs < 120_000).length;
  console.log(`s${seed}: ${starts.length} reversals, ${omegas.length} omega turns at ${omegas.map((e) => (e.timeMs / 1000).toFixed(1)).join(', ') || '—'} s`);
  for (const s of starts) {
    const e = events.find((x) => x.type === 'reversal-end' && x.timeMs > s.timeMs);
    const end = e ? e.timeMs : sim.timeMs;
    const om = omegas.find((o) => o.timeMs >= s.timeMs && o.timeMs < s.timeMs + 10_000);
    if (Number(peak(5, end, end + 4000)) >= -20) {
      total.rivUp++;
      if (om) total.rivUpTurned++;
    }
    console.log(
      `  ${(s.timeMs / 1000).toFixed(1)} s, ${((end - s.timeMs) / 1000).toFixed(2)} s long (AVA on ${avaOn(s.timeMs - 2000, end + 4000)} s); head–tail min ${minHT(s.timeMs, s.timeMs + 10_000)} BL${om ? ` OMEGA +${((om.timeMs - s.timeMs) / 1000).toFixed(1)} s` : ''}; during: AVA ${peak(0, s.timeMs, end)}, AIB ${peak(1, s.timeMs, end)}, RIM ${peak(2, s.timeMs, end)}, DA9 ${peak(3, s.timeMs, end)}, VA12 ${peak(4, s.timeMs, end)}; after 4 s: RIV ${peak(5, end, end + 4000)}, SMDV ${peak(6, end, end + 4000)}, AIB ${peak(1, end, end + 4000)}, DA9 ${peak(3, end, end + 4000)}, VA12 ${peak(4, end, end + 4000)}`,
    );
  }
}
console.log(`omega turns in ${omegaWorms} of ${seeds.length} worms`);
console.log(
  `${total.omegas} omega turns / ${total.reversals} reversals; ${(total.early / (2 * seeds.length)).toFixed(1)} reversals a minute over minutes 1–2 (spontaneous.test: ≥ 1); RIV ≥ −20 mV after ${total.rivUp}, a turn after ${total.rivUpTurned} of them`,
);
