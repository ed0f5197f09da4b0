import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from './main';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('neuroworm CLI', () => {
  it("prints package.json's version", async () => {
    const io = capture();
    expect(await main(['--version'], io)).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(io.stdout.trim()).toBe(pkg.version);
  });

  it('refuses an unknown command with a non-zero exit and help', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io)).not.toBe(0);
    expect(io.stderr).toMatch(/unknown command|too many arguments/);
  });
});
