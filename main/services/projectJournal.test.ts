import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProjectJson } from '../../core/project/readProjectFile';
import { createExampleProject } from '../../core/project/exampleProject.testkit';
import { createSelector } from '../../core/review/annotation';
import {
  createJournalWriter,
  journalPathOf,
  readJournal,
  replayJournal,
  type JournalEntry,
} from './projectJournal';
import { createWorkspaceService } from './workspace';

const directory = mkdtempSync(join(tmpdir(), 'taiyaku-journal-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const at = '2026-01-01T00:00:00.000Z';
const settingsEntry = (seq: number, threshold: number): JournalEntry => ({
  seq,
  at,
  kind: 'settings',
  settings: { mqmThreshold: threshold },
});

describe('change journal', () => {
  it('reads back what was appended after a snapshot, and compacts atomically', async () => {
    const project = join(directory, 'a.taiyaku');
    const writer = createJournalWriter(project);
    for (let seq = 1; seq <= 4; seq++) await writer.append(settingsEntry(seq, seq));
    expect((await readJournal(project, 0)).entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect((await readJournal(project, 2)).entries.map((entry) => entry.seq)).toEqual([3, 4]);
    await writer.compact(3);
    expect(readFileSync(journalPathOf(project), 'utf8').trim().split('\n')).toHaveLength(1);
    await writer.append(settingsEntry(5, 5));
    expect((await readJournal(project, 3)).entries.map((entry) => entry.seq)).toEqual([4, 5]);
    await writer.compact(5);
    await writer.close({ remove: true });
    expect(existsSync(journalPathOf(project))).toBe(false);
    expect((await readJournal(project, 0)).entries).toEqual([]);
  });

  it('ignores a torn last line, and stops at a damaged line or a gap with a reason', async () => {
    const project = join(directory, 'b.taiyaku');
    const lines = [1, 2].map((seq) => JSON.stringify(settingsEntry(seq, seq)));
    writeFileSync(journalPathOf(project), `${lines.join('\n')}\n{"seq":3,"at":"x","kind":"sett`);
    expect(await readJournal(project, 0)).toEqual({
      entries: [settingsEntry(1, 1), settingsEntry(2, 2)],
    });

    writeFileSync(journalPathOf(project), `${lines[0]}\nnot json\n${lines[1]}\n`);
    const damaged = await readJournal(project, 0);
    expect(damaged.entries).toHaveLength(1);
    expect(damaged.problem).toMatch(/line 2.*damaged/);

    // A snapshot older than the journal's start (e.g. a backup) must not get later changes applied out of step.
    writeFileSync(journalPathOf(project), `${JSON.stringify(settingsEntry(7, 7))}\n`);
    const gap = await readJournal(project, 3);
    expect(gap.entries).toEqual([]);
    expect(gap.problem).toMatch(/continues at change 7, not 4/);
  });

  it('replays commands, whole states and settings in order, and stops at one that does not apply', () => {
    const project = createExampleProject();
    const text = project.alignment.target.text;
    const annotation = {
      id: 'n1',
      selectors: [createSelector('target', text, 0, 2)],
      category: 'accuracy/mistranslation',
      severity: 'minor' as const,
      comment: '',
      status: 'open' as const,
      author: 'a',
      createdAt: at,
      updatedAt: at,
      origin: { kind: 'reviewer' as const },
    };
    const entries: JournalEntry[] = [
      { seq: 1, at, kind: 'command', command: { type: 'addAnnotation', annotation } },
      { seq: 2, at, kind: 'command', command: { type: 'mergeWithNext', beadIndex: 0 } },
      settingsEntry(3, 42),
    ];
    const replayed = replayJournal(project, entries);
    expect(replayed.applied).toBe(3);
    expect(replayed.problem).toBeUndefined();
    expect(replayed.project.annotations.map((a) => a.id)).toEqual(['n1']);
    expect(replayed.project.alignment.sentenceBeads).toHaveLength(
      project.alignment.sentenceBeads.length - 1,
    );
    expect(replayed.project.settings.mqmThreshold).toBe(42);
    expect(replayed.project.journalSequence).toBe(3);

    const refused = replayJournal(project, [
      ...entries.slice(0, 1),
      { seq: 2, at, kind: 'command', command: { type: 'mergeWithNext', beadIndex: 10_000 } },
      settingsEntry(3, 42),
    ]);
    expect(refused.applied).toBe(1);
    expect(refused.project.journalSequence).toBe(1);
    expect(refused.problem).toMatch(/change 2/);
  });

  it('acknowledges a change only once it is in the journal, before the project file is rewritten', async () => {
    const userData = join(directory, 'user');
    const workspace = createWorkspaceService({ userDataDirectory: userData, appVersion: 'test' });
    const created = await workspace.create({
      name: 'Journal',
      source: { text: 'One sentence here. Another one there. A third one.' },
      target: { text: 'ここに一文。そこにもう一文。三つ目の文。' },
    });
    const beads = created.project.alignment.sentenceBeads.length;
    await workspace.apply(created.path, { type: 'mergeWithNext', beadIndex: 0 });
    await workspace.undo(created.path);
    await workspace.redo(created.path);
    await workspace.updateSettings(created.path, { mqmThreshold: 3 });
    expect(workspace.status(created.path).pending).toBe(false);

    // The project file is not rewritten yet (that waits for a pause); the journal has all four changes.
    const file = parseProjectJson(readFileSync(created.path, 'utf8'));
    if (!file.ok) throw new Error(file.error.message);
    expect(file.project.alignment.sentenceBeads).toHaveLength(beads);
    const reading = await readJournal(created.path, file.project.journalSequence ?? 0);
    expect(reading.entries.map((entry) => entry.kind)).toEqual([
      'command',
      'session',
      'session',
      'settings',
    ]);
    const recovered = replayJournal(file.project, reading.entries).project;
    expect(recovered.alignment.sentenceBeads).toHaveLength(beads - 1);
    expect(recovered.settings.mqmThreshold).toBe(3);

    // Closing writes the whole project and retires the journal.
    await workspace.close(created.path);
    expect(existsSync(journalPathOf(created.path))).toBe(false);
    const closed = parseProjectJson(readFileSync(created.path, 'utf8'));
    expect(closed.ok && closed.project.alignment.sentenceBeads.length).toBe(beads - 1);
  });
});
