/**
 * Every bad input of the catalogue (test-helpers/bad-inputs.ts) is refused
 * cleanly by the command that reads it: a non-zero exit, and a message that
 * names the file or option, the field and the range or fix — never a crash,
 * a hang, a NaN or an exit 0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { badInputs } from './test-helpers/bad-inputs';

const cases = badInputs(mkdtempSync(join(tmpdir(), 'nw-bad-')));

describe('bad input is refused with the file or option, the field and the fix', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const io = { text: '', out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t) };
    const code = await main(c.args, io);
    expect(code, io.text).toBeGreaterThan(0);
    expect(code).toBeLessThan(3);
    expect(io.text).toMatch(c.says);
    expect(io.text).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // no stack trace
  });
});
