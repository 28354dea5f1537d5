// `npm run bench:workspace`: a 10,000-bead project in the loopback host, driven in Debian's Chromium.
// Prints: time from opening the page to the first rendered rows (the project given on the host's command line, as
// `npm run serve -- FILE` or the desktop app would open it), the host's project:open time, the time to add an
// annotation and to have it saved (apply, then save until on disk), scrolling to the end, and renderer memory.
// Figures only; no pass/fail (the targets are stated beside them).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createProjectFile, serializeProjectFile } from '../core/project/projectFile';
import { alignmentFromSentences } from '../core/review/alignmentFromSentences';
import { chromiumLaunchOptions } from '../e2e/browser';

const BEADS = Number(process.env['TAIYAKU_BENCH_BEADS'] ?? 10_000);
const SENTENCES_PER_CLAUSE = 10;
const root = resolve(import.meta.dirname, '..');
const ntrex = resolve(root, '..', 'shared', 'data', 'ntrex128-en-ja');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Writes a synthetic project of `BEADS` 1-1 beads (NTREX sentences, 10 per clause) to `path`. */
export function buildProject(path: string): void {
  const english = readFileSync(join(ntrex, 'newstest2019-src.eng.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const japanese = readFileSync(join(ntrex, 'newstest2019-ref.jpn.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const clauseCount = Math.ceil(BEADS / SENTENCES_PER_CLAUSE);
  const clauses = (lines: string[]) =>
    Array.from({ length: clauseCount }, (_, clause) =>
      Array.from(
        { length: Math.min(SENTENCES_PER_CLAUSE, BEADS - clause * SENTENCES_PER_CLAUSE) },
        (_, i) => lines[(clause * SENTENCES_PER_CLAUSE + i) % lines.length]!.trim(),
      ),
    );
  const sourceClauses = clauses(english);
  const targetClauses = clauses(japanese);
  const alignment = alignmentFromSentences({
    source: { clauses: sourceClauses },
    target: { clauses: targetClauses },
    clauseBeads: sourceClauses.map(() => [1, 1] as const),
    sentenceBeads: sourceClauses.flatMap((sentences) => sentences.map(() => [1, 1] as const)),
  });
  // Vary confidence so the view colours rows as it would for a real document.
  const varied = {
    ...alignment,
    sentenceBeads: alignment.sentenceBeads.map((bead, index) => ({
      ...bead,
      confidence: ((index * 37) % 100) / 100,
    })),
  };
  const project = createProjectFile({
    name: `Benchmark: ${BEADS} beads`,
    documents: {
      source: { lang: 'en', fileName: 'bench.en.txt', encoding: 'utf-8' },
      target: { lang: 'ja', fileName: 'bench.ja.txt', encoding: 'utf-8' },
    },
    alignment: varied,
    now: new Date().toISOString(),
    appVersion: 'bench',
  });
  writeFileSync(path, serializeProjectFile(project));
}

/** Resident memory (MB) of this benchmark's Chromium renderer processes, read from /proc. */
function rendererRssMegabytes(processIds: readonly number[]): number[] {
  const sizes: number[] = [];
  for (const pid of processIds) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (rss) sizes.push(Number(rss) / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return sizes;
}

async function main(): Promise<void> {
  const userData = mkdtempSync(join(tmpdir(), 'taiyaku-bench-'));
  const projectPath = join(userData, 'projects', 'Bench.taiyaku');
  mkdirSync(join(userData, 'projects'), { recursive: true });
  let started = performance.now();
  buildProject(projectPath);
  const projectBytes = readFileSync(projectPath).length;
  console.log(
    `project: ${BEADS} beads, ${(projectBytes / 1024 / 1024).toFixed(1)} MB on disk (built in ${(performance.now() - started).toFixed(0)} ms)`,
  );

  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    env: { ...process.env, TAIYAKU_BUILD_QUIET: '1' },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');

  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/host/main.ts', '--port', '0', projectPath],
    {
      cwd: root,
      env: { ...process.env, TAIYAKU_USER_DATA: userData },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    host.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) resolveUrl(match[0]);
    });
    host.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token')!;
  const api = async (channel: string, request: unknown) => {
    const response = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as {
      ok: boolean;
      value: unknown;
      error?: { message: string };
    };
    if (!body.ok) throw new Error(body.error?.message);
    return body.value;
  };

  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Where the first render's time goes: each API call the page makes, from request to last byte.
    const apiTimes: string[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/api/')) return;
      const timing = request.timing();
      apiTimes.push(`${path.slice(5)} ${(timing.responseEnd - timing.requestStart).toFixed(0)} ms`);
    });
    started = performance.now();
    await page.goto(url);
    await page
      .locator('[role=row][data-bead]')
      .first()
      .waitFor({ state: 'visible', timeout: 120_000 });
    const firstRender = performance.now() - started;
    const renderedRows = await page.locator('[role=row][data-bead]').count();
    console.log(
      `open to first render: ${firstRender.toFixed(0)} ms (target < 2,000 ms); ${renderedRows} rows in the DOM`,
    );
    console.log(`  of which API calls (host work and transfer): ${apiTimes.join(', ')}`);
    // The page's own timeline (ms from navigation start), to see what the rest of the time is spent on.
    const timeline = await page.evaluate(() => {
      const navigation = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming;
      const steps = [
        `page ${navigation.responseEnd.toFixed(0)}`,
        `DOMContentLoaded ${navigation.domContentLoadedEventEnd.toFixed(0)}`,
      ];
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const name = new URL(entry.name).pathname.replace(/^.*\//, '');
        steps.push(`${name} ${entry.startTime.toFixed(0)}–${entry.responseEnd.toFixed(0)}`);
      }
      steps.push(`now ${performance.now().toFixed(0)}`);
      return steps.join(', ');
    });
    console.log(`  page timeline (ms from navigation): ${timeline}`);

    // The host's own share: project:open of the already open project (answered from memory) and a cold open elsewhere.
    started = performance.now();
    await api('project:open', { path: projectPath });
    console.log(
      `project:open answer (open project, ${BEADS} beads over HTTP): ${(performance.now() - started).toFixed(0)} ms`,
    );

    const text = readFileSync(projectPath, 'utf8');
    const targetText = (JSON.parse(text) as { alignment: { target: { text: string } } }).alignment
      .target.text;
    const durableTimes: number[] = [];
    const rewriteTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const now = new Date().toISOString();
      const start = 100 * i;
      const t0 = performance.now();
      await api('project:apply', {
        path: projectPath,
        command: {
          type: 'addAnnotation',
          annotation: {
            id: `bench-${i}`,
            selectors: [
              {
                side: 'target',
                exact: targetText.slice(start, start + 4),
                prefix: targetText.slice(Math.max(0, start - 32), start),
                suffix: targetText.slice(start + 4, start + 36),
                start,
                end: start + 4,
                unit: 'utf16',
              },
            ],
            category: 'accuracy/mistranslation',
            severity: 'minor',
            comment: 'benchmark',
            status: 'open',
            author: 'bench',
            createdAt: now,
            updatedAt: now,
            origin: { kind: 'reviewer' },
          },
        },
      });
      // project:apply answers once the change is synced to the change journal: this is the time to "saved".
      const t1 = performance.now();
      await api('project:save', { path: projectPath });
      const t2 = performance.now();
      durableTimes.push(t1 - t0);
      rewriteTimes.push(t2 - t1);
    }
    console.log(
      `add annotation: on disk (journal synced, then acknowledged) in ${median(durableTimes).toFixed(1)} ms, median of 10 (target < 100 ms); ` +
        `rewriting the whole ${(projectBytes / 1024 / 1024).toFixed(0)} MB project file afterwards: ${median(rewriteTimes).toFixed(0)} ms`,
    );

    // Opening a project that is not open yet (the Open dialog's path): read, check and send it.
    await api('project:close', { path: projectPath });
    started = performance.now();
    await api('project:open', { path: projectPath });
    console.log(
      `project:open of a closed project over HTTP (cold): ${(performance.now() - started).toFixed(0)} ms`,
    );

    started = performance.now();
    await page.evaluate(() => {
      const scroller =
        document.querySelector('[data-aligned-scroller]') ?? document.scrollingElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await page
      .locator(`[role=row][data-bead="${BEADS - 1}"]`)
      .waitFor({ state: 'visible', timeout: 30_000 })
      .then(
        () => console.log(`scroll to the last row: ${(performance.now() - started).toFixed(0)} ms`),
        () => console.log('scroll to the last row: the last row did not appear within 30 s'),
      );

    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const metrics = (await session.send('Performance.getMetrics').catch(async () => {
      await session.send('Performance.enable');
      return session.send('Performance.getMetrics');
    })) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    // This browser's renderer processes, as Chromium reports them (other Chromium instances are not counted).
    const browserSession = await browser.newBrowserCDPSession();
    const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const rss = rendererRssMegabytes(
      processInfo.filter((info) => info.type === 'renderer').map((info) => info.id),
    );
    console.log(
      `renderer memory: JS heap ${(heap / 1024 / 1024).toFixed(0)} MB; renderer process RSS ${rss.map((mb) => mb.toFixed(0)).join(', ')} MB (target < 500 MB)`,
    );
  } finally {
    await browser.close();
    host.kill('SIGTERM');
    await new Promise((resolveExit) => host.once('exit', resolveExit));
    rmSync(userData, { recursive: true, force: true });
  }
}

// Run as a script; importable for its project builder.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
