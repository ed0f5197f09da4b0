import { KNOWN_NEURONS } from '../../src/circuits/connectome/neuron-classes';
import { GAP, type CircuitView } from './circuit-view';

/**
 * "ALML" → "ALM", "AVAR" → "AVA": the class name players know, when dropping
 * the left/right letter gives a real C. elegans class whose member this is;
 * anything else as it is ("RMDDL", "VA10", a made-up "CHEML" — never "CHEM").
 */
export function neuronClass(id: string): string {
  const cls = KNOWN_NEURONS.get(id)?.class.name;
  return /[LR]$/.test(id) && cls === id.slice(0, -1) ? cls : id;
}

/** How long a neuron's recent peak lingers, simulated ms (a reversal shows in the pose a few hundred ms after the touch). */
const PEAK_TAU_MS = 800;
/** How slowly the resting level follows the output, simulated ms: much slower than a reflex. */
const BASELINE_TAU_MS = 4000;

/**
 * Each neuron's recent change of activity: its output peak over the last
 * second or so above its resting level (a slow average). A neuron that is
 * busy all the time (a chemosensor in a gradient, a pacemaker) rises little;
 * one that answered what just happened rises a lot. Feed it every frame.
 */
export class ActivityTrace {
  private peak: Float64Array | null = null;
  private base: Float64Array | null = null;
  private at = 0;

  reset(): void {
    this.peak = this.base = null;
  }

  update(out: ArrayLike<number>, timeMs: number): void {
    if (!this.peak || !this.base || this.peak.length !== out.length) {
      this.peak = Float64Array.from(out);
      this.base = Float64Array.from(out);
      this.at = timeMs;
      return;
    }
    const dt = timeMs - this.at;
    this.at = timeMs;
    if (!(dt > 0)) return;
    const k = Math.exp(-dt / PEAK_TAU_MS);
    const b = 1 - Math.exp(-dt / BASELINE_TAU_MS);
    const p = this.peak;
    const q = this.base;
    for (let i = 0; i < p.length; i++) {
      p[i] = Math.max(out[i], p[i] * k);
      q[i] += (out[i] - q[i]) * b;
    }
  }

  /** Per neuron, how far its recent peak stands above its resting level (0 when it did not rise). */
  rise(): Float64Array {
    const p = this.peak;
    const q = this.base;
    if (!p || !q) return new Float64Array(0);
    const r = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) r[i] = Math.max(0, p[i] - q[i]);
    return r;
  }
}

/**
 * The pathway that just carried a signal, for announcements such as
 * "Reversal! ALM → AVD → AVA → VA5": start at the motor neuron whose
 * activity rose most (what moved the body) and trace back, hop by hop, over
 * excitatory synapses and gap junctions into it, to the partner that rose
 * most (its rise weighed by the synapse's weight), until a sensory neuron or
 * `maxHops`. So every neuron named rose, and each drives the next: a
 * reversal no sense caused names no sensory neuron. `signal` is each
 * neuron's rise (ActivityTrace.rise); below `threshold` a neuron carried
 * nothing. Returns class names from the senses to the muscles, repeats
 * collapsed.
 */
export function activityChain(view: CircuitView, signal: ArrayLike<number>, threshold = 0.15, maxHops = 4): string[] {
  const n = view.ids.length;
  if (signal.length !== n) return [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (view.roles[i] === 'motor' && signal[i] >= threshold && (start < 0 || signal[i] > signal[start])) start = i;
  }
  if (start < 0) return [];
  // Synapses into each neuron (chemical: into its post; gap junctions, stored once, both ways).
  const into: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < view.synapseCount; e++) {
    if (view.kind[e] === GAP) {
      into[view.post[e]].push(e);
      into[view.pre[e]].push(e);
    } else if (view.sign[e] > 0) into[view.post[e]].push(e);
  }
  const path = [start];
  const seen = new Set(path);
  let cur = start;
  for (let hop = 0; hop < maxHops && view.roles[cur] !== 'sensory'; hop++) {
    let best = -1;
    let bestScore = 0;
    for (const e of into[cur]) {
      const j = view.post[e] === cur ? view.pre[e] : view.post[e];
      if (seen.has(j) || signal[j] < threshold) continue;
      const score = signal[j] * view.weight[e];
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (best < 0) break;
    path.push(best);
    seen.add(best);
    cur = best;
  }
  // From the senses to the first motor neuron (one that only followed another motor neuron adds nothing).
  const names: string[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const name = neuronClass(view.ids[path[i]]);
    if (names[names.length - 1] !== name) names.push(name);
    if (view.roles[path[i]] === 'motor') break;
  }
  return names;
}
