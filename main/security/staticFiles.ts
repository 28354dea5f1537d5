import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serving the built renderer from disk, shared by the loopback host (HTTP) and the desktop app's `taiyaku:` scheme,
 * so both resolve paths, refuse traversal and label content types the same way.
 */

/** Content types of the files the renderer build emits. */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The largest file served (the renderer's bundles are a few MB; anything bigger is not ours). */
export const MAX_STATIC_FILE_BYTES = 32 * 1024 * 1024;

/** A static file read for an answer, or the status to answer with instead. */
export type StaticFileAnswer =
  | {
      readonly status: 200;
      readonly body: Buffer;
      readonly contentType: string;
      readonly isHtml: boolean;
    }
  | { readonly status: 400 | 404; readonly message: string };

/**
 * Reads the file a URL path names inside `rootDirectory` (`/` is index.html). A malformed %-escape is 400; a path
 * outside the root, a missing file, anything but a regular file (a FIFO or a device would block or never end) or a file
 * over `MAX_STATIC_FILE_BYTES` is 404.
 */
export async function readStaticFile(
  rootDirectory: string,
  urlPathname: string,
): Promise<StaticFileAnswer> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    // A malformed %-escape is the client's mistake, not ours: 400, and nothing in the log.
    return { status: 400, message: 'malformed path' };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDirectory);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return { status: 404, message: 'not found' };
  let handle;
  try {
    // Non-blocking, so opening a FIFO returns at once instead of waiting for a writer; the type is checked on the
    // open handle (no race with a rename) before anything is read.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { status: 404, message: 'not found' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_STATIC_FILE_BYTES) {
      return { status: 404, message: 'not found' };
    }
    const body = await handle.readFile();
    const extension = extname(file);
    return {
      status: 200,
      body,
      contentType: STATIC_CONTENT_TYPES[extension] ?? 'application/octet-stream',
      isHtml: extension === '.html',
    };
  } catch {
    return { status: 404, message: 'not found' };
  } finally {
    await handle.close();
  }
}
