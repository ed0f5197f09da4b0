import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAKE_MODELS } from '../fake-models';
import { importConnectome } from './import';
import { RECEPTIVE_FIELDS } from './receptive-fields';
import { TOUCH_OVERRIDES } from './sign-overrides';

const doc = readFileSync(new URL('../../../docs/connectome-import.md', import.meta.url), 'utf8');
const section = (title: string): string => {
  const start = doc.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
};
/** Rows of the first markdown table in a section, as cells. */
const tableRows = (text: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('|---'))
    .slice(1)
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );

describe('docs/connectome-import.md', () => {
  it('lists exactly the neurons of the receptive-field table', () => {
    const named = tableRows(section('Sensors')).flatMap((r) => r[0].split(/[,/]/).map((s) => s.trim()));
    expect(new Set(named)).toEqual(new Set(RECEPTIVE_FIELDS.keys()));
  });

  it('lists exactly the built-in sign overrides', () => {
    const rows = tableRows(section('Transmitters and signs'));
    const listed = rows.flatMap(([from, to, sign]) => to.split(',').map((t) => `${from}→${t.trim()} ${sign}`));
    expect(listed.sort()).toEqual(TOUCH_OVERRIDES.entries.map((o) => `${o.from}→${o.to} ${o.sign}`).sort());
  });

  it('shows the error message its example table really gives', () => {
    const blocks = [...section('Errors and warnings').matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(2);
    expect(() => importConnectome([{ name: 'bad.csv', text: blocks[0] }], { models: FAKE_MODELS })).toThrow(blocks[1].trimEnd());
  });
});
