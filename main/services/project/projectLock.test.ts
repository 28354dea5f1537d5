import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import { DEFAULT_LOCK_STALE_MS, lockOwnerPathOf, lockPathOf } from './projectLock';
import { useStoreFixture } from './storeTestFixture';

const fixture = useStoreFixture();

/** A saved project nobody holds. */
async function savedProject(): Promise<string> {
  const path = join(fixture.directory, 'shared.taiyaku');
  const store = fixture.newStore();
  await store.saveAs(path, createExampleProject());
  await store.close(path);
  return path;
}

describe('locking', () => {
  it('refuses a second open in the same store and in another store of this process', async () => {
    const path = await savedProject();
    const first = fixture.newStore();
    await first.open(path);
    await expect(first.open(path)).rejects.toMatchObject({ reason: 'locked' });
    await expect(fixture.newStore().open(path)).rejects.toMatchObject({
      reason: 'locked',
      message:
        'shared.taiyaku is already open in another Taiyaku window. Switch to that window, or close the project there and try again.',
    });
    await expect(fixture.newStore().saveAs(path, createExampleProject())).rejects.toMatchObject({
      reason: 'locked',
    });
    await first.close(path);
    await fixture.newStore().open(path);
  });

  it('refuses while another process holds the project, and recovers at once when that process is killed', async () => {
    const path = await savedProject();
    const child = startChild(path);
    try {
      expect(await firstLine(child)).toBe('opened');
      await expect(fixture.newStore().open(path)).rejects.toMatchObject({ reason: 'locked' });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // The lock folder is still there, but its recorded owner is dead: no waiting for the stale period. A stale
      // period of an hour keeps the lock fresh however slow this machine is, and the store never retries, so the
      // open can only succeed by breaking the dead owner's lock (no clock involved).
      const opened = await fixture.newStore({ lockStaleMs: 3_600_000 }).open(path);
      expect(opened.recovery).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('never takes the lock of a live owner, however long it has not refreshed it (a stalled host)', async () => {
    const path = await savedProject();
    const child = startChild(path);
    try {
      expect(await firstLine(child)).toBe('opened');
      // The holder stalls (stopped, as a host whose main thread hangs) and its lock ages far past any stale period.
      child.kill('SIGSTOP');
      const old = new Date(Date.now() - 3_600_000);
      await utimes(lockPathOf(path), old, old);
      await expect(fixture.newStore({ lockStaleMs: 2_000 }).open(path)).rejects.toMatchObject({
        reason: 'locked',
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      await fixture.newStore({ lockStaleMs: 3_600_000 }).open(path);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('tells a holder whose lock was taken over that it lost it, refuses its saves, and leaves the new lock alone', async () => {
    const path = await savedProject();
    const store = fixture.newStore();
    const opened = await store.open(path);
    await expect(store.assertStillOwner(path)).resolves.toBeUndefined();
    const before = await readFile(path, 'utf8');
    // Another machine sharing the folder took the lock over (it thought ours stale): a new lock folder and record.
    await rm(lockPathOf(path), { recursive: true });
    await mkdir(lockPathOf(path));
    const theirs = JSON.stringify({ pid: 1, hostname: 'another-host', token: 'theirs' });
    await writeFile(lockOwnerPathOf(path), theirs);
    await expect(store.save(path, opened.project)).rejects.toMatchObject({ reason: 'lock-lost' });
    expect(await readFile(path, 'utf8')).toBe(before);
    await expect(store.assertStillOwner(path)).rejects.toMatchObject({ reason: 'lock-lost' });
    await store.close(path);
    expect(await readFile(lockOwnerPathOf(path), 'utf8')).toBe(theirs);
    expect(await readdir(fixture.directory)).toContain('shared.taiyaku.lock');
  });

  it.skipIf(process.platform === 'win32')(
    'does not hang on an owner record that is a FIFO',
    async () => {
      const path = await savedProject();
      await mkdir(lockPathOf(path));
      execFileSync('mkfifo', [lockOwnerPathOf(path)]);
      let outcome: unknown;
      try {
        outcome = await Promise.race([
          fixture
            .newStore()
            .open(path)
            .catch((caught: unknown) => caught),
          new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2_000)),
        ]);
        expect(outcome).toMatchObject({ reason: 'locked' });
      } finally {
        // Were a read blocked on the FIFO, give it a writer, so the blocked file-system thread is freed. Only then: a
        // writer started otherwise could open the path after the clean-up removed the FIFO, and create a file in the
        // folder being removed.
        if (outcome === 'still waiting')
          execFile(
            'sh',
            ['-c', 'exec timeout 2 sh -c \': > "$0"\' "$1"', 'sh', lockOwnerPathOf(path)],
            () => {},
          );
      }
    },
  );

  it('takes over a stale lock that has no owner record', async () => {
    const path = await savedProject();
    await mkdir(lockPathOf(path));
    const old = new Date(Date.now() - DEFAULT_LOCK_STALE_MS - 60_000);
    await utimes(lockPathOf(path), old, old);
    await fixture.newStore().open(path);
    expect((await readFile(lockOwnerPathOf(path), 'utf8')).includes(`"pid":${process.pid}`)).toBe(
      true,
    );
  });

  it('refuses a fresh lock whose owner is unknown', async () => {
    const path = await savedProject();
    await mkdir(lockPathOf(path));
    await expect(fixture.newStore().open(path)).rejects.toMatchObject({ reason: 'locked' });
  });

  it('moves the lock with saveAs and releases everything on closeAll', async () => {
    const path = await savedProject();
    const copy = join(fixture.directory, 'copy.taiyaku');
    const store = fixture.newStore();
    const opened = await store.open(path);
    await store.saveAs(copy, opened.project, path);
    expect(store.isOpen(path)).toBe(false);
    expect(store.isOpen(copy)).toBe(true);
    await fixture.newStore().open(path);
    await store.closeAll();
    expect(await readdir(fixture.directory)).not.toContain('copy.taiyaku.lock');
  });
});

/** A second process holding `path` through its own store (projectStoreChild.ts); it prints `opened` first. */
function startChild(path: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'projectStoreChild.ts'), path, fixture.userData],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline !== -1) resolve(buffered.slice(0, newline));
    });
    child.once('exit', (code) =>
      reject(new Error(`child exited (${code}) before answering: ${buffered}`)),
    );
  });
}
