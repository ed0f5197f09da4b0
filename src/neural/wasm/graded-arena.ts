/**
 * The graded network's WebAssembly path (issue 16): a graded population that
 * is the whole network keeps its arrays, the network's input and current,
 * and its continuous synapses' and gap junctions' tables in one wasm memory
 * (the arena), so one call runs a sub-step (graded-step.wat: the scatter, the
 * explicit gap junctions and the neuron update in f64x2 SIMD); a network
 * whose synapses keep the general schedule (conductance synapses) runs its
 * release, its explicit gap junctions and its neuron update there as separate
 * calls. Same operations in the same order as the JS kernels, so the same
 * numbers bit for bit (graded-arena.test.ts).
 *
 * Where WebAssembly or its SIMD is missing, where `setWasmKernels('off')`
 * says so, or below AUTO_MIN_NEURONS, there is no arena and the JS kernels
 * run: the fallback is the same engine.
 */
import { LOGISTIC_TABLE } from '../fast-math';
import { AUTO_MIN_NEURONS, wasmKernelMode } from './lif-arena';
import { BYTES } from './graded-step-bytes';
import { lazyWasmModule } from './module';

/** The neuron arrays, in graded-step.wat's order. */
const NEURON_ARRAYS = [
  'v',
  'output',
  'decay',
  'gLeak',
  'drive',
  'dtOverC',
  'gK',
  'kHalf',
  'invKSlope',
  'eK',
  'conductance',
  'vHalf',
  'invSlope',
  'amp',
  'current',
  'input',
  'inputConductance',
  'zero',
  'gP',
  'pHalf',
  'invPSlope',
  'eP',
  'hDecay',
  'h',
  'gSum',
  'iSum',
  'offset',
  'gain',
] as const;
export type GradedArrayName = (typeof NEURON_ARRAYS)[number];

export interface GradedArena {
  readonly n: number;
  /** The neuron array `name` (n values, in the arena). */
  readonly array: Readonly<Record<GradedArrayName, Float64Array>>;
  /** A table in the arena's spare room (synapse kernels), or a plain array when it is full. */
  i32(length: number): Int32Array;
  f64(length: number): Float64Array;
  /** Whether `a` lives in this arena (a table the wasm step can read). */
  holds(a: Int32Array | Float64Array): boolean;
  /**
   * gradedConductanceKernel (gradedPlateauKernel where `plateau`) over every
   * neuron, its conductance input the arena array `g` (`conductance`,
   * `inputConductance` or `zero`); `rectifier` false skips the rectifier's
   * look-up, which every gK of ±0 allows (the same numbers).
   */
  neurons(g: Float64Array, plateau: boolean, rectifier: boolean): void;
  /** gradedKernel (the linear update: no rectifier, no plateau, no conductance input) over every neuron, from the arena's `current`. */
  linear(): void;
  /**
   * One fused sub-step: current = input; current[post] += w·output[pre] for the
   * scatter table; the explicit gap junctions; the neuron update with
   * conductance `g` (with the plateau current where `plateau`, the
   * rectifier's look-up where `rectifier`). Every table must be the arena's
   * (`holds`).
   */
  step(
    g: Float64Array,
    scatter: { m: number; pre: Int32Array; post: Int32Array; w: Float64Array } | null,
    gaps: { m: number; a: Int32Array; b: Int32Array; g: Float64Array } | null,
  ): (plateau: boolean, rectifier: boolean) => void;
  /** gapKernel over this table (the arena's), from the arena's `v` into its `current`: the general schedule's explicit junctions. */
  gaps(t: { m: number; a: Int32Array; b: Int32Array; g: Float64Array }): () => void;
  /** gradedReleaseKernel over these tables (every one the arena's), writing the arena's `conductance` and `current`. */
  release(t: ReleaseTables): () => void;
  /** The listed conductance synapses without delay (graded-conductance.ts, listedStep), their tables and the release `s` the arena's. */
  listed(t: ListedTables): (dt: number) => void;
}

/** The listed graded conductance synapses' tables (compile/graded-conductance.ts, listedStep's), with the release sites' activation `s`. */
export interface ListedTables {
  size: number;
  site: Int32Array;
  post: Int32Array;
  g: Float64Array;
  e: Float64Array;
  use: Float64Array;
  recovery: Float64Array;
  x: Float64Array;
  s: Float64Array;
}

/** The graded conductance synapses' tables (compile/graded-conductance.ts, gradedReleaseKernel's arguments). */
export interface ReleaseTables {
  sites: number;
  sitePre: Int32Array;
  siteHalf: Float64Array;
  siteInvSlope: Float64Array;
  keep: Float64Array;
  s: Float64Array;
  m: number;
  site: Int32Array;
  slot: Int32Array;
  g: Float64Array;
  acc: Float64Array;
  classes: number;
  classE: Float64Array;
}

const gradedModule = lazyWasmModule(BYTES);

type StepFn = (
  n: number,
  s: number,
  tab: number,
  g: number,
  p: number,
  r: number,
  m: number,
  pre: number,
  post: number,
  w: number,
  gm: number,
  ga: number,
  gb: number,
  gg: number,
) => void;

/**
 * An arena for n graded neurons with room for `tableBytes` of synapse tables
 * (i32 and f64 arrays, each 16-byte aligned), or null where the JS kernels run.
 */
export function gradedArena(n: number, tableBytes: number): GradedArena | null {
  const mode = wasmKernelMode();
  if (mode === 'off' || n < 1 || (mode === 'auto' && n < AUTO_MIN_NEURONS)) return null;
  const module = gradedModule();
  if (!module) return null;
  const stride = Math.ceil((n * 8) / 16) * 16;
  const tab = NEURON_ARRAYS.length * stride;
  const tables = tab + Math.ceil((LOGISTIC_TABLE.length * 8) / 16) * 16;
  const end = tables + Math.ceil(tableBytes / 16) * 16 + 16;
  let memory: WebAssembly.Memory;
  let exports: {
    neurons: (n: number, s: number, tab: number, g: number, p: number, r: number) => void;
    linear: (n: number, s: number) => void;
    step: StepFn;
    gaps: (m: number, a: number, b: number, g: number, v: number, I: number) => void;
    release: (...offsets: number[]) => void;
    listed: (...offsetsThenDt: number[]) => void;
  };
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
    exports = new WebAssembly.Instance(module, { graded: { mem: memory } }).exports as unknown as typeof exports;
  } catch {
    return null;
  }
  // The memory never grows (growing would detach these views).
  const buffer = memory.buffer;
  const array = Object.fromEntries(NEURON_ARRAYS.map((name, k) => [name, new Float64Array(buffer, k * stride, n)])) as Record<GradedArrayName, Float64Array>;
  new Float64Array(buffer, tab, LOGISTIC_TABLE.length).set(LOGISTIC_TABLE);
  let free = tables;
  const take = (bytes: number): number | null => {
    if (free + bytes > buffer.byteLength) return null;
    const at = free;
    free += Math.ceil(bytes / 16) * 16;
    return at;
  };
  const { neurons: runNeurons, linear: runLinear, step: runStep, gaps: runGaps, release: runRelease, listed: runListed } = exports;
  const holds = (a: Int32Array | Float64Array) => a.buffer === buffer;
  const offsetOf = (a: Int32Array | Float64Array, what: string): number => {
    if (!holds(a)) throw new Error(`gradedArena: ${what} is not in the arena`);
    return a.byteOffset;
  };
  return {
    n,
    array,
    i32(length) {
      const at = take(length * 4);
      return at === null ? new Int32Array(length) : new Int32Array(buffer, at, length);
    },
    f64(length) {
      const at = take(length * 8);
      return at === null ? new Float64Array(length) : new Float64Array(buffer, at, length);
    },
    holds,
    neurons(g, plateau, rectifier) {
      runNeurons(n, stride, tab, offsetOf(g, 'the conductance'), plateau ? 1 : 0, rectifier ? 1 : 0);
    },
    linear() {
      runLinear(n, stride);
    },
    step(g, sc, gp) {
      const at = offsetOf(g, 'the conductance');
      const m = sc?.m ?? 0,
        gm = gp?.m ?? 0;
      const pre = sc ? offsetOf(sc.pre, 'the scatter table') : 0,
        post = sc ? offsetOf(sc.post, 'the scatter table') : 0,
        w = sc ? offsetOf(sc.w, 'the scatter table') : 0;
      const ga = gp ? offsetOf(gp.a, 'the gap table') : 0,
        gb = gp ? offsetOf(gp.b, 'the gap table') : 0,
        gg = gp ? offsetOf(gp.g, 'the gap table') : 0;
      return (plateau, rectifier) => runStep(n, stride, tab, at, plateau ? 1 : 0, rectifier ? 1 : 0, m, pre, post, w, gm, ga, gb, gg);
    },
    gaps(t) {
      const { m } = t;
      const a = offsetOf(t.a, 'the gap table'),
        b = offsetOf(t.b, 'the gap table'),
        g = offsetOf(t.g, 'the gap table');
      const vAt = array.v.byteOffset,
        iAt = array.current.byteOffset;
      return () => runGaps(m, a, b, g, vAt, iAt);
    },
    release(t) {
      const at = (a: Int32Array | Float64Array) => offsetOf(a, 'the release table');
      const { sites, m, classes } = t;
      const pre = at(t.sitePre),
        half = at(t.siteHalf),
        inv = at(t.siteInvSlope),
        keep = at(t.keep),
        s = at(t.s),
        site = at(t.site),
        slot = at(t.slot),
        g = at(t.g),
        acc = at(t.acc),
        ce = at(t.classE);
      const { v, conductance, current } = array;
      const vAt = v.byteOffset,
        gAt = conductance.byteOffset,
        iAt = current.byteOffset;
      return () => runRelease(sites, pre, half, inv, keep, s, vAt, tab, m, site, slot, g, acc, classes, ce, n, gAt, iAt);
    },
    listed(t) {
      const at = (a: Int32Array | Float64Array) => offsetOf(a, 'the listed synapses table');
      const { size } = t;
      const site = at(t.site),
        post = at(t.post),
        g = at(t.g),
        e = at(t.e),
        use = at(t.use),
        rec = at(t.recovery),
        x = at(t.x),
        s = at(t.s);
      const gAt = array.conductance.byteOffset,
        iAt = array.current.byteOffset;
      return (dt) => runListed(size, site, post, g, e, use, rec, x, s, gAt, iAt, dt);
    },
  };
}
