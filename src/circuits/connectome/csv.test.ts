import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, isBlank, readCsv } from './csv';

describe('readCsv', () => {
  it('splits fields, keeps padding, and numbers lines with LF, CRLF and CR endings', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const r = readCsv(['a, b ,c', '', 'd,e'].join(nl) + nl);
      expect(r).toEqual([
        { line: 1, fields: ['a', ' b ', 'c'] },
        { line: 2, fields: [''] },
        { line: 3, fields: ['d', 'e'] },
      ]);
    }
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and counts the lines inside them', () => {
    const r = readCsv('ASHL,Sensory,"osmosensory, ""nociceptive"""\nX,"two\nlines",y\nlast,row');
    expect(r[0]).toEqual({ line: 1, fields: ['ASHL', 'Sensory', 'osmosensory, "nociceptive"'] });
    expect(r[1]).toEqual({ line: 2, fields: ['X', 'two\nlines', 'y'] });
    expect(r[2]).toEqual({ line: 4, fields: ['last', 'row'] });
  });

  it('drops a byte-order mark and keeps a last line without a newline', () => {
    expect(readCsv('\ufeffa,b')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  it('refuses an unclosed quote at the line it opens, and text after a closing quote', () => {
    expect(() => readCsv('a,b\nc,"open\nmore')).toThrow(CsvSyntaxError);
    try {
      readCsv('a,b\nc,"open\nmore');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
      expect((e as CsvSyntaxError).message).toMatch(/never closed/);
    }
    expect(() => readCsv('"a"b,c')).toThrow(/text after a closing double quote/);
  });

  it('isBlank: empty lines and rows of empty cells', () => {
    expect(isBlank({ line: 1, fields: [''] })).toBe(true);
    expect(isBlank({ line: 1, fields: [' ', '', '\t'] })).toBe(true);
    expect(isBlank({ line: 1, fields: ['', 'x'] })).toBe(false);
  });

  it('property: any table of fields, written with quoting where needed, reads back with its lines', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '1', '_'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const quote = (s: string): string => (/[",\n]/.test(s) || s.trim() !== s || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        const read = readCsv(text);
        expect(read.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        rows.forEach((r, k) => {
          expect(read[k].line).toBe(line);
          line += 1 + r.join('').split('\n').length - 1;
        });
      }),
      { numRuns: 300 },
    );
  });
});
