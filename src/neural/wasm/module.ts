/**
 * Compiles a generated kernel's bytes (base64, scripts/build-wasm.mjs) once, on
 * first use: null where WebAssembly is missing or refuses them, so callers fall
 * back to their JS kernels.
 */
export function lazyWasmModule(base64: string): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled === undefined) {
      compiled = null;
      try {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      } catch {
        compiled = null;
      }
    }
    return compiled;
  };
}
