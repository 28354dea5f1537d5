import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** A running loopback host: the process `npm run serve` starts, with its own temporary user-data directory. */
export interface HostProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly userDataDirectory: string;
  readonly child: ChildProcess;
}

const repositoryRoot = resolve(import.meta.dirname, '..');

/**
 * Starts `tsx main/host/main.ts --port 0` (what `npm run serve` runs after building) and waits for the URL it prints.
 * The build itself is done once by `npm run e2e` before the tests.
 */
export async function startHost(environment: Record<string, string> = {}): Promise<HostProcess> {
  const userDataDirectory = mkdtempSync(join(tmpdir(), 'taiyaku-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/main.ts', '--port', '0'], {
    cwd: repositoryRoot,
    // Tests check every answer against the contract too (off in normal use for speed).
    env: {
      ...process.env,
      TAIYAKU_USER_DATA: userDataDirectory,
      TAIYAKU_CHECK_RESPONSES: '1',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host printed no URL within 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before printing its URL:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    userDataDirectory,
    child,
  };
}

/** Stops a host and removes its user-data directory. */
export async function stopHost(host: HostProcess): Promise<void> {
  if (host.child.exitCode === null) {
    const exited = new Promise((resolveExit) => host.child.once('exit', resolveExit));
    host.child.kill('SIGTERM');
    await exited;
  }
  rmSync(host.userDataDirectory, { recursive: true, force: true });
}

/** Each test gets its own host process and user-data directory. */
export const test = base.extend<{ host: HostProcess }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await stopHost(host);
  },
});

export { expect };

/** Where the e2e run leaves screenshots for a person to look at. */
export const SCREENSHOT_DIRECTORY = resolve(repositoryRoot, 'e2e', 'artifacts', 'screenshots');

/**
 * Picks an option of a segmented control (Mantine draws a hidden radio under each label; clicking the label is what
 * a person does).
 */
export async function chooseSegment(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name, exact: true });
  const id = await radio.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await expect(radio).toBeChecked();
}

/** Opens the host's page and waits until the aligned view shows its first row. */
export async function openWorkspace(page: Page, host: HostProcess): Promise<Locator> {
  await page.goto(host.url);
  const table = page.getByRole('table', { name: 'Aligned text' });
  await expect(table.locator('[role=row][data-bead]').first()).toBeVisible({ timeout: 30_000 });
  return table;
}

/** The row of sentence bead `index` (0-based) in the aligned view. */
export function beadRow(table: Locator, index: number): Locator {
  return table.locator(`[role=row][data-bead="${index}"]`);
}

/** Opens the sample at the host page `url` (the first open runs the aligner, ~2 s) and returns the aligned table. */
export async function openSample(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Aligned text' });
  await expect(table.getByRole('rowgroup', { name: 'Clause 1', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  return table;
}

/**
 * Selects `needle` inside the Japanese (or English) text of clause 1 with a DOM Range, as a reviewer's drag would.
 * Returns the selected text as the browser reports it.
 */
export async function selectInClause1(page: Page, side: 'source' | 'target', needle: string) {
  return page.evaluate(
    ({ side, needle }) => {
      const group = document.querySelector('[role=rowgroup][aria-label="Clause 1"]');
      if (!group) throw new Error('no clause 1');
      // The words may run over several text nodes (a highlight or an underline cuts them): find them in the
      // sentence's whole text, then place the range's ends in the nodes holding them.
      for (const sentence of group.querySelectorAll(`[data-side=${side}]`)) {
        const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const at = nodes
          .map((node) => node.data)
          .join('')
          .indexOf(needle);
        if (at === -1) continue;
        const place = (offset: number, end: boolean): [Text, number] => {
          let passed = 0;
          for (const node of nodes) {
            const inside = end ? offset <= passed + node.length : offset < passed + node.length;
            if (inside) return [node, offset - passed];
            passed += node.length;
          }
          const last = nodes[nodes.length - 1]!;
          return [last, last.length];
        };
        const range = document.createRange();
        range.setStart(...place(at, false));
        range.setEnd(...place(at + needle.length, true));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }
      throw new Error(`"${needle}" not found on the ${side} side of clause 1`);
    },
    { side, needle },
  );
}
