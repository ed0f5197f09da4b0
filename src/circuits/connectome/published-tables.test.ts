import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES, publishedTable, publishedTablePath } from './published-tables';

// The shipped copies are the team's reference files byte for byte (data/README.md).
const SHA256: Record<string, string> = {
  'connectome-white-varshney.csv': '5cf08c91a292d97fb197db37e45140122e5f9acdd36e146fc8804bb42e33d9fa',
  'neurons-to-muscle.csv': '531319494573265c5ac85727d7dd33a83035e2a116c9547bb7e3e65dee0a6084',
  'sensory-neurons.csv': '04aa7f184f3a87d46a84549f3d54def67db7ae734183b9bb854bc2423603f162',
  'herm_full_edgelist.csv': '142693f17556148d7f962835b18ac6dd5af18b7467eef61815ebc1dd5474c0ca',
};

describe('published wiring tables shipped in data/', () => {
  it('every table is in the repository, unchanged', () => {
    for (const name of Object.values(PUBLISHED_TABLES)) {
      const digest = createHash('sha256')
        .update(readFileSync(publishedTablePath(name)))
        .digest('hex');
      expect(digest, name).toBe(SHA256[name]);
    }
  });

  it('reads a table with its name, as the importer takes it', () => {
    const t = publishedTable(PUBLISHED_TABLES.whiteVarshney);
    expect(t.name).toBe('connectome-white-varshney.csv');
    expect(t.text.split(/\r?\n/)[0]).toBe('Origin,Target,Type,Number of Connections,Neurotransmitter');
  });

  it('data/README.md names each table with its source and citation', () => {
    const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');
    for (const name of Object.values(PUBLISHED_TABLES)) expect(readme).toContain(`\`${name}\``);
    for (const cite of ['White', 'Varshney', 'Cook', 'MIT']) expect(readme).toContain(cite);
  });
});
