/** Neuron references in scenarios: an id of the circuit, or a class of them. */

/**
 * Neuron ids a reference stands for: the id itself, or the cells of a class
 * named by C. elegans convention (AVA → AVAL, AVAR; DA → DA01..DA09; RME →
 * RMED, RMEV, RMEL, RMER).
 */
export function resolveNeuron(ref: string, neuronIds: readonly string[]): string[] {
  if (neuronIds.includes(ref)) return [ref];
  const cell = new RegExp(`^${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[LRDV]|DL|DR|VL|VR|\\d+)$`);
  return neuronIds.filter((id) => cell.test(id));
}
