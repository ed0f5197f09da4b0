/**
 * The names of the published wiring tables the project ships in data/
 * (browser-safe). Node code reads them with published-tables.ts, the game with
 * its browser twin published-tables-web.ts; nothing else knows where they are.
 */
export const PUBLISHED_TABLES = {
  whiteVarshney: 'connectome-white-varshney.csv',
  neuronsToMuscle: 'neurons-to-muscle.csv',
  sensory: 'sensory-neurons.csv',
  cook2019: 'herm_full_edgelist.csv',
} as const;

export type PublishedTable = (typeof PUBLISHED_TABLES)[keyof typeof PUBLISHED_TABLES];

/** The White/Varshney sheets the importer needs for a worm that can sense and move. */
export const WORM_TABLES: readonly PublishedTable[] = [PUBLISHED_TABLES.whiteVarshney, PUBLISHED_TABLES.neuronsToMuscle, PUBLISHED_TABLES.sensory];
