/**
 * Setup for vitest.conductance.config.ts, beside conductance-worm.ts: the learning and choice worms
 * are the default worm plus a layer each, so when the default switches to conductances they follow.
 * Every test of that run sees the built-ins 'learning-worm' and 'choice-worm' as if generated with
 * WORM_MEMBRANE 'conductance' (buildLearningWorm/buildChoiceWorm({ membrane: 'conductance' })).
 */
import { beforeAll, vi } from 'vitest';

const asBuiltin = async (build: 'buildLearningWorm' | 'buildChoiceWorm', file: string) => {
  const generate = await vi.importActual<typeof import('../../src/circuits/builtin/generate')>('../../src/circuits/builtin/generate');
  const { circuitFromDoc, serializeCircuit } = await vi.importActual<typeof import('../../src/circuits/circuit')>('../../src/circuits/circuit');
  return { default: JSON.parse(serializeCircuit(circuitFromDoc(generate[build]({ membrane: 'conductance' }), file))) };
};
vi.mock('../../src/circuits/builtin/learning-worm.json', () => asBuiltin('buildLearningWorm', 'learning-worm.json'));
vi.mock('../../src/circuits/builtin/choice-worm.json', () => asBuiltin('buildChoiceWorm', 'choice-worm.json'));

// A run that silently tested the current-based worms would prove nothing: check that the swap took.
beforeAll(async () => {
  const { getBuiltinCircuit } = await import('../../src/circuits/builtin/index');
  for (const name of ['learning-worm', 'choice-worm']) {
    const chemical = getBuiltinCircuit(name).network.synapses.filter((s) => s.kind === 'chemical');
    if (chemical.length === 0 || chemical.some((s) => s.model !== 'conductance'))
      throw new Error(`conductance-learning-choice setup: the built-in ${name} is not the conductance one; the mock of ${name}.json did not apply`);
  }
});
