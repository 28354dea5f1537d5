import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../core/project/projectFile';
import { HOSTILE_COMMENT, testSession } from '../../core/report/testProject';
import { createExportJobs } from './exportJobs';
import { EXPORT_FORMATS, exportFileName, exportProject, writeExport } from './exportService';

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
    const file = await exportProject(
      project,
      { format: 'csv' },
      { now, onProgress: (done, total, phase) => seen.push(`${done}/${total} ${phase}`) },
    );
    const directory = mkdtempSync(join(tmpdir(), 'export-'));
    await writeExport(file, join(directory, 'out.csv'), {
      onProgress: (done, total, phase) => seen.push(`${done}/${total} ${phase}`),
    });
    expect(seen).toEqual(['0/3 model', '1/3 render', '2/3 write', '3/3 write']);

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

describe('export jobs', () => {
  it('tracks progress, cancels a running job, and serves a download once', async () => {
    const jobs = createExportJobs();
    let release!: () => void;
    const running = jobs.run('job-1', async (control) => {
      control.onProgress?.(1, 3, 'render');
      await new Promise<void>((resolve) => (release = resolve));
      if (control.signal?.aborted) throw new Error('stopped');
      return 'never';
    });
    expect(jobs.progress('job-1')).toMatchObject({ phase: 'render', done: 1, finished: false });
    await expect(jobs.run('job-1', async () => 'twice')).rejects.toThrow(/already running/);
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
