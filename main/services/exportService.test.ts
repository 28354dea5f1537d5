import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../core/project/projectFile';
import { alignmentFromSentences } from '../../core/review/alignmentFromSentences';
import { HOSTILE_COMMENT, testSession } from '../../core/report/testProject';
import { createExportJobs } from './exportJobs';
import {
  EXPORT_FORMATS,
  exportFileName,
  exportProject,
  writeExport,
  type ExportFormat,
} from './exportService';

const project = {
  name: 'Smart Cities / 報告',
  settings: DEFAULT_PROJECT_SETTINGS,
  alignment: testSession.alignment,
  annotations: testSession.annotations,
} as unknown as Parameters<typeof exportProject>[0];

const now = (): Date => new Date('2026-11-30T12:00:00Z');

describe('exportProject', () => {
  it.each(EXPORT_FORMATS.filter((format) => format !== 'pdf'))(
    'renders %s with a file name and media type',
    async (format) => {
      const file = await exportProject(project, { format }, { now });
      expect(file.bytes.length).toBeGreaterThan(100);
      expect(file.fileName).toBe(exportFileName(project.name, format));
      expect(file.fileName).not.toContain('/');
      expect(file.mediaType).toBeTruthy();
    },
  );

  it('carries the issues: escaped in HTML, in the JSON report and its Web Annotations', async () => {
    const html = (await exportProject(project, { format: 'html' }, { now })).bytes.toString('utf8');
    expect(html).not.toContain('<script>alert(1)');
    const json = JSON.parse(
      (await exportProject(project, { format: 'json' }, { now })).bytes.toString('utf8'),
    );
    expect(json.issues.map((issue: { comment: string }) => issue.comment)).toContain(
      HOSTILE_COMMENT,
    );
    expect(json.webAnnotations.total).toBe(testSession.annotations.length);
  });

  it('filters TMX rows by confirmation', async () => {
    const all = (await exportProject(project, { format: 'tmx' }, { now })).bytes.toString('utf8');
    const confirmed = (
      await exportProject(project, { format: 'tmx', confirmedOnly: true }, { now })
    ).bytes.toString('utf8');
    const units = (text: string): number => (text.match(/<tu[ >]/g) ?? []).length;
    expect(units(confirmed)).toBeLessThan(units(all));
  });

  it('reports its phases in order and stops when cancelled', async () => {
    const seen: string[] = [];
    const record = (done: number, total: number, phase: string, fraction?: number): void => {
      seen.push(`${done}/${total} ${phase}${fraction !== undefined ? ` ${fraction}` : ''}`);
    };
    const file = await exportProject(project, { format: 'csv' }, { now, onProgress: record });
    const directory = mkdtempSync(join(tmpdir(), 'export-'));
    await writeExport(file, join(directory, 'out.csv'), { onProgress: record });
    // The write reports how much of the file is written (one chunk here).
    expect(seen).toEqual(['0/3 model', '1/3 render', '2/3 write', '2/3 write 1', '3/3 write']);

    const controller = new AbortController();
    await expect(
      exportProject(
        project,
        { format: 'html' },
        { signal: controller.signal, onProgress: (done) => done === 1 && controller.abort() },
      ),
    ).rejects.toThrow(/cancelled/);
    controller.abort();
    await expect(
      writeExport(file, join(directory, 'never.csv'), { signal: controller.signal }),
    ).rejects.toThrow(/cancelled/);
    expect(existsSync(join(directory, 'never.csv'))).toBe(false);
    expect(readdirSync(directory)).toEqual(['out.csv']);
    expect(readFileSync(join(directory, 'out.csv')).subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('refuses an unknown format and a confidence outside [0, 1]', async () => {
    await expect(exportProject(project, { format: 'rtf' as never })).rejects.toThrow(/format/);
    await expect(exportProject(project, { format: 'tmx', minConfidence: 2 })).rejects.toThrow(
      /between 0 and 1/,
    );
  });
});

/** A project of `beads` one-to-one rows, ten to a clause, with no issues. */
function largeProject(beads: number): Parameters<typeof exportProject>[0] {
  const clauses = (sentence: (index: number) => string): string[][] =>
    Array.from({ length: Math.ceil(beads / 10) }, (_, clause) =>
      Array.from({ length: Math.min(10, beads - clause * 10) }, (_, index) =>
        sentence(clause * 10 + index),
      ),
    );
  const source = clauses((index) => `Sentence ${index} of the report, with "quotes" & <markup>.`);
  const alignment = alignmentFromSentences({
    source: { clauses: source },
    target: { clauses: clauses((index) => `報告書の第${index}文である。`) },
    clauseBeads: source.map(() => [1, 1] as const),
    sentenceBeads: source.flatMap((sentences) => sentences.map(() => [1, 1] as const)),
  });
  return {
    name: 'Large',
    settings: DEFAULT_PROJECT_SETTINGS,
    alignment,
    annotations: [],
  } as unknown as Parameters<typeof exportProject>[0];
}

describe('cancelling a long export', () => {
  const large = largeProject(3000);
  const cancellable: ExportFormat[] = ['docx', 'xlsx', 'html', 'xliff', 'tmx'];

  it.each(cancellable)(
    'reports progress inside the render of %s and stops at once when cancelled there',
    async (format) => {
      const fractions: number[] = [];
      await exportProject(
        large,
        { format },
        {
          now,
          onProgress: (_done, _total, phase, fraction) => {
            if (phase === 'render' && fraction !== undefined) fractions.push(fraction);
          },
        },
      );
      expect(fractions.length).toBeGreaterThan(0);
      expect(fractions.every((fraction, index) => fraction >= (fractions[index - 1] ?? 0))).toBe(
        true,
      );

      const controller = new AbortController();
      const seen: number[] = [];
      await expect(
        exportProject(
          large,
          { format },
          {
            now,
            signal: controller.signal,
            onProgress: (_done, _total, phase, fraction) => {
              if (phase !== 'render' || fraction === undefined) return;
              seen.push(fraction);
              controller.abort();
            },
          },
        ),
      ).rejects.toThrow(/cancelled/);
      // Stopped at the first report, well before the end of the rows.
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeLessThan(0.5);
    },
  );

  it.each(['docx', 'xlsx'] as const)(
    'leaves neither the %s file nor a temporary file when cancelled while rendering or writing',
    async (format) => {
      const jobs = createExportJobs();
      const directory = mkdtempSync(join(tmpdir(), 'export-cancel-'));
      const target = join(directory, `out.${format}`);
      for (const [index, when] of (['render', 'write'] as const).entries()) {
        const jobId = `job-${format}-${index}`;
        const running = jobs.run(jobId, async (control) => {
          const onProgress = control.onProgress!;
          const watched = {
            ...control,
            onProgress: (
              done: number,
              total: number,
              phase: 'model' | 'render' | 'write',
              fraction?: number,
            ) => {
              onProgress(done, total, phase, fraction);
              if (phase === when && fraction !== undefined) jobs.cancel(jobId);
            },
          };
          const file = await exportProject(large, { format }, { ...watched, now });
          await writeExport(file, target, watched);
        });
        await expect(running).rejects.toThrow(/cancelled/);
        expect(jobs.progress(jobId)).toMatchObject({ phase: 'cancelled', finished: true });
        expect(readdirSync(directory)).toEqual([]);
      }
    },
  );
});

describe('export jobs', () => {
  it('tracks progress, cancels a running job, and serves a download once', async () => {
    const jobs = createExportJobs();
    let release!: () => void;
    let halfway!: () => void;
    const running = jobs.run('job-1', async (control) => {
      control.onProgress?.(1, 3, 'render');
      await new Promise<void>((resolve) => (halfway = resolve));
      control.onProgress?.(1, 3, 'render', 0.5);
      await new Promise<void>((resolve) => (release = resolve));
      if (control.signal?.aborted) throw new Error('stopped');
      return 'never';
    });
    expect(jobs.progress('job-1')).toMatchObject({ phase: 'render', done: 1, finished: false });
    expect(jobs.progress('job-1').fraction).toBeUndefined();
    await expect(jobs.run('job-1', async () => 'twice')).rejects.toThrow(/already running/);
    halfway();
    await Promise.resolve();
    expect(jobs.progress('job-1')).toMatchObject({ phase: 'render', done: 1, fraction: 0.5 });
    expect(jobs.cancel('job-1')).toBe(true);
    release();
    await expect(running).rejects.toThrow();
    expect(jobs.progress('job-1')).toMatchObject({ phase: 'cancelled', finished: true });
    expect(jobs.cancel('job-1')).toBe(false);
    expect(() => jobs.progress('nope')).toThrow(/No export/);

    await jobs.run('job-2', async () => 'ok');
    expect(jobs.progress('job-2')).toMatchObject({ phase: 'done', finished: true });
    const file = { bytes: Buffer.from('x'), fileName: 'a.csv', mediaType: 'text/csv' };
    jobs.keepDownload('job-2', file);
    expect(jobs.takeDownload('job-2')).toBe(file);
    expect(jobs.takeDownload('job-2')).toBeUndefined();
  });
});
