import type { CircuitView } from './circuit-view';

/** "ALML" → "ALM", "AVAR" → "AVA", "VA10" stays: the class name players know. */
export function neuronClass(id: string): string {
  return /^[A-Z0-9]{3,}[LR]$/.test(id) && !/^[A-Z]{2}\d+$/.test(id) ? id.slice(0, -1) : id;
}

/**
 * The pathway that just carried a signal, for announcements such as
 * "Reversal! ALM → AVD → AVA": start at the most active sensory neuron and
 * follow, hop by hop, the synapse to the active partner with the largest
 * output × weight, until a motor neuron or `maxHops`. Neurons below
 * `threshold` do not count. Returns class names, repeats collapsed.
 */
export function activityChain(view: CircuitView, output: ArrayLike<number>, threshold = 0.3, maxHops = 3): string[] {
  let start = -1;
  for (let i = 0; i < view.ids.length; i++) {
    if (view.roles[i] === 'sensory' && output[i] >= threshold && (start < 0 || output[i] > output[start])) start = i;
  }
  if (start < 0) return [];
  const path = [start];
  const seen = new Set(path);
  let cur = start;
  for (let hop = 0; hop < maxHops && view.roles[cur] !== 'motor'; hop++) {
    let best = -1;
    let bestScore = 0;
    for (let e = view.preStart[cur]; e < view.preStart[cur + 1]; e++) {
      const j = view.post[e];
      if (seen.has(j) || output[j] < threshold || view.sign[e] < 0) continue;
      const score = output[j] * view.weight[e];
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
  const names: string[] = [];
  for (const i of path) {
    const n = neuronClass(view.ids[i]);
    if (names[names.length - 1] !== n) names.push(n);
  }
  return names;
}
