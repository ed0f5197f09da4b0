/**
 * The published wiring tables the project ships in data/ (Node only; not part
 * of the browser-safe index, where the game imports them through Vite). The
 * one place that knows where they are: tests, benches and the CLI's examples
 * read them through here, so a fresh clone needs nothing beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PUBLISHED_TABLES = {
  whiteVarshney: 'connectome-white-varshney.csv',
  neuronsToMuscle: 'neurons-to-muscle.csv',
  sensory: 'sensory-neurons.csv',
  cook2019: 'herm_full_edgelist.csv',
} as const;

export type PublishedTable = (typeof PUBLISHED_TABLES)[keyof typeof PUBLISHED_TABLES];

/** The White/Varshney sheets the importer needs for a worm that can sense and move. */
export const WORM_TABLES: readonly PublishedTable[] = [PUBLISHED_TABLES.whiteVarshney, PUBLISHED_TABLES.neuronsToMuscle, PUBLISHED_TABLES.sensory];

/** Absolute path of a table in the repository's data/ folder. */
export function publishedTablePath(name: PublishedTable): string {
  return fileURLToPath(new URL(`../../../data/${name}`, import.meta.url));
}

/** A table as the importer takes it: its file name and text. */
export function publishedTable(name: PublishedTable): { name: string; text: string } {
  return { name, text: readFileSync(publishedTablePath(name), 'utf8') };
}
