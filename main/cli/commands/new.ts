import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type CliCommand } from '../command';
import { readFileToImport, withWorkspace } from '../workspaceSession';

const usage = `Usage: npx taiyaku new --en FILE --ja FILE --out PROJECT.taiyaku [--name NAME]
       npx taiyaku new --bilingual FILE --out PROJECT.taiyaku [--name NAME]

Makes a project: imports the English and the Japanese text (or one bilingual document, split into its English and
Japanese parts), aligns them and saves the project. Files: .txt, .md, .docx, .pdf.
  --en FILE          the English source
  --ja FILE          the Japanese translation
  --bilingual FILE   one document holding both languages
  --out FILE         the project file to write (an existing project is not replaced)
  --name NAME        the project's name (default: the first file's name)
`;

/** `taiyaku new`: import, align and save a project. */
export const newCommand: CliCommand = {
  summary: 'make a project from an English and a Japanese file (or one bilingual file)',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        en: { type: 'string' },
        ja: { type: 'string' },
        bilingual: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out) throw new CliError(`--out PROJECT.taiyaku is required\n${usage}`, 2);
    const paths = values.bilingual !== undefined ? [values.bilingual] : [values.en, values.ja];
    if (values.bilingual !== undefined && (values.en !== undefined || values.ja !== undefined)) {
      throw new CliError('give either --bilingual or --en and --ja, not both', 2);
    }
    if (paths.some((path) => path === undefined)) {
      throw new CliError(`both --en and --ja are required (or --bilingual)\n${usage}`, 2);
    }
    const files = await Promise.all(paths.map((path) => readFileToImport(io.cwd, path!)));
    const out = resolve(io.cwd, values.out);
    const outcome = await withWorkspace((workspace) =>
      workspace.importFiles(files, {
        path: out,
        ...(values.name !== undefined ? { name: values.name } : {}),
      }),
    );
    if (outcome.kind !== 'opened') throw new CliError('unexpected column question');
    for (const warning of outcome.snapshot.warnings) io.stderr(`warning: ${warning}\n`);
    const { alignment } = outcome.snapshot.project;
    io.stdout(
      `${outcome.snapshot.path}: ${alignment.sentenceBeads.length} rows in ${alignment.clauseBeads.length} clause pairs\n`,
    );
    return 0;
  },
};
