/**
 * Fresh copies of hot-loop kernels, one per network or population.
 *
 * Why: V8 (TurboFan) specialises optimised code to a closure's captured
 * values — typed arrays become constants, their lengths known, bounds checks
 * gone — only while the function literal has made ONE closure. The second
 * network built from the same factory gets generic code that reloads every
 * array's pointer and length on every access: measured here 3–6× slower for
 * the same loop (a 4,000-neuron LIF kernel 0.27 s → 1.1 s per simulated second;
 * a CSR scatter 1.7 → 10 ns per synapse). A game rebuilds its network on every
 * edit, and tests and benches build many, so every build must get its own
 * function literal: `freshKernel(factory)` recompiles the factory's source
 * with `new Function`, giving a new literal each time.
 *
 * Rules for a kernel factory: a plain function whose body uses only its
 * parameters, its own locals and JavaScript globals (Math, Number): no imports,
 * no module constants, no helper functions, no nested named functions (build
 * tools may wrap those in helpers such as esbuild's `__name`). It returns the
 * kernel closure.
 *
 * Where `new Function` is not allowed (a page's Content-Security-Policy
 * without 'unsafe-eval'), or the source does not look self-contained, the
 * factory itself is used: same results bit for bit, only slower for the
 * second and later networks.
 */

// Helper calls that bundlers and coverage tools inject into function bodies; a body that has one is not self-contained.
const INJECTED = /\b(__name|__publicField|__privateGet|__async|__spreadValues|cov_[A-Za-z0-9_]+|__vite_ssr_\w+)\b/;

let compile = true;
// V8 caches `new Function` by its source text, closures' feedback included: a unique comment makes every copy its own literal.
let copies = 0;

/** Turns recompilation off (tests compare both paths; a host may prefer no eval) or back on. */
export function setKernelCompilation(enabled: boolean): void {
  compile = enabled;
}

/** The kernel factory to call for a new network or population: a fresh copy of `factory`, or `factory` itself. */
export function freshKernel<F extends (...args: never[]) => unknown>(factory: F): F {
  if (!compile) return factory;
  const source = factory.toString();
  if (INJECTED.test(source) || !/^(function\b|\()/.test(source)) return factory;
  try {
    const copy = new Function(`"use strict"; // kernel copy ${++copies}\nreturn (${source});`)() as unknown;
    return typeof copy === 'function' ? (copy as F) : factory;
  } catch {
    return factory;
  }
}
