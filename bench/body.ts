/**
 * Body physics benchmark: simulated seconds per wall-clock second for 1, 10
 * and 50 worm bodies driven by the test wave (0.4 Hz, 0.65 body lengths),
 * physics only (no neurons, no streams). Each body has its own engine, as
 * separate simulations would; `shared` puts them all in one engine instead.
 *
 *   npx tsx bench/body.ts            # prints a table
 *   import { benchBody } from './body' # for bench/run.ts
 */
import Matter from 'matter-js';
import { pathToFileURL } from 'node:url';
import { WormBody, createPhysics, stepBodies, writeTravellingWave, DEFAULT_STEP_MS } from '../src/body/index';

export interface BodyBenchRow {
  bodies: number;
  layout: 'separate' | 'shared';
  segments: number;
  dtMs: number;
  simulatedS: number;
  wallS: number;
  /** Simulated seconds per wall second for all bodies together. */
  realtimeFactor: number;
  /** Wall time per body-step, µs, and its split. */
  usPerBodyStep: number;
  mechanicsShare: number;
  matterShare: number;
}

export interface BodyBenchOptions {
  counts?: readonly number[];
  /** Simulated seconds per run (each body). Default 5. */
  simulatedS?: number;
  segments?: number;
  dtMs?: number;
  layouts?: readonly ('separate' | 'shared')[];
}

export function benchBody(o: BodyBenchOptions = {}): BodyBenchRow[] {
  const counts = o.counts ?? [1, 10, 50];
  const simulatedS = o.simulatedS ?? 5;
  const segments = o.segments ?? 20;
  const dt = o.dtMs ?? DEFAULT_STEP_MS;
  const layouts = o.layouts ?? ['separate', 'shared'];
  const rows: BodyBenchRow[] = [];
  warmUp(segments, dt);
  runOne(2, 'separate', simulatedS, segments, dt); // let the timed loop itself get optimised; discarded
  for (const layout of layouts) {
    for (const n of counts) rows.push(runOne(n, layout, simulatedS, segments, dt));
  }
  return rows;
}

function runOne(n: number, layout: 'separate' | 'shared', simulatedS: number, segments: number, dt: number): BodyBenchRow {
  const shared = layout === 'shared' ? createPhysics() : null;
  const bodies: WormBody[] = [];
  for (let k = 0; k < n; k++) {
    // Spread out on a grid 2 mm apart so shared-engine worms never touch.
    const opts = { segments, headXMm: (k % 10) * 2, headYMm: Math.floor(k / 10) * 2 };
    bodies.push(new WormBody(shared ?? createPhysics(), opts));
  }
  const act = new Float64Array(2 * segments);
  const steps = Math.round((simulatedS * 1000) / dt);
  const wave = { frequencyHz: 0.4, wavelength: 0.65, direction: 'head-to-tail' as const };
  let tMech = 0;
  let tMatter = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    writeTravellingWave(act, segments, s * dt, wave);
    for (const b of bodies) b.setActivations(act);
    if (shared) {
      const a = performance.now();
      for (const b of bodies) b.applyForces(dt);
      const m = performance.now();
      Matter.Engine.update(shared, dt);
      const u = performance.now();
      for (const b of bodies) b.afterUpdate(dt);
      tMech += m - a + (performance.now() - u);
      tMatter += u - m;
    } else {
      for (const b of bodies) {
        const a = performance.now();
        b.applyForces(dt);
        const m = performance.now();
        Matter.Engine.update(b.engine, dt);
        const u = performance.now();
        b.afterUpdate(dt);
        tMech += m - a + (performance.now() - u);
        tMatter += u - m;
      }
    }
  }
  const wallMs = performance.now() - t0;
  for (const b of bodies) if (!b.isFinite()) throw new Error('bench: a body went non-finite');
  return {
    bodies: n,
    layout,
    segments,
    dtMs: dt,
    simulatedS,
    wallS: wallMs / 1000,
    realtimeFactor: (simulatedS * 1000) / wallMs,
    usPerBodyStep: (wallMs * 1000) / (steps * n),
    mechanicsShare: tMech / (tMech + tMatter),
    matterShare: tMatter / (tMech + tMatter),
  };
}

/** Let the JIT compile the hot paths before anything is timed. */
function warmUp(segments: number, dt: number): void {
  const engine = createPhysics();
  const b = new WormBody(engine, { segments });
  const act = new Float64Array(2 * segments);
  for (let s = 0; s < 600; s++) {
    b.setActivations(writeTravellingWave(act, segments, s * dt, { frequencyHz: 0.4, wavelength: 0.65, direction: 'head-to-tail' }));
    if (s % 50 === 0) b.poke(0.5, 1, 1, 'harsh');
    stepBodies(engine, [b], dt);
  }
}

function printTable(rows: readonly BodyBenchRow[]): void {
  console.log('bodies layout    segs dt(ms)  sim-s/wall-s  µs/body-step  mechanics  matter');
  for (const r of rows) {
    console.log(
      `${String(r.bodies).padStart(6)} ${r.layout.padEnd(9)} ${String(r.segments).padStart(4)} ${String(r.dtMs).padStart(6)}  ` +
        `${r.realtimeFactor.toFixed(1).padStart(12)}  ${r.usPerBodyStep.toFixed(1).padStart(12)}  ` +
        `${(100 * r.mechanicsShare).toFixed(0).padStart(8)}%  ${(100 * r.matterShare).toFixed(0).padStart(5)}%`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(benchBody());
}
