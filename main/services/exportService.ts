import { renderIssuesCsv } from '../../core/report/csv';
import { renderHtmlReportPieces } from '../../core/report/html';
import { allReportRows, buildReportModel, type ReportModel } from '../../core/report/reportModel';
import { buildWebAnnotations } from '../../core/report/webAnnotations';
import { renderTmxPieces } from '../../core/interchange/tmx';
import { renderXliffPieces } from '../../core/interchange/xliff';
import type { ProjectFile } from '../../core/project/projectFile';
import {
  EXPORT_PHASES,
  isExportFormat,
  type ExportFormat,
  type ExportPhase,
} from '../../core/report/exportFormats';
import { appVersion } from './appInfo';
import { renderDocxReviewTable } from './export/docxReviewTable';
import { checkCancelled, ExportPacer, joinPaced, type RenderControl } from './export/exportPacer';
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
 * Progress is reported in three phases (model, render, write), with how far the render and the write are within their
 * phase. Cancellation is checked between the phases and inside the long ones: the renderers of HTML, PDF, DOCX, XLSX,
 * XLIFF and TMX work row by row and pause every 50 ms (export/exportPacer.ts), so a Cancel arriving meanwhile stops
 * them at the next row; a PDF being printed is stopped by closing its browser; the file is written in chunks and its
 * temporary file removed when cancelled. CSV and JSON are single passes of a fraction of a second.
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
  /**
   * Called as the export moves on: `done` of `total` phases finished, `phase` the one starting (or last), and, within a
   * long phase, `fraction` of it done (in [0, 1]).
   */
  readonly onProgress?: (
    done: number,
    total: number,
    phase: ExportPhase,
    fraction?: number,
  ) => void;
  /** Aborting stops the export within a fraction of a second with a `cancelled` ServiceError. */
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

/** `control` with its progress mapped into the part [`from`, `to`] of the whole. */
function partOf(control: RenderControl, from: number, to: number): RenderControl {
  const { onProgress } = control;
  return {
    ...(control.signal ? { signal: control.signal } : {}),
    ...(onProgress
      ? { onProgress: (fraction: number) => onProgress(from + fraction * (to - from)) }
      : {}),
  };
}

/** Text rendered piece by piece (a head, a piece per row, a tail), pausing between pieces; as UTF-8. */
async function pacedText(
  pieces: Iterable<string>,
  rows: number,
  control: RenderControl,
): Promise<Buffer> {
  return Buffer.from(await joinPaced(pieces, rows + 2, new ExportPacer(control)), 'utf8');
}

async function render(
  model: ReportModel,
  options: ExportOptions,
  control: RenderControl,
): Promise<Buffer> {
  const language = options.language ?? 'en';
  const listedRows = model.clauses.reduce((sum, clause) => sum + clause.rows.length, 0);
  switch (options.format) {
    case 'html':
      return pacedText(renderHtmlReportPieces(model, { language }), listedRows, control);
    case 'pdf': {
      // Building the HTML is quick next to printing it, which reports nothing until it is done.
      const html = await pacedText(
        renderHtmlReportPieces(model, { language }),
        listedRows,
        partOf(control, 0, 0.1),
      );
      return renderPdfFromHtml(html.toString('utf8'), {
        ...(control.signal ? { signal: control.signal } : {}),
      });
    }
    case 'docx':
      return renderDocxReviewTable(model, { language }, control);
    case 'xlsx':
      return renderXlsxWorkbook(model, { language }, control);
    case 'csv':
      return Buffer.from(renderIssuesCsv(model), 'utf8');
    case 'json':
      return Buffer.from(renderJsonReport(model), 'utf8');
    case 'xliff':
      return pacedText(renderXliffPieces(model), model.alignment.sentenceBeads.length, control);
    case 'tmx':
      return pacedText(
        renderTmxPieces(model, {
          ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
          ...(options.confirmedOnly ? { confirmedOnly: true } : {}),
        }),
        allReportRows(model).length,
        control,
      );
  }
}

/**
 * Renders `project` in `options.format`: builds the report model once, then the file. Reports progress per phase
 * (model, render; `writeExport` adds write) and within the render, and stops with a `refused` ServiceError
 * ("cancelled") soon after `control.signal` is aborted.
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
  const bytes = await render(model, options, {
    ...(signal ? { signal } : {}),
    onProgress: (fraction) => onProgress?.(1, total, 'render', fraction),
  });
  checkCancelled(signal);
  onProgress?.(2, total, 'write');
  return {
    bytes,
    fileName: exportFileName(project.name, options.format),
    mediaType: MEDIA_TYPES[options.format],
  };
}

/**
 * Writes an export to `filePath` whole or not at all (temporary file, fsync, rename), reporting how much is written;
 * cancelled before the rename, it leaves neither the file nor its temporary file. Reports the last phase done.
 */
export async function writeExport(
  file: ExportedFile,
  filePath: string,
  control: ExportControl = {},
): Promise<void> {
  const total = EXPORT_PHASES.length;
  const { signal, onProgress } = control;
  checkCancelled(signal);
  await writeFileAtomically(filePath, file.bytes, {
    ...(signal ? { signal } : {}),
    onProgress: (fraction) => onProgress?.(total - 1, total, 'write', fraction),
  });
  onProgress?.(total, total, 'write');
}
