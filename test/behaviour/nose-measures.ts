/**
 * Why the README's nose-measures scenario passes or fails on a seed (issue 14; docs/biology.md, "The README's
 * scenarios on the switched default"). Runs test/scenarios/nose-measures.scenario.yaml through the scenario runner
 * itself (its checks exactly as `neuroworm scenario run` reads them) on the conductance worm with layer overrides,
 * and watches the run step by step: AFD's, RIM's (the turn relay in the full worm) and AVA's peak V in 2–4 s and AVA's mean V over 3–6 s (the first reversal) (the warm spot and the lawn land on the
 * nose at 2 s), when the first reversal starts after 2 s (ms), how far it backs (mm, along the body) and how long it
 * lasts, the mm crawled back and forward over 2–10 s, the nose's distance from the spot at 10 s (mm; the spot's
 * radius is 1 mm, the lawn's 0.5), and dopamine and serotonin at 6 s.
 * `npx tsx test/behaviour/nose-measures.ts [seeds 1,2,3,4,5] [overrides, e.g. '{"senses":{"afdToRelayMv":100}}']`
 */
import { loadScenarioFile } from '../../src/scenario/load';
import { simBackend, type SimBackend } from '../../src/scenario/backend';
import { runScenario } from '../../src/scenario/runner';
import type { Simulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { watched } from './watched-sim';

const FILE = 'test/scenarios/nose-measures.scenario.yaml';
const SCRIPT = 'nose-measures';
const [seedText = '1,2,3,4,5', overText] = process.argv.slice(2);
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0))
  throw new Error(`${SCRIPT}: seeds (argument 1) = "${seedText}": give whole numbers ≥ 0 separated by commas, e.g. 1,2,3`);
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"senses":{"afdToRelayMv":100}}'));
const scenario = loadScenarioFile(FILE);

interface Watch {
  afd: number;
  aib: number;
  ava: number;
  avaMean: number;
  firstRevMs: number;
  firstRevMm: number;
  firstRevDurMs: number;
  backMm: number;
  fwdMm: number;
  spotMm: number;
  dopamine: number;
  serotonin: number;
}

function run(seed: number): { checks: string; pass: boolean; w: Watch } {
  const w: Watch = {
    afd: -Infinity,
    aib: -Infinity,
    ava: -Infinity,
    avaMean: 0,
    firstRevMs: Number.NaN,
    firstRevMm: 0,
    firstRevDurMs: 0,
    backMm: 0,
    fwdMm: 0,
    spotMm: Number.NaN,
    dopamine: 0,
    serotonin: 0,
  };
  let ids: number[] = [];
  let spot: [number, number] | undefined;
  let start = { back: 0, fwd: 0 };
  let revBack = 0;
  let avaSum = 0;
  let avaSteps = 0;
  let reversing: 'before' | 'in' | 'done' = 'before';
  const hook = (s: Simulation) => {
    const t = s.timeMs;
    if (t < 2000 - 1e-9) return;
    const b = s.behaviour();
    if (!spot) {
      spot = s.headPosition();
      ids = ['AFDL', 'AFDR', 'RIM', 'RIM', 'AVA', 'AVA'].map((id) => s.neuronIds.indexOf(id));
      start = { back: b.backwardMm, fwd: b.forwardMm };
    }
    const v = s.network.v;
    if (t <= 4000) {
      w.afd = Math.max(w.afd, v[ids[0]!]!, v[ids[1]!]!);
      w.aib = Math.max(w.aib, v[ids[2]!]!, v[ids[3]!]!);
      w.ava = Math.max(w.ava, v[ids[4]!]!, v[ids[5]!]!);
    }
    if (t > 3000 && t <= 6000) {
      avaSum += v[ids[4]!]!;
      avaSteps++;
      w.avaMean = avaSum / avaSteps;
    }
    if (reversing === 'before' && b.direction === 'backward') {
      reversing = 'in';
      w.firstRevMs = t;
      revBack = b.backwardMm;
    } else if (reversing === 'in' && b.direction !== 'backward') {
      reversing = 'done';
      w.firstRevMm = b.backwardMm - revBack;
      w.firstRevDurMs = t - w.firstRevMs;
    }
    if (Math.abs(t - 6000) < s.physicsStepMs / 2) {
      const m = s.modulatorLevels();
      w.dopamine = m.dopamine ?? 0;
      w.serotonin = m.serotonin ?? 0;
    }
    w.backMm = b.backwardMm - start.back;
    w.fwdMm = b.forwardMm - start.fwd;
    const [x, y] = s.headPosition();
    w.spotMm = Math.hypot(x - spot[0], y - spot[1]);
    if (reversing === 'in') {
      w.firstRevMm = b.backwardMm - revBack;
      w.firstRevDurMs = t - w.firstRevMs;
    }
  };
  const backend: SimBackend = {
    ...simBackend,
    createSimulation: (opts) => watched(simBackend.createSimulation({ ...opts, circuit }) as unknown as Simulation, hook),
  };
  const { report } = runScenario(scenario, { backend, seed, file: FILE });
  const checks = report.expectations
    .map((e) => `${typeof e.measured === 'number' ? e.measured.toFixed(e.unit === 's' ? 2 : 3) : String(e.measured)}${e.pass ? '' : '✗'}`)
    .join(' ');
  return { checks, pass: report.pass, w };
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
console.log(`${FILE} on the conductance worm${overText ? ` with ${overText}` : ''}`);
console.log('checks: T 0–1.9 s | T 2–2.3 s | food 0–2 s | food 2–10 s (1–6) | T 8–10 s (≤ 22)');
console.log(
  'seed  pass  checks                                  AFD/RIM/AVA peak, AVA 3–6 s mV  1st rev at s, mm, s   back/fwd mm 2–10 s  spot mm at 10 s  DA, 5-HT at 6 s',
);
for (const seed of seeds) {
  const { checks, pass, w } = run(seed);
  console.log(
    `${String(seed).padEnd(4)}  ${pass ? 'PASS' : 'FAIL'}  ${checks.padEnd(38)}  ${f(w.afd, 1)}/${f(w.aib, 1)}/${f(w.ava, 1)}, ${f(w.avaMean, 1)}`.padEnd(94) +
      `${f(w.firstRevMs / 1000)}, ${f(w.firstRevMm)}, ${f(w.firstRevDurMs / 1000)}`.padEnd(22) +
      `${f(w.backMm)}/${f(w.fwdMm)}`.padEnd(20) +
      `${f(w.spotMm)}`.padEnd(17) +
      `${f(w.dopamine)}, ${f(w.serotonin)}`,
  );
}
