import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * Reading a file whose path someone else chose (the reviewer, a request to the loopback host, whatever lies in a
 * project's folder) without letting it hang or flood the process: a FIFO would block one of Node's few file-system
 * threads until a writer comes, a device like /dev/zero never ends. The same idea as main/security/staticFiles.ts.
 */

/** What `readRegularFile` found. */
export type RegularFileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: 'missing' }
  /** `fileType`: `a folder`, `a FIFO`, `a device`, `a socket` or `something else`, for messages. */
  | { readonly ok: false; readonly problem: 'not-regular'; readonly fileType: string }
  /** `size`: the file's size, or as much as was read when it grew past the limit while being read. */
  | { readonly ok: false; readonly problem: 'too-large'; readonly size: number }
  | { readonly ok: false; readonly problem: 'io'; readonly error: Error };

/**
 * The bytes of `path` when it is a regular file of at most `maxBytes`. It is opened non-blocking (so a FIFO returns at
 * once instead of waiting for a writer), its type and size are checked on the open handle (no race with a rename),
 * and the read stops past the limit even if the file grows meanwhile. Never rejects.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? { ok: false, problem: 'missing' }
      : { ok: false, problem: 'io', error: error as Error };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return { ok: false, problem: 'not-regular', fileType: describeFileType(info) };
    if (info.size > maxBytes) return { ok: false, problem: 'too-large', size: info.size };
    const bytes = await readAtMost(handle, maxBytes, info.size);
    return bytes === undefined
      ? { ok: false, problem: 'too-large', size: maxBytes + 1 }
      : { ok: true, bytes };
  } catch (error) {
    return { ok: false, problem: 'io', error: error as Error };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Reads to the end, or returns undefined as soon as more than `limit` bytes came. `expected` sizes the first read. */
async function readAtMost(
  handle: FileHandle,
  limit: number,
  expected: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunkSize = Math.min(expected, limit) + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return undefined;
    chunkSize = 1024 * 1024;
  }
}

function describeFileType(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'something else';
}
