// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../../core/ipc/contract';
import { messages } from '../../i18n';
import {
  EXPORT_FORMATS,
  defaultFileName,
  exportRequest,
  exportSchema,
  initialExportValues,
} from './exportForm';

const request = ipcContract['project:export'].request;

describe('the export form', () => {
  it('offers every format of the contract once, each named in both languages', () => {
    expect(EXPORT_FORMATS.map((info) => info.format).sort()).toEqual(
      [...request.shape.format.options].sort(),
    );
    for (const info of EXPORT_FORMATS) {
      expect(messages.en[info.label]).toBeTruthy();
      expect(messages.ja[info.label]).toBeTruthy();
    }
  });

  it('builds a request the contract takes, with only the options of the chosen format', () => {
    const values = {
      ...initialExportValues('ja'),
      rows: 'flagged' as const,
      minConfidencePercent: 55,
    };
    const html = exportRequest(values, '/p.taiyaku', 'job-1', { kind: 'download' });
    expect(html).toEqual({
      path: '/p.taiyaku',
      format: 'html',
      jobId: 'job-1',
      destination: { kind: 'download' },
      rows: 'flagged',
      language: 'ja',
    });
    const tmx = exportRequest(
      { ...values, format: 'tmx', confirmedOnly: true },
      '/p.taiyaku',
      'j',
      {
        kind: 'file',
        filePath: '/tmp/out.tmx',
      },
    );
    expect(tmx).toMatchObject({ minConfidence: 0.55, confirmedOnly: true });
    expect(tmx).not.toHaveProperty('rows');
    expect(tmx).not.toHaveProperty('language');
    for (const info of EXPORT_FORMATS) {
      const built = exportRequest({ ...values, format: info.format }, '/p.taiyaku', 'j', {
        kind: 'download',
      });
      expect(request.safeParse(built).success).toBe(true);
    }
  });

  it('refuses a minimum confidence outside 0–100 %', () => {
    const schema = exportSchema('0 to 100');
    expect(
      schema.safeParse({ ...initialExportValues('en'), minConfidencePercent: 101 }).success,
    ).toBe(false);
    expect(
      schema.safeParse({ ...initialExportValues('en'), minConfidencePercent: 100 }).success,
    ).toBe(true);
  });

  it('names the file after the project, without characters file systems refuse', () => {
    expect(defaultFileName('Minutes: 2024/04', 'xliff')).toBe('Minutes 2024 04.xlf');
    expect(defaultFileName('  ', 'csv')).toBe('export.csv');
  });
});
