import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINT, findChromium, renderPdfFromHtml } from './pdfReport';
import { pdfText, pdftotext } from './testTools';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-pdf-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const browser = (() => {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
})();

describe('findChromium', () => {
  it('names what to install when there is no browser', () => {
    expect(() => findChromium({ env: { PATH: '' }, locations: [] })).toThrow(
      'No Chromium or Chrome was found to print the PDF. Install Chromium (Debian: apt-get install chromium) or ' +
        'set TAIYAKU_CHROMIUM',
    );
  });

  it('takes TAIYAKU_CHROMIUM first, and says when it is not an executable', async () => {
    const fake = join(directory, 'my-chrome');
    await writeFile(fake, '#!/bin/sh\n');
    await chmod(fake, 0o755);
    expect(findChromium({ env: { TAIYAKU_CHROMIUM: fake } })).toBe(fake);
    expect(() => findChromium({ env: { TAIYAKU_CHROMIUM: join(directory, 'none') } })).toThrow(
      `TAIYAKU_CHROMIUM is set to ${join(directory, 'none')}, which is not an executable file. ${CHROMIUM_INSTALL_HINT}`,
    );
  });

  it('finds a browser on PATH', async () => {
    const folder = join(directory, 'bin');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await writeFile(join(folder, 'google-chrome'), '#!/bin/sh\n');
    await chmod(join(folder, 'google-chrome'), 0o755);
    expect(findChromium({ env: { PATH: folder }, locations: [] })).toBe(
      join(folder, 'google-chrome'),
    );
  });
});

describe.skipIf(!browser)('renderPdfFromHtml (needs Chromium)', () => {
  it('prints English and Japanese to an A4 PDF and makes no network request', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html =
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">' +
        `<link rel="stylesheet" href="${origin}/style.css"><style>body{font-family:sans-serif}` +
        `mark{background:#ff0}</style></head><body><h1>Review report</h1>` +
        `<p>1. The Meeting was held in Tokyo.</p><p>1. 会合は東京で<mark>行われる</mark>。</p>` +
        `<img src="${origin}/pixel.png" alt=""><iframe src="${origin}/frame"></iframe></body></html>`;
      const pdf = await renderPdfFromHtml(html);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // A4 is 595 × 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d* 84[12]\.\d*\]/);
      expect(requests).toBe(0);
      if (pdftotext) {
        const text = await pdfText(pdf);
        expect(text).toContain('行われる');
        expect(text).toContain('The Meeting was held in Tokyo.');
      } else {
        console.log('pdftotext is not installed: the PDF text was not checked');
      }
    } finally {
      server.close();
    }
  }, 120_000);

  it('stops printing when cancelled, closing the browser', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, index) => `<tr><td>s${index}</td><td>Sentence ${index}.</td><td>第${index}文。</td></tr>`,
    ).join('');
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><table>${rows}</table></body></html>`;
    const controller = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(), 1500);
    try {
      await expect(renderPdfFromHtml(html, { signal: controller.signal })).rejects.toThrow(
        /cancelled/,
      );
    } finally {
      clearTimeout(timer);
    }
    // The whole print takes far longer; a cancel ends it within a few seconds at most (startup included).
    expect(performance.now() - started).toBeLessThan(8000);
  }, 60_000);

  it('says it could not start the browser when the executable is not Chromium', async () => {
    const fake = join(directory, 'not-chrome');
    await writeFile(fake, '#!/bin/sh\nexit 1\n');
    await chmod(fake, 0o755);
    await expect(
      renderPdfFromHtml('<p>x</p>', { executablePath: fake, timeoutMs: 10_000 }),
    ).rejects.toThrow(
      /^Could not start Chromium at .*not-chrome to print the PDF: .*Install Chromium/,
    );
  });
});
