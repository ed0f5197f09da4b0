import { describe, expect, it } from 'vitest';
import { main } from './main';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('neuroworm CLI', () => {
  it('prints its version', async () => {
    const io = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout.trim()).toBe('0.1.0');
  });

  it('refuses an unknown command with a non-zero exit and help', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io)).not.toBe(0);
    expect(io.stderr).toMatch(/unknown command|too many arguments/);
  });
});
