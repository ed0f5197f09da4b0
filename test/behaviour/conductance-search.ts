/**
 * How robust a working point of the converted worm is: its gait and posterior
 * touch checks (conductance-seeds.ts's measures against issue 14's targets) at
 * the point itself and at random neighbours, every gain scaled by
 * e^(±spread/2) at once (seeded: the same command prints the same lines).
 * One line per point: failed checks of 7 per seed, then the point, then per
 * seed agar Hz/λ/BL/s, water Hz/BL/s, ratio, paired posterior touch.
 * `npx tsx test/behaviour/conductance-search.ts CENTER_JSON [points 30] [spread 0.2] [seeds 1,2,3,4,5] [rng seed 1]`
 * (about ten seconds a point a seed-set of five on a loaded machine).
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import { seededUniform } from '../../src/neural/rng';
import { createSimulation } from '../../src/sim/simulation';
import { gait } from './gait';
import { travel } from './measure';

type Point = Record<string, number>;

function parseCenter(text: string): Point {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`conductance-search: argument 1 (CENTER_JSON) is not JSON (${(e as Error).message}); pass GAIT gains such as '{"headDrive":0.45}'`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('conductance-search: argument 1 must be a JSON object of GAIT gains');
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof (GAIT as Record<string, unknown>)[k] !== 'number')
      throw new Error(`conductance-search: "${k}" is not a numeric GAIT field (src/circuits/builtin/locomotion.ts)`);
    if (typeof v !== 'number' || !(v > 0)) throw new Error(`conductance-search: "${k}" must be a positive number, got ${JSON.stringify(v)}`);
  }
  return parsed as Point;
}

function positive(text: string, name: string): number {
  const x = Number(text);
  if (!(x > 0)) throw new Error(`conductance-search: ${name} must be a positive number, got "${text}"`);
  return x;
}

const base = { ...GAIT };

/** Failed checks over the seeds (agar Hz, λ, BL/s; water Hz, ratio, BL/s; paired posterior ≥ 1.25) and one summary per seed. */
function check(point: Point, seeds: number[]): { fails: number; rows: string[] } {
  Object.assign(GAIT, base, point);
  const doc = circuitFromDoc(buildWorm(), 'worm.json');
  const circuit = circuitFromDoc(toConductanceCircuit(doc.doc, doc.network, { transduction: true }), 'worm (conductance)');
  let fails = 0;
  const rows: string[] = [];
  for (const seed of seeds) {
    const a = gait(circuit, seed, 'agar');
    const w = gait(circuit, seed, 'water');
    const after = (touch: boolean) => {
      const sim = createSimulation({ circuit, seed });
      sim.run(5000);
      travel(sim, 4000);
      if (touch) sim.poke(0.9, { kind: 'gentle' });
      return travel(sim, 4000);
    };
    const touch = after(true) / after(false);
    const ratio = w.hz / a.hz;
    const ok = [
      a.hz >= 0.3 && a.hz <= 0.6,
      a.lambda >= 0.55 && a.lambda <= 0.8,
      a.speed >= 0.1 && a.speed <= 0.3,
      w.hz >= 1.6,
      ratio >= 3.5,
      w.speed >= 0.2,
      touch >= 1.25,
    ];
    fails += ok.filter((x) => !x).length;
    rows.push(
      `s${seed}:${a.hz.toFixed(2)}/${a.lambda.toFixed(2)}/${a.speed.toFixed(2)} w${w.hz.toFixed(2)}/${w.speed.toFixed(3)} r${ratio.toFixed(1)} p${touch.toFixed(2)}`,
    );
  }
  return { fails, rows };
}

const center = parseCenter(process.argv[2] ?? '{}');
const points = Math.round(positive(process.argv[3] ?? '30', 'points'));
const spread = positive(process.argv[4] ?? '0.2', 'spread');
const seeds = (process.argv[5] ?? '1,2,3,4,5').split(',').map((s) => Math.round(positive(s, 'each seed')));
const rnd = seededUniform(Math.round(positive(process.argv[6] ?? '1', 'rng seed')));
for (let i = 0; i < points; i++) {
  const point: Point = {};
  for (const [k, v] of Object.entries(center)) point[k] = i === 0 ? v : Number((v * Math.exp((rnd() - 0.5) * spread)).toPrecision(3));
  const { fails, rows } = check(point, seeds);
  console.log(`${fails} ${JSON.stringify(point)} ${rows.join(' ')}`);
}
