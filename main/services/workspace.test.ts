import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { afterAll, describe, expect, it } from 'vitest';
import { dismissalOfFinding, openSuggestions } from '../../core/checks/suggestions';
import { createSelector } from '../../core/review/annotation';
import { createInProcessAlignmentEngine } from './alignment/alignmentEngine';
import { readJournal, replayJournal } from './projectJournal';
import { createWorkspaceService } from './workspace';

const userData = mkdtempSync(join(tmpdir(), 'taiyaku-workspace-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));
const service = () =>
  createWorkspaceService({ userDataDirectory: userData, appVersion: '0.0.0-test' });

const NOW = '2026-12-01T00:00:00.000Z';
const english = 'The meeting was held in Tokyo. It ended on May 5.\n\nThe report was published.';
const japanese = '会合は東京で開催された。5月5日に終了した。\n\n報告書が公表された。';

describe('workspace service', () => {
  it('creates a project from pasted texts, applies and undoes commands, and keeps them across a restart', async () => {
    const first = service();
    const created = await first.create({
      name: 'Pasted',
      source: { text: english },
      target: { text: japanese },
    });
    expect(created.path).toBe(join(userData, 'projects', 'Pasted.taiyaku'));
    const beads = created.project.alignment.sentenceBeads.length;
    expect(beads).toBeGreaterThanOrEqual(2);

    const merged = await first.apply(created.path, { type: 'mergeWithNext', beadIndex: 0 });
    expect(merged).toMatchObject({ applied: true, sentenceBeadCount: beads - 1, revision: 1 });
    expect((await first.undo(created.path)).sentenceBeadCount).toBe(beads);
    expect((await first.redo(created.path)).sentenceBeadCount).toBe(beads - 1);
    const refused = await first.apply(created.path, { type: 'mergeWithNext', beadIndex: 999 });
    expect(refused.applied).toBe(false);
    expect(refused.reason).toBeTruthy();

    const text = created.project.alignment.target.text;
    const start = text.indexOf('開催された');
    const now = new Date().toISOString();
    await first.apply(created.path, {
      type: 'addAnnotation',
      annotation: {
        id: 'a1',
        selectors: [createSelector('target', text, start, start + 5)],
        category: 'accuracy/mistranslation',
        severity: 'major',
        comment: 'tense',
        status: 'open',
        author: 'tester',
        createdAt: now,
        updatedAt: now,
        origin: { kind: 'reviewer' },
      },
    });
    await first.closeAll();

    const second = service();
    const reopened = await second.open(created.path);
    expect(reopened.project.alignment.sentenceBeads).toHaveLength(beads - 1);
    expect(reopened.project.annotations.map((annotation) => annotation.id)).toEqual(['a1']);
    await second.closeAll();
  });

  it('tells a page reloaded on an open project what undo and redo would do in its history', async () => {
    const workspace = service();
    const created = await workspace.create({
      name: 'Reloaded',
      source: { text: english },
      target: { text: japanese },
    });
    expect(created.undoStep).toBeUndefined();
    await workspace.apply(created.path, { type: 'mergeWithNext', beadIndex: 0 });
    expect((await workspace.open(created.path)).undoStep).toEqual({ type: 'mergeWithNext' });
    await workspace.undo(created.path);
    const reloaded = await workspace.open(created.path);
    expect(reloaded.undoStep).toBeUndefined();
    expect(reloaded.redoStep).toEqual({ type: 'mergeWithNext' });
    await workspace.closeAll();
  });

  it('publishes how far the aligner has got on the first start of the sample, and opens it at once after', async () => {
    const workspace = service();
    const phases: string[] = [];
    workspace.changes.subscribe((event) => {
      if (event.kind === 'progress') phases.push(event.phase);
    });
    const sample = await workspace.openSample();
    expect(sample.isSample).toBe(true);
    expect(phases).toEqual(expect.arrayContaining(['segmenting', 'clauses', 'sentences']));
    await workspace.closeAll();
    const restarted = service();
    phases.length = 0;
    restarted.changes.subscribe((event) => {
      if (event.kind === 'progress') phases.push(event.phase);
    });
    // Saved in the projects folder by the first start: no aligning any more.
    await restarted.openSample();
    expect(phases).toEqual([]);
    await restarted.closeAll();
  });

  it('refuses a project another instance has open', async () => {
    const owner = service();
    const created = await owner.create({
      name: 'Locked',
      source: { text: english },
      target: { text: japanese },
    });
    const other = service();
    await expect(other.open(created.path)).rejects.toThrow(/another window|already open/i);
    await owner.closeAll();
    await expect(other.open(created.path)).resolves.toMatchObject({ path: created.path });
    await other.closeAll();
  });

  it('imports Shift_JIS bytes and one bilingual document (the seed), and refuses binary files clearly', async () => {
    const workspace = service();
    const sjis = Buffer.from(
      Encoding.convert(Encoding.stringToCode(japanese), { to: 'SJIS', from: 'UNICODE' }),
    );
    const fromFiles = await workspace.create({
      name: 'Files',
      source: { fileName: 'en.txt', bytesBase64: Buffer.from(english).toString('base64') },
      target: { fileName: 'ja.txt', bytesBase64: sjis.toString('base64') },
    });
    expect(fromFiles.project.documents.target.encoding).toBe('shift_jis');
    expect(fromFiles.project.alignment.target.text).toBe(japanese);

    const seed = readFileSync(
      new URL('../../fixtures/seed/000_37c746aa84bde595.txt', import.meta.url),
    );
    const bilingual = await workspace.create({
      name: 'Seed',
      bilingual: { fileName: 'seed.txt', bytesBase64: seed.toString('base64') },
    });
    const labels = bilingual.project.alignment.source.clauses
      .map((clause) => clause.label)
      .filter(Boolean);
    expect(labels).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(bilingual.project.alignment.target.text).toContain('成果文書（日本語仮訳）');
    expect(bilingual.project.alignment.target.text).not.toContain('問い合わせ先');

    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    await expect(
      workspace.create({
        name: 'Bad',
        source: { fileName: 'image.png', bytesBase64: binary.toString('base64') },
        target: { text: japanese },
      }),
    ).rejects.toThrow(/binary/i);
    await expect(
      workspace.create({ name: 'Empty', source: { text: '  ' }, target: { text: japanese } }),
    ).rejects.toThrow(/empty/i);
    await workspace.closeAll();
  });

  it('lets a second request for a file being opened wait for the first instead of meeting its lock', async () => {
    const first = service();
    const created = await first.create({
      name: 'Twice',
      source: { text: english },
      target: { text: japanese },
    });
    await first.closeAll();
    const workspace = service();
    const [a, b] = await Promise.all([workspace.open(created.path), workspace.open(created.path)]);
    expect(a.path).toBe(created.path);
    expect(b.project.alignment.sentenceBeads).toHaveLength(
      a.project.alignment.sentenceBeads.length,
    );
    await workspace.closeAll();
  });

  it('realigns on the Node side and journals the result as a plain replaceAlignment command', async () => {
    const first = service();
    const created = await first.create({
      name: 'Realigned',
      source: { text: english },
      target: { text: japanese },
    });
    const scored = created.project.alignment.sentenceBeads[0]!.confidence;
    expect(scored).toBeLessThan(1);
    await first.apply(created.path, { type: 'pin', beadIndices: [0] });
    const realigned = await first.realign(created.path);
    expect(realigned).toMatchObject({ applied: true, revision: 2 });
    expect(realigned.command?.type).toBe('replaceAlignment');
    const alignment =
      realigned.command?.type === 'replaceAlignment' ? realigned.command.alignment : null;
    // The confirmed row keeps the score it was confirmed with; the confirmation is the pin, not a 100% badge.
    expect(alignment?.sentenceBeads[0]).toMatchObject({ pinned: true, confidence: scored });
    expect(realigned.sentenceBeadCount).toBe(alignment?.sentenceBeads.length);
    const journal = await readJournal(created.path, 0);
    expect(journal.entries.map((entry) => entry.kind === 'command' && entry.command.type)).toEqual([
      'pin',
      'replaceAlignment',
    ]);
    // After a crash, opening replays the journal: the realignment comes back without the aligner.
    const replayed = replayJournal(created.project, journal.entries);
    expect(replayed.applied).toBe(2);
    expect(replayed.project.alignment.sentenceBeads).toEqual(alignment?.sentenceBeads);
    await first.closeAll();
  });

  const seed = join(import.meta.dirname, '../../fixtures/seed');
  it('answers the automatic checks for the current alignment, and again after the check settings change', async () => {
    const workspace = service();
    const created = await workspace.create({
      name: 'Checked',
      source: { text: readFileSync(join(seed, 'summary-record.en.txt'), 'utf8') },
      target: { text: readFileSync(join(seed, 'summary-record.ja.txt'), 'utf8') },
    });
    const first = await workspace.checks(created.path);
    expect(first.revision).toBe(0);
    expect(first.findings.map((finding) => finding.code)).toContain('tense-past-rendered-non-past');
    // The same alignment and settings share one run.
    expect((await workspace.checks(created.path)).findings).toBe(first.findings);
    await workspace.updateSettings(created.path, { checks: { tense: { enabled: false } } });
    const second = await workspace.checks(created.path);
    expect(second.revision).toBe(1);
    expect(second.findings.some((finding) => finding.check === 'tense')).toBe(false);
    await workspace.closeAll();
  });

  it('keeps a dismissed suggestion through undo, redo, the journal and a restart', async () => {
    const first = service();
    const created = await first.create({
      name: 'Dismissed',
      source: { text: readFileSync(join(seed, 'summary-record.en.txt'), 'utf8') },
      target: { text: readFileSync(join(seed, 'summary-record.ja.txt'), 'utf8') },
    });
    const { findings } = await first.checks(created.path);
    const tense = findings.find((finding) => finding.code === 'tense-past-rendered-non-past')!;
    const dismissal = dismissalOfFinding(tense, created.project.alignment, 'd1', NOW);
    expect(
      (await first.apply(created.path, { type: 'dismissSuggestion', dismissal })).applied,
    ).toBe(true);
    await first.undo(created.path);
    await first.redo(created.path);
    // The journal alone (a crash before the project file is rewritten) gives the dismissal back.
    const journal = await readJournal(created.path, 0);
    expect(journal.entries.map((entry) => entry.kind)).toEqual(['command', 'session', 'session']);
    expect(replayJournal(created.project, journal.entries).project.dismissals).toEqual([dismissal]);
    await first.closeAll();

    const second = service();
    const reopened = await second.open(created.path);
    expect(reopened.project.dismissals).toEqual([dismissal]);
    const again = await second.checks(created.path);
    const session = {
      alignment: reopened.project.alignment,
      annotations: reopened.project.annotations,
      dismissals: reopened.project.dismissals,
    };
    expect(openSuggestions(again.findings, session).map((finding) => finding.code)).not.toContain(
      'tense-past-rendered-non-past',
    );
    await second.closeAll();
  });

  it('refuses a realignment when the aligner fails or the rows changed while it ran', async () => {
    const inProcess = createInProcessAlignmentEngine();
    let gate: Promise<void> = Promise.resolve();
    let fail = false;
    const workspace = createWorkspaceService({
      userDataDirectory: userData,
      appVersion: '0.0.0-test',
      alignment: {
        align: (...args) => inProcess.align(...args),
        check: (...args) => inProcess.check(...args),
        realign: async (alignment, pinned) => {
          await gate;
          if (fail) throw new Error('engine exploded');
          return inProcess.realign(alignment, pinned);
        },
        close: async () => {},
      },
    });
    const created = await workspace.create({
      name: 'Refused realign',
      source: { text: english },
      target: { text: japanese },
    });
    let release: () => void = () => {};
    gate = new Promise((resolve) => (release = resolve));
    const realigning = workspace.realign(created.path);
    await workspace.apply(created.path, { type: 'pin', beadIndices: [0] });
    release();
    expect(await realigning).toMatchObject({
      applied: false,
      reason: 'Realignment failed: the rows changed while realigning; try again',
    });
    gate = Promise.resolve();
    fail = true;
    expect(await workspace.realign(created.path)).toMatchObject({
      applied: false,
      reason: 'Realignment failed: engine exploded',
      revision: 1,
    });
    await workspace.closeAll();
  });
});
