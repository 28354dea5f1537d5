import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSelector, type Annotation } from '../../../core/review/annotation';
import {
  isMqmCategoryId,
  MQM_CATEGORIES,
  SEVERITIES,
  type Severity,
} from '../../../core/review/mqm';
import { CliError, type CliCommand } from '../command';
import { withWorkspace } from '../workspaceSession';

const usage = `Usage: npx taiyaku annotate PROJECT --side en|ja --quote TEXT --category DIMENSION/SUBTYPE
         --severity neutral|minor|major|critical --comment TEXT [--occurrence N] [--suggestion TEXT] [--author NAME]

Flags the N-th occurrence of TEXT on one side of the project as an issue and saves the project (through the same
journal and lock as the app: a project open in the app is refused).
  --side en|ja        the English source or the Japanese translation
  --quote TEXT        the exact text to flag
  --occurrence N      which occurrence of TEXT on that side (1-based; default 1)
  --category ID       an MQM category, e.g. accuracy/mistranslation, fluency/grammar, terminology
  --severity LEVEL    neutral, minor, major or critical
  --comment TEXT      what is wrong
  --suggestion TEXT   a proposed replacement
  --author NAME       who flags it (default: $USER)
`;

/** The UTF-16 offset of the `occurrence`-th (1-based) `quote` in `text`, or -1. */
export function nthOccurrence(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let count = 0; count < occurrence; count++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** `taiyaku annotate`: flag a quoted span as an MQM issue. */
export const annotateCommand: CliCommand = {
  summary: 'flag a quoted span of a project as an MQM issue',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        side: { type: 'string' },
        quote: { type: 'string' },
        occurrence: { type: 'string', default: '1' },
        category: { type: 'string' },
        severity: { type: 'string' },
        comment: { type: 'string' },
        suggestion: { type: 'string' },
        author: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new CliError(`give one project file\n${usage}`, 2);
    const { side, quote, category, severity, comment } = values;
    if (side !== 'en' && side !== 'ja') throw new CliError('--side must be en or ja', 2);
    if (!quote) throw new CliError('--quote TEXT is required (and not empty)', 2);
    if (!category) throw new CliError('--category is required, e.g. accuracy/mistranslation', 2);
    if (!isMqmCategoryId(category)) {
      const known = MQM_CATEGORIES.map((entry) => entry.id).join(', ');
      throw new CliError(`unknown category '${category}'; use one of: ${known}`, 2);
    }
    if (!severity || !(SEVERITIES as readonly string[]).includes(severity)) {
      throw new CliError(`--severity must be one of ${SEVERITIES.join(', ')}`, 2);
    }
    if (comment === undefined) throw new CliError('--comment TEXT is required', 2);
    const occurrence = Number(values.occurrence);
    if (!Number.isInteger(occurrence) || occurrence < 1) {
      throw new CliError('--occurrence must be a whole number from 1', 2);
    }
    const path = resolve(io.cwd, positionals[0]!);
    const author = values.author ?? process.env['USER'] ?? 'taiyaku';
    return withWorkspace(async (workspace) => {
      const snapshot = await workspace.open(path);
      const documentSide = side === 'en' ? 'source' : 'target';
      const text = snapshot.project.alignment[documentSide].text;
      const start = nthOccurrence(text, quote, occurrence);
      if (start < 0) {
        const found = text.split(quote).length - 1;
        throw new CliError(
          found === 0
            ? `the ${side === 'en' ? 'English' : 'Japanese'} text does not contain '${quote}'`
            : `the ${side === 'en' ? 'English' : 'Japanese'} text contains '${quote}' ${found} time(s), not ${occurrence}`,
        );
      }
      const now = new Date().toISOString();
      const annotation: Annotation = {
        id: randomUUID(),
        selectors: [createSelector(documentSide, text, start, start + quote.length)],
        category,
        severity: severity as Severity,
        comment,
        ...(values.suggestion !== undefined ? { suggestion: values.suggestion } : {}),
        status: 'open',
        author,
        createdAt: now,
        updatedAt: now,
        origin: { kind: 'reviewer' },
      };
      const result = await workspace.apply(snapshot.path, { type: 'addAnnotation', annotation });
      if (!result.applied)
        throw new CliError(`the issue was refused: ${result.reason ?? 'unknown reason'}`);
      await workspace.save(snapshot.path);
      io.stdout(
        `${snapshot.path}: issue ${annotation.id} added (${result.annotationCount} in all)\n`,
      );
      return 0;
    });
  },
};
