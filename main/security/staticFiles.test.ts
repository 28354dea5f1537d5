import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from './staticFiles';

describe('readStaticFile', () => {
  const parent = mkdtempSync(join(tmpdir(), 'taiyaku-static-'));
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'secret');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('serves index.html for / and files by path, with their content type', async () => {
    const page = await readStaticFile(root, '/');
    expect(page.status).toBe(200);
    if (page.status === 200) expect(page.isHtml).toBe(true);
    const script = await readStaticFile(root, '/assets/app.js');
    expect(script.status === 200 && script.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('answers a malformed %-escape with 400 and a path outside the root with 404', async () => {
    expect((await readStaticFile(root, '/%E0%A4%A')).status).toBe(400);
    expect((await readStaticFile(root, '/../secret.txt')).status).toBe(404);
    expect((await readStaticFile(root, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await readStaticFile(root, '/assets')).status).toBe(404);
  });

  it.runIf(process.platform === 'linux')(
    'refuses a FIFO and a device at once instead of blocking or reading forever',
    async () => {
      execFileSync('mkfifo', [join(root, 'pipe.js')]);
      symlinkSync('/dev/zero', join(root, 'zero.js'));
      // Without a non-blocking open, reading the FIFO waits for a writer that never comes (the test would time out).
      expect((await readStaticFile(root, '/pipe.js')).status).toBe(404);
      expect((await readStaticFile(root, '/zero.js')).status).toBe(404);
    },
  );
});
