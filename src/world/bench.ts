/**
 * World benchmark, for `npm run bench` to call (the lead wires it in):
 * world creation per built-in arena, cost of one field sample, and cost of
 * the odour update per simulated second. Numbers only mean something on a
 * quiet machine.
 */
import { BUILTIN_ARENA_NAMES, getArena } from './builtins';
import type { MakeRand } from './resolve';
import { World } from './world';

export interface WorldBenchRow {
  arena: string;
  grid: string;
  /** Creating the World, including the steady-state odour solve (first time; later ones hit the cache), ms. */
  createMs: number;
  /** One concentration + temperature + toxin sample at a point, ns. */
  sampleNs: number;
  /** Odour updates for one second of simulated time at the default interval, ms. */
  updateMsPerSimS: number;
}

export function benchWorld(makeRand: MakeRand, names: readonly string[] = BUILTIN_ARENA_NAMES): WorldBenchRow[] {
  const rows: WorldBenchRow[] = [];
  for (const name of names) {
    // A fresh copy so an earlier steady solve is not reused from the cache.
    const arena = structuredClone(getArena(name));
    arena.description += ' ';
    let t0 = performance.now();
    const w = new World(arena, { makeRand });
    const createMs = performance.now() - t0;
    const { width, height } = w.plate;
    const n = 200_000;
    let sink = 0;
    t0 = performance.now();
    for (let k = 0; k < n; k++) {
      const x = ((k * 7919) % 1000) * 0.001 * width;
      const y = ((k * 104729) % 1000) * 0.001 * height;
      sink += w.concentration(x, y) + w.temperature(x, y) + w.toxin(x, y);
    }
    const sampleNs = ((performance.now() - t0) * 1e6) / n;
    const simS = 10;
    t0 = performance.now();
    for (let k = 0; k < simS * 60; k++) w.step(1000 / 60);
    const updateMsPerSimS = (performance.now() - t0) / simS;
    if (!Number.isFinite(sink)) throw new Error(`bench: non-finite field in ${name}`);
    const g = w.fields.grid;
    rows.push({ arena: name, grid: `${g.nx}×${g.ny} @ ${g.cellMm.toFixed(3)} mm`, createMs, sampleNs, updateMsPerSimS });
  }
  return rows;
}
