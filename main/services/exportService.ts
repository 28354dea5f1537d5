import { renderIssuesCsv } from '../../core/report/csv';
import { renderHtmlReport } from '../../core/report/html';
import { allReportRows, buildReportModel, type ReportModel } from '../../core/report/reportModel';
import { buildWebAnnotations } from '../../core/report/webAnnotations';
import { renderTmx } from '../../core/interchange/tmx';
import { renderXliff } from '../../core/interchange/xliff';
import type { ProjectFile } from '../../core/project/projectFile';
import {
  EXPORT_PHASES,
  isExportFormat,
  type ExportFormat,
  type ExportPhase,
} from '../../core/report/exportFormats';
import { appVersion } from './appInfo';
import { renderDocxReviewTable } from './export/docxReviewTable';
import { renderPdfFromHtml } from './export/pdfReport';
import { writeFileAtomically } from './export/writeAtomically';
import { renderXlsxWorkbook } from './export/xlsxWorkbook';
import { projectFileName } from './projectCreation';
import { ServiceError } from './serviceError';

export {
  EXPORT_FORMATS,
  EXPORT_PHASES,
  isExportFormat,
  type ExportFormat,
  type ExportPhase,
} from '../../core/report/exportFormats';

/**
 * Exporting a project: the report model is built once (core/report/reportModel.ts) and rendered in the chosen format.
 * The same function serves the IPC channel `project:export` (Electron and the loopback host) and `taiyaku report`.
 *
 * Progress is reported in three phases (model, render, write) and cancellation is checked between them: the renderers
 * are single synchronous passes (or library calls, for DOCX, XLSX and PDF) that cannot be interrupted inside.
 */

/** What the caller decides about an export. */
export interface ExportOptions {
  readonly format: ExportFormat;
  /** Rows the report lists (HTML, PDF, DOCX and the JSON rows); issues and the scorecard always cover everything. */
  readonly rows?: 'all' | 'flagged';
  /** Language of the report's own words (HTML, PDF, DOCX, XLSX); default English. */
  readonly language?: 'en' | 'ja';
  /** TMX only: keep a row only when confirmed or at least this confident, in [0, 1]. */
  readonly minConfidence?: number;
  /** TMX only: keep only confirmed rows. */
  readonly confirmedOnly?: boolean;
}

/** What the caller may observe and stop. */
export interface ExportControl {
  /** Called as the export moves on: `done` of `total` phases finished, `phase` the one starting (or last). */
  readonly onProgress?: (done: number, total: number, phase: ExportPhase) => void;
  /** Aborting stops the export at the next phase boundary with a `cancelled` ServiceError. */
  readonly signal?: AbortSignal;
  /** The clock, for reproducible exports in tests; default now. */
  readonly now?: () => Date;
}

/** An export in memory, ready to be written or sent. */
export interface ExportedFile {
  readonly bytes: Buffer;
  /** A file name for it: the project's name with the format's extension. */
  readonly fileName: string;
  readonly mediaType: string;
}

/** The part of a project an export reads. */
export type ExportSource = Pick<ProjectFile, 'name' | 'settings' | 'alignment' | 'annotations'>;

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  html: '.review.html',
  pdf: '.review.pdf',
  docx: '.review.docx',
  xlsx: '.review.xlsx',
  csv: '.issues.csv',
  json: '.review.json',
  xliff: '.xlf',
  tmx: '.tmx',
};

const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  xliff: 'application/xliff+xml',
  tmx: 'application/xml',
};

/** The file name an export of project `name` gets (characters no file system takes replaced). */
export function exportFileName(name: string, format: ExportFormat): string {
  return projectFileName(name).replace(/\.taiyaku$/, EXTENSIONS[format]);
}

/** Throws the `cancelled` error when `signal` is aborted. */
function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ServiceError('refused', 'The export was cancelled.');
}

/**
 * The JSON report: the scorecard, the issues (as the other reports list them), the listed rows, and the issues as a
 * W3C Web Annotation collection for tools that read that model.
 */
function renderJsonReport(model: ReportModel): string {
  const rows = allReportRows(model).map((row) => ({
    segmentId: row.segmentId,
    clauseNumber: row.clauseNumber,
    source: row.source.text,
    target: row.target.text,
    confidence: row.confidence,
    confirmed: row.confirmed,
    issueIds: row.issueIds,
  }));
  return `${JSON.stringify(
    {
      format: 'taiyaku-report',
      version: 1,
      projectName: model.projectName,
      generatedAt: model.generatedAt,
      appVersion: model.appVersion,
      sourceLang: model.sourceLang,
      targetLang: model.targetLang,
      scorecard: model.scorecard,
      totalRows: model.totalRows,
      issues: model.issues,
      rows,
      webAnnotations: buildWebAnnotations(model),
    },
    null,
    2,
  )}\n`;
}

async function render(model: ReportModel, options: ExportOptions): Promise<Buffer> {
  const language = options.language ?? 'en';
  switch (options.format) {
    case 'html':
      return Buffer.from(renderHtmlReport(model, { language }), 'utf8');
    case 'pdf':
      return renderPdfFromHtml(renderHtmlReport(model, { language }));
    case 'docx':
      return renderDocxReviewTable(model, { language });
    case 'xlsx':
      return renderXlsxWorkbook(model, { language });
    case 'csv':
      return Buffer.from(renderIssuesCsv(model), 'utf8');
    case 'json':
      return Buffer.from(renderJsonReport(model), 'utf8');
    case 'xliff':
      return Buffer.from(renderXliff(model), 'utf8');
    case 'tmx':
      return Buffer.from(
        renderTmx(model, {
          ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
          ...(options.confirmedOnly ? { confirmedOnly: true } : {}),
        }),
        'utf8',
      );
  }
}

/**
 * Renders `project` in `options.format`: builds the report model once, then the file. Reports progress per phase
 * (model, render; `writeExport` adds write) and stops with a `refused` ServiceError ("cancelled") at the next phase
 * boundary once `control.signal` is aborted.
 */
export async function exportProject(
  project: ExportSource,
  options: ExportOptions,
  control: ExportControl = {},
): Promise<ExportedFile> {
  const total = EXPORT_PHASES.length;
  const { signal, onProgress } = control;
  if (!isExportFormat(options.format)) {
    throw new ServiceError('invalid-request', `Unknown export format: ${String(options.format)}.`);
  }
  const minConfidence = options.minConfidence;
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new ServiceError('invalid-request', 'The minimum confidence must lie between 0 and 1.');
  }
  checkCancelled(signal);
  onProgress?.(0, total, 'model');
  const model = buildReportModel(
    { alignment: project.alignment, annotations: project.annotations },
    {
      projectName: project.name,
      generatedAt: (control.now?.() ?? new Date()).toISOString(),
      appVersion: appVersion(),
      mqmThreshold: project.settings.mqmThreshold,
      rows: options.rows ?? 'all',
    },
  );
  checkCancelled(signal);
  onProgress?.(1, total, 'render');
  const bytes = await render(model, options);
  checkCancelled(signal);
  onProgress?.(2, total, 'write');
  return {
    bytes,
    fileName: exportFileName(project.name, options.format),
    mediaType: MEDIA_TYPES[options.format],
  };
}

/**
 * Writes an export to `filePath` whole or not at all (temporary file, fsync, rename), unless cancelled first, and
 * reports the last phase done.
 */
export async function writeExport(
  file: ExportedFile,
  filePath: string,
  control: ExportControl = {},
): Promise<void> {
  checkCancelled(control.signal);
  await writeFileAtomically(filePath, file.bytes);
  control.onProgress?.(EXPORT_PHASES.length, EXPORT_PHASES.length, 'write');
}
