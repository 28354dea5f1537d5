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

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
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
    children: labels.map((label, index) =>
      cell(
        [new Paragraph({ children: [new TextRun({ text: label[language], bold: true })] })],
        COLUMN_WIDTHS[index]!,
        true,
      ),
    ),
  });
}

/** The row's text on one side, with the issues' spans highlighted (yellow while open, grey once settled). */
function sideParagraph(row: ReportRow, which: 'source' | 'target', issues: readonly ReportIssue[]) {
  const runs = splitFlaggedText(row[which], which, issues).flatMap((piece) => {
    if (piece.issues.length === 0) return textRuns(piece.text);
    const open = piece.issues.some((issue) => issue.status === 'open');
    return textRuns(piece.text, {
      highlight: open ? 'yellow' : 'lightGray',
      underline: { type: 'single' },
    });
  });
  // The Japanese column's style sets the East Asian font hint on the whole paragraph, so the quotes and brackets
  // between Japanese words are set in the Japanese font too.
  return new Paragraph({
    ...(which === 'target' ? { style: JAPANESE_STYLE } : {}),
    children: runs,
  });
}

/** Paragraphs describing one issue: number, category path, severity, status; comment; suggestion. */
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

function bodyRow(
  model: ReportModel,
  row: ReportRow,
  issuesById: ReadonlyMap<string, ReportIssue>,
  language: ExportLanguage,
): TableRow {
  const issues = row.issueIds.flatMap((id) => issuesById.get(id) ?? []);
  return new TableRow({
    children: [
      cell([new Paragraph({ children: [new TextRun({ text: row.segmentId })] })], COLUMN_WIDTHS[0]),
      cell(
        [new Paragraph({ children: [new TextRun({ text: clauseLabel(model, row) })] })],
        COLUMN_WIDTHS[1],
      ),
      cell([sideParagraph(row, 'source', issues)], COLUMN_WIDTHS[2]),
      cell([sideParagraph(row, 'target', issues)], COLUMN_WIDTHS[3]),
      cell([], COLUMN_WIDTHS[4]),
      cell(
        issues.flatMap((issue) => issueParagraphs(issue, language)),
        COLUMN_WIDTHS[5],
      ),
    ],
  });
}

/**
 * Renders the review table of `model` as a DOCX file (the bytes to write). Lists the rows the model lists (all or the
 * flagged ones); issues whose text was lost from the document follow the table.
 */
export async function renderDocxReviewTable(
  model: ReportModel,
  options: DocxReviewTableOptions,
): Promise<Buffer> {
  const { language } = options;
  const issuesById = new Map(model.issues.map((issue) => [issue.id, issue]));
  const rows = model.clauses.flatMap((clause) => clause.rows);
  const title = `${EXPORT_LABELS.reviewTable[language]}: ${model.projectName}`;
  const orphans = model.issues.filter((issue) => issue.segmentIds.length === 0);

  const table = new Table({
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    columnWidths: [...COLUMN_WIDTHS],
    width: { size: COLUMN_WIDTHS.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    rows: [headerRow(language), ...rows.map((row) => bodyRow(model, row, issuesById, language))],
  });

  const document = new Document({
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
  return Packer.toBuffer(document);
}
