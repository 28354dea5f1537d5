import type { DocumentAlignment, DocumentSide, SentenceBead, Side } from '../alignment/types';
import type { Annotation, AnnotationSelector } from '../review/annotation';
import { beadsOfAnnotation } from '../review/anchoring';
import type { ItsIssueType, Severity } from '../review/mqm';
import { mqmCategory, mqmCategoryLabel, mqmDimension } from '../review/mqm';
import type { Scorecard } from '../review/scorecard';
import { buildScorecard } from '../review/scorecard';
import type { AnnotatedAlignment } from '../review/session';

/**
 * The one view of a project that every report and interchange export reads (HTML/PDF, DOCX, XLSX, CSV, JSON, XLIFF,
 * TMX), so they all agree on segment ids, row texts, which issue belongs to which row, and the scorecard. Pure: the
 * caller supplies the clock (`generatedAt`) and the version.
 *
 * Offsets are UTF-16 code units into the side's original text (as in core/alignment/types.ts).
 */

/** Which rows a report lists: every row, or only rows that carry an issue. */
export type ReportRowSelection = 'all' | 'flagged';

/** What the caller decides about a report. */
export interface ReportOptions {
  /** The project's display name. */
  readonly projectName: string;
  /** ISO 8601 timestamp written into the report as its creation time. */
  readonly generatedAt: string;
  /** Taiyaku's version, for `creationtoolversion` and the report footer. */
  readonly appVersion: string;
  /** Pass mark in MQM penalty points per 1,000 source words (the project's `settings.mqmThreshold`). */
  readonly mqmThreshold: number;
  /** Rows to list per clause; default `all`. Issues and the scorecard always cover the whole project. */
  readonly rows?: ReportRowSelection;
}

/** One side of a row: its text as the reviewer sees it, and where that text lies in the original. */
export interface ReportRowSide {
  /** The row's sentences in display form, joined with a space in English and without one in Japanese. */
  readonly text: string;
  /** 0-based indices into the side's sentence list; empty for an omission (target) or addition (source). */
  readonly sentenceIndices: readonly number[];
  /** UTF-16 offset of the row's first sentence in the original text; null when the side is empty. */
  readonly start: number | null;
  /** UTF-16 offset one past the row's last sentence in the original text; null when the side is empty. */
  readonly end: number | null;
}

/** One row (sentence bead) of a report. */
export interface ReportRow {
  /**
   * Stable id of the row for review tables and XLIFF units: `s` + the 1-based bead number, zero-padded to 4 digits
   * (`s0001`). Stable for a given alignment: re-exporting an unchanged project gives the same ids.
   */
  readonly segmentId: string;
  /** 0-based index into `alignment.sentenceBeads`. */
  readonly beadIndex: number;
  /** 1-based number of the clause pair (clause bead) the row lies in. */
  readonly clauseNumber: number;
  readonly source: ReportRowSide;
  readonly target: ReportRowSide;
  /** The aligner's confidence in [0, 1] (1 for a confirmed row). */
  readonly confidence: number;
  /** True when a reviewer confirmed the row. */
  readonly confirmed: boolean;
  /** Ids of the issues that touch this row, in the order of `ReportModel.issues`. */
  readonly issueIds: readonly string[];
}

/** One clause pair of a report with its rows. */
export interface ReportClause {
  /** 1-based clause pair number. */
  readonly number: number;
  /** The clause label as written (`1.`, `(2)`, `第3条`), from the English side, else the Japanese; absent if none. */
  readonly label?: string;
  /** The rows listed (all, or only the flagged ones, per `ReportOptions.rows`), in document order. */
  readonly rows: readonly ReportRow[];
  /** How many rows the clause has in all (listed or not). */
  readonly totalRows: number;
}

/** The quoted span of an issue on one side. */
export interface ReportQuote {
  /** The quoted text (W3C TextQuoteSelector `exact`). */
  readonly exact: string;
  /** UTF-16 offset into the side's original text, inclusive. */
  readonly start: number;
  /** UTF-16 offset into the side's original text, exclusive. */
  readonly end: number;
  /** Text right before the quote in the original (W3C TextQuoteSelector `prefix`), as the selector stored it. */
  readonly prefix: string;
  /** Text right after the quote in the original (W3C TextQuoteSelector `suffix`), as the selector stored it. */
  readonly suffix: string;
}

/** One issue as reports list it. */
export interface ReportIssue {
  readonly id: string;
  /** 1-based position in reading order (by first row, then creation). */
  readonly number: number;
  /** MQM category id, e.g. `accuracy/mistranslation`. */
  readonly category: string;
  /** Category path in English, e.g. `Accuracy › Mistranslation`. */
  readonly categoryPath: string;
  /** Top-level MQM dimension id, e.g. `accuracy`. */
  readonly dimension: string;
  /** The ITS 2.0 `locQualityIssueType` closest to the category. */
  readonly itsType: ItsIssueType;
  readonly subtype?: string;
  readonly severity: Severity;
  readonly status: Annotation['status'];
  readonly author: string;
  readonly origin: Annotation['origin'];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly comment: string;
  readonly suggestion?: string;
  readonly source?: ReportQuote;
  readonly target?: ReportQuote;
  /** Segment ids of the rows the issue touches (empty when its anchor was lost). */
  readonly segmentIds: readonly string[];
}

/** Everything a report shows. */
export interface ReportModel {
  readonly projectName: string;
  readonly generatedAt: string;
  readonly appVersion: string;
  /** BCP 47 tags of the two sides. */
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly scorecard: Scorecard;
  readonly clauses: readonly ReportClause[];
  /** Every issue of the project, in reading order. */
  readonly issues: readonly ReportIssue[];
  /** Number of rows in the whole project. */
  readonly totalRows: number;
  /**
   * The whole aligned document the model was built from (every row, whatever `rows` selected; shared, not copied):
   * the original texts that row and quote offsets index into (for highlighting exact spans), and the clause and
   * sentence offsets an export needs to restore the alignment (XLIFF).
   */
  readonly alignment: DocumentAlignment;
}

/** The zero-padded segment id of a 0-based bead index (`s0001` for 0). */
export function segmentIdOf(beadIndex: number): string {
  return `s${String(beadIndex + 1).padStart(4, '0')}`;
}

/** True when a BCP 47 tag is Japanese, Chinese or Korean: such text is joined without spaces. */
export function joinsWithoutSpaces(lang: string): boolean {
  return /^(ja|zh|ko)\b/i.test(lang);
}

function rowSide(side: DocumentSide, indices: readonly number[]): ReportRowSide {
  if (indices.length === 0) return { text: '', sentenceIndices: [], start: null, end: null };
  const sentences = indices.map((index) => side.sentences[index]!);
  return {
    text: sentences.map((sentence) => sentence.text).join(joinsWithoutSpaces(side.lang) ? '' : ' '),
    sentenceIndices: indices,
    start: sentences[0]!.start,
    end: sentences[sentences.length - 1]!.end,
  };
}

function quoteOf(selector: AnnotationSelector | undefined): ReportQuote | undefined {
  return (
    selector && {
      exact: selector.exact,
      start: selector.start,
      end: selector.end,
      prefix: selector.prefix,
      suffix: selector.suffix,
    }
  );
}

function categoryPath(categoryId: string): string {
  const dimension = mqmDimension(categoryId);
  if (dimension === categoryId) return mqmCategoryLabel(categoryId, 'en');
  return `${mqmCategoryLabel(dimension, 'en')} › ${mqmCategoryLabel(categoryId, 'en')}`;
}

function selectorOn(annotation: Annotation, side: Side): AnnotationSelector | undefined {
  return annotation.selectors.find((selector) => selector.side === side);
}

/**
 * Builds the report view of a session. Linear in rows plus annotations (each annotation's rows are found by binary
 * search), so a 10,000-row project with 1,000 issues builds in milliseconds.
 */
export function buildReportModel(session: AnnotatedAlignment, options: ReportOptions): ReportModel {
  const { alignment } = session;
  const beadsByAnnotation = session.annotations.map((annotation) =>
    beadsOfAnnotation(session, annotation),
  );
  // Reading order: by first row (issues with no row last), then creation order.
  const order = session.annotations
    .map((annotation, index) => ({ annotation, beads: beadsByAnnotation[index]!, index }))
    .sort(
      (left, right) =>
        (left.beads[0] ?? Number.MAX_SAFE_INTEGER) - (right.beads[0] ?? Number.MAX_SAFE_INTEGER) ||
        left.index - right.index,
    );
  const issueIdsByBead = new Map<number, string[]>();
  const issues: ReportIssue[] = order.map(({ annotation, beads }, position) => {
    for (const bead of beads) {
      const list = issueIdsByBead.get(bead) ?? [];
      list.push(annotation.id);
      issueIdsByBead.set(bead, list);
    }
    const source = quoteOf(selectorOn(annotation, 'source'));
    const target = quoteOf(selectorOn(annotation, 'target'));
    return {
      id: annotation.id,
      number: position + 1,
      category: annotation.category,
      categoryPath: categoryPath(annotation.category),
      dimension: mqmDimension(annotation.category),
      itsType: mqmCategory(annotation.category)?.itsType ?? 'other',
      ...(annotation.subtype !== undefined ? { subtype: annotation.subtype } : {}),
      severity: annotation.severity,
      status: annotation.status,
      author: annotation.author,
      origin: annotation.origin,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
      comment: annotation.comment,
      ...(annotation.suggestion !== undefined ? { suggestion: annotation.suggestion } : {}),
      ...(source ? { source } : {}),
      ...(target ? { target } : {}),
      segmentIds: beads.map(segmentIdOf),
    };
  });

  const selection = options.rows ?? 'all';
  const clauses: { number: number; label?: string; rows: ReportRow[]; totalRows: number }[] =
    alignment.clauseBeads.map((clauseBead, clauseIndex) => {
      const label =
        labelOf(alignment.source, clauseBead.sourceIndices) ??
        labelOf(alignment.target, clauseBead.targetIndices);
      return {
        number: clauseIndex + 1,
        ...(label !== undefined ? { label } : {}),
        rows: [],
        totalRows: 0,
      };
    });
  alignment.sentenceBeads.forEach((bead: SentenceBead, beadIndex) => {
    const clause = clauses[bead.clauseBead]!;
    clause.totalRows += 1;
    const issueIds = issueIdsByBead.get(beadIndex) ?? [];
    if (selection === 'flagged' && issueIds.length === 0) return;
    clause.rows.push({
      segmentId: segmentIdOf(beadIndex),
      beadIndex,
      clauseNumber: bead.clauseBead + 1,
      source: rowSide(alignment.source, bead.sourceIndices),
      target: rowSide(alignment.target, bead.targetIndices),
      confidence: bead.confidence,
      confirmed: bead.pinned === true,
      issueIds,
    });
  });

  return {
    projectName: options.projectName,
    generatedAt: options.generatedAt,
    appVersion: options.appVersion,
    sourceLang: alignment.source.lang,
    targetLang: alignment.target.lang,
    scorecard: buildScorecard(session, { threshold: options.mqmThreshold }),
    clauses,
    issues,
    totalRows: alignment.sentenceBeads.length,
    alignment,
  };
}

function labelOf(side: DocumentSide, clauseIndices: readonly number[]): string | undefined {
  return clauseIndices.length > 0 ? side.clauses[clauseIndices[0]!]!.label : undefined;
}

/**
 * Every row of the project in document order, whatever the model's row selection: the listed rows as they are, and
 * the rows a `flagged` selection left out (they carry no issue) built the same way. For exports of the whole alignment
 * (TMX, XLIFF).
 */
export function allReportRows(model: ReportModel): ReportRow[] {
  const listed = model.clauses.flatMap((clause) => clause.rows);
  if (listed.length === model.totalRows) return listed;
  const byBead = new Map(listed.map((row) => [row.beadIndex, row]));
  const { alignment } = model;
  return alignment.sentenceBeads.map(
    (bead, beadIndex) =>
      byBead.get(beadIndex) ?? {
        segmentId: segmentIdOf(beadIndex),
        beadIndex,
        clauseNumber: bead.clauseBead + 1,
        source: rowSide(alignment.source, bead.sourceIndices),
        target: rowSide(alignment.target, bead.targetIndices),
        confidence: bead.confidence,
        confirmed: bead.pinned === true,
        issueIds: [],
      },
  );
}
