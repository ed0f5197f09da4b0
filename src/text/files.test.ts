import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, readTextFile, writeTextFileAtomic } from './files';

const dir = mkdtempSync(join(tmpdir(), 'nw-files-'));

describe('readTextFile: the one reader every loader uses', () => {
  it('reads a file, and refuses /dev/zero, folders, pipes and missing files with the path and why', () => {
    writeFileSync(join(dir, 'a.txt'), 'héllo');
    expect(readTextFile(join(dir, 'a.txt'), 'scenario')).toBe('héllo');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const cases: Array<[string, RegExp]> = [
      ['/dev/zero', /^\/dev\/zero: cannot read the scenario file: it is not a regular file/],
      [dir, /cannot read the scenario file: it is a folder, not a file/],
      [fifo, /pipe: cannot read the scenario file: it is not a regular file/],
      [join(dir, 'nope'), /nope: cannot read the scenario file: no such file/],
      [join(dir, 'a.txt', 'x'), /cannot read the scenario file: a part of the path is a file, not a folder/],
    ];
    for (const [path, message] of cases) {
      const err = (() => {
        try {
          readTextFile(path, 'scenario');
        } catch (e) {
          return e;
        }
      })();
      expect(err, path).toBeInstanceOf(FileReadError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('refuses a file over the limit, naming the limit, without reading it whole', () => {
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(3000));
    expect(readTextFile(join(dir, 'big.csv'), 'table', 3000)).toHaveLength(3000);
    expect(() => readTextFile(join(dir, 'big.csv'), 'table', 2999)).toThrow(
      /big\.csv: cannot read the wiring table: it is over the 2\.9 KB limit for a wiring table/,
    );
  });

  it('a file that stat says is empty (as /proc files are) is still read, up to the limit', () => {
    expect(readTextFile('/proc/self/status', 'recording')).toMatch(/^Name:/);
    expect(() => readTextFile('/proc/self/status', 'recording', 10)).toThrow(/over the 10 bytes limit/);
  });
});

describe('writeTextFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const p = join(dir, 'out.json');
    writeFileSync(p, 'old');
    writeTextFileAtomic(p, 'new text');
    expect(readFileSync(p, 'utf8')).toBe('new text');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => writeTextFileAtomic(join(dir, 'missing', 'x.json'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
