import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EXPORT_FORMATS,
  exportProject,
  isExportFormat,
  writeExport,
} from '../../services/exportService';
import { CliError, type CliCommand } from '../command';
import { withWorkspace } from '../workspaceSession';

const usage = `Usage: npx taiyaku report PROJECT --format FORMAT --out FILE [--rows all|flagged] [--language en|ja]
         [--min-confidence X] [--confirmed-only]

Exports a project's review: html (printable report), pdf (the same, printed by Chromium), docx (review table), xlsx
(LQA workbook), csv (issues), json (report and W3C Web Annotations), xliff (XLIFF 2.1 with ITS issues), tmx (TMX 1.4).
The file appears whole or not at all.
  --format FORMAT     ${EXPORT_FORMATS.join(', ')}
  --out FILE          where to write
  --rows all|flagged  rows to list (html, pdf, docx, json); default all
  --language en|ja    language of the report's own words; default en
  --min-confidence X  tmx: keep only confirmed rows or rows at least this confident (0 to 1)
  --confirmed-only    tmx: keep only confirmed rows
`;

/** `taiyaku report`: export a project in any report or interchange format. */
export const reportCommand: CliCommand = {
  summary: 'export a review report (html, pdf, docx, xlsx, csv, json, xliff, tmx)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        rows: { type: 'string', default: 'all' },
        language: { type: 'string', default: 'en' },
        'min-confidence': { type: 'string' },
        'confirmed-only': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new CliError(`give one project file\n${usage}`, 2);
    const format = values.format;
    if (!isExportFormat(format)) {
      throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`, 2);
    }
    if (!values.out) throw new CliError('--out FILE is required', 2);
    const rows = values.rows;
    if (rows !== 'all' && rows !== 'flagged')
      throw new CliError('--rows must be all or flagged', 2);
    const language = values.language;
    if (language !== 'en' && language !== 'ja')
      throw new CliError('--language must be en or ja', 2);
    let minConfidence: number | undefined;
    if (values['min-confidence'] !== undefined) {
      minConfidence = Number(values['min-confidence']);
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new CliError('--min-confidence must be a number from 0 to 1', 2);
      }
    }
    const out = resolve(io.cwd, values.out);
    const project = await withWorkspace((workspace) =>
      workspace.current(resolve(io.cwd, positionals[0]!)),
    );
    const file = await exportProject(project, {
      format,
      rows,
      language,
      ...(minConfidence !== undefined ? { minConfidence } : {}),
      ...(values['confirmed-only'] ? { confirmedOnly: true } : {}),
    });
    await writeExport(file, out);
    io.stdout(`${out}: ${file.bytes.length} bytes\n`);
    return 0;
  },
};
