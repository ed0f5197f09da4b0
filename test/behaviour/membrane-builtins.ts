/**
 * A study script's built-in worm on a chosen membrane: the shipped file (getBuiltinCircuit) for the membrane it was
 * generated with (WORM_MEMBRANE), else the generator's build on the other one (issue 14: the learning and choice
 * worms on conductances). The script's first argument names the membrane; a bad one is refused with the fix.
 */
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { buildChoiceWorm, buildLearningWorm, buildWorm, WORM_MEMBRANE } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS, checkMembrane, type LayerOverrides, type Membrane } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';

const BUILDS: Record<string, (o: { membrane: Membrane }) => ReturnType<typeof buildWorm>> = {
  worm: buildWorm,
  'learning-worm': buildLearningWorm,
  'choice-worm': buildChoiceWorm,
};

/** `arg` (undefined: WORM_MEMBRANE) as a membrane; `script` names the caller in the error. */
export function membraneArg(arg: string | undefined, script: string): Membrane {
  return checkMembrane(arg ?? WORM_MEMBRANE, `${script}: membrane (argument 1)`);
}

const cache = new Map<string, Circuit>();

/**
 * The built-in `name` on `membrane`; on conductances `overrides` (layer-overrides.ts) replace fields of
 * CONDUCTANCE_LAYERS, layer by layer, for a study of a layer's conductance values.
 */
export function builtinOn(name: string, membrane: Membrane, overrides: Partial<Record<string, Record<string, unknown>>> = {}): Circuit {
  const studied = Object.keys(overrides).length > 0;
  if (studied && membrane !== 'conductance')
    throw new Error(`builtinOn: layer overrides study the conductance membrane's values; give membrane 'conductance' (got '${membrane}')`);
  if (membrane === WORM_MEMBRANE && !studied) return getBuiltinCircuit(name);
  const build = BUILDS[name];
  if (!build) throw new Error(`builtinOn: "${name}" has no build on the ${membrane} membrane; one of ${Object.keys(BUILDS).join(', ')}`);
  const key = `${name} ${membrane} ${JSON.stringify(overrides)}`;
  let c = cache.get(key);
  if (!c) {
    const layers = Object.fromEntries(Object.entries(CONDUCTANCE_LAYERS).map(([k, v]) => [k, { ...v, ...(overrides[k] ?? {}) }])) as LayerOverrides;
    const doc = studied ? buildConductance(() => build({ membrane: 'current' }), layers) : build({ membrane });
    cache.set(key, (c = circuitFromDoc(doc, `${name} (${membrane})`)));
  }
  return c;
}
