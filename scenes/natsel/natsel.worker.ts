/**
 * The population runs here, off the page's thread: the worker steps the
 * generation on its own timer (speed × the wall time that passed, in whole
 * fixed steps; at 'max' as many steps as fit in a slice) and posts one frame
 * per slice. The wall clock only decides how many steps run, never what a
 * step computes, so a run is the same at any speed.
 */
import { NaturalSelection } from '../../src/evolve/natural/selection';
import { PHYSICS_STEP_MS } from '../../src/evolve/natural/generation';
import type { GenerationSummary } from '../../src/evolve/natural/selection';
import type { NatselReply, NatselRequest, NatselSpeed, PlateInfo } from './protocol';

/**
 * Wall ms of stepping per slice. At max the worker takes what it can; at
 * 1×–16× at most 10 ms of every 16, so on a busy machine the page keeps its
 * share of the cores (the run then falls behind real time, the frames do not).
 */
const SLICE_MS = { max: 30, paced: 10 };
/** Slices are this far apart (≈ 60 frames a second). */
const TICK_MS = 16;

let ns: NaturalSelection | null = null;
let paused = true;
let speed: NatselSpeed = 1;
let owedMs = 0;
let last = 0;
let plateSent = -1;
let ended: GenerationSummary[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
/** Worm-ms simulated and wall ms since the speed last changed: the throughput shown at max speed. */
let wormMs = 0;
let since = 0;

const post = (m: NatselReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function plateInfo(s: NaturalSelection): PlateInfo {
  const w = s.current.world;
  return {
    generation: s.generation,
    plateMm: s.conditions.plateMm,
    food: w.food.map((f) => ({ x: f.x, y: f.y, r: f.radius })),
    heat: w.arena.temperature.spots.map((h) => ({ x: h.at[0], y: h.at[1], r: h.radius })),
    toxin: w.arena.hazards.flatMap((z) => (z.zone.type === 'circle' ? [{ x: z.zone.at[0], y: z.zone.at[1], r: z.zone.radius }] : [])),
    segments: s.current.worms[0]?.sim.segments ?? 0,
  };
}

function frame(wormSecondsPerS: number): void {
  if (!ns) return;
  const g = ns.current;
  const seg = g.worms[0]?.sim.segments ?? 0;
  const poses = new Float64Array(g.worms.length * seg * 2);
  g.worms.forEach((w, i) => poses.set(w.sim.telemetry().pose, i * seg * 2));
  const plate = plateSent !== ns.generation ? plateInfo(ns) : undefined;
  plateSent = ns.generation;
  const msg: NatselReply = {
    type: 'frame',
    generation: ns.generation,
    timeMs: g.timeMs,
    durationMs: g.durationMs,
    poses,
    alive: Uint8Array.from(g.worms, (w) => (w.alive ? 1 : 0)),
    eaten: Float64Array.from(g.worms, (w) => w.eaten),
    food: Float64Array.from(g.world.food, (f) => f.amount),
    predators: Float64Array.from(g.predators.flatMap((p) => [p.x, p.y])),
    ...(plate && { plate }),
    ended,
    wormSecondsPerS,
  };
  ended = [];
  post(msg, [msg.poses.buffer]);
}

function tick(): void {
  timer = setTimeout(tick, TICK_MS);
  const now = performance.now();
  const elapsed = Math.min(now - last, 100);
  last = now;
  if (!ns || paused) return;
  owedMs = speed === 'max' ? Infinity : Math.min(owedMs + elapsed * speed, 1000);
  const t0 = performance.now();
  const slice = speed === 'max' ? SLICE_MS.max : SLICE_MS.paced;
  while (owedMs >= PHYSICS_STEP_MS && performance.now() - t0 < slice) {
    const s = ns.step();
    if (s) ended.push(s);
    owedMs -= PHYSICS_STEP_MS;
    wormMs += PHYSICS_STEP_MS * ns.conditions.population;
  }
  // Work the slice could not fit is dropped at 1×–16×: the simulation runs slower than asked rather than stalling.
  if (speed !== 'max') owedMs = Math.min(owedMs, PHYSICS_STEP_MS * 4);
  else owedMs = 0;
  const wall = performance.now() - since;
  frame(wall > 0 ? wormMs / wall : 0);
}

self.onmessage = (e: MessageEvent<NatselRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'start') {
      ns = new NaturalSelection(m.conditions);
      plateSent = -1;
      ended = [];
      owedMs = 0;
      wormMs = 0;
      since = performance.now();
      frame(0);
      last = performance.now();
      if (!timer) tick();
    } else if (m.type === 'run') {
      paused = m.paused;
      speed = m.speed;
      owedMs = 0;
      wormMs = 0;
      since = performance.now();
    } else if (m.type === 'champion') {
      post({ type: 'champion', doc: ns?.championDoc() ?? null, generation: ns?.champion?.generation ?? -1, eaten: ns?.champion?.eaten ?? 0 });
    }
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
