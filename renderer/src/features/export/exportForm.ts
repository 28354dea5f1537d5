import { z } from 'zod';
import type { IpcRequest } from '../../../../core/ipc/contract';
import {
  EXPORT_FORMATS as FORMATS,
  type ExportFormat,
} from '../../../../core/report/exportFormats';
import type { MessageKey } from '../../i18n';

/** What a format is for: a report a person reads, web annotations, or a file for other translation tools. */
export type ExportKind = 'report' | 'annotations' | 'interchange';

/** One format the export dialog offers. */
export interface ExportFormatInfo {
  readonly format: ExportFormat;
  readonly kind: ExportKind;
  /** The file name extension, without the dot. */
  readonly extension: string;
  /** Its name in the dialog and the save dialog's filter. */
  readonly label: MessageKey;
  /** What it is for, under its name. */
  readonly hint: MessageKey;
  /** True when the report can leave out rows without an issue. */
  readonly rowChoice: boolean;
  /** True when the file's own words (headings, column names) come in the chosen report language. */
  readonly languageChoice: boolean;
}

/** Every export format, in the order the dialog lists them. */
export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  {
    format: 'html',
    kind: 'report',
    extension: 'html',
    label: 'formatHtml',
    hint: 'formatHtmlHint',
    rowChoice: true,
    languageChoice: true,
  },
  {
    format: 'pdf',
    kind: 'report',
    extension: 'pdf',
    label: 'formatPdf',
    hint: 'formatPdfHint',
    rowChoice: true,
    languageChoice: true,
  },
  {
    format: 'docx',
    kind: 'report',
    extension: 'docx',
    label: 'formatDocx',
    hint: 'formatDocxHint',
    rowChoice: true,
    languageChoice: true,
  },
  {
    format: 'xlsx',
    kind: 'report',
    extension: 'xlsx',
    label: 'formatXlsx',
    hint: 'formatXlsxHint',
    rowChoice: true,
    languageChoice: true,
  },
  {
    format: 'csv',
    kind: 'report',
    extension: 'csv',
    label: 'formatCsv',
    hint: 'formatCsvHint',
    rowChoice: false,
    languageChoice: true,
  },
  {
    format: 'json',
    kind: 'annotations',
    extension: 'json',
    label: 'formatJson',
    hint: 'formatJsonHint',
    rowChoice: false,
    languageChoice: false,
  },
  {
    format: 'xliff',
    kind: 'interchange',
    extension: 'xlf',
    label: 'formatXliff',
    hint: 'formatXliffHint',
    rowChoice: false,
    languageChoice: false,
  },
  {
    format: 'tmx',
    kind: 'interchange',
    extension: 'tmx',
    label: 'formatTmx',
    hint: 'formatTmxHint',
    rowChoice: false,
    languageChoice: false,
  },
];

/** The dialog's entry for `format`. */
export function formatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((info) => info.format === format)!;
}

/** The export dialog's form. `minConfidencePercent` is 0–100 (the request takes 0–1). */
export type ExportValues = {
  readonly format: ExportFormat;
  readonly rows: 'all' | 'flagged';
  readonly language: 'en' | 'ja';
  readonly minConfidencePercent: number;
  readonly confirmedOnly: boolean;
};

/** The form as the dialog opens: an HTML report of every row, in the UI language. */
export function initialExportValues(language: 'en' | 'ja'): ExportValues {
  return { format: 'html', rows: 'all', language, minConfidencePercent: 0, confirmedOnly: false };
}

/** The export form's rules (the request schema in core has the same bounds). */
export function exportSchema(percentMessage: string) {
  return z.object({
    format: z.enum(FORMATS),
    rows: z.enum(['all', 'flagged']),
    language: z.enum(['en', 'ja']),
    minConfidencePercent: z.number(percentMessage).min(0, percentMessage).max(100, percentMessage),
    confirmedOnly: z.boolean(),
  });
}

/** Where the file goes (see the contract's `ExportDestinationSchema`). */
export type ExportDestination = IpcRequest<'project:export'>['destination'];

/** The `project:export` request for the form's values: only the options the chosen format takes. */
export function exportRequest(
  values: ExportValues,
  path: string,
  jobId: string,
  destination: ExportDestination,
): IpcRequest<'project:export'> {
  const info = formatInfo(values.format);
  return {
    path,
    format: values.format,
    jobId,
    destination,
    ...(info.rowChoice ? { rows: values.rows } : {}),
    ...(info.languageChoice ? { language: values.language } : {}),
    ...(values.format === 'tmx'
      ? {
          minConfidence: Math.round(values.minConfidencePercent) / 100,
          confirmedOnly: values.confirmedOnly,
        }
      : {}),
  };
}

/** A file name for the save dialog: the project's name (without characters file systems refuse) and the extension. */
export function defaultFileName(projectName: string, format: ExportFormat): string {
  const refused = '\\/:*?"<>|';
  const cleaned = [...projectName]
    .map((character) => (character < ' ' || refused.includes(character) ? ' ' : character))
    .join('');
  const base = cleaned.replace(/\s+/g, ' ').trim() || 'export';
  return `${base}.${formatInfo(format).extension}`;
}
