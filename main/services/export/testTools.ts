import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * External programs the export and import tests use to read files the way a receiving tool would: LibreOffice
 * (`soffice`) renders DOCX and XLSX to PDF, poppler's `pdftotext` reads text back out of a PDF. Tests that need one run
 * where it is installed and skip, saying which, where it is not.
 */

const run = promisify(execFile);

/** The full path of `name` on PATH, or undefined. */
export function findExecutable(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `soffice`'s path, or undefined when LibreOffice is not installed. */
export const soffice = findExecutable('soffice');
/** `pdftotext`'s path, or undefined when poppler-utils is not installed. */
export const pdftotext = findExecutable('pdftotext');

/**
 * Converts `file` to PDF with LibreOffice headless, in a private profile (so parallel runs and a desktop LibreOffice
 * do not clash), and returns the PDF's path in `outDir`.
 */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  if (!soffice) throw new Error('soffice is not installed');
  const profile = await mkdtemp(join(tmpdir(), 'taiyaku-soffice-'));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        file,
      ],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
}

/** The text of a PDF file as `pdftotext -layout` reads it. */
export async function pdfText(pdf: string | Buffer): Promise<string> {
  if (!pdftotext) throw new Error('pdftotext is not installed');
  if (typeof pdf === 'string') {
    const { stdout } = await run(pdftotext, ['-enc', 'UTF-8', pdf, '-'], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  }
  const folder = await mkdtemp(join(tmpdir(), 'taiyaku-pdftext-'));
  try {
    const path = join(folder, 'in.pdf');
    await writeFile(path, pdf);
    return await pdfText(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
