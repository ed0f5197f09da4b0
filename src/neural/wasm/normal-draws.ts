/**
 * The ziggurat's fast path in WebAssembly (normal-draws.wat) for the neural
 * noise (src/sim/noise.ts): one memory per normal source holding its sfc32
 * state, the layer tables and a buffer of deviates. Where WebAssembly is
 * missing or `setWasmKernels('off')` says so, there is none and the JS loop
 * draws: the same deviates bit for bit.
 */
import { wasmKernelMode } from './lif-arena';
import { BYTES } from './normal-draws-bytes';

const STATE = 0;
const K_AT = 16;
const W_AT = 528;
const STOP_AT = 1552;
const BUF_AT = 1568;
const PAGE = 65536;

export interface NormalDraws {
  /** The generator's state (a, b, c, d): the source's own, in the wasm memory. */
  readonly state: Int32Array;
  /** The deviates of the last fill. */
  readonly buffer: Float64Array;
  /** Fast-path deviates k, k + 1, … below n into `buffer`; returns n, or the index of a draw that needs the wedge or tail (its hz and iz: `stopped`). */
  fill(n: number, k: number): number;
  /** [hz, iz] of the draw that stopped the last fill. */
  readonly stopped: Int32Array;
}

let compiled: WebAssembly.Module | null | undefined;

function normalModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      const bytes = Uint8Array.from(atob(BYTES), (c) => c.charCodeAt(0));
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A memory with room for `capacity` deviates a fill, the tables K and W copied in; null where the JS loop draws. */
export function normalDraws(capacity: number, K: Int32Array, W: Float64Array): NormalDraws | null {
  if (wasmKernelMode() === 'off' || K.length !== 128 || W.length !== 128) return null;
  const module = normalModule();
  if (!module) return null;
  let memory: WebAssembly.Memory;
  let fill: (n: number, k: number) => number;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil((BUF_AT + 8 * capacity) / PAGE) });
    fill = new WebAssembly.Instance(module, { normal: { mem: memory } }).exports.fill as typeof fill;
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  new Int32Array(buffer, K_AT, 128).set(K);
  new Float64Array(buffer, W_AT, 128).set(W);
  return {
    state: new Int32Array(buffer, STATE, 4),
    buffer: new Float64Array(buffer, BUF_AT, capacity),
    fill,
    stopped: new Int32Array(buffer, STOP_AT, 2),
  };
}
