import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createExampleAnnotation } from '../core/project/exampleProject.testkit';
import { ProjectStoreError } from '../main/services/projectStore';
import { createWorkspaceService } from '../main/services/workspace';
import { startLineChild } from './lineChild';
import { mulberry32 } from './seededRandom';

/**
 * The workspace half of the crash harness: a child process opens a project through the workspace service (change
 * journal, autosaver, lock) and adds an annotation every ~30 ms, reporting each as acknowledged or refused, while
 * faults are injected into it: in `full-disk` rounds, writes through a file handle (journal appends, project saves)
 * fail with ENOSPC in random windows after writing half their bytes; in `lock-lost` rounds, the lock check starts
 * failing as if another instance had taken the project over. The parent SIGKILLs the child at a random moment, reopens
 * the project (replaying its journal) and checks that every acknowledged change is there and no refused one is.
 */

/** How often the child adds an annotation, ms. */
const TICK_MS = 30;
const MIN_KILL_DELAY_MS = 300;
const MAX_KILL_DELAY_MS = 1_200;

export type JournalFaultMode = 'full-disk' | 'lock-lost';

type DiskState = 'free' | 'appends' | 'all';

export interface JournalFaultOptions {
  readonly kills: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface JournalFaultSummary {
  readonly kills: number;
  readonly failures: readonly string[];
  readonly acknowledged: number;
  readonly refused: number;
  /** Acknowledged changes missing after the reopen: must be 0. */
  readonly acknowledgedLost: number;
  /** Refused changes present after the reopen: must be 0. */
  readonly refusedPresent: number;
}

/** Runs `kills` rounds, alternating the fault, in a fresh temporary folder that it removes afterwards. */
export async function runJournalFaultRounds(
  options: JournalFaultOptions,
): Promise<JournalFaultSummary> {
  const log = options.log ?? (() => {});
  const random = mulberry32(options.seed);
  const directory = await mkdtemp(join(tmpdir(), 'taiyaku-journal-crash-'));
  const userData = join(directory, 'user-data');
  const failures: string[] = [];
  let acknowledged = 0;
  let refused = 0;
  let acknowledgedLost = 0;
  let refusedPresent = 0;
  try {
    const workspace = createWorkspaceService({
      userDataDirectory: userData,
      appVersion: 'harness',
      projectsDirectory: directory,
    });
    const { path } = await workspace.create({
      name: 'Journal harness',
      source: {
        text: 'The meeting was held in Tokyo. It ended on May 5. The report was published.',
      },
      target: { text: '会合は東京で開催された。5月5日に終了した。報告書が公表された。' },
    });
    await workspace.closeAll();

    for (let round = 1; round <= options.kills; round += 1) {
      const mode: JournalFaultMode = round % 2 === 1 ? 'full-disk' : 'lock-lost';
      const child = await startChild(path, userData, mode, Math.floor(random() * 1_000_000));
      if (!child.ready) {
        failures.push(`journal round ${round}: child did not start: ${child.output()}`);
        break;
      }
      await sleep(MIN_KILL_DELAY_MS + random() * (MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS));
      // A fault must be answered (refused), never crash the process that serves the reviewer.
      if (child.process.exitCode !== null) {
        failures.push(
          `journal round ${round} (${mode}): the child stopped before the kill: ${child.output().trim().split('\n')[0] ?? ''}`,
        );
      }
      child.process.kill('SIGKILL');
      await child.exited;
      const { acked, refusedIds } = child.results();
      acknowledged += acked.length;
      refused += refusedIds.length;

      const reader = createWorkspaceService({ userDataDirectory: userData, appVersion: 'harness' });
      let present: Set<string>;
      try {
        const opened = await reader.open(path);
        present = new Set(opened.project.annotations.map((annotation) => annotation.id));
        await reader.closeAll();
      } catch (error) {
        failures.push(
          `journal round ${round} (${mode}): the project does not open: ${String(error)}`,
        );
        break;
      }
      const lost = acked.filter((id) => !present.has(id));
      const ghosts = refusedIds.filter((id) => present.has(id));
      acknowledgedLost += lost.length;
      refusedPresent += ghosts.length;
      log(
        `journal round ${String(round).padStart(2)} ${mode.padEnd(9)} acknowledged ${acked.length}, ` +
          `refused ${refusedIds.length}, on disk ${present.size}` +
          (lost.length + ghosts.length > 0
            ? `  !! lost ${lost.join(',') || 'none'}; refused but present ${ghosts.join(',') || 'none'}`
            : ''),
      );
      if (lost.length > 0)
        failures.push(
          `journal round ${round} (${mode}): acknowledged changes lost: ${lost.join(', ')}`,
        );
      if (ghosts.length > 0)
        failures.push(
          `journal round ${round} (${mode}): refused changes present: ${ghosts.join(', ')}`,
        );
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return {
    kills: options.kills,
    failures,
    acknowledged,
    refused,
    acknowledgedLost,
    refusedPresent,
  };
}

async function startChild(path: string, userData: string, mode: JournalFaultMode, seed: number) {
  const acked: string[] = [];
  const refusedIds: string[] = [];
  let ready = false;
  const child = await startLineChild(
    fileURLToPath(import.meta.url),
    ['--journal-child', path, userData, mode, String(seed)],
    (line) => {
      const [kind, id] = line.split(' ');
      if (kind === 'ready') {
        ready = true;
        return 'ready';
      }
      if (kind === 'ack' && id !== undefined) acked.push(id);
      else if (kind === 'refused' && id !== undefined) refusedIds.push(id);
      else return false;
      return true;
    },
    30_000,
  );
  return { ...child, ready, results: () => ({ acked, refusedIds }) };
}

/**
 * Makes writes through file handles fail with ENOSPC after half their bytes: appends (the journal's) while `full()`
 * says `appends` or `all`, whole-file writes (saves, journal rewrites) while it says `all`.
 */
async function injectFullDisk(probePath: string, full: () => DiskState): Promise<void> {
  const probe = await open(probePath, 'w');
  const prototype = Object.getPrototypeOf(probe) as Record<string, unknown>;
  await probe.close();
  await rm(probePath, { force: true });
  for (const name of ['appendFile', 'writeFile'] as const) {
    const original = prototype[name] as (this: unknown, ...args: unknown[]) => Promise<void>;
    prototype[name] = async function (
      this: { write(bytes: Buffer): Promise<unknown> },
      data: string | Uint8Array,
      ...rest: unknown[]
    ): Promise<void> {
      const state = full();
      if (state === 'free' || (state === 'appends' && name === 'writeFile'))
        return original.call(this, data, ...rest);
      const bytes = Buffer.from(data);
      await this.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write (injected)'), {
        code: 'ENOSPC',
      });
    };
  }
}

/** The child: opens the project through a workspace and adds annotations until killed, with faults injected. */
async function runChild(path: string, userData: string, mode: string, seed: number): Promise<void> {
  const random = mulberry32(seed);
  const workspace = createWorkspaceService({ userDataDirectory: userData, appVersion: 'harness' });
  const opened = await workspace.open(path);
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  if (mode === 'full-disk') {
    let state: DiskState = 'free';
    await injectFullDisk(`${path}.probe-${process.pid}`, () => state);
    // The disk fills and frees again in windows of 60-300 ms; half the time only appends fail (a quota the whole
    // rewrites of the project happen to fit in), so changes meet a journal that fails while saves work.
    const flip = (): void => {
      state = state !== 'free' ? 'free' : random() < 0.5 ? 'appends' : 'all';
      setTimeout(flip, 60 + random() * 240);
    };
    setTimeout(flip, random() * 200);
  } else {
    setTimeout(
      () => {
        workspace.store.assertStillOwner = () =>
          Promise.reject(new ProjectStoreError('lock-lost', 'its lock was taken over (injected)'));
      },
      100 + random() * 500,
    );
  }
  say('ready');
  for (let attempt = 0; ; attempt += 1) {
    const started = Date.now();
    const id = `r${seed}-${attempt}`;
    const annotation = {
      ...createExampleAnnotation(opened.project, attempt, new Date().toISOString()),
      id,
    };
    const result = await workspace.apply(path, { type: 'addAnnotation', annotation });
    say(`${result.applied ? 'ack' : 'refused'} ${id}`);
    await sleep(Math.max(0, TICK_MS - (Date.now() - started)));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flag, path, userData, mode, seed] = process.argv.slice(2);
  if (flag !== '--journal-child' || !path || !userData || !mode || !seed) {
    console.error('usage: journalFaultRounds.ts --journal-child <path> <userData> <mode> <seed>');
    process.exit(2);
  }
  runChild(path, userData, mode, Number(seed)).catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
