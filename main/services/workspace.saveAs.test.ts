import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ipcContract } from '../../core/ipc/contract';
import { createExampleAnnotation } from '../../core/project/exampleProject.testkit';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { journalPathOf, type JournalEntry } from './projectJournal';
import { createWorkspaceService } from './workspace';

const userData = mkdtempSync(join(tmpdir(), 'taiyaku-save-as-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));
const service = () =>
  createWorkspaceService({ userDataDirectory: userData, appVersion: '0.0.0-test' });
const texts = {
  source: { text: 'The meeting was held in Tokyo. It ended on May 5.' },
  target: { text: '会合は東京で開催された。5月5日に終了した。' },
};

describe('Save As onto another project', () => {
  it('asks first (error code exists), replaces with overwrite, and never replays the replaced project’s journal', async () => {
    const workspace = service();
    const replaced = await workspace.create({ name: 'Replaced', ...texts });
    await workspace.close(replaced.path);
    // A journal the replaced project left behind (a crash before its last save), numbered past the new file's.
    const stale: JournalEntry[] = [2, 3].map((seq) => ({
      seq,
      at: '2026-01-01T00:00:00.000Z',
      kind: 'settings',
      settings: { mqmThreshold: 99 },
    }));
    writeFileSync(
      journalPathOf(replaced.path),
      stale.map((e) => `${JSON.stringify(e)}\n`).join(''),
    );

    const edited = await workspace.create({ name: 'Edited', ...texts });
    await workspace.apply(edited.path, {
      type: 'addAnnotation',
      annotation: createExampleAnnotation(edited.project, 0, new Date().toISOString()),
    });
    const handlers = createHandlers({ host: 'loopback', workspace });
    expect(
      await dispatch(handlers, 'project:save-as', { path: edited.path, newPath: replaced.path }),
    ).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(
      ipcContract['project:save-as'].request.safeParse({
        path: edited.path,
        newPath: replaced.path,
        overwrite: true,
      }).success,
    ).toBe(true);

    const saved = await workspace.saveAs(edited.path, replaced.path, { overwrite: true });
    expect(saved.path).toBe(replaced.path);
    expect(existsSync(journalPathOf(replaced.path))).toBe(false);
    await workspace.closeAll();

    const reopened = await service().open(replaced.path);
    expect(reopened.project.settings.mqmThreshold).not.toBe(99);
    expect(reopened.project.annotations).toHaveLength(1);
  });
});
