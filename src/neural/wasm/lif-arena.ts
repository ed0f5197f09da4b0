/**
 * The fused LIF step's WebAssembly path (issue 16): a LIF population's arrays
 * and the network arrays the fused step touches, laid out in one wasm memory
 * (the arena) so the per-neuron pass runs as f64x2 SIMD (lif-fused.wat, built
 * by scripts/build-wasm.mjs), and, where the network's synapses were given
 * room, their delivery tables, so spikes are delivered there too. Same operations in the same order as the JS
 * loop, so the same numbers bit for bit (src/neural/wasm/lif-arena.test.ts).
 *
 * Where WebAssembly or its SIMD is missing (validate fails), or for the
 * smallest populations (AUTO_MIN_NEURONS), there is no arena and the JS kernel
 * runs: the fallback is the same engine.
 */
import { BYTES } from './lif-fused-bytes';
import { lazyWasmModule } from './module';

export interface LifArena {
  readonly input: Float64Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly current: Float64Array;
  readonly rest: Float64Array;
  readonly resistance: Float64Array;
  readonly v: Float64Array;
  readonly decay: Float64Array;
  readonly gate: Float64Array;
  readonly resetV: Float64Array;
  readonly trace: Float64Array;
  readonly fired: Int32Array;
  readonly spiked: Uint8Array;
  /** The per-neuron pass of the fused step (lifKernel's main loop); returns how many fired. */
  readonly step: (decE: number, decI: number, low: number, up: number) => number;
  /** Tells the arena that rest, resistance or decay changed (the next step looks again whether every neuron has the same ones). */
  readonly paramsChanged: () => void;
  /**
   * CSR tables of `synapses` plain exponential synapses in the arena, with
   * their spike delivery in WebAssembly (fired[0 .. count) into ge, gi);
   * null when the arena was made without room for that many, or they were
   * handed out already (one network's tables per arena).
   */
  readonly synapseTables: (synapses: number) => ArenaSynapses | null;
}

/** Delivery tables in the arena (see compile/exponential.ts: rows by presynaptic neuron, signed weights). */
export interface ArenaSynapses {
  readonly rowStart: Int32Array;
  /** Per row, the weight all its synapses have, NaN where they differ (delivery then skips the weight column); the caller keeps it in step with `w`. */
  readonly rowWeight: Float64Array;
  readonly post: Int32Array;
  readonly w: Float64Array;
  readonly deliver: (count: number) => void;
}

/**
 * 'auto': an arena for populations of at least AUTO_MIN_NEURONS; 'always':
 * for every population (tests, to run the path on small random networks);
 * 'off': none (the JS kernel everywhere; a host without WebAssembly).
 */
export type WasmKernels = 'auto' | 'always' | 'off';
/**
 * Smaller populations keep plain arrays: an arena is a wasm memory of at least 64 KiB. The wasm pass pays from
 * the smallest sizes (a whole network step, CUBA-like ring, best of 3 at load 12: 8 neurons 32–51 ns vs 50–65 ns
 * with the JS kernel; 32: 69 vs 95–112 ns; 128: 199 vs 333–354 ns).
 */
export const AUTO_MIN_NEURONS = 8;

let mode: WasmKernels = 'auto';

/** Chooses where new LIF populations run their fused pass, and new graded networks their sub-step (graded-arena.ts); existing ones keep theirs. */
export function setWasmKernels(next: WasmKernels): void {
  mode = next;
}

/** The choice setWasmKernels made. */
export function wasmKernelMode(): WasmKernels {
  return mode;
}

const lifModule = lazyWasmModule(BYTES);

/** Byte offset of array k: 13 arrays of `stride` bytes each (n f64 rounded up to 16 bytes, SIMD's alignment). */
const ARRAYS = 13;
/** After the arrays: 16 copies each of rest, resistance and decay when every neuron has the same (the pass then reads these, not the arrays). */
const UNIFORM_BYTES = 3 * 16 * 8;

const up8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** Bytes the CSR tables of `synapses` synapses over n rows take: row starts, row weights, post (i32), w (f64). */
const tableBytes = (n: number, synapses: number) => up8((n + 1) * 4) + n * 8 + up8(synapses * 4) + synapses * 8;

/**
 * An arena for n neurons, or null where the JS kernel runs (see WasmKernels).
 * `synapseRoom`: room for the delivery tables of up to that many synapses
 * (synapseTables), taken only if that much memory can be had.
 */
export function lifArena(n: number, synapseRoom = 0): LifArena | null {
  if (mode === 'off' || n < 1 || (mode === 'auto' && n < AUTO_MIN_NEURONS)) return null;
  const module = lifModule();
  if (!module) return null;
  const stride = Math.ceil((n * 8) / 16) * 16;
  type Exports = {
    step: (n: number, s: number, decE: number, decI: number, low: number, up: number, uni: number) => number;
    deliver: (count: number, s: number, rows: number, uniform: number, post: number, w: number) => void;
  };
  const instance = (room: number): { memory: WebAssembly.Memory; exports: Exports } | null => {
    try {
      const bytes = ARRAYS * stride + UNIFORM_BYTES + (room > 0 ? tableBytes(n, room) : 0);
      const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
      return { memory, exports: new WebAssembly.Instance(module, { lif: { mem: memory } }).exports as unknown as Exports };
    } catch {
      return null;
    }
  };
  let room = synapseRoom;
  let made = instance(room);
  if (!made && room > 0) {
    room = 0;
    made = instance(0);
  }
  if (!made) return null;
  const { step: run, deliver } = made.exports;
  // The memory never grows (growing would detach these views).
  const buffer = made.memory.buffer;
  const f64 = (k: number) => new Float64Array(buffer, k * stride, n);
  const rest = f64(4);
  const resistance = f64(5);
  const decay = f64(7);
  // CUBA's neurons all share rest, R and τ: the pass then reads them from 3 × 128 bytes that stay in L1 instead of
  // three arrays (a quarter of its memory traffic). Looked at again on the first step after an edit (Object.is: the same bits).
  const uniformAt = ARRAYS * stride;
  const copies = new Float64Array(buffer, uniformAt, UNIFORM_BYTES / 8);
  let uni = 0;
  let stale = true;
  const same = (a: Float64Array): boolean => {
    for (let i = 1; i < n; i++) if (!Object.is(a[i], a[0])) return false;
    return true;
  };
  const refresh = () => {
    stale = false;
    uni = same(rest) && same(resistance) && same(decay) ? uniformAt : 0;
    copies.fill(rest[0], 0, 16).fill(resistance[0], 16, 32).fill(decay[0], 32, 48);
  };
  let tablesTaken = false;
  const synapseTables = (synapses: number): ArenaSynapses | null => {
    if (tablesTaken || synapses > room) return null;
    tablesTaken = true;
    const rows = ARRAYS * stride + UNIFORM_BYTES;
    const uniform = rows + up8((n + 1) * 4);
    const post = uniform + n * 8;
    const w = post + up8(synapses * 4);
    return {
      rowStart: new Int32Array(buffer, rows, n + 1),
      rowWeight: new Float64Array(buffer, uniform, n).fill(Number.NaN),
      post: new Int32Array(buffer, post, synapses),
      w: new Float64Array(buffer, w, synapses),
      deliver: (count) => deliver(count, stride, rows, uniform, post, w),
    };
  };
  return {
    input: f64(0),
    ge: f64(1),
    gi: f64(2),
    current: f64(3),
    rest,
    resistance,
    v: f64(6),
    decay,
    gate: f64(8),
    resetV: f64(9),
    trace: f64(10),
    fired: new Int32Array(buffer, 11 * stride, n),
    spiked: new Uint8Array(buffer, 12 * stride, n),
    step: (decE, decI, low, up) => {
      if (stale) refresh();
      return run(n, stride, decE, decI, low, up, uni);
    },
    paramsChanged: () => {
      stale = true;
    },
    synapseTables,
  };
}
