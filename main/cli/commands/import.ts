import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ColumnChoice } from '../../services/import/tableText';
import type { NeedsColumns } from '../../services/importProject';
import { IMPORT_EXTENSIONS } from '../../services/importProject';
import { CliError, type CliCommand } from '../command';
import { readFileToImport, withWorkspace } from '../workspaceSession';

const usage = `Usage: npx taiyaku import FILE [FILE2] --out PROJECT.taiyaku [--columns EN,JA] [--header] [--name NAME]

Makes a project from a file of any format Taiyaku reads (${IMPORT_EXTENSIONS.join(' ')}):
  - XLIFF: texts, alignment and issues restored;
  - TMX, CSV, TSV, XLSX: one row per translation unit or table row, 1-1 as given;
  - text, Word, PDF: one bilingual document (split into English and Japanese), or FILE (English) and FILE2
    (Japanese), aligned.
  --out FILE          the project file to write (an existing project is not replaced)
  --columns EN,JA     for a table: the English and the Japanese column, by number (1, 2, …) or letter (A, B, …);
                      needed when the columns cannot be guessed
  --header            with --columns: the first row is a header, not text
  --name NAME         the project's name (default: the file's name)
`;

/** A column given as a 1-based number or a spreadsheet letter, as a 0-based index. */
export function parseColumn(value: string): number {
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed) && Number(trimmed) >= 1) return Number(trimmed) - 1;
  if (/^[A-Za-z]{1,3}$/.test(trimmed)) {
    return (
      [...trimmed.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) -
      1
    );
  }
  throw new CliError(
    `--columns: '${value}' is not a column number (1, 2, …) or letter (A, B, …)`,
    2,
  );
}

function describeColumns(question: NeedsColumns): string {
  const lines = question.columns.map(
    (column) =>
      `  ${column.index + 1} (${String.fromCharCode(65 + (column.index % 26))}): ${column.samples.map((sample) => JSON.stringify(sample)).join(', ') || '(empty)'}`,
  );
  return [
    `${question.fileName}: ${question.reason} Choose the columns with --columns EN,JA (and --header when row 1 is a header).`,
    ...lines,
  ].join('\n');
}

/** `taiyaku import`: a project from an XLIFF, TMX, table, or text/Word/PDF file(s). */
export const importCommand: CliCommand = {
  summary: 'make a project from an XLIFF, TMX, CSV/TSV/XLSX, text, Word or PDF file',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        columns: { type: 'string' },
        header: { type: 'boolean', default: false },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length === 0 || positionals.length > 2) {
      throw new CliError(`give one file (or an English and a Japanese file)\n${usage}`, 2);
    }
    if (!values.out) throw new CliError(`--out PROJECT.taiyaku is required\n${usage}`, 2);
    let columns: ColumnChoice | undefined;
    if (values.columns !== undefined) {
      const parts = values.columns.split(',');
      if (parts.length !== 2) throw new CliError('--columns takes two columns: EN,JA', 2);
      columns = {
        english: parseColumn(parts[0]!),
        japanese: parseColumn(parts[1]!),
        header: values.header,
      };
    } else if (values.header) {
      throw new CliError('--header goes with --columns', 2);
    }
    const files = await Promise.all(positionals.map((path) => readFileToImport(io.cwd, path)));
    const outcome = await withWorkspace((workspace) =>
      workspace.importFiles(files, {
        path: resolve(io.cwd, values.out!),
        ...(columns ? { columns } : {}),
        ...(values.name !== undefined ? { name: values.name } : {}),
      }),
    );
    if (outcome.kind === 'needs-columns') throw new CliError(describeColumns(outcome));
    for (const warning of outcome.snapshot.warnings) io.stderr(`warning: ${warning}\n`);
    const { project } = outcome.snapshot;
    io.stdout(
      `${outcome.snapshot.path}: ${project.alignment.sentenceBeads.length} rows, ${project.annotations.length} issues\n`,
    );
    return 0;
  },
};
