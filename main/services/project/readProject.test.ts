import { execFile, execFileSync } from 'node:child_process';
import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import { CURRENT_SCHEMA_VERSION } from '../../../core/project/projectFile';
import { backupPathOf } from './atomicReplace';
import { MAX_PROJECT_FILE_BYTES, readProjectFile } from './readProject';
import { useStoreFixture, withAnnotations } from './storeTestFixture';

// Reading goes through the store's open, as the app does; a failed open also releases the project.
// (Opening the backup of a damaged file and what the next save does with it: ../projectStore.test.ts.)

const fixture = useStoreFixture();

/** A project saved twice (one annotation, then two), so it has a good backup; closed again. */
async function savedTwice(): Promise<string> {
  const path = join(fixture.directory, 'review.taiyaku');
  const store = fixture.newStore();
  const project = createExampleProject({ now: '2024-01-01T00:00:00.000Z' });
  await store.saveAs(path, withAnnotations(project, 1));
  await store.save(path, withAnnotations(project, 2));
  await store.close(path);
  return path;
}

describe('damaged files', () => {
  it('opens the backup when the project file is missing', async () => {
    const path = await savedTwice();
    await rm(path);
    const opened = await fixture.newStore().open(path);
    expect(opened.recovery?.message).toMatch(
      /^The project file was missing; opened the backup from /,
    );
  });

  it('reads a damaged file without writing anything when not opening it for editing', async () => {
    const path = await savedTwice();
    await writeFile(path, '{"format": "taiyaku-project"');
    const before = await readdir(fixture.directory);
    const opened = await readProjectFile(path);
    expect(opened.recovery).toMatchObject({ kind: 'backup' });
    expect(opened.recovery?.message).not.toContain('kept as');
    expect(await readdir(fixture.directory)).toEqual(before);
  });

  it('reports a damaged file with readable schema paths when the backup is unusable too', async () => {
    const path = await savedTwice();
    const broken = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...broken, settings: { mqmThreshold: 'high' } }));
    await writeFile(backupPathOf(path), 'garbage');
    const error = await fixture
      .newStore()
      .open(path)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'damaged', code: 'failed' });
    const { message, issues } = error as { message: string; issues: string[] };
    expect(issues).toEqual([
      'settings.mqmThreshold: Invalid input: expected number, received string',
    ]);
    expect(message).toContain('review.taiyaku could not be opened.');
    expect(message).toContain('Its backup (review.taiyaku.bak) could not be opened either');
  });

  it('refuses a file from a newer Taiyaku instead of falling back to the backup', async () => {
    const path = await savedTwice();
    const version = CURRENT_SCHEMA_VERSION + 1;
    const newer = {
      ...(JSON.parse(await readFile(path, 'utf8')) as object),
      schemaVersion: version,
    };
    await writeFile(path, JSON.stringify(newer));
    const store = fixture.newStore();
    await expect(store.open(path)).rejects.toMatchObject({
      reason: 'newer-version',
      message:
        `This project was saved by a newer Taiyaku (format ${version}); this version reads up to ` +
        `format ${CURRENT_SCHEMA_VERSION}. Update Taiyaku to open it.`,
    });
    expect(store.isOpen(path)).toBe(false);
  });

  it('never quotes the content of a file that is not a project', async () => {
    const secret = 'root:$6$SECRET-HASH-0123456789:19000:0:99999:7:::';
    for (const [name, content] of [
      ['shadow.taiyaku', `${secret}\n`],
      ['json.taiyaku', JSON.stringify({ password: secret })],
      ['array.taiyaku', `["${secret}"`],
    ] as const) {
      const path = join(fixture.directory, name);
      await writeFile(path, content);
      const error = await fixture
        .newStore()
        .open(path)
        .catch((caught: unknown) => caught as Error);
      expect(error).toBeInstanceOf(Error);
      const { message, issues } = error as Error & { issues?: string[] };
      expect(message).toContain(name);
      expect(message).toContain('is not a Taiyaku project');
      expect(message).not.toContain('SECRET');
      expect(String(issues)).not.toContain('SECRET');
    }
  });

  it('reports a project that does not exist', async () => {
    await expect(
      fixture.newStore().open(join(fixture.directory, 'none.taiyaku')),
    ).rejects.toMatchObject({
      reason: 'not-found',
      code: 'not-found',
    });
  });
});

/** What `promise` settles to, or `'still waiting'` after `ms`: a hang fails the assertion instead of the test run. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([
    promise,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);
}

describe.skipIf(process.platform === 'win32')('paths that are not regular files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const path = join(fixture.directory, 'pipe.taiyaku');
    execFileSync('mkfifo', [path]);
    let outcome: unknown;
    try {
      outcome = await within(
        fixture
          .newStore()
          .open(path)
          .catch((caught: unknown) => caught),
        2_000,
      );
      expect(outcome).toMatchObject({
        reason: 'not-a-project',
        code: 'refused',
        message: 'pipe.taiyaku is not a Taiyaku project (it is a FIFO, not a regular file).',
      });
    } finally {
      // Were a read blocked on the FIFO, give it a writer, so the blocked file-system thread is freed. Only then: a
      // writer started otherwise could open the path after the fixture's clean-up removed the FIFO, and create a file
      // in the folder being removed.
      if (outcome === 'still waiting')
        execFile('sh', ['-c', 'exec timeout 2 sh -c \': > "$0"\' "$1"', 'sh', path], () => {});
    }
  });

  it('refuses a character device at once instead of reading it forever', async () => {
    const outcome = await within(
      fixture
        .newStore()
        .open('/dev/zero')
        .catch((caught: unknown) => caught),
      2_000,
    );
    expect(outcome).toMatchObject({
      reason: 'not-a-project',
      message: 'zero is not a Taiyaku project (it is a device, not a regular file).',
    });
  });

  it('refuses a file larger than a project can be, without reading it', async () => {
    const path = join(fixture.directory, 'huge.taiyaku');
    await writeFile(path, '');
    await truncate(path, MAX_PROJECT_FILE_BYTES + 1); // sparse: no disk space used
    const outcome = await within(
      fixture
        .newStore()
        .open(path)
        .catch((caught: unknown) => caught),
      2_000,
    );
    expect(outcome).toMatchObject({
      reason: 'not-a-project',
      message: `huge.taiyaku is not a Taiyaku project (it is larger than ${MAX_PROJECT_FILE_BYTES / 1_000_000} MB).`,
    });
  });
});
