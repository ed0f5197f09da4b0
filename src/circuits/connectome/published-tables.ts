/**
 * The published wiring tables the project ships in data/ (Node only; not part
 * of the browser-safe index — the game reads them through its browser twin,
 * published-tables-web.ts). The one place Node code finds them: tests, benches
 * and the CLI's examples read them through here, so a fresh clone needs
 * nothing beside it.
 */
import { fileURLToPath } from 'node:url';
import { readTextFile } from '../../text/files';
import type { PublishedTable } from './published-table-names';

export { PUBLISHED_TABLES, WORM_TABLES, type PublishedTable } from './published-table-names';

/** Absolute path of a table in the repository's data/ folder. */
export function publishedTablePath(name: PublishedTable): string {
  return fileURLToPath(new URL(`../../../data/${name}`, import.meta.url));
}

/** A table as the importer takes it: its file name and text. */
export function publishedTable(name: PublishedTable): { name: string; text: string } {
  return { name, text: readTextFile(publishedTablePath(name), 'table') };
}
