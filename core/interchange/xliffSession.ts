// From a read XLIFF document to a review session: the exact alignment Taiyaku exported, or one derived from units
// and segments for files from other tools, with the issues as annotations.
import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  Segment,
  SentenceBead,
  Side,
  TextSpan,
} from '../alignment/types';
import type { Annotation, AnnotationSelector } from '../review/annotation';
import { createSelector } from '../review/annotation';
import { isSubtypeOf } from '../project/annotation';
import type { MqmSubtype } from '../project/annotation';
import type { ReviewSession } from '../review/session';
import { checkSession } from '../review/session';
import { segmentDisplayText } from '../review/splitSentence';
import { InterchangeFormatError } from './xml';

import type { TaiyakuDocumentData, XliffDocument, XliffIssueSpan } from './xliffDocument';

/** What `sessionFromXliff` needs besides the document. */
export interface XliffImportOptions {
  /** Author of issues the file names none for. */
  readonly author: string;
  /** ISO 8601 timestamp for issues the file gives no times for (the core never reads the clock). */
  readonly importedAt: string;
}

function documentSide(
  lang: string,
  text: string,
  clauses: readonly Segment[],
  sentences: readonly Segment[],
): DocumentSide {
  return { lang, text, clauses, sentences };
}

/** The trimmed span of `[start, end)` in `text`, or null when it is blank. */
function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The alignment of a file Taiyaku did not write: each unit is a clause pair, each segment a sentence bead (1-1, or 1-0
 * / 0-1 when one side is blank), sentences being the segments' trimmed texts.
 */
function derivedAlignment(document: XliffDocument): DocumentAlignment {
  const clauses: Record<Side, Segment[]> = { source: [], target: [] };
  const sentences: Record<Side, Segment[]> = { source: [], target: [] };
  const clauseBeads: Bead[] = [];
  const sentenceBeads: SentenceBead[] = [];
  const texts: Record<Side, string> = { source: document.sourceText, target: document.targetText };
  for (const unit of document.units) {
    const unitSentences: Record<Side, number[]> = { source: [], target: [] };
    const beads: { source: number[]; target: number[] }[] = [];
    const clauseIndex: Record<Side, number> = {
      source: clauses.source.length,
      target: clauses.target.length,
    };
    for (const segment of unit.segments) {
      const bead = { source: [] as number[], target: [] as number[] };
      for (const side of ['source', 'target'] as const) {
        const start = side === 'source' ? segment.sourceStart : segment.targetStart;
        const span = trimmedSpan(texts[side], start, start + segment[side].length);
        if (!span) continue;
        bead[side].push(sentences[side].length);
        unitSentences[side].push(sentences[side].length);
        sentences[side].push({
          ...span,
          text: segmentDisplayText(texts[side], [span]),
          level: 'sentence',
          clauseIndex: clauseIndex[side],
        });
      }
      if (bead.source.length + bead.target.length > 0) beads.push(bead);
    }
    if (beads.length === 0) continue;
    const clauseBead: { source: number[]; target: number[] } = { source: [], target: [] };
    for (const side of ['source', 'target'] as const) {
      const indices = unitSentences[side];
      if (indices.length === 0) continue;
      const start = sentences[side][indices[0]!]!.start;
      const end = sentences[side][indices[indices.length - 1]!]!.end;
      clauseBead[side].push(clauses[side].length);
      clauses[side].push({
        start,
        end,
        text: segmentDisplayText(texts[side], [{ start, end }]),
        level: 'clause',
      });
    }
    clauseBeads.push({
      sourceIndices: clauseBead.source,
      targetIndices: clauseBead.target,
      confidence: unit.confirmed ? 1 : (unit.confidence ?? 1),
      ...(unit.confirmed ? { pinned: true } : {}),
    });
    for (const bead of beads) {
      sentenceBeads.push({
        sourceIndices: bead.source,
        targetIndices: bead.target,
        confidence: unit.confirmed ? 1 : (unit.confidence ?? 1),
        ...(unit.confirmed ? { pinned: true } : {}),
        clauseBead: clauseBeads.length - 1,
      });
    }
  }
  return {
    source: documentSide(
      document.sourceLang,
      document.sourceText,
      clauses.source,
      sentences.source,
    ),
    target: documentSide(
      document.targetLang,
      document.targetText,
      clauses.target,
      sentences.target,
    ),
    clauseBeads,
    sentenceBeads,
  };
}

/** The alignment Taiyaku exported: its clauses and clause beads, and each unit's sentences as one sentence bead. */
function restoredAlignment(document: XliffDocument, data: TaiyakuDocumentData): DocumentAlignment {
  const sentences: Record<Side, Segment[]> = { source: [], target: [] };
  const sentenceBeads: SentenceBead[] = document.units.map((unit) => {
    const indices: Record<Side, number[]> = { source: [], target: [] };
    for (const side of ['source', 'target'] as const) {
      for (const sentence of unit.sentences?.[side] ?? []) {
        indices[side].push(sentences[side].length);
        sentences[side].push(sentence);
      }
    }
    return {
      sourceIndices: indices.source,
      targetIndices: indices.target,
      confidence: unit.confidence ?? 1,
      ...(unit.confirmed ? { pinned: true } : {}),
      clauseBead: (unit.clause ?? 1) - 1,
    };
  });
  return {
    source: documentSide(
      document.sourceLang,
      document.sourceText,
      data.clauses.source,
      sentences.source,
    ),
    target: documentSide(
      document.targetLang,
      document.targetText,
      data.clauses.target,
      sentences.target,
    ),
    clauseBeads: data.clauseBeads,
    sentenceBeads,
  };
}

function selectorOf(side: Side, text: string, span: XliffIssueSpan): AnnotationSelector {
  const selector = createSelector(side, text, span.start, span.end);
  return {
    ...selector,
    ...(span.prefix !== undefined ? { prefix: span.prefix } : {}),
    ...(span.suffix !== undefined ? { suffix: span.suffix } : {}),
  };
}

/**
 * A review session from a read XLIFF document: the exact alignment and annotations when Taiyaku wrote the file, else
 * one clause pair per unit and one row per segment, with the ITS issues as annotations (mapped to MQM; an issue with no
 * marked span is anchored to its unit's target text, or source when the target is blank; one on a blank unit is
 * dropped). Throws `InterchangeFormatError` when the result would break the session invariants (e.g. damaged
 * Taiyaku data), listing the first problems.
 */
export function sessionFromXliff(
  document: XliffDocument,
  options: XliffImportOptions,
): ReviewSession {
  const alignment = document.taiyaku
    ? restoredAlignment(document, document.taiyaku)
    : derivedAlignment(document);
  const texts: Record<Side, string> = { source: document.sourceText, target: document.targetText };
  const unitsById = new Map(document.units.map((unit) => [unit.id, unit]));
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const issue of document.issues) {
    const selectors: AnnotationSelector[] = [];
    for (const side of ['source', 'target'] as const) {
      const span = issue[side];
      if (span) selectors.push(selectorOf(side, texts[side], span));
    }
    if (selectors.length === 0) {
      const unit = unitsById.get(issue.unitId);
      const fallback =
        unit &&
        (['target', 'source'] as const)
          .map((side) => {
            const start = side === 'source' ? unit.sourceStart : unit.targetStart;
            const span = trimmedSpan(texts[side], start, start + unit[side].length);
            return span && selectorOf(side, texts[side], { ...span, exact: '' });
          })
          .find((selector) => selector !== null);
      if (!fallback) continue;
      selectors.push(fallback);
    }
    let id = issue.id;
    for (let suffix = 2; ids.has(id); suffix += 1) id = `${issue.id}-${suffix}`;
    ids.add(id);
    annotations.push({
      id,
      selectors,
      category: issue.category,
      ...(issue.subtype !== undefined && isSubtypeOf(issue.category, issue.subtype)
        ? { subtype: issue.subtype as MqmSubtype }
        : {}),
      severity: issue.severity,
      comment: issue.comment,
      ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
      status: issue.status,
      author: issue.author ?? options.author,
      createdAt: issue.createdAt ?? options.importedAt,
      updatedAt: issue.updatedAt ?? issue.createdAt ?? options.importedAt,
      origin: issue.origin ?? { kind: 'reviewer' },
    });
  }
  const session: ReviewSession = { alignment, annotations, dismissals: [] };
  const problems = checkSession(session);
  if (problems.length > 0) {
    throw new InterchangeFormatError(
      `XLIFF file does not make a valid project: ${problems.slice(0, 3).join('; ')}`,
    );
  }
  return session;
}
