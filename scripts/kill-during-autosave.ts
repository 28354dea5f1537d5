import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createExampleAnnotation,
  createExampleProject,
} from '../core/project/exampleProject.testkit';
import { parseProjectJson } from '../core/project/readProjectFile';
import type { ProjectFile } from '../core/project/projectFile';
import { createAutosaver } from '../main/services/autosave';
import { createProjectStore, readProjectFile } from '../main/services/projectStore';
import { runJournalFaultRounds, type JournalFaultSummary } from './journalFaultRounds';
import { startLineChild } from './lineChild';
import { mulberry32 } from './seededRandom';

/**
 * Crash-safety harness for the project store: a child process opens a project and keeps adding an annotation every
 * ~50 ms, saving each time (alternately by direct `save` and through the autosaver); the parent SIGKILLs it at a
 * random moment, then checks that the project still opens (project file or backup) with every acknowledged save and
 * with all work older than one second. Repeats `--kills` times on the same project, so each round also reopens a
 * project whose lock was left by a killed process.
 *
 * Then `--journal-kills` rounds of the same through the workspace service (change journal, autosaver, lock) with
 * faults injected: journal writes failing with ENOSPC, and lock loss; every acknowledged change must be there after
 * the reopen (scripts/journalFaultRounds.ts).
 *
 *   npx tsx scripts/kill-during-autosave.ts [--kills 50] [--journal-kills 10] [--padding 300000] [--seed 12345]
 *
 * Prints a summary and exits non-zero on any failure. `--padding` grows both texts (UTF-16 code units) so each save
 * writes a file of several hundred kilobytes and kills often land in the middle of a save.
 */

/** How often the child adds an annotation, ms. */
const TICK_MS = 50;
/** Work older than this before a kill must survive it even if unacknowledged, ms. */
const GRACE_MS = 1_000;
/** Kill delay after the child reports ready, ms: uniform in [MIN, MAX). */
const MIN_KILL_DELAY_MS = 80;
const MAX_KILL_DELAY_MS = 700;

export interface HarnessOptions {
  readonly kills: number;
  /** Rounds with journal write failures and lock loss through the workspace (default 0). */
  readonly journalKills?: number;
  readonly padding: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface HarnessSummary {
  readonly kills: number;
  readonly failures: readonly string[];
  /** Kills that landed between a save's start and its completion. */
  readonly killsDuringSave: number;
  /** Rounds in which the project file was unusable and the backup was opened. */
  readonly backupOpens: number;
  /** Rounds that left temporary files behind (removed by the next open). */
  readonly roundsWithStrayTemporaryFiles: number;
  /** Most annotations made but not on disk after a kill (all younger than the grace period). */
  readonly mostUnsavedAnnotations: number;
  readonly finalAnnotationCount: number;
  readonly savesAcknowledged: number;
  /** The journal fault rounds, when any ran. */
  readonly journal?: JournalFaultSummary;
}

/** Runs the harness in a fresh temporary folder, which it removes afterwards. */
export async function runCrashHarness(options: HarnessOptions): Promise<HarnessSummary> {
  const log = options.log ?? (() => {});
  const random = mulberry32(options.seed);
  const directory = await mkdtemp(join(tmpdir(), 'taiyaku-crash-'));
  const path = join(directory, 'crash.taiyaku');
  const userData = join(directory, 'user-data');
  const failures: string[] = [];
  let killsDuringSave = 0;
  let backupOpens = 0;
  let roundsWithStrayTemporaryFiles = 0;
  let mostUnsavedAnnotations = 0;
  let savesAcknowledged = 0;
  let finalAnnotationCount = 0;
  try {
    const store = createProjectStore({ userDataDirectory: userData, appVersion: 'harness' });
    await store.saveAs(
      path,
      createExampleProject({ name: 'Crash harness', padding: options.padding }),
    );
    await store.close(path);

    for (let round = 1; round <= options.kills; round += 1) {
      const mode = round % 2 === 0 ? 'autosave' : 'save';
      const child = await startChild(path, userData, mode);
      if (child.ready === undefined) {
        failures.push(`round ${round}: child did not start: ${child.output()}`);
        break;
      }
      await sleep(MIN_KILL_DELAY_MS + random() * (MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS));
      const killedAt = Date.now();
      child.process.kill('SIGKILL');
      await child.exited;
      const events = child.events();
      const lastSaved = Math.max(
        child.ready,
        ...events.filter((e) => e.kind === 'saved').map((e) => e.count),
      );
      const lastMade = Math.max(
        child.ready,
        ...events.filter((e) => e.kind === 'made').map((e) => e.count),
      );
      const oldMade = Math.max(
        child.ready,
        ...events
          .filter((e) => e.kind === 'made' && e.time <= killedAt - GRACE_MS)
          .map((e) => e.count),
      );
      const lastEvent = events.filter((e) => e.kind !== 'made').at(-1);
      if (lastEvent?.kind === 'begin') killsDuringSave += 1;
      savesAcknowledged += events.filter((e) => e.kind === 'saved').length;

      const strays = (await readdir(directory)).filter((name) => name.endsWith('.tmp'));
      if (strays.length > 0) roundsWithStrayTemporaryFiles += 1;
      const mainParses = await readFile(path, 'utf8').then(
        (json) => parseProjectJson(json).ok,
        () => false,
      );

      let project: ProjectFile;
      try {
        const opened = await readProjectFile(path);
        project = opened.project;
        if (opened.recovery !== undefined) backupOpens += 1;
      } catch (error) {
        failures.push(
          `round ${round} (${mode}): the project does not open: ${(error as Error).message}`,
        );
        break;
      }
      const count = project.annotations.length;
      finalAnnotationCount = count;
      const idsInOrder = project.annotations.every(
        (annotation, index) => annotation.id === `a${index}`,
      );
      const problems = [
        count < lastSaved
          ? `lost acknowledged work: ${count} annotations on disk, save of ${lastSaved} acknowledged`
          : '',
        count < oldMade
          ? `lost work older than ${GRACE_MS} ms: ${count} on disk, ${oldMade} made by then`
          : '',
        count > lastMade ? `more annotations on disk (${count}) than were made (${lastMade})` : '',
        idsInOrder ? '' : 'annotations are not the consecutive series a0, a1, …',
        mainParses ? '' : 'the project file itself does not parse (the backup had to be used)',
      ].filter((problem) => problem !== '');
      // The main file not parsing is reported but is not a data-loss failure on its own: the backup covers it.
      const fatal = problems.filter((problem) => !problem.startsWith('the project file itself'));
      mostUnsavedAnnotations = Math.max(mostUnsavedAnnotations, lastMade - count);
      log(
        `round ${String(round).padStart(2)} ${mode.padEnd(8)} killed ${lastEvent?.kind === 'begin' ? 'mid-save ' : 'between  '}` +
          `on disk ${count}, made ${lastMade}, acknowledged ${lastSaved}${strays.length > 0 ? `, ${strays.length} stray tmp` : ''}` +
          (problems.length > 0 ? `  !! ${problems.join('; ')}` : ''),
      );
      for (const problem of fatal) failures.push(`round ${round} (${mode}): ${problem}`);
      if (!mainParses)
        failures.push(`round ${round} (${mode}): the project file was damaged by a kill`);
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  const journal =
    (options.journalKills ?? 0) > 0
      ? await runJournalFaultRounds({
          kills: options.journalKills ?? 0,
          seed: options.seed,
          log,
        })
      : undefined;
  if (journal) failures.push(...journal.failures);
  return {
    kills: options.kills,
    ...(journal ? { journal } : {}),
    failures,
    killsDuringSave,
    backupOpens,
    roundsWithStrayTemporaryFiles,
    mostUnsavedAnnotations,
    finalAnnotationCount,
    savesAcknowledged,
  };
}

interface ChildEvent {
  readonly kind: 'made' | 'begin' | 'saved';
  readonly count: number;
  /** Parent's clock when the line arrived (pipes to the parent are synchronous on Linux, so this is prompt). */
  readonly time: number;
}

async function startChild(path: string, userData: string, mode: 'save' | 'autosave') {
  const events: ChildEvent[] = [];
  let ready: number | undefined;
  const child = await startLineChild(
    fileURLToPath(import.meta.url),
    ['--child', path, userData, mode],
    (line) => {
      const [kind, value] = line.split(' ');
      const count = Number(value);
      if (kind === 'ready') {
        ready = count;
        return 'ready';
      }
      if (kind === 'made' || kind === 'begin' || kind === 'saved') {
        events.push({ kind, count, time: Date.now() });
        return true;
      }
      return false;
    },
    20_000,
  );
  return { ...child, ready, events: () => events };
}

/** The child: opens the project, then adds an annotation every tick and saves, until killed. */
async function runChild(path: string, userData: string, mode: string): Promise<void> {
  const store = createProjectStore({ userDataDirectory: userData, appVersion: 'harness' });
  const opened = await store.open(path);
  let project = opened.project;
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const traced = {
    async save(target: string, next: ProjectFile) {
      say(`begin ${next.annotations.length}`);
      const saved = await store.save(target, next);
      say(`saved ${next.annotations.length}`);
      return saved;
    },
  };
  const autosaver = createAutosaver(traced, path, { debounceMs: 30, maxWaitMs: 300 });
  say(`ready ${project.annotations.length}`);
  for (;;) {
    const started = Date.now();
    const count = project.annotations.length;
    project = {
      ...project,
      annotations: [
        ...project.annotations,
        createExampleAnnotation(project, count, new Date().toISOString()),
      ],
    };
    say(`made ${count + 1}`);
    if (mode === 'autosave') autosaver.schedule(project);
    else await traced.save(path, project);
    await sleep(Math.max(0, TICK_MS - (Date.now() - started)));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index === -1 ? undefined : Number(args[index + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

async function main(args: readonly string[]): Promise<void> {
  if (args[0] === '--child') {
    const [, path, userData, mode] = args;
    if (path === undefined || userData === undefined || mode === undefined)
      throw new Error('bad child arguments');
    await runChild(path, userData, mode);
    return;
  }
  const seed = option(args, '--seed', Math.floor(Math.random() * 1_000_000));
  const options: HarnessOptions = {
    kills: option(args, '--kills', 50),
    journalKills: option(args, '--journal-kills', 10),
    padding: option(args, '--padding', 300_000),
    seed,
    log: (line) => console.log(line),
  };
  console.log(
    `kill-during-autosave: ${options.kills} kills, padding ${options.padding}, seed ${seed}`,
  );
  const started = Date.now();
  const summary = await runCrashHarness(options);
  console.log(
    [
      '',
      `kills:                       ${summary.kills}`,
      `kills in the middle of save: ${summary.killsDuringSave}`,
      `saves acknowledged:          ${summary.savesAcknowledged}`,
      `opened from backup:          ${summary.backupOpens}`,
      `rounds leaving stray temps:  ${summary.roundsWithStrayTemporaryFiles} (removed by the next open)`,
      `most unsaved annotations:    ${summary.mostUnsavedAnnotations} (each younger than ${GRACE_MS} ms at the kill)`,
      `final annotation count:      ${summary.finalAnnotationCount}`,
      ...(summary.journal
        ? [
            `journal fault kills:         ${summary.journal.kills} (ENOSPC and lost lock, alternately)`,
            `changes acknowledged:        ${summary.journal.acknowledged}`,
            `changes refused:             ${summary.journal.refused} (journal not writable or lock lost)`,
            `${summary.journal.acknowledgedLost} acknowledged changes lost`,
            `${summary.journal.refusedPresent} refused changes present after reopen`,
          ]
        : []),
      `time:                        ${((Date.now() - started) / 1000).toFixed(1)} s`,
      summary.failures.length === 0
        ? 'RESULT: PASS'
        : `RESULT: FAIL\n${summary.failures.join('\n')}`,
    ].join('\n'),
  );
  process.exitCode = summary.failures.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
