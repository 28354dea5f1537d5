import { describe, expect, it } from 'vitest';
import { renderXliff } from '../../core/interchange/xliff';
import { buildReportModel } from '../../core/report/reportModel';
import { testReportOptions, testSession } from '../../core/report/testProject';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import { importProject, type ImportFile } from './importProject';

// Table, TMX and XLIFF imports never align: an engine that would fail proves it.
const noAligner = {
  align: () => Promise.reject(new Error('the aligner must not run')),
  realign: () => Promise.reject(new Error('the aligner must not run')),
} as unknown as AlignmentEngine;
const options = { aligner: noAligner, appVersion: '0.0.0-test', now: () => new Date(0) };
const file = (fileName: string, text: string): ImportFile => ({
  fileName,
  bytes: Buffer.from(text, 'utf8'),
});

describe('importProject', () => {
  it('restores texts, alignment and issues from Taiyaku XLIFF', async () => {
    const xliff = renderXliff(buildReportModel(testSession, testReportOptions));
    const outcome = await importProject([file('review.xlf', xliff)], options);
    if (outcome.kind !== 'project') throw new Error('expected a project');
    const { project } = outcome.project;
    expect(project.name).toBe('review');
    expect(project.alignment.source.text).toBe(testSession.alignment.source.text);
    expect(project.alignment.sentenceBeads).toHaveLength(
      testSession.alignment.sentenceBeads.length,
    );
    expect(project.annotations.map((annotation) => annotation.comment)).toEqual(
      expect.arrayContaining(testSession.annotations.map((annotation) => annotation.comment)),
    );
  });

  it('makes one row per TMX unit, 1-1', async () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
      <tu><tuv xml:lang="en"><seg>The meeting was held.</seg></tuv><tuv xml:lang="ja"><seg>会合が行われた。</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>It ended.</seg></tuv><tuv xml:lang="ja"><seg>終わった。</seg></tuv></tu></body></tmx>`;
    const outcome = await importProject([file('memory.tmx', tmx)], options);
    if (outcome.kind !== 'project') throw new Error('expected a project');
    const { alignment } = outcome.project.project;
    expect(alignment.sentenceBeads.map((bead) => [bead.sourceIndices, bead.targetIndices])).toEqual(
      [
        [[0], [0]],
        [[1], [1]],
      ],
    );
    expect(alignment.target.sentences[1]!.text).toBe('終わった。');
  });

  it('guesses table columns, or asks with samples and takes the choice', async () => {
    const guessed = await importProject(
      [
        file(
          'pairs.csv',
          'id,English,日本語\n1,The meeting was held in Tokyo.,会合は東京で行われた。\n',
        ),
      ],
      options,
    );
    if (guessed.kind !== 'project') throw new Error('expected a project');
    expect(guessed.project.project.alignment.source.text).toBe('The meeting was held in Tokyo.');

    const ambiguous =
      'a,b,c\n会合は東京で行われた。,会議は東京で開かれた。,The meeting was held.\n';
    const question = await importProject([file('two-ja.csv', ambiguous)], options);
    expect(question).toMatchObject({ kind: 'needs-columns', fileName: 'two-ja.csv' });
    if (question.kind !== 'needs-columns') throw new Error('expected a question');
    expect(question.columns[2]!.samples).toContain('The meeting was held.');

    const chosen = await importProject([file('two-ja.csv', ambiguous)], {
      ...options,
      columns: { english: 2, japanese: 1, header: true },
    });
    if (chosen.kind !== 'project') throw new Error('expected a project');
    expect(chosen.project.project.alignment.target.text).toBe('会議は東京で開かれた。');
  });

  it('names the file when it cannot import it', async () => {
    await expect(importProject([file('notes.rtf', 'x')], options)).rejects.toThrow(/notes\.rtf/);
    await expect(importProject([file('broken.xlf', '<xliff')], options)).rejects.toThrow(
      /broken\.xlf/,
    );
    await expect(
      importProject(
        [file('a.tmx', '<tmx version="1.4"><body/></tmx>'), file('b.txt', 'x')],
        options,
      ),
    ).rejects.toThrow(/a\.tmx/);
    await expect(
      importProject([{ fileName: 'huge.csv', bytes: new Uint8Array(51 * 1024 * 1024) }], options),
    ).rejects.toThrow(/huge\.csv is larger than/);
  });
});
