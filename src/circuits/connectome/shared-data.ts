/**
 * Where the published wiring tables are for tests and benches (Node only; not
 * part of the browser-safe index): NEUROWORM_DATA_DIR, else the nearest
 * shared/data beside the repository or one of its parents (../shared/data
 * from the main checkout, ../../shared/data from a worktree under it).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WHITE_VARSHNEY = 'connectome-white-varshney.csv';

/** The folder holding connectome-white-varshney.csv, or null; `tried` lists where it looked. */
export function findSharedData(): { dir: string | null; tried: string[] } {
  const tried: string[] = [];
  const env = process.env.NEUROWORM_DATA_DIR;
  if (env) {
    if (existsSync(resolve(env, WHITE_VARSHNEY))) return { dir: env, tried };
    tried.push(env);
  }
  for (let dir = fileURLToPath(new URL('../../..', import.meta.url)); ; dir = dirname(dir)) {
    const candidate = resolve(dir, '..', 'shared', 'data');
    if (existsSync(resolve(candidate, WHITE_VARSHNEY))) return { dir: candidate, tried };
    tried.push(candidate);
    if (dirname(dir) === dir) return { dir: null, tried };
  }
}
