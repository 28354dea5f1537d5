import type * as FsPromises from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createExampleAnnotation } from '../../core/project/exampleProject.testkit';
import type { ProjectFile } from '../../core/project/projectFile';
import { parseProjectJson } from '../../core/project/readProjectFile';
import { ProjectStoreError } from './projectStore';
import { journalPathOf, readJournal, replayJournal, type JournalEntry } from './projectJournal';
import { createWorkspaceService, type WorkspaceService } from './workspace';

// A full disk cannot be made on demand here: the fault is injected where the journal meets the file system
// (node:fs/promises' `open`): while `diskFull` is set, a write to a journal writes half its bytes and fails ENOSPC,
// as a real full disk does.

let diskFull = false;

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (path, ...rest) => {
    const handle = await actual.open(path, ...rest);
    if (!String(path).includes('.journal')) return handle;
    const failing = async (data: string | Uint8Array): Promise<never> => {
      const bytes = Buffer.from(data);
      await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return new Proxy(handle, {
      get(target, property, receiver) {
        if (diskFull && (property === 'appendFile' || property === 'writeFile')) {
          return failing;
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  };
  return { ...actual, open, default: { ...actual, open } };
});

const userData = mkdtempSync(join(tmpdir(), 'taiyaku-journal-faults-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));
afterEach(() => {
  diskFull = false;
});

const english = 'The meeting was held in Tokyo. It ended on May 5.\n\nThe report was published.';
const japanese = '会合は東京で開催された。5月5日に終了した。\n\n報告書が公表された。';
const service = (): WorkspaceService =>
  createWorkspaceService({ userDataDirectory: userData, appVersion: '0.0.0-test' });

async function created(workspace: WorkspaceService, name: string) {
  return workspace.create({ name, source: { text: english }, target: { text: japanese } });
}

const annotate = (workspace: WorkspaceService, path: string, project: ProjectFile, index: number) =>
  workspace.apply(path, {
    type: 'addAnnotation',
    annotation: {
      ...createExampleAnnotation(project, index, new Date().toISOString()),
      id: `a${index}`,
    },
  });

/** What reopening after a crash now would show: the project file with its journal replayed. */
async function afterCrash(path: string): Promise<{ ids: string[]; problem?: string }> {
  const file = parseProjectJson(readFileSync(path, 'utf8'));
  if (!file.ok) throw new Error(file.error.message);
  const reading = await readJournal(path, file.project.journalSequence ?? 0);
  const replayed = replayJournal(file.project, reading.entries);
  const problem = reading.problem ?? replayed.problem;
  return {
    ids: replayed.project.annotations.map((annotation) => annotation.id),
    ...(problem ? { problem } : {}),
  };
}

describe('journal write failures', () => {
  it('refuses changes while the journal cannot be written (no gap, no torn line) and accepts them once writes work', async () => {
    const workspace = service();
    const { path, project } = await created(workspace, 'Full disk');
    expect(await annotate(workspace, path, project, 0)).toMatchObject({ applied: true });

    diskFull = true;
    const refused = await annotate(workspace, path, project, 1);
    expect(refused).toMatchObject({ applied: false, annotationCount: 1 });
    expect(refused.reason).toMatch(/not saved.*no space left/i);
    expect(workspace.status(path)).toMatchObject({ pending: false });
    expect(workspace.status(path).error).toMatch(/no space left/i);
    // Still refused while the disk is full, and the session is as acknowledged.
    expect(await annotate(workspace, path, project, 2)).toMatchObject({
      applied: false,
      annotationCount: 1,
    });
    // No torn line left behind in the middle of the journal.
    for (const line of readFileSync(journalPathOf(path), 'utf8').split('\n').filter(Boolean)) {
      expect(() => JSON.parse(line) as JournalEntry).not.toThrow();
    }

    diskFull = false;
    expect(await annotate(workspace, path, project, 3)).toMatchObject({
      applied: true,
      annotationCount: 2,
    });
    expect(workspace.status(path)).toMatchObject({ pending: false, error: null });
    // A crash now loses nothing acknowledged: the journal continues without a gap.
    expect(await afterCrash(path)).toEqual({ ids: ['a0', 'a3'] });
    await workspace.closeAll();
  });
});

describe('lock loss', () => {
  it('stops acknowledging changes once another window took the project over, and never writes its journal again', async () => {
    const workspace = service();
    const { path, project } = await created(workspace, 'Taken over');
    expect(await annotate(workspace, path, project, 0)).toMatchObject({ applied: true });
    const journal = readFileSync(journalPathOf(path), 'utf8');
    const assertStillOwner = vi
      .spyOn(workspace.store, 'assertStillOwner')
      .mockRejectedValue(
        new ProjectStoreError('lock-lost', `Taiyaku lost its hold on ${basename(path)}.`),
      );
    const refused = await annotate(workspace, path, project, 1);
    expect(refused).toMatchObject({ applied: false, annotationCount: 1 });
    expect(refused.reason).toMatch(/another window or instance/i);
    expect(workspace.status(path).error).toMatch(/another window or instance/i);
    assertStillOwner.mockRestore();
    expect(await annotate(workspace, path, project, 2)).toMatchObject({ applied: false });
    await workspace.closeAll().catch(() => {});
    expect(readFileSync(journalPathOf(path), 'utf8')).toBe(journal);
  });
});

describe('keeping the work after a lost lock', () => {
  it('saves the acknowledged state under a new name with Save As', async () => {
    const workspace = service();
    const { path, project } = await created(workspace, 'Rescued');
    await annotate(workspace, path, project, 0);
    const lostLock = new ProjectStoreError('lock-lost', 'Taiyaku lost its hold.');
    vi.spyOn(workspace.store, 'assertStillOwner').mockRejectedValue(lostLock);
    expect(await annotate(workspace, path, project, 1)).toMatchObject({ applied: false });
    // The store refuses every save of the old path now, as it would after a real takeover.
    vi.spyOn(workspace.store, 'save').mockRejectedValue(lostLock);
    const rescued = await workspace.saveAs(path, join(dirname(path), 'Rescued copy'));
    expect(rescued.project.annotations.map((annotation) => annotation.id)).toEqual(['a0']);
    vi.restoreAllMocks();
    expect(await annotate(workspace, rescued.path, project, 2)).toMatchObject({ applied: true });
    await workspace.closeAll();
    expect(await afterCrash(rescued.path)).toEqual({ ids: ['a0', 'a2'] });
  });

  it('closes the project without touching its journal', async () => {
    const workspace = service();
    const { path, project } = await created(workspace, 'Closed after takeover');
    await annotate(workspace, path, project, 0);
    const journal = readFileSync(journalPathOf(path), 'utf8');
    const lostLock = new ProjectStoreError('lock-lost', 'Taiyaku lost its hold.');
    vi.spyOn(workspace.store, 'assertStillOwner').mockRejectedValue(lostLock);
    vi.spyOn(workspace.store, 'save').mockRejectedValue(lostLock);
    expect(await annotate(workspace, path, project, 1)).toMatchObject({ applied: false });
    await workspace.close(path);
    vi.restoreAllMocks();
    expect(() => workspace.status(path)).toThrow(/not open/);
    expect(readFileSync(journalPathOf(path), 'utf8')).toBe(journal);
  });
});

describe('opening a damaged journal', () => {
  it('applies what replays, rewrites the project, keeps the damaged journal aside and starts a fresh one', async () => {
    const first = service();
    const { path, project } = await created(first, 'Damaged journal');
    await annotate(first, path, project, 0);
    await annotate(first, path, project, 1);
    // A crash before the file was rewritten, and a damaged line after entry 1 of the journal.
    const lines = readFileSync(journalPathOf(path), 'utf8').split('\n').filter(Boolean);
    await first.store.closeAll();
    writeFileSync(journalPathOf(path), `${lines[0]}\nnot json\n${lines[1]}\n`);

    const second = service();
    const opened = await second.open(path);
    expect(opened.project.annotations.map((annotation) => annotation.id)).toEqual(['a0']);
    expect(opened.warnings.join(' ')).toMatch(/damaged-/);
    const kept = readdirSync(dirname(path)).filter((name) =>
      name.startsWith(`${basename(path)}.journal.damaged-`),
    );
    expect(kept).toHaveLength(1);
    // The project file holds what was replayed, so the fresh journal starts clean.
    expect(await afterCrash(path)).toEqual({ ids: ['a0'] });
    expect(await annotate(second, path, project, 2)).toMatchObject({ applied: true });
    expect(await afterCrash(path)).toEqual({ ids: ['a0', 'a2'] });
    await second.closeAll();
  });

  it('opens a project whose journal is a FIFO without hanging', async () => {
    const first = service();
    const { path } = await created(first, 'Fifo journal');
    await first.closeAll();
    execFileSync('mkfifo', [journalPathOf(path)]);
    const second = service();
    const opened = await Promise.race([
      second.open(path),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
    ]);
    expect(opened).not.toBeNull();
    expect(opened?.warnings.join(' ')).toMatch(/FIFO/);
    expect(existsSync(journalPathOf(path))).toBe(false);
    await second.closeAll();
  });
});
