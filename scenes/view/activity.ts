/**
 * Neural activity quantised into a few brightness levels, so the views redraw
 * synapses only when something visibly changed, and pick the edges worth
 * drawing without sorting: brightest presynaptic neurons first, up to a cap.
 */
export class ActivityLevels {
  /** Brightness level per neuron, 0..levels (output level, raised while a spike flash lasts). */
  readonly level: Uint8Array;
  /** Spike flash per neuron, 1 at a spike and decaying to 0 over flashMs. */
  readonly flash: Float32Array;

  constructor(
    readonly size: number,
    readonly levels = 8,
    readonly flashMs = 160,
  ) {
    this.level = new Uint8Array(size);
    this.flash = new Float32Array(size);
  }

  /**
   * Takes this frame's output (0..1) and spikes; returns how many neurons
   * changed level. `spiked` may be null for graded-only circuits.
   */
  update(output: ArrayLike<number>, spiked: ArrayLike<number> | null, dtMs: number): number {
    const decay = this.flashMs > 0 ? Math.max(0, dtMs) / this.flashMs : 1;
    const L = this.levels;
    let changed = 0;
    for (let i = 0; i < this.size; i++) {
      let f = this.flash[i] - decay;
      if (spiked?.[i]) f = 1;
      this.flash[i] = Math.max(f, 0);
      const o = output[i];
      const a = o > 0 ? Math.min(o, 1) : 0; // NaN → 0
      const lv = Math.max(Math.round(a * L), Math.ceil(this.flash[i] * L));
      if (lv !== this.level[i]) {
        this.level[i] = lv;
        changed++;
      }
    }
    return changed;
  }

  reset(): void {
    this.level.fill(0);
    this.flash.fill(0);
  }
}

/**
 * Indices of synapses to highlight, brightest presynaptic level first, only
 * from neurons at level ≥ minLevel, at most `cap`. Uses `preStart` CSR offsets
 * and a counting pass over levels; writes into `out`, returns the count.
 */
export function selectActiveEdges(level: Uint8Array, levels: number, preStart: Int32Array, minLevel: number, cap: number, out: Int32Array): number {
  let count = 0;
  const limit = Math.min(cap, out.length);
  for (let lv = levels; lv >= Math.max(1, minLevel); lv--) {
    for (let i = 0; i < level.length; i++) {
      if (level[i] !== lv) continue;
      for (let e = preStart[i]; e < preStart[i + 1]; e++) {
        if (count >= limit) return count;
        out[count++] = e;
      }
    }
  }
  return count;
}
