/**
 * Setup for vitest.conductance.config.ts only: every test of that run sees the
 * default worm on the conductance membrane, as if worm.json had been generated
 * with WORM_MEMBRANE 'conductance' (the built-in 'worm', and buildWorm()
 * without a membrane). The test files are the shipped ones, unchanged.
 */
import { beforeAll, vi } from 'vitest';

vi.mock('../../src/circuits/builtin/generate', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/circuits/builtin/generate')>();
  return {
    ...m,
    WORM_MEMBRANE: 'conductance',
    buildWorm: (o: { membrane?: 'current' | 'conductance' } = {}) => m.buildWorm({ membrane: 'conductance', ...o }),
  };
});

vi.mock('../../src/circuits/builtin/worm.json', async () => {
  const { buildWorm } = await vi.importActual<typeof import('../../src/circuits/builtin/generate')>('../../src/circuits/builtin/generate');
  const { circuitFromDoc, serializeCircuit } = await vi.importActual<typeof import('../../src/circuits/circuit')>('../../src/circuits/circuit');
  return { default: JSON.parse(serializeCircuit(circuitFromDoc(buildWorm({ membrane: 'conductance' }), 'worm.json'))) };
});

// A run that silently tested the current worm would prove nothing: check that the swap took.
beforeAll(async () => {
  const { getBuiltinCircuit } = await import('../../src/circuits/builtin/index');
  const { buildWorm } = await import('../../src/circuits/builtin/generate');
  const chemical = getBuiltinCircuit('worm').network.synapses.filter((s) => s.kind === 'chemical');
  if (chemical.length === 0 || chemical.some((s) => s.model !== 'conductance') || buildWorm().version !== 2)
    throw new Error('conductance-worm setup: the built-in worm is not the conductance one; the mocks of generate.ts/worm.json did not apply');
});
