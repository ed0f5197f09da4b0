/**
 * Layer overrides given to a study script on its command line (a JSON object per layer of CONDUCTANCE_LAYERS, e.g.
 * '{"touch":{"toCommand":12}}'), checked before any run starts: the layers and the kinds of their values.
 */
import { buildLearningWorm, buildWorm } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS, type LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit, CircuitDoc } from '../../src/circuits/types';

export type Layer = keyof LayerOverrides;
export const LAYERS: readonly Layer[] = ['gait', 'touch', 'senses', 'foraging', 'modulation', 'learning', 'choice'];

/** `text` (undefined = none) as overrides; a bad one throws naming `script`, the argument, what is wrong and an example. */
export function parseLayerOverrides(
  text: string | undefined,
  script: string,
  example = '{"touch":{"toCommand":12}}',
): Partial<Record<Layer, Record<string, unknown>>> {
  if (text === undefined) return {};
  const bad = (why: string) => new Error(`${script}: overrides (argument 3) ${why}; give e.g. '${example}'`);
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw bad(`= ${text} is not JSON`);
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw bad('must be an object of layers');
  for (const [layer, fields] of Object.entries(o)) {
    if (!LAYERS.includes(layer as Layer)) throw bad(`name a layer "${layer}": must be one of ${LAYERS.join(', ')}`);
    if (typeof fields !== 'object' || fields === null) throw bad(`.${layer} must be an object of fields`);
    for (const [k, v] of Object.entries(fields))
      if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'object')
        throw bad(`.${layer}.${k} = ${JSON.stringify(v)} must be a number (or an object, as habituation, or a string, as afdSetPoint)`);
  }
  return o as Partial<Record<Layer, Record<string, unknown>>>;
}

/**
 * The conductance worm with `over` on top of CONDUCTANCE_LAYERS, field by field (an object field, as habituation, merged);
 * `build` the current-based worm to convert (default the default worm's layers).
 */
export function layeredWorm(
  over: LayerOverrides = {},
  name = 'worm (conductance, study)',
  build: () => CircuitDoc = () => buildWorm({ membrane: 'current' }),
): Circuit {
  const layers: Record<string, Record<string, unknown>> = {};
  for (const layer of LAYERS) {
    const base = { ...((CONDUCTANCE_LAYERS as LayerOverrides)[layer] ?? {}) } as Record<string, unknown>;
    for (const [k, v] of Object.entries(over[layer] ?? {})) base[k] = typeof v === 'object' && v !== null ? { ...(base[k] as object), ...(v as object) } : v;
    layers[layer] = base;
  }
  return circuitFromDoc(buildConductance(build, layers as LayerOverrides), name);
}

/** The learning worm on conductances with `over` on top, as layeredWorm builds the default worm. */
export const layeredLearningWorm = (over: LayerOverrides = {}): Circuit =>
  layeredWorm(over, 'learning worm (study)', () => buildLearningWorm({ membrane: 'current' }));
