import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import { ServiceError } from '../serviceError';
import { checkCancelled } from './exportPacer';

/**
 * Prints an HTML report to PDF with the system's Chromium (through playwright-core, which downloads no browser), so
 * the PDF looks exactly like the HTML report and Japanese renders with the system's CJK fonts (fonts-noto-cjk on
 * Debian).
 *
 * The page is offline: JavaScript is off, the context is offline, and every request it would make (an image, a
 * stylesheet, a font from the web) is aborted; only `data:` URLs, which never leave the machine, load. A report is
 * self-contained by design, and a reviewer's comment must never make the export reach the network.
 */

/** What to tell a person who has no Chromium. */
export const CHROMIUM_INSTALL_HINT =
  'Install Chromium (Debian: apt-get install chromium) or set TAIYAKU_CHROMIUM to the path of a Chromium or Chrome ' +
  'executable.';

/** Where Chromium or Chrome is usually installed, checked in order after `TAIYAKU_CHROMIUM`. */
export const CHROMIUM_LOCATIONS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Names looked up on PATH after the fixed locations. */
const CHROMIUM_COMMANDS = ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser'];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where to look for a browser; the defaults are the process's environment and `CHROMIUM_LOCATIONS`. */
export interface FindChromiumOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly locations?: readonly string[];
}

/**
 * The path of the Chromium to print with: `TAIYAKU_CHROMIUM` when set (it must then be an executable file), else the
 * first of `CHROMIUM_LOCATIONS`, else `google-chrome`, `chromium` and the like on PATH. Throws a `ServiceError`
 * ('failed') whose message says what to install when there is none.
 */
export function findChromium(options: FindChromiumOptions = {}): string {
  const env = options.env ?? process.env;
  const configured = env.TAIYAKU_CHROMIUM;
  if (configured) {
    if (isExecutableFile(configured)) return configured;
    throw new ServiceError(
      'failed',
      `TAIYAKU_CHROMIUM is set to ${configured}, which is not an executable file. ${CHROMIUM_INSTALL_HINT}`,
    );
  }
  for (const location of options.locations ?? CHROMIUM_LOCATIONS) {
    if (isExecutableFile(location)) return location;
  }
  const folders = (env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const command of CHROMIUM_COMMANDS) {
    for (const folder of folders) {
      for (const suffix of suffixes) {
        const candidate = join(folder, command + suffix);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  throw new ServiceError(
    'failed',
    `No Chromium or Chrome was found to print the PDF. ${CHROMIUM_INSTALL_HINT}`,
  );
}

/** How to print. */
export interface PdfOptions {
  /** The browser to use; found by `findChromium` when absent. */
  readonly executablePath?: string;
  /** Longest the whole print may take, in milliseconds; default 60 s. */
  readonly timeoutMs?: number;
  /** Aborting closes the browser, and the print stops with the `cancelled` ServiceError. */
  readonly signal?: AbortSignal;
}

/**
 * Prints `html` (a complete, self-contained document) to an A4 PDF with backgrounds, in a headless Chromium that is
 * started for this print and closed after it (or as soon as `options.signal` is aborted). Network requests are blocked
 * (see the module comment).
 */
export async function renderPdfFromHtml(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const { signal } = options;
  checkCancelled(signal);
  const executablePath = options.executablePath ?? findChromium();
  const timeout = options.timeoutMs ?? 60_000;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout,
      // Chromium refuses to run its sandbox as root (containers, CI); everywhere else the sandbox stays on.
      args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-background-networking'],
    });
  } catch (error) {
    throw new ServiceError(
      'failed',
      `Could not start Chromium at ${executablePath} to print the PDF: ${firstLine(error)}. ${CHROMIUM_INSTALL_HINT}`,
    );
  }
  // Closing the browser makes the page's pending call (loading, printing) fail at once.
  const closeOnAbort = (): void => void browser.close().catch(() => {});
  signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    checkCancelled(signal);
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    checkCancelled(signal);
    return pdf;
  } catch (error) {
    checkCancelled(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', closeOnAbort);
    await browser.close();
  }
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0]!;
}
