/**
 * The browser twin of published-tables.ts: the game (built by Vite) reads the
 * wiring tables in data/ as text, each loaded on first use as a separate
 * chunk, so the main bundle does not carry 120 KB of CSV nobody asked for.
 * Only the game imports this module (Vite's `?raw`; Node code uses
 * published-tables.ts).
 */
import type { ConnectomeTable } from './import';
import { PUBLISHED_TABLES, type PublishedTable } from './published-table-names';

const LOADERS: Readonly<Record<PublishedTable, () => Promise<{ default: string }>>> = {
  [PUBLISHED_TABLES.whiteVarshney]: () => import('../../../data/connectome-white-varshney.csv?raw'),
  [PUBLISHED_TABLES.neuronsToMuscle]: () => import('../../../data/neurons-to-muscle.csv?raw'),
  [PUBLISHED_TABLES.sensory]: () => import('../../../data/sensory-neurons.csv?raw'),
  [PUBLISHED_TABLES.cook2019]: () => import('../../../data/herm_full_edgelist.csv?raw'),
};

/** Published tables as the importer takes them (file name and text). */
export async function loadPublishedTables(names: readonly PublishedTable[]): Promise<ConnectomeTable[]> {
  return Promise.all(names.map(async (name) => ({ name, text: (await LOADERS[name]()).default })));
}
