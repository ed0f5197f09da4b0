/**
 * Reading and writing the files the loaders and the CLI use (Node only; the
 * browser never imports this). Every loader reads through readTextFile, so
 * `/dev/zero`, a folder or a file far bigger than any real one is refused
 * with the path and the limit before a byte is parsed; writes go through
 * writeTextFileAtomic, so a crash leaves the old file or the new one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const MiB = 1024 * 1024;

/** What each kind of file is called in messages, and the most bytes read of it (far above any real one). */
export const FILE_LIMITS = {
  scenario: { what: 'scenario file', maxBytes: 4 * MiB },
  circuit: { what: 'circuit file', maxBytes: 64 * MiB },
  neuron: { what: 'neuron file', maxBytes: 64 * MiB },
  recording: { what: 'recording', maxBytes: 16 * MiB },
  table: { what: 'wiring table', maxBytes: 64 * MiB },
  signOverrides: { what: 'sign-override file', maxBytes: 4 * MiB },
} as const;

export type FileKind = keyof typeof FILE_LIMITS;

/** A file that could not be read, with the reason in words (the message names the path). */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
    readonly reason: string,
  ) {
    super(`${path}: cannot read the ${what}: ${reason}`);
    this.name = 'FileReadError';
  }
}

export function formatBytes(n: number): string {
  return n >= MiB ? `${+(n / MiB).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  return e instanceof Error ? e.message : String(e);
}

/**
 * The text of a regular file of at most the kind's limit (UTF-8). Refuses
 * folders, devices, pipes and sockets (opened non-blocking, so a FIFO cannot
 * hang the read) and anything over the limit, even when stat under-reports
 * the size. Throws FileReadError.
 */
export function readTextFile(path: string, kind: FileKind, maxBytes: number = FILE_LIMITS[kind].maxBytes): string {
  const { what } = FILE_LIMITS[kind];
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileReadError(path, what, why(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError(path, what, 'it is a folder, not a file');
    if (!st.isFile()) throw new FileReadError(path, what, 'it is not a regular file (a device, pipe or socket); give a file');
    const over = () => new FileReadError(path, what, `it is over the ${formatBytes(maxBytes)} limit for a ${what}; is this the right file?`);
    if (st.size > maxBytes) throw over();
    // Read until the end, growing the buffer up to one byte past the limit (stat says 0 for /proc files, and a file may grow).
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, st.size + 1 + 64 * 1024));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) throw over();
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, 2 * buf.length));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > maxBytes) throw over();
    return buf.toString('utf8', 0, n);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError(path, what, why(e));
  } finally {
    closeSync(fd);
  }
}

/**
 * Write text atomically: a temporary file beside the target is written,
 * flushed to disk and renamed over the target, so a crash leaves either the
 * old file or the new one, never half of one.
 */
export function writeTextFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    writeFileSync(fd, text, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never made, or is already gone.
    }
    throw e;
  }
}
