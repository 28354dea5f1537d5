import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignSegmentedDocument } from '../../../core/alignment/alignDocument';
import type { DocumentFinding } from '../../../core/checks/checkDocument';
import type { Glossary } from '../../../core/checks/glossary';
import { checkPair } from '../../../core/checks/checkPair';
import { medianLengthRatio } from '../../../core/checks/lengthCheck';
import type { CheckResources } from '../../../core/checks/pairAnalysis';
import { DEFAULT_CHECK_SETTINGS, resolveCheckSettings } from '../../../core/checks/settings';
import type { Finding } from '../../../core/checks/types';
import { segmentDocument } from '../../../core/text/segmentDocument';
import {
  loadAlignmentResources,
  loadCheckResources,
} from '../../services/alignment/loadAlignmentResources';
import { openSuggestions } from '../../../core/checks/suggestions';
import { runDocumentChecks } from '../../services/checks/documentChecks';
import { readGlossaryFile } from '../../services/checks/glossaryFile';
import { checkJapaneseStyle } from '../../services/checks/styleCheck';
import { ServiceError } from '../../services/serviceError';
import { CliError, type CliCommand } from '../command';
import { withWorkspace } from '../workspaceSession';
import { checkLanguages, readTextFile } from './align';

const usage = `Usage: npx taiyaku check --pairs FILE.jsonl [--out FILE.jsonl] [--glossary FILE] [--style]
       npx taiyaku check --en FILE --ja FILE [--format json|tsv] [--out FILE] [--glossary FILE] [--style]
       npx taiyaku check PROJECT [--format json|tsv] [--out FILE] [--glossary FILE] [--style] [--all]

Looks for discrepancies between an English source and its Japanese translation: numbers and dates compared by value,
the tense of the main clauses, omissions and additions (length against the expected ratio), names (katakana read
against the English spelling), glossary terms, and (documents) terms written two ways. Findings are suggestions for
a reviewer.
  --pairs FILE     JSON lines {"id", "en", "ja"}; writes one line {"id", "findings": [...]} for every input line
  --en FILE        an English document (with --ja): aligned as 'align' does, then every sentence bead is checked
  --ja FILE        its Japanese translation
  PROJECT          a project file: its alignment as reviewed, with the project's check settings and glossary; the
                   suggestions the reviewer dismissed or accepted are left out (--all keeps them)
  --format FORMAT  for documents: json ({"findings": [...]}, with bead and clause numbers) or tsv (one finding a
                   line: clause, bead, check, severity, message, evidence); default json
  --out FILE       write there instead of standard output
  --glossary FILE  a glossary: TBX, or CSV/TSV/XLSX with English and Japanese columns (synonyms separated by ;)
  --style          also apply the JTF Style Guide rules (textlint) to the Japanese
  --all            with a project: every finding, dismissed and accepted ones included
Each finding has check (number, date, tense, omission, addition, entity, term, consistency, style), code and params,
category (MQM),
itsType, severity, message, evidence, and en / ja spans {start, end} in UTF-16 code units.
`;

interface PairLine {
  readonly id: unknown;
  readonly en: string;
  readonly ja: string;
}

/** Parses the JSON lines of --pairs; a bad line is a CliError naming its line number. */
export function parsePairLines(text: string, path: string): PairLine[] {
  const pairs: PairLine[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${path}, line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliError(`${where}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new CliError(`${where}: expected an object {"id", "en", "ja"}`);
    const record = value as Record<string, unknown>;
    if (!('id' in record)) throw new CliError(`${where}: "id" is missing`);
    if (typeof record.en !== 'string') throw new CliError(`${where}: "en" must be a string`);
    if (typeof record.ja !== 'string') throw new CliError(`${where}: "ja" must be a string`);
    pairs.push({ id: record.id, en: record.en, ja: record.ja });
  });
  return pairs;
}

/** The checks' resources with the glossary of --glossary, when given. */
async function checkResources(glossary: Glossary | undefined): Promise<CheckResources> {
  const resources = await loadCheckResources();
  return glossary ? { ...resources, glossary } : resources;
}

/** Reads --glossary, telling the user on standard error what was left out of it. */
async function glossaryOption(
  file: string | undefined,
  path: (value: string) => string,
  stderr: (text: string) => void,
): Promise<Glossary | undefined> {
  if (file === undefined) return undefined;
  try {
    const { glossary, skipped } = await readGlossaryFile(path(file));
    if (skipped.length > 0)
      stderr(
        `note: ${file}: ${skipped.length} entries skipped (${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''})\n`,
      );
    return glossary;
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(`--glossary: ${error.message}`);
    throw error;
  }
}

function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

function renderDocumentFindings(findings: readonly DocumentFinding[], format: string): string {
  if (format === 'tsv')
    return findings
      .map(
        (finding) =>
          `${finding.clause}\t${finding.bead}\t${finding.check}\t${finding.severity}\t${tsvField(finding.message)}\t${tsvField(finding.evidence)}\n`,
      )
      .join('');
  return `${JSON.stringify({ offsets: 'UTF-16 code units into the input text after decoding', findings }, null, 2)}\n`;
}

/**
 * The findings on a project as the reviewer left it: its alignment (not realigned), its check settings (with the
 * style rules on when asked) and its glossary (or the one given); without `all`, only the open suggestions, as the
 * app lists them (dismissed and accepted ones left out).
 */
async function checkProject(
  projectPath: string,
  options: { glossary: Glossary | undefined; style: boolean; all: boolean },
): Promise<DocumentFinding[]> {
  const project = await withWorkspace((workspace) => workspace.current(projectPath));
  const overrides = project.settings.checks;
  const settings = resolveCheckSettings(
    options.style ? { ...overrides, style: { ...overrides?.style, enabled: true } } : overrides,
  );
  const glossary = options.glossary ?? project.settings.glossary;
  const findings = await runDocumentChecks(
    project.alignment,
    await checkResources(glossary),
    settings,
  );
  return options.all
    ? findings
    : openSuggestions(findings, {
        alignment: project.alignment,
        annotations: project.annotations,
        dismissals: project.dismissals,
      });
}

/** `taiyaku check`: discrepancy checks over sentence pairs, an aligned document or a project. */
export const checkCommand: CliCommand = {
  summary: 'check a translation for number, date, tense, omission and name discrepancies',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        pairs: { type: 'string' },
        en: { type: 'string' },
        ja: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        glossary: { type: 'string' },
        style: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    const path = (value: string): string => resolve(io.cwd, value);
    const write = (output: string): void => {
      if (values.out) writeFileSync(path(values.out), output);
      else io.stdout(output);
    };
    if (positionals.length > 1) throw new CliError(`give one project file\n${usage}`, 2);
    if (positionals.length === 1) {
      if (values.pairs !== undefined || values.en || values.ja)
        throw new CliError('use a project, --pairs or --en/--ja, one of them', 2);
      const format = values.format;
      if (format !== 'json' && format !== 'tsv')
        throw new CliError('--format must be json or tsv', 2);
      const findings = await checkProject(resolve(io.cwd, positionals[0]!), {
        glossary: await glossaryOption(values.glossary, path, io.stderr),
        style: values.style,
        all: values.all,
      });
      write(renderDocumentFindings(findings, format));
      return 0;
    }
    if (values.all) throw new CliError('--all goes with a project file', 2);
    if (values.pairs !== undefined) {
      if (values.en || values.ja) throw new CliError('use either --pairs or --en/--ja', 2);
      let text: string;
      try {
        text = readFileSync(path(values.pairs), 'utf8');
      } catch {
        throw new CliError(`cannot read --pairs file: ${values.pairs}`);
      }
      const pairs = parsePairLines(text, values.pairs);
      const settings = resolveCheckSettings({ style: { enabled: values.style } });
      const resources = await checkResources(
        await glossaryOption(values.glossary, path, io.stderr),
      );
      // The file's own median length ratio is the expected one, as a document's is in document mode.
      const expectedRatio = medianLengthRatio(
        pairs,
        DEFAULT_CHECK_SETTINGS.omission.documentMinimumPairs,
      );
      const lines: string[] = [];
      for (const pair of pairs) {
        const findings: Finding[] = [
          ...checkPair(pair.en, pair.ja, resources, settings, expectedRatio),
          ...(await checkJapaneseStyle(pair.ja, settings.style)),
        ];
        lines.push(`${JSON.stringify({ id: pair.id, findings })}\n`);
      }
      write(lines.join(''));
      return 0;
    }
    if (!values.en || !values.ja)
      throw new CliError(`give --pairs FILE, or both --en and --ja\n${usage}`, 2);
    const format = values.format;
    if (format !== 'json' && format !== 'tsv')
      throw new CliError('--format must be json or tsv', 2);
    const english = await readTextFile(path(values.en), '--en', values.en);
    const japanese = await readTextFile(path(values.ja), '--ja', values.ja);
    checkLanguages(english, japanese, (message) => io.stderr(`warning: ${message}\n`));
    const alignmentResources = await loadAlignmentResources();
    const alignment = alignSegmentedDocument(
      segmentDocument(english, 'en'),
      segmentDocument(japanese, 'ja'),
      alignmentResources,
    );
    const findings = await runDocumentChecks(
      alignment,
      await checkResources(await glossaryOption(values.glossary, path, io.stderr)),
      resolveCheckSettings({ style: { enabled: values.style } }),
    );
    write(renderDocumentFindings(findings, format));
    return 0;
  },
};
