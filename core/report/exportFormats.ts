/**
 * The formats a project exports to, and the phases of an export: one list for the IPC contract, the export service and
 * the command line.
 */

/** Every export format: reports (html, pdf, docx, xlsx, csv, json) and interchange (xliff, tmx). */
export const EXPORT_FORMATS = [
  'html',
  'pdf',
  'docx',
  'xlsx',
  'csv',
  'json',
  'xliff',
  'tmx',
] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The phases of an export, in order: build the report model, render the file, write (or keep) it. */
export const EXPORT_PHASES = ['model', 'render', 'write'] as const;
/** One phase of an export. */
export type ExportPhase = (typeof EXPORT_PHASES)[number];

/** True when `value` names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
