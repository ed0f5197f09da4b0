/**
 * The built-in arenas: data files in ./arenas, loaded through the same
 * parser as a player's file (a broken one fails loudly at import).
 */
import foodGradient from './arenas/food-gradient.json';
import hotZone from './arenas/hot-zone.json';
import maze from './arenas/maze.json';
import odourChoice from './arenas/odour-choice.json';
import pillars from './arenas/pillars.json';
import plate from './arenas/plate.json';
import teachAvoidPairing from './arenas/teach-avoid-pairing.json';
import teachAvoidTest from './arenas/teach-avoid-test.json';
import teachPairing from './arenas/teach-pairing.json';
import teachTest from './arenas/teach-test.json';
import thermalGradient from './arenas/thermal-gradient.json';
import touchCourse from './arenas/touch-course.json';
import toxinRing from './arenas/toxin-ring.json';
import { listOf } from '../text/describe';
import { parseArena } from './parse';
import type { Arena } from './schema';
import { deepFreeze } from '../lib/deep-freeze';

const FILES: Record<string, unknown> = {
  plate,
  'food-gradient': foodGradient,
  pillars,
  'toxin-ring': toxinRing,
  'hot-zone': hotZone,
  maze,
  'touch-course': touchCourse,
  'thermal-gradient': thermalGradient,
  'odour-choice': odourChoice,
  'teach-pairing': teachPairing,
  'teach-test': teachTest,
  'teach-avoid-pairing': teachAvoidPairing,
  'teach-avoid-test': teachAvoidTest,
};

/** Built-in arenas by name (the name inside each file is its key). Frozen all the way down: copy one (structuredClone) to change it. */
export const BUILTIN_ARENAS: Readonly<Record<string, Arena>> = deepFreeze(
  Object.fromEntries(Object.entries(FILES).map(([name, json]) => [name, parseArena(json, `src/world/arenas/${name}.json`)])),
);

/** Names of the built-in arenas, in menu order. */
export const BUILTIN_ARENA_NAMES: readonly string[] = Object.keys(FILES);

/** A built-in arena by name; the error lists the names there are. */
export function getArena(name: string): Arena {
  const a = Object.hasOwn(BUILTIN_ARENAS, name) ? BUILTIN_ARENAS[name] : undefined;
  if (!a) throw new Error(`unknown arena ${JSON.stringify(name)}; the built-in arenas are ${listOf(BUILTIN_ARENA_NAMES)}`);
  return a;
}
