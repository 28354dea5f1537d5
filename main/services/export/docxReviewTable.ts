import { strFromU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import { escapeXmlText } from '../../../core/interchange/xml';
import type { ReportIssue, ReportModel, ReportRow } from '../../../core/report/reportModel';
import type { Severity } from '../../../core/review/mqm';
import type { ExportLanguage } from './exportLabels';
import {
  clauseLabel,
  EXPORT_LABELS,
  issueCategoryPath,
  scorecardLine,
  severityLabel,
  statusLabel,
} from './exportLabels';
import { ExportPacer, type RenderControl } from './exportPacer';
import { splitFlaggedText } from './flaggedSpans';

/**
 * The bilingual review table reviewers exchange with Word users, like memoQ's multi-column RTF table or OmegaT's review
 * document: landscape A4, a title and a one-line scorecard, then one table row per sentence bead with its stable
 * segment id, clause, source, target, an empty "revised target" column for the translator, and the row's issues.
 *
 * The text cells hold the texts and nothing else: flagged spans are highlighted and underlined (run formatting a
 * Word user cannot break by editing), never marked with tags or numbers. The header row repeats on every page.
 *
 * Fonts: Latin text in Calibri; East Asian text in Yu Gothic (Windows 8.1+ and Office for Mac have it), with the runs'
 * East Asian language set to ja-JP so that where Yu Gothic is missing, Word and LibreOffice substitute a Japanese font
 * (MS Mincho/MS Gothic on Windows, Hiragino on macOS, Noto Sans CJK JP through fontconfig on Linux) rather than a
 * Chinese one.
 */

/** What the caller decides about the table. */
export interface DocxReviewTableOptions {
  /** Language of the headings and labels (the texts are never translated). */
  readonly language: ExportLanguage;
}

const LATIN_FONT = 'Calibri';
const EAST_ASIAN_FONT = 'Yu Gothic';
const FONT = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: EAST_ASIAN_FONT };
/** The paragraph style of the Japanese column. */
const JAPANESE_STYLE = 'TaiyakuJapanese';
/** The part holding the document's body. */
const DOCUMENT_PART = 'word/document.xml';
/** 9 pt, in half-points. */
const TEXT_SIZE = 18;

// A4 portrait in twips (1/1440 inch); docx swaps width and height for a landscape section.
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 720;
/** Column widths in twips, summing to the landscape text width (16838 − 2 × 720). */
const COLUMN_WIDTHS = [900, 1000, 3650, 3650, 2800, 3398] as const;

const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  neutral: '595959',
  minor: '1F4E79',
  major: 'C55A11',
  critical: 'C00000',
};

function headerCell(label: string, width: number): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
    width: { size: width, type: WidthType.DXA },
    shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' },
  });
}

/** Runs for `text`, turning line breaks into Word breaks instead of characters Word would show as spaces. */
function textRuns(text: string, format: IRunOptions = {}): TextRun[] {
  return text
    .split('\n')
    .map(
      (line, index) => new TextRun({ ...format, text: line, ...(index > 0 ? { break: 1 } : {}) }),
    );
}

function headerRow(language: ExportLanguage): TableRow {
  const labels = [
    EXPORT_LABELS.segmentId,
    EXPORT_LABELS.clause,
    EXPORT_LABELS.source,
    EXPORT_LABELS.target,
    EXPORT_LABELS.revisedTarget,
    EXPORT_LABELS.comments,
  ];
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map((label, index) => headerCell(label[language], COLUMN_WIDTHS[index]!)),
  });
}

/** Paragraphs describing one issue after the table: number, category path, severity, status; comment; suggestion. */
function issueParagraphs(issue: ReportIssue, language: ExportLanguage): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      keepNext: true,
      children: [
        new TextRun({ text: `#${issue.number} `, bold: true }),
        new TextRun({ text: issueCategoryPath(issue, language), bold: true }),
        new TextRun({
          text: ` · ${severityLabel(issue, language)}`,
          bold: true,
          color: SEVERITY_COLOURS[issue.severity],
        }),
        new TextRun({ text: ` · ${statusLabel(issue, language)}` }),
      ],
    }),
  ];
  if (issue.comment !== '') paragraphs.push(new Paragraph({ children: textRuns(issue.comment) }));
  if (issue.suggestion !== undefined) {
    paragraphs.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${EXPORT_LABELS.suggestion[language]}: `, italics: true }),
          ...textRuns(issue.suggestion, { language: { eastAsia: 'ja-JP' } }),
        ],
      }),
    );
  }
  paragraphs.push(new Paragraph({ spacing: { after: 60 } }));
  return paragraphs;
}

// The table's body rows are written as WordprocessingML text, row by row, in the shapes `docx` writes (see
// `skeleton`); the rest of the document is `docx`'s.

/** Run properties, in the order the schema wants them (bold, italics, colour, highlight, underline, language). */
interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
  readonly highlight?: 'yellow' | 'lightGray';
  readonly underline?: boolean;
  readonly eastAsianJapanese?: boolean;
}

function runPropertiesXml(format: RunFormat): string {
  const properties = [
    format.bold ? '<w:b/><w:bCs/>' : '',
    format.italics ? '<w:i/><w:iCs/>' : '',
    format.color !== undefined ? `<w:color w:val="${format.color}"/>` : '',
    format.highlight !== undefined ? `<w:highlight w:val="${format.highlight}"/>` : '',
    format.underline ? '<w:u w:val="single"/>' : '',
    format.eastAsianJapanese ? '<w:lang w:eastAsia="ja-JP"/>' : '',
  ].join('');
  return properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
}

/** `text` escaped for a `<w:t>` as `docx` escapes it (quotes too), characters XML cannot carry replaced. */
function wordText(text: string): string {
  return escapeXmlText(text).replace(/["']/g, (quote) => (quote === '"' ? '&quot;' : '&apos;'));
}

/** Runs for `text`, a line break becoming a Word break (`<w:br/>`), never a character in the text. */
function runsXml(text: string, format: RunFormat = {}): string {
  const properties = runPropertiesXml(format);
  return text
    .split(/\r\n|\r|\n/)
    .map(
      (line, index) =>
        `<w:r>${properties}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${wordText(line)}</w:t></w:r>`,
    )
    .join('');
}

function paragraphXml(runs: string, properties = ''): string {
  const pPr = properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`;
  return pPr === '' && runs === '' ? '<w:p/>' : `<w:p>${pPr}${runs}</w:p>`;
}

function cellXml(paragraphs: string, width: number): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>${paragraphs === '' ? '<w:p/>' : paragraphs}</w:tc>`;
}

/** The row's text on one side, with the issues' spans highlighted (yellow while open, grey once settled). */
function sideXml(
  row: ReportRow,
  which: 'source' | 'target',
  issues: readonly ReportIssue[],
): string {
  const runs = splitFlaggedText(row[which], which, issues)
    .map((piece) => {
      if (piece.issues.length === 0) return runsXml(piece.text);
      const open = piece.issues.some((issue) => issue.status === 'open');
      return runsXml(piece.text, { highlight: open ? 'yellow' : 'lightGray', underline: true });
    })
    .join('');
  // The Japanese column's style sets the East Asian font hint on the whole paragraph, so the quotes and brackets
  // between Japanese words are set in the Japanese font too.
  return paragraphXml(runs, which === 'target' ? `<w:pStyle w:val="${JAPANESE_STYLE}"/>` : '');
}

/** The paragraphs of one issue in a row's last cell: as `issueParagraphs`. */
function issueXml(issue: ReportIssue, language: ExportLanguage): string {
  const paragraphs = [
    paragraphXml(
      runsXml(`#${issue.number} `, { bold: true }) +
        runsXml(issueCategoryPath(issue, language), { bold: true }) +
        runsXml(` · ${severityLabel(issue, language)}`, {
          bold: true,
          color: SEVERITY_COLOURS[issue.severity],
        }) +
        runsXml(` · ${statusLabel(issue, language)}`),
      '<w:keepNext/>',
    ),
  ];
  if (issue.comment !== '') paragraphs.push(paragraphXml(runsXml(issue.comment)));
  if (issue.suggestion !== undefined) {
    paragraphs.push(
      paragraphXml(
        runsXml(`${EXPORT_LABELS.suggestion[language]}: `, { italics: true }) +
          runsXml(issue.suggestion, { eastAsianJapanese: true }),
      ),
    );
  }
  paragraphs.push(paragraphXml('', '<w:spacing w:after="60"/>'));
  return paragraphs.join('');
}

function bodyRowXml(
  model: ReportModel,
  row: ReportRow,
  issuesById: ReadonlyMap<string, ReportIssue>,
  language: ExportLanguage,
): string {
  const issues = row.issueIds.flatMap((id) => issuesById.get(id) ?? []);
  return [
    '<w:tr>',
    cellXml(paragraphXml(runsXml(row.segmentId)), COLUMN_WIDTHS[0]),
    cellXml(paragraphXml(runsXml(clauseLabel(model, row))), COLUMN_WIDTHS[1]),
    cellXml(sideXml(row, 'source', issues), COLUMN_WIDTHS[2]),
    cellXml(sideXml(row, 'target', issues), COLUMN_WIDTHS[3]),
    cellXml('', COLUMN_WIDTHS[4]),
    cellXml(issues.map((issue) => issueXml(issue, language)).join(''), COLUMN_WIDTHS[5]),
    '</w:tr>',
  ].join('');
}

/**
 * The document with everything but the table's body rows, built with `docx`: styles, the landscape section and its
 * footer, title and scorecard, the table's properties and header row, and the issues that follow the table.
 */
function skeleton(model: ReportModel, language: ExportLanguage): Document {
  const title = `${EXPORT_LABELS.reviewTable[language]}: ${model.projectName}`;
  const orphans = model.issues.filter((issue) => issue.segmentIds.length === 0);

  const table = new Table({
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    columnWidths: [...COLUMN_WIDTHS],
    width: { size: COLUMN_WIDTHS.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    rows: [headerRow(language)],
  });

  return new Document({
    creator: `Taiyaku ${model.appVersion}`,
    lastModifiedBy: `Taiyaku ${model.appVersion}`,
    title,
    description: scorecardLine(model, 'en'),
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: TEXT_SIZE,
            language: { value: model.sourceLang, eastAsia: 'ja-JP' },
          },
        },
      },
      paragraphStyles: [
        {
          id: JAPANESE_STYLE,
          name: 'Japanese text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: { ...FONT, hint: 'eastAsia' }, language: { eastAsia: 'ja-JP' } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `Taiyaku ${model.appVersion} · ${model.generatedAt} · `,
                    size: 14,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 14 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          new Paragraph({ children: [new TextRun({ text: scorecardLine(model, language) })] }),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({
                text: `${EXPORT_LABELS.generated[language]}: ${model.generatedAt} · ${model.sourceLang} → ${model.targetLang}`,
                color: '595959',
              }),
            ],
          }),
          table,
          ...(orphans.length > 0
            ? [
                new Paragraph({
                  heading: HeadingLevel.HEADING_2,
                  children: [new TextRun(EXPORT_LABELS.issuesWithoutRow[language])],
                }),
                ...orphans.flatMap((issue) => issueParagraphs(issue, language)),
              ]
            : []),
        ],
      },
    ],
  });
}

/** Body rows between two pauses of the streamed document part. */
const ROWS_PER_CHUNK = 100;

/**
 * Renders the review table of `model` as a DOCX file (the bytes to write). Lists the rows the model lists (all or the
 * flagged ones); issues whose text was lost from the document follow the table.
 *
 * Memory stays proportional to the compressed file, not to the document tree: `docx` builds a small skeleton (see
 * `skeleton`), and the body rows are written as XML text a hundred at a time straight into the deflate stream of
 * `word/document.xml`, just before the skeleton's `</w:tbl>`. `control` sees progress per row and can stop the export
 * between rows.
 */
export async function renderDocxReviewTable(
  model: ReportModel,
  options: DocxReviewTableOptions,
  control: RenderControl = {},
): Promise<Buffer> {
  const { language } = options;
  const pacer = new ExportPacer(control);
  pacer.check();
  const parts = unzipSync(await Packer.toBuffer(skeleton(model, language)));
  const documentXml = strFromU8(parts[DOCUMENT_PART] ?? new Uint8Array());
  const tableEnd = documentXml.indexOf('</w:tbl>');
  if (tableEnd < 0) throw new Error('The DOCX skeleton has no table.');

  const issuesById = new Map(model.issues.map((issue) => [issue.id, issue]));
  const rows = model.clauses.flatMap((clause) => clause.rows);
  const mtime = new Date(model.generatedAt);
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else output.push(chunk);
    if (final) finished = true;
  });
  const addFile = (path: string): ZipDeflate => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  try {
    for (const [path, bytes] of Object.entries(parts)) {
      if (path !== DOCUMENT_PART) {
        addFile(path).push(bytes, true);
        continue;
      }
      const file = addFile(path);
      file.push(Buffer.from(documentXml.slice(0, tableEnd), 'utf8'));
      for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
        const chunk = rows
          .slice(start, start + ROWS_PER_CHUNK)
          .map((row) => bodyRowXml(model, row, issuesById, language))
          .join('');
        file.push(Buffer.from(chunk, 'utf8'));
        await pacer.step(Math.min(rows.length, start + ROWS_PER_CHUNK), rows.length);
      }
      file.push(Buffer.from(documentXml.slice(tableEnd), 'utf8'), true);
    }
    zip.end();
  } catch (error) {
    zip.terminate();
    throw error;
  }
  if (failure) throw failure;
  if (!finished) throw new Error('The DOCX package was not completed.');
  pacer.finish();
  return Buffer.concat(output);
}
