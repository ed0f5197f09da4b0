/**
 * The built-in circuits: JSON files beside this module, loaded through the
 * same validator as a player's file (a broken one fails loudly on first use).
 */
import { parseCircuit } from '../circuit';
import type { Circuit } from '../types';
import habituation from './habituation.json';
import locomotion from './locomotion.json';
import chemotaxis from './chemotaxis.json';
import thermotaxis from './thermotaxis.json';
import avoidance from './avoidance.json';
import seedTwoNeurons from './seed-two-neurons.json';
import touchWithdrawal from './touch-withdrawal.json';
import worm from './worm.json';
import wormCurrent from './worm-current.json';
import learningWorm from './learning-worm.json';
import choiceWorm from './choice-worm.json';

const FILES: Record<string, unknown> = {
  worm,
  'worm-current': wormCurrent,
  'learning-worm': learningWorm,
  'choice-worm': choiceWorm,
  locomotion,
  'touch-withdrawal': touchWithdrawal,
  habituation,
  chemotaxis,
  thermotaxis,
  avoidance,
  'seed-two-neurons': seedTwoNeurons,
};

/** Names of the built-in circuits, in menu order. */
export const BUILTIN_CIRCUIT_NAMES: readonly string[] = Object.keys(FILES);

const cache = new Map<string, Circuit>();

/** A built-in circuit by name (validated once, then shared: treat it as immutable). */
export function getBuiltinCircuit(name: string): Circuit {
  const hit = cache.get(name);
  if (hit) return hit;
  if (!Object.hasOwn(FILES, name)) {
    throw new Error(`unknown built-in circuit ${JSON.stringify(name)}; the built-in circuits are ${BUILTIN_CIRCUIT_NAMES.join(', ')}`);
  }
  const c = parseCircuit(JSON.stringify(FILES[name]), `src/circuits/builtin/${name}.json`);
  cache.set(name, c);
  return c;
}
