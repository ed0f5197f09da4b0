/** What the evolution tests share: the tiny spec and a log without wall times. */
import type { GenerationReport } from '../../src/evolve/engine';

export const TINY_SPEC = new URL('../fixtures/evolve/tiny.evolve.yaml', import.meta.url).pathname;

/** The log with wall times taken out: the one number that differs between identical runs. */
export const withoutWall = (log: readonly GenerationReport[]) => log.map(({ wallMs: _w, ...g }) => g);
